//! The CBOR decoder (`awsop_runtime::codec::cbor`), on arbitrary bytes.
//!
//! Input layout: one byte, the decoder's depth limit (0 to 255); the rest is
//! read as a sequence of CBOR items until the first error. Checked, for each
//! item: reading it with the typed API (peek, read, containers) never panics;
//! whatever reads also skips with `skip_value`, to the same position, and
//! whatever skips also reads unless its text is not UTF-8; what was read,
//! written back with the `Encoder`, reads again and writes back to the same
//! bytes; every error's offset is inside the input.
#![no_main]

use awsop_runtime::codec::cbor::{CborError, CborErrorKind, Decoder, Encoder, Type};
use libfuzzer_sys::fuzz_target;

/// Reads one item and writes it to `out` in preferred form (definite
/// lengths, floats as doubles). Recursion is bounded by the decoder's depth
/// limit; tags are read in a loop, not recursively.
fn walk(d: &mut Decoder<'_>, out: &mut Encoder) -> Result<(), CborError> {
    while d.peek_type()? == Type::Tag {
        out.tag(d.read_tag()?);
    }
    let before = d.position();
    match d.peek_type()? {
        ty @ (Type::UnsignedInt | Type::NegativeInt) => {
            let mut as_i64 = d.clone();
            let value = d.read_integer()?;
            match as_i64.read_int() {
                Ok(v) => assert_eq!(i128::from(v), value),
                Err(e) => {
                    assert_eq!(e.kind(), CborErrorKind::IntegerOverflow);
                    assert!(i64::try_from(value).is_err());
                }
            }
            if ty == Type::UnsignedInt {
                out.uint(value as u64);
            } else {
                out.negative((-1 - value) as u64);
            }
        }
        Type::Bytes => {
            out.bytes(&d.read_bytes()?);
        }
        Type::Text => {
            out.text(&d.read_text()?);
        }
        Type::Array => {
            let mut list = d.begin_array()?;
            let declared = list.remaining();
            let mut items = Encoder::new();
            let mut n = 0;
            while list.has_next(d)? {
                walk(d, &mut items)?;
                n += 1;
            }
            assert!(declared.map_or(true, |len| len == n as u64));
            out.array(n).raw(items.as_bytes());
        }
        Type::Map => {
            let mut map = d.begin_map()?;
            let mut entries = Encoder::new();
            let mut n = 0;
            while map.has_next(d)? {
                walk(d, &mut entries)?;
                walk(d, &mut entries)?;
                n += 1;
            }
            out.map(n).raw(entries.as_bytes());
        }
        Type::Bool => {
            out.bool(d.read_bool()?);
        }
        Type::Null => {
            d.read_null()?;
            out.null();
        }
        Type::Undefined => {
            d.read_undefined()?;
            out.undefined();
        }
        Type::Float => {
            out.f64(d.read_f64()?);
        }
        Type::Simple => match d.read_simple()? {
            small @ 0..=23 => {
                out.raw(&[0xe0 | small]);
            }
            large => {
                out.raw(&[0xf8, large]);
            }
        },
        Type::Break => {
            return Err(d.skip_value().expect_err("a break is no item"));
        }
        _ => d.skip_value()?,
    }
    assert!(d.position() > before, "a read item moves the position");
    Ok(())
}

fn check_error(err: &CborError, len: usize) {
    assert!(err.offset() <= len, "{err} beyond {len} bytes");
    assert!(!err.to_string().is_empty());
}

fuzz_target!(|data: &[u8]| {
    let Some((&max_depth, input)) = data.split_first() else {
        return;
    };
    let max_depth = usize::from(max_depth);
    let mut reader = Decoder::new(input).with_max_depth(max_depth);
    while !reader.is_at_end() {
        let start = reader.position();
        let mut skipper = reader.clone();
        let mut written = Encoder::new();
        let read = walk(&mut reader, &mut written);
        let skipped = skipper.skip_value();
        match (&read, &skipped) {
            (Ok(()), Ok(())) => {
                assert_eq!(reader.position(), skipper.position());
                assert_eq!(reader.depth(), 0, "every container entered was left");
            }
            (Ok(()), Err(e)) => panic!("read at {start} but did not skip: {e}"),
            (Err(e), Ok(())) => assert_eq!(e.kind(), CborErrorKind::InvalidUtf8, "{e}"),
            (Err(_), Err(_)) => assert_eq!(skipper.position(), start),
        }
        if let Err(e) = &skipped {
            check_error(e, input.len());
        }
        if let Err(e) = read {
            check_error(&e, input.len());
            break;
        }
        // What was read writes back to bytes that read to the same bytes.
        let written = written.into_vec();
        let mut again = Decoder::new(&written).with_max_depth(max_depth);
        let mut rewritten = Encoder::new();
        walk(&mut again, &mut rewritten).expect("written CBOR reads back");
        again.finish().expect("one item written, one read");
        assert_eq!(rewritten.as_bytes(), &written[..]);
    }
});
