//! RFC 8949 Appendix A, hostile input, and round-trip properties.

use super::*;
use proptest::prelude::*;
use std::borrow::Cow;

/// A float compared by bits (so -0.0 differs from 0.0), any NaN equal to any NaN.
#[derive(Clone, Copy)]
struct F64(f64);

impl PartialEq for F64 {
    fn eq(&self, other: &Self) -> bool {
        (self.0.is_nan() && other.0.is_nan()) || self.0.to_bits() == other.0.to_bits()
    }
}

impl std::fmt::Debug for F64 {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:?}", self.0)
    }
}

/// A CBOR data item, as the tests see it.
#[derive(Debug, Clone, PartialEq)]
enum V {
    U(u64),
    /// The negative integer -1 - n.
    N(u64),
    Bytes(Vec<u8>),
    Text(String),
    Array(Vec<V>),
    Map(Vec<(V, V)>),
    Tag(u64, Box<V>),
    Bool(bool),
    Null,
    Undefined,
    Simple(u8),
    F(F64),
}

/// Reads one item through the typed API, the way a shape reader would.
fn decode(d: &mut Decoder<'_>) -> Result<V, CborError> {
    Ok(match d.peek_type()? {
        Type::UnsignedInt => V::U(d.read_uint()?),
        Type::NegativeInt => V::N((-1 - d.read_integer()?) as u64),
        Type::Bytes => V::Bytes(d.read_bytes()?.into_owned()),
        Type::Text => V::Text(d.read_text()?.into_owned()),
        Type::Array => {
            let mut list = d.begin_array()?;
            let mut items = Vec::new();
            while list.has_next(d)? {
                items.push(decode(d)?);
            }
            V::Array(items)
        }
        Type::Map => {
            let mut map = d.begin_map()?;
            let mut entries = Vec::new();
            while map.has_next(d)? {
                let key = decode(d)?;
                entries.push((key, decode(d)?));
            }
            V::Map(entries)
        }
        Type::Tag => {
            let tag = d.read_tag()?;
            V::Tag(tag, Box::new(decode(d)?))
        }
        Type::Bool => V::Bool(d.read_bool()?),
        Type::Null => {
            d.read_null()?;
            V::Null
        }
        Type::Undefined => {
            d.read_undefined()?;
            V::Undefined
        }
        Type::Float => V::F(F64(d.read_f64()?)),
        Type::Simple => V::Simple(d.read_simple()?),
        Type::Break => {
            let err = d.skip_value().expect_err("a break is not an item");
            return Err(err);
        }
    })
}

fn decode_all(input: &[u8]) -> Result<V, CborError> {
    let mut d = Decoder::new(input);
    let value = decode(&mut d)?;
    d.finish()?;
    assert_eq!(d.depth(), 0, "every container left");
    Ok(value)
}

fn skip_all(input: &[u8]) -> Result<(), CborError> {
    let mut d = Decoder::new(input);
    d.skip_value()?;
    d.finish()
}

/// Writes `v` in preferred serialization (definite lengths); floats as f64.
fn encode(v: &V, e: &mut Encoder) {
    match v {
        V::U(n) => {
            e.uint(*n);
        }
        V::N(n) => {
            e.negative(*n);
        }
        V::Bytes(b) => {
            e.bytes(b);
        }
        V::Text(t) => {
            e.text(t);
        }
        V::Array(items) => {
            e.array(items.len());
            items.iter().for_each(|item| encode(item, e));
        }
        V::Map(entries) => {
            e.map(entries.len());
            for (key, value) in entries {
                encode(key, e);
                encode(value, e);
            }
        }
        V::Tag(tag, item) => {
            e.tag(*tag);
            encode(item, e);
        }
        V::Bool(b) => {
            e.bool(*b);
        }
        V::Null => {
            e.null();
        }
        V::Undefined => {
            e.undefined();
        }
        V::Simple(s) if *s < 24 => {
            e.raw(&[0xe0 | s]);
        }
        V::Simple(s) => {
            e.raw(&[0xf8, *s]);
        }
        V::F(f) => {
            e.f64(f.0);
        }
    }
}

/// Writes `v` with indefinite lengths everywhere, strings in chunks of up
/// to `chunk` bytes (text split at character boundaries), empty chunks too.
fn encode_indefinite(v: &V, e: &mut Encoder, chunk: usize) {
    match v {
        V::Bytes(b) => {
            e.begin_indefinite_bytes().bytes(&[]);
            for part in b.chunks(chunk.max(1)) {
                e.bytes(part);
            }
            e.end();
        }
        V::Text(t) => {
            e.begin_indefinite_text();
            let mut rest = t.as_str();
            while !rest.is_empty() {
                let mut at = chunk.clamp(1, rest.len());
                while !rest.is_char_boundary(at) {
                    at += 1;
                }
                e.text(&rest[..at]);
                rest = &rest[at..];
            }
            e.text("").end();
        }
        V::Array(items) => {
            e.begin_indefinite_array();
            items
                .iter()
                .for_each(|item| encode_indefinite(item, e, chunk));
            e.end();
        }
        V::Map(entries) => {
            e.begin_indefinite_map();
            for (key, value) in entries {
                encode_indefinite(key, e, chunk);
                encode_indefinite(value, e, chunk);
            }
            e.end();
        }
        V::Tag(tag, item) => {
            e.tag(*tag);
            encode_indefinite(item, e, chunk);
        }
        other => encode(other, e),
    }
}

fn to_bytes(v: &V) -> Vec<u8> {
    let mut e = Encoder::new();
    encode(v, &mut e);
    e.into_vec()
}

fn hex(s: &str) -> Vec<u8> {
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap())
        .collect()
}

fn u(n: u64) -> V {
    V::U(n)
}
/// The negative integer `value`.
fn neg(value: i128) -> V {
    V::N((-1 - value) as u64)
}
fn t(s: &str) -> V {
    V::Text(s.to_owned())
}
fn b(bytes: &[u8]) -> V {
    V::Bytes(bytes.to_vec())
}
fn f(x: f64) -> V {
    V::F(F64(x))
}
fn arr(items: Vec<V>) -> V {
    V::Array(items)
}
fn map(entries: Vec<(V, V)>) -> V {
    V::Map(entries)
}
fn tag(n: u64, v: V) -> V {
    V::Tag(n, Box::new(v))
}
fn one_to_25() -> V {
    arr((1..=25).map(u).collect())
}
fn one_23_45() -> V {
    arr(vec![u(1), arr(vec![u(2), u(3)]), arr(vec![u(4), u(5)])])
}

/// How the encoder reproduces an Appendix A row.
#[derive(Clone, Copy, PartialEq)]
enum Form {
    /// `encode` writes exactly these bytes.
    Preferred,
    /// Exactly these bytes with `Encoder::f32`.
    Single,
    /// Decoded only: half-precision floats, indefinite lengths.
    DecodeOnly,
}
use Form::*;

/// Every example of RFC 8949 Appendix A (Table 6).
fn appendix_a() -> Vec<(&'static str, V, Form)> {
    let inf = f64::INFINITY;
    vec![
        ("00", u(0), Preferred),
        ("01", u(1), Preferred),
        ("0a", u(10), Preferred),
        ("17", u(23), Preferred),
        ("1818", u(24), Preferred),
        ("1819", u(25), Preferred),
        ("1864", u(100), Preferred),
        ("1903e8", u(1000), Preferred),
        ("1a000f4240", u(1_000_000), Preferred),
        ("1b000000e8d4a51000", u(1_000_000_000_000), Preferred),
        ("1bffffffffffffffff", u(u64::MAX), Preferred),
        (
            "c249010000000000000000",
            tag(2, b(&hex("010000000000000000"))),
            Preferred,
        ),
        (
            "3bffffffffffffffff",
            neg(-18_446_744_073_709_551_616),
            Preferred,
        ),
        (
            "c349010000000000000000",
            tag(3, b(&hex("010000000000000000"))),
            Preferred,
        ),
        ("20", neg(-1), Preferred),
        ("29", neg(-10), Preferred),
        ("3863", neg(-100), Preferred),
        ("3903e7", neg(-1000), Preferred),
        ("f90000", f(0.0), DecodeOnly),
        ("f98000", f(-0.0), DecodeOnly),
        ("f93c00", f(1.0), DecodeOnly),
        ("fb3ff199999999999a", f(1.1), Preferred),
        ("f93e00", f(1.5), DecodeOnly),
        ("f97bff", f(65504.0), DecodeOnly),
        ("fa47c35000", f(100000.0), Single),
        ("fa7f7fffff", f(3.4028234663852886e+38), Single),
        ("fb7e37e43c8800759c", f(1.0e+300), Preferred),
        ("f90001", f(5.960464477539063e-8), DecodeOnly),
        ("f90400", f(0.00006103515625), DecodeOnly),
        ("f9c400", f(-4.0), DecodeOnly),
        ("fbc010666666666666", f(-4.1), Preferred),
        ("f97c00", f(inf), DecodeOnly),
        ("f97e00", f(f64::NAN), DecodeOnly),
        ("f9fc00", f(-inf), DecodeOnly),
        ("fa7f800000", f(inf), Single),
        ("fa7fc00000", f(f64::NAN), Single),
        ("faff800000", f(-inf), Single),
        ("fb7ff0000000000000", f(inf), Preferred),
        ("fb7ff8000000000000", f(f64::NAN), Preferred),
        ("fbfff0000000000000", f(-inf), Preferred),
        ("f4", V::Bool(false), Preferred),
        ("f5", V::Bool(true), Preferred),
        ("f6", V::Null, Preferred),
        ("f7", V::Undefined, Preferred),
        ("f0", V::Simple(16), Preferred),
        ("f8ff", V::Simple(255), Preferred),
        (
            "c074323031332d30332d32315432303a30343a30305a",
            tag(0, t("2013-03-21T20:04:00Z")),
            Preferred,
        ),
        ("c11a514b67b0", tag(1, u(1_363_896_240)), Preferred),
        (
            "c1fb41d452d9ec200000",
            tag(1, f(1_363_896_240.5)),
            Preferred,
        ),
        ("d74401020304", tag(23, b(&[1, 2, 3, 4])), Preferred),
        (
            "d818456449455446",
            tag(24, b(&hex("6449455446"))),
            Preferred,
        ),
        (
            "d82076687474703a2f2f7777772e6578616d706c652e636f6d",
            tag(32, t("http://www.example.com")),
            Preferred,
        ),
        ("40", b(&[]), Preferred),
        ("4401020304", b(&[1, 2, 3, 4]), Preferred),
        ("60", t(""), Preferred),
        ("6161", t("a"), Preferred),
        ("6449455446", t("IETF"), Preferred),
        ("62225c", t("\"\\"), Preferred),
        ("62c3bc", t("\u{fc}"), Preferred),
        ("63e6b0b4", t("\u{6c34}"), Preferred),
        ("64f0908591", t("\u{10151}"), Preferred),
        ("80", arr(vec![]), Preferred),
        ("83010203", arr(vec![u(1), u(2), u(3)]), Preferred),
        ("8301820203820405", one_23_45(), Preferred),
        (
            "98190102030405060708090a0b0c0d0e0f101112131415161718181819",
            one_to_25(),
            Preferred,
        ),
        ("a0", map(vec![]), Preferred),
        (
            "a201020304",
            map(vec![(u(1), u(2)), (u(3), u(4))]),
            Preferred,
        ),
        (
            "a26161016162820203",
            map(vec![(t("a"), u(1)), (t("b"), arr(vec![u(2), u(3)]))]),
            Preferred,
        ),
        (
            "826161a161626163",
            arr(vec![t("a"), map(vec![(t("b"), t("c"))])]),
            Preferred,
        ),
        (
            "a56161614161626142616361436164614461656145",
            map(["a", "b", "c", "d", "e"]
                .iter()
                .map(|k| (t(k), t(&k.to_uppercase())))
                .collect()),
            Preferred,
        ),
        ("5f42010243030405ff", b(&[1, 2, 3, 4, 5]), DecodeOnly),
        ("7f657374726561646d696e67ff", t("streaming"), DecodeOnly),
        ("9fff", arr(vec![]), DecodeOnly),
        ("9f018202039f0405ffff", one_23_45(), DecodeOnly),
        ("9f01820203820405ff", one_23_45(), DecodeOnly),
        ("83018202039f0405ff", one_23_45(), DecodeOnly),
        ("83019f0203ff820405", one_23_45(), DecodeOnly),
        (
            "9f0102030405060708090a0b0c0d0e0f101112131415161718181819ff",
            one_to_25(),
            DecodeOnly,
        ),
        (
            "bf61610161629f0203ffff",
            map(vec![(t("a"), u(1)), (t("b"), arr(vec![u(2), u(3)]))]),
            DecodeOnly,
        ),
        (
            "826161bf61626163ff",
            arr(vec![t("a"), map(vec![(t("b"), t("c"))])]),
            DecodeOnly,
        ),
        (
            "bf6346756ef563416d7421ff",
            map(vec![(t("Fun"), V::Bool(true)), (t("Amt"), neg(-2))]),
            DecodeOnly,
        ),
    ]
}

#[test]
fn appendix_a_decodes() {
    for (input, expected, _) in appendix_a() {
        let bytes = hex(input);
        assert_eq!(decode_all(&bytes), Ok(expected), "{input}");
        skip_all(&bytes).unwrap_or_else(|e| panic!("{input}: skip: {e}"));
    }
}

#[test]
fn appendix_a_encodes() {
    for (input, value, form) in appendix_a() {
        let written = match (form, &value) {
            (Preferred, _) => to_bytes(&value),
            (Single, V::F(x)) => {
                let mut e = Encoder::new();
                e.f32(x.0 as f32);
                e.into_vec()
            }
            _ => continue,
        };
        assert_eq!(written, hex(input), "{input}");
    }
}

#[test]
fn appendix_a_every_truncation_is_an_error() {
    for (input, _, _) in appendix_a() {
        let bytes = hex(input);
        for cut in 0..bytes.len() {
            let prefix = &bytes[..cut];
            assert!(decode_all(prefix).is_err(), "{input} cut at {cut}");
            assert!(skip_all(prefix).is_err(), "{input} cut at {cut} (skip)");
        }
    }
}

#[test]
fn integers_at_the_edges_of_i64_and_u64() {
    let read_int = |s: &str| Decoder::new(&hex(s)).read_int().map_err(|e| e.kind());
    assert_eq!(read_int("1b7fffffffffffffff"), Ok(i64::MAX));
    assert_eq!(read_int("3b7fffffffffffffff"), Ok(i64::MIN));
    assert_eq!(
        read_int("1b8000000000000000"),
        Err(CborErrorKind::IntegerOverflow)
    );
    assert_eq!(
        read_int("3b8000000000000000"),
        Err(CborErrorKind::IntegerOverflow)
    );
    assert_eq!(
        read_int("1bffffffffffffffff"),
        Err(CborErrorKind::IntegerOverflow)
    );
    assert_eq!(
        read_int("3bffffffffffffffff"),
        Err(CborErrorKind::IntegerOverflow)
    );
    assert_eq!(
        Decoder::new(&hex("1bffffffffffffffff")).read_uint(),
        Ok(u64::MAX)
    );
    assert_eq!(
        Decoder::new(&hex("3bffffffffffffffff")).read_integer(),
        Ok(-(1i128 << 64))
    );
    // A negative integer is not an unsigned one.
    let err = Decoder::new(&hex("20")).read_uint().unwrap_err();
    assert_eq!(
        err.kind(),
        CborErrorKind::UnexpectedType {
            expected: "unsigned integer",
            found: Type::NegativeInt
        }
    );
    for (value, encoded) in [
        (i64::MIN, "3b7fffffffffffffff"),
        (i64::MAX, "1b7fffffffffffffff"),
        (-24, "37"),
        (-25, "3818"),
        (-256, "38ff"),
        (-257, "390100"),
        (-65537, "3a00010000"),
        (-4294967297, "3b0000000100000000"),
    ] {
        assert_eq!(
            Encoder::new().int(value).as_bytes(),
            hex(encoded),
            "{value}"
        );
        assert_eq!(read_int(encoded), Ok(value));
    }
    for (value, encoded) in [
        (23u64, "17"),
        (255, "18ff"),
        (256, "190100"),
        (65535, "19ffff"),
        (65536, "1a00010000"),
        (4294967295, "1affffffff"),
        (4294967296, "1b0000000100000000"),
    ] {
        assert_eq!(
            Encoder::new().uint(value).as_bytes(),
            hex(encoded),
            "{value}"
        );
    }
}

#[test]
fn integers_and_lengths_in_longer_forms_than_needed() {
    for input in ["1801", "190001", "1a00000001", "1b0000000000000001"] {
        assert_eq!(Decoder::new(&hex(input)).read_uint(), Ok(1), "{input}");
    }
    for input in ["3800", "390000", "3a00000000", "3b0000000000000000"] {
        assert_eq!(Decoder::new(&hex(input)).read_int(), Ok(-1), "{input}");
    }
    assert_eq!(decode_all(&hex("780161")), Ok(t("a")));
    assert_eq!(decode_all(&hex("5a0000000101")), Ok(b(&[1])));
    assert_eq!(
        decode_all(&hex("9b000000000000000101")),
        Ok(arr(vec![u(1)]))
    );
    assert_eq!(
        decode_all(&hex("b9000101f6")),
        Ok(map(vec![(u(1), V::Null)]))
    );
    assert_eq!(decode_all(&hex("d9000100")), Ok(tag(1, u(0))));
}

/// (-1)^sign * 2^(exp - 15) * (1 + mantissa / 1024), by a different road
/// than Appendix D's.
fn reference_half(half: u16) -> f64 {
    let sign = if half & 0x8000 != 0 { -1.0 } else { 1.0 };
    let exp = i32::from((half >> 10) & 0x1f);
    let mantissa = f64::from(half & 0x3ff);
    sign * match exp {
        0 => mantissa / 1024.0 * 2f64.powi(-14),
        31 if mantissa == 0.0 => f64::INFINITY,
        31 => f64::NAN,
        _ => (1.0 + mantissa / 1024.0) * 2f64.powi(exp - 15),
    }
}

#[test]
fn every_half_precision_float() {
    for half in 0..=u16::MAX {
        let [hi, lo] = half.to_be_bytes();
        let value = Decoder::new(&[0xf9, hi, lo]).read_f64().unwrap();
        let expected = reference_half(half);
        assert_eq!(F64(value), F64(expected), "half {half:#06x}");
        if value.is_nan() {
            assert_eq!(value.is_sign_negative(), half & 0x8000 != 0);
        } else {
            // Every half is exactly a single (and so a double).
            assert_eq!(value as f32 as f64, value);
        }
    }
}

#[test]
fn appendix_a_half_values_in_every_width() {
    for (half, value) in [
        ("f90000", 0.0),
        ("f98000", -0.0),
        ("f93c00", 1.0),
        ("f93e00", 1.5),
        ("f97bff", 65504.0),
        ("f90001", 5.960464477539063e-8),
        ("f90400", 0.00006103515625),
        ("f9c400", -4.0),
        ("f97c00", f64::INFINITY),
        ("f97e00", f64::NAN),
        ("f9fc00", f64::NEG_INFINITY),
    ] {
        let mut single = Encoder::new();
        single.f32(value as f32);
        let mut double = Encoder::new();
        double.f64(value);
        for bytes in [hex(half), single.into_vec(), double.into_vec()] {
            let read = Decoder::new(&bytes).read_f64().unwrap();
            assert_eq!(F64(read), F64(value), "{half} as {bytes:02x?}");
        }
    }
}

#[test]
fn floats_of_every_width_with_nan_and_infinities() {
    let read = |bytes: &[u8]| Decoder::new(bytes).read_f64().unwrap();
    // The smithy-rpc-v2-cbor Float16 cases: +Inf, -Inf, NaNs, a subnormal.
    assert_eq!(read(&hex("f97c00")), f64::INFINITY);
    assert_eq!(read(&hex("f9fc00")), f64::NEG_INFINITY);
    assert!(read(&hex("f97c01")).is_nan());
    assert!(read(&hex("f97e00")).is_nan());
    assert!(read(&hex("f9fe00")).is_nan());
    assert_eq!(read(&hex("f90050")), 80.0 * 2f64.powi(-24));
    assert_eq!(read(&hex("f93e00")), 1.5);
    assert_eq!(read(&hex("fa3fc00000")), 1.5);
    assert_eq!(read(&hex("fb3ff8000000000000")), 1.5);
    assert_eq!(read(&hex("fa00000001")), f64::from(f32::from_bits(1)));
    assert!(read(&hex("fa7fc00001")).is_nan());
    assert!(read(&hex("fb7ff0000000000001")).is_nan());
    let mut e = Encoder::new();
    e.f64(f64::NAN).f32(f32::NEG_INFINITY).f64(-0.0);
    let mut d = Decoder::new(e.as_bytes());
    assert!(d.read_f64().unwrap().is_nan());
    assert_eq!(d.read_f64().unwrap(), f64::NEG_INFINITY);
    assert!(d.read_f64().unwrap().is_sign_negative());
    // An integer is not a float.
    assert!(Decoder::new(&[0x01]).read_f64().is_err());
}

#[test]
fn text_is_borrowed_when_definite_and_owned_when_chunked() {
    let definite = hex("6449455446");
    assert!(matches!(
        Decoder::new(&definite).read_text(),
        Ok(Cow::Borrowed("IETF"))
    ));
    let chunked = hex("7f657374726561646d696e67ff");
    assert!(matches!(
        Decoder::new(&chunked).read_text(),
        Ok(Cow::Owned(s)) if s == "streaming"
    ));
    assert!(matches!(
        Decoder::new(&hex("4401020304")).read_bytes(),
        Ok(Cow::Borrowed(_))
    ));
    // An empty chunked string, and one of empty chunks.
    assert_eq!(decode_all(&hex("7fff")), Ok(t("")));
    assert_eq!(decode_all(&hex("5f404040ff")), Ok(b(&[])));
}

/// The kind of error reading `input` gives; skipping it must fail too.
fn kind_of(input: &[u8]) -> CborErrorKind {
    assert!(skip_all(input).is_err(), "hostile input skips");
    decode_all(input).expect_err("hostile input decodes").kind()
}

#[test]
fn truncated_heads_are_typed_errors() {
    for input in [
        "18",
        "19",
        "1900",
        "1a000000",
        "1b00000000000000",
        "38",
        "f9",
        "f900",
        "fa0000",
        "fb00",
        "d9",
        "c1",
    ] {
        let err = decode_all(&hex(input)).unwrap_err();
        assert_eq!(err.kind(), CborErrorKind::UnexpectedEof, "{input}");
        assert!(skip_all(&hex(input)).is_err());
    }
    assert_eq!(
        Decoder::new(&[]).peek_type().unwrap_err().kind(),
        CborErrorKind::UnexpectedEof
    );
    // Open containers: the end of input where an item or a break should be.
    for input in [
        "81", "a1", "a101", "9f", "9f01", "bf", "bf0101", "5f", "5f41", "7f6161", "c1c1",
    ] {
        assert!(decode_all(&hex(input)).is_err(), "{input}");
        assert!(skip_all(&hex(input)).is_err(), "{input}");
    }
}

#[test]
fn declared_lengths_beyond_the_input_are_refused_before_allocating() {
    let huge = |head: &str| {
        let mut input = hex(head);
        input.extend_from_slice(&[0; 10]);
        input
    };
    // 2^63, 2^64 - 1 and 2^32 byte text and byte strings in ~20 bytes.
    for head in [
        "7b8000000000000000",
        "7bffffffffffffffff",
        "5b8000000000000000",
        "5a7fffffff",
        "7a00010000",
    ] {
        assert!(
            matches!(
                kind_of(&huge(head)),
                CborErrorKind::LengthExceedsInput { .. }
            ),
            "{head}"
        );
    }
    let err = Decoder::new(&huge("7b8000000000000000"))
        .read_text()
        .unwrap_err();
    assert_eq!(
        err,
        CborError::new(CborErrorKind::LengthExceedsInput { declared: 1 << 63 }, 0)
    );
    // Arrays and maps claiming more items than bytes left.
    for head in [
        "9bffffffffffffffff",
        "9b000000000000000b",
        "bbffffffffffffffff",
        "bb0000000000000006",
        "8b",
    ] {
        assert!(
            matches!(
                kind_of(&huge(head)),
                CborErrorKind::LengthExceedsInput { .. }
            ),
            "{head}"
        );
    }
    // ...but exactly as many as fit are fine.
    assert!(skip_all(&huge("8a")).is_ok());
    assert!(skip_all(&huge("a5")).is_ok());
    // A chunk of an indefinite string, and a string nested in containers.
    for head in [
        "7f7bffffffffffffffff",
        "5f5b8000000000000000",
        "8181817b8000000000000000",
        "a1617a5bffffffffffffffff",
    ] {
        assert!(
            matches!(
                kind_of(&huge(head)),
                CborErrorKind::LengthExceedsInput { .. }
            ),
            "{head}"
        );
    }
}

#[test]
fn nesting_100_000_deep_is_refused_at_the_depth_limit() {
    const DEEP: usize = 100_000;
    let limit = CborErrorKind::DepthLimitExceeded {
        limit: DEFAULT_MAX_DEPTH,
    };
    let nest = |open: &[u8], inner: &[u8], close: &[u8]| {
        let mut input = open.repeat(DEEP);
        input.extend_from_slice(inner);
        input.extend_from_slice(&close.repeat(DEEP));
        input
    };
    for input in [
        nest(&[0x81], &[0x00], &[]),       // [[[...0...]]]
        nest(&[0x9f], &[], &[0xff]),       // [_ [_ [_ ...]]]
        nest(&[0xa1, 0x00], &[0x00], &[]), // {0: {0: ...}}
        nest(&[0xbf, 0x61, b'k'], &[0xf6], &[0xff]),
        nest(&[0x82, 0x00], &[0x00], &[]), // [0, [0, ...]]
        nest(&[0xc1, 0x81], &[0x00], &[]), // tags between the arrays
    ] {
        let err = skip_all(&input).unwrap_err();
        assert_eq!(err.kind(), limit);
        let err = decode_all(&input).unwrap_err();
        assert_eq!(err.kind(), limit);
    }
    // Exactly at the limit is fine.
    let at_limit = nest(&[0x81], &[0x00], &[])[DEEP - DEFAULT_MAX_DEPTH..].to_vec();
    assert!(skip_all(&at_limit).is_ok());
    assert!(decode_all(&at_limit).is_ok());
    let mut one_more = vec![0x81];
    one_more.extend_from_slice(&at_limit);
    assert_eq!(skip_all(&one_more).unwrap_err().kind(), limit);
    assert_eq!(skip_all(&one_more).unwrap_err().offset(), DEFAULT_MAX_DEPTH);
}

#[test]
fn tags_do_not_nest_containers_and_100_000_of_them_skip() {
    let mut input = [0xc1].repeat(100_000);
    input.push(0x00);
    assert!(skip_all(&input).is_ok());
    let mut d = Decoder::new(&input);
    while d.peek_type().unwrap() == Type::Tag {
        d.read_tag().unwrap();
    }
    assert_eq!(d.read_uint(), Ok(0));
    input.pop();
    assert!(skip_all(&input).is_err());
}

#[test]
fn invalid_utf8_is_refused() {
    for input in [
        "62c328",       // a broken two-byte sequence
        "61ff",         // never valid in UTF-8
        "62c080",       // overlong NUL
        "63eda080",     // a surrogate
        "64f4908080",   // beyond U+10FFFF
        "7f61c361bcff", // ü split across two chunks (each chunk must be UTF-8)
        "7f616162c328ff",
    ] {
        let err = decode_all(&hex(input)).unwrap_err();
        assert_eq!(err.kind(), CborErrorKind::InvalidUtf8, "{input}");
    }
    // The offset names the chunk at fault.
    let err = Decoder::new(&hex("7f616162c328ff"))
        .read_text()
        .unwrap_err();
    assert_eq!(err.offset(), 3);
    // Skipping does not read text, so it does not check it.
    assert!(skip_all(&hex("62c328")).is_ok());
}

#[test]
fn breaks_outside_indefinite_containers_are_refused() {
    for input in [
        "ff",
        "81ff",
        "8201ff",
        "a1ff00",
        "a101ff",
        "bf01ff",
        "bf6161ff",
        "c1ff",
        "9f8201ffff",
        // A tag tags an item, never the break (found by the fuzzer).
        "9fc1ff",
        "bfc1ff",
        "9fc1c1ff",
    ] {
        let bytes = hex(input);
        assert!(decode_all(&bytes).is_err(), "{input}");
        let err = skip_all(&bytes).unwrap_err();
        assert_eq!(err.kind(), CborErrorKind::UnexpectedBreak, "{input}");
    }
    assert_eq!(Decoder::new(&[0xff]).peek_type(), Ok(Type::Break));
    let err = Decoder::new(&[0x00]).read_break().unwrap_err();
    assert_eq!(
        err.kind(),
        CborErrorKind::UnexpectedType {
            expected: "break",
            found: Type::UnsignedInt
        }
    );
    assert_eq!(
        Decoder::new(&[]).is_break().unwrap_err().kind(),
        CborErrorKind::UnexpectedEof
    );
}

#[test]
fn reserved_and_ill_formed_heads_are_refused() {
    for major in 0..8u8 {
        for info in 28..=30u8 {
            let input = [major << 5 | info, 0, 0, 0, 0, 0, 0, 0, 0];
            assert_eq!(
                kind_of(&input),
                CborErrorKind::ReservedAdditionalInfo(info),
                "{:#04x}",
                input[0]
            );
            assert!(Decoder::new(&input).peek_type().is_err());
        }
    }
    for input in [[0x1f], [0x3f], [0xdf]] {
        assert_eq!(kind_of(&input), CborErrorKind::IndefiniteNotAllowed);
    }
    for value in 0..32u8 {
        assert_eq!(
            kind_of(&[0xf8, value]),
            CborErrorKind::InvalidSimpleValue(value)
        );
    }
}

#[test]
fn unknown_simple_values_are_read_and_skipped() {
    for input in ["e0", "f0", "f3", "f820", "f8ff"] {
        let bytes = hex(input);
        assert_eq!(
            Decoder::new(&bytes).peek_type(),
            Ok(Type::Simple),
            "{input}"
        );
        assert!(skip_all(&bytes).is_ok());
        assert!(decode_all(&bytes).is_ok());
    }
    // In a structure, an unknown member's simple value is skipped.
    let input = hex("a2616bf8406161f5");
    let mut d = Decoder::new(&input);
    let mut members = d.begin_map().unwrap();
    let mut a = None;
    while members.has_next(&mut d).unwrap() {
        if d.read_text().unwrap() == "a" {
            a = Some(d.read_bool().unwrap());
        } else {
            d.skip_value().unwrap();
        }
    }
    assert_eq!((a, d.finish()), (Some(true), Ok(())));
}

#[test]
fn chunks_of_another_type_or_nested_indefinite_strings_are_refused() {
    for input in [
        "5f6161ff",
        "7f4161ff",
        "5f5fffff",
        "7f7fffff",
        "7f01ff",
        "5f80ff",
        "7fc16161ff",
    ] {
        assert_eq!(kind_of(&hex(input)), CborErrorKind::InvalidChunk, "{input}");
    }
}

#[test]
fn a_body_is_exactly_one_item() {
    let err = decode_all(&hex("0000")).unwrap_err();
    assert_eq!(err, CborError::new(CborErrorKind::TrailingBytes, 1));
    assert_eq!(err.to_string(), "CBOR: bytes after the item, at byte 1");
}

#[test]
fn a_failed_read_leaves_the_position() {
    let input = hex("8201617a");
    let mut d = Decoder::new(&input);
    assert!(d.read_text().is_err());
    assert!(d.read_map_len().is_err());
    assert_eq!(d.position(), 0);
    d.read_array_len().unwrap();
    assert!(d.read_text().is_err());
    assert_eq!(d.position(), 1);
    d.read_uint().unwrap();
    let mut truncated = Decoder::new(&input[..3]);
    truncated.read_array_len().unwrap();
    truncated.read_uint().unwrap();
    assert!(truncated.read_text().is_err());
    assert!(truncated.skip_value().is_err());
    assert_eq!(truncated.position(), 2);
}

#[test]
fn containers_count_depth_and_end_once() {
    let input = hex("8281008100");
    let mut d = Decoder::new(&input).with_max_depth(2);
    let mut outer = d.begin_array().unwrap();
    assert_eq!((outer.remaining(), d.depth()), (Some(2), 1));
    assert!(outer.has_next(&mut d).unwrap());
    let mut inner = d.begin_array().unwrap();
    assert_eq!(d.depth(), 2);
    assert!(inner.has_next(&mut d).unwrap());
    d.read_uint().unwrap();
    assert!(!inner.has_next(&mut d).unwrap());
    assert!(
        !inner.has_next(&mut d).unwrap(),
        "a finished container stays finished"
    );
    assert_eq!(d.depth(), 1, "and leaves its level once");
    assert!(outer.has_next(&mut d).unwrap());
    d.skip_value().unwrap();
    assert!(!outer.has_next(&mut d).unwrap());
    assert_eq!((d.depth(), d.finish()), (0, Ok(())));

    let mut d = Decoder::new(&input).with_max_depth(1);
    let mut outer = d.begin_array().unwrap();
    assert!(outer.has_next(&mut d).unwrap());
    let err = d.begin_array().unwrap_err();
    assert_eq!(err.kind(), CborErrorKind::DepthLimitExceeded { limit: 1 });
    assert_eq!((err.offset(), d.position(), d.depth()), (1, 1, 1));
    assert_eq!(d.skip_value().unwrap_err().offset(), 1);
    // A failed begin leaves no level entered.
    let mut d = Decoder::new(&[0x01]);
    assert!(d.begin_map().is_err());
    assert_eq!(d.depth(), 0);
}

#[test]
fn decoder_debug_shows_no_bytes() {
    let d = Decoder::new(b"\x66secret");
    let debug = format!("{d:?}");
    assert!(!debug.contains("115"), "{debug}"); // no b's' either
    assert_eq!(
        debug,
        "Decoder { position: 0, len: 7, depth: 0, max_depth: 256 }"
    );
}

fn leaf() -> impl Strategy<Value = V> {
    prop_oneof![
        any::<u64>().prop_map(V::U),
        (0u64..30).prop_map(V::U),
        any::<u64>().prop_map(V::N),
        proptest::collection::vec(any::<u8>(), 0..12).prop_map(V::Bytes),
        "\\PC{0,10}".prop_map(V::Text),
        any::<bool>().prop_map(V::Bool),
        Just(V::Null),
        Just(V::Undefined),
        prop_oneof![0u8..20, 32u8..=255].prop_map(V::Simple),
        any::<f64>().prop_map(|x| V::F(F64(x))),
        any::<f32>().prop_map(|x| V::F(F64(f64::from(x)))),
    ]
}

fn value() -> impl Strategy<Value = V> {
    leaf().prop_recursive(5, 64, 6, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..6).prop_map(V::Array),
            proptest::collection::vec((inner.clone(), inner.clone()), 0..4).prop_map(V::Map),
            (any::<u64>(), inner).prop_map(|(n, v)| V::Tag(n, Box::new(v))),
        ]
    })
}

proptest! {
    #[test]
    fn round_trips_definite(v in value()) {
        let bytes = to_bytes(&v);
        prop_assert_eq!(decode_all(&bytes), Ok(v));
        prop_assert_eq!(skip_all(&bytes), Ok(()));
    }

    #[test]
    fn round_trips_indefinite_and_chunked(v in value(), chunk in 0usize..5) {
        let mut e = Encoder::new();
        encode_indefinite(&v, &mut e, chunk);
        let bytes = e.into_vec();
        prop_assert_eq!(decode_all(&bytes), Ok(v));
        prop_assert_eq!(skip_all(&bytes), Ok(()));
    }

    #[test]
    fn any_bytes_decode_or_fail_cleanly(input in proptest::collection::vec(any::<u8>(), 0..64)) {
        let mut decoded = Decoder::new(&input);
        let mut skipped = Decoder::new(&input);
        match (decode(&mut decoded), skipped.skip_value()) {
            // Whatever reads also skips, to the same place (skip checks
            // everything reading does except UTF-8).
            (Ok(_), Ok(())) => prop_assert_eq!(decoded.position(), skipped.position()),
            (Ok(_), Err(e)) => prop_assert!(false, "read but did not skip: {}", e),
            (Err(_), Ok(())) => {}
            (Err(_), Err(_)) => prop_assert_eq!(skipped.position(), 0),
        }
    }

    #[test]
    fn an_item_decodes_then_its_truncations_fail(v in value()) {
        let bytes = to_bytes(&v);
        let cut = bytes.len() / 2;
        if cut > 0 {
            prop_assert!(decode_all(&bytes[..cut]).is_err());
            prop_assert!(skip_all(&bytes[..cut]).is_err());
        }
    }
}
