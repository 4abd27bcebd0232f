//! An item's head (RFC 8949 §3) and half-precision floats.

use super::super::error::{CborError, CborErrorKind};
use super::super::{major, Type};

/// Additional information 31: indefinite length, or (major type 7) break.
const INDEFINITE: u8 = 31;

/// An item's head (RFC 8949 §3): major type, additional information and
/// argument.
#[derive(Clone, Copy)]
pub(super) struct Head {
    pub(super) major: u8,
    pub(super) info: u8,
    /// The argument; 0 when `info` is 31.
    pub(super) arg: u64,
    /// The bytes the head takes (1 to 9).
    pub(super) len: usize,
}

impl Head {
    pub(super) fn indefinite(&self) -> bool {
        self.info == INDEFINITE
    }

    pub(super) fn is_break(&self) -> bool {
        self.major == major::SIMPLE && self.info == INDEFINITE
    }

    pub(super) fn item_type(&self) -> Type {
        match self.major {
            major::UNSIGNED => Type::UnsignedInt,
            major::NEGATIVE => Type::NegativeInt,
            major::BYTES => Type::Bytes,
            major::TEXT => Type::Text,
            major::ARRAY => Type::Array,
            major::MAP => Type::Map,
            major::TAG => Type::Tag,
            _ => match self.info {
                20 | 21 => Type::Bool,
                22 => Type::Null,
                23 => Type::Undefined,
                25..=27 => Type::Float,
                INDEFINITE => Type::Break,
                _ => Type::Simple,
            },
        }
    }
}

/// Reads the head at `pos`, rejecting what is not well-formed in a head
/// alone: reserved additional information, indefinite integers and tags,
/// two-byte simple values below 32.
pub(super) fn head_at(input: &[u8], pos: usize) -> Result<Head, CborError> {
    let fail = |kind| CborError::new(kind, pos);
    let initial = *input
        .get(pos)
        .ok_or_else(|| fail(CborErrorKind::UnexpectedEof))?;
    let (major, info) = (initial >> 5, initial & 0x1f);
    let size = match info {
        0..=23 | INDEFINITE => 0,
        24 => 1,
        25 => 2,
        26 => 4,
        27 => 8,
        _ => return Err(fail(CborErrorKind::ReservedAdditionalInfo(info))),
    };
    let arg = if info < 24 {
        u64::from(info)
    } else {
        // `pos < input.len()`, so `pos + 1 + size` cannot overflow.
        let bytes = input
            .get(pos + 1..pos + 1 + size)
            .ok_or_else(|| fail(CborErrorKind::UnexpectedEof))?;
        bytes.iter().fold(0, |arg, &b| arg << 8 | u64::from(b))
    };
    if info == INDEFINITE && matches!(major, major::UNSIGNED | major::NEGATIVE | major::TAG) {
        return Err(fail(CborErrorKind::IndefiniteNotAllowed));
    }
    if major == major::SIMPLE && info == 24 && arg < 32 {
        return Err(fail(CborErrorKind::InvalidSimpleValue(arg as u8)));
    }
    Ok(Head {
        major,
        info,
        arg,
        len: 1 + size,
    })
}

/// Half precision to double, as RFC 8949 Appendix D's `decode_half`.
pub(super) fn half_to_f64(half: u16) -> f64 {
    // ldexp for the exponents a half can reach (-24..=5): an exact power of two.
    fn ldexp(mantissa: u16, exp: i32) -> f64 {
        f64::from(mantissa) * f64::from_bits(((1023 + exp) as u64) << 52)
    }
    let exp = i32::from((half >> 10) & 0x1f);
    let mantissa = half & 0x3ff;
    let value = if exp == 0 {
        ldexp(mantissa, -24)
    } else if exp != 31 {
        ldexp(mantissa + 1024, exp - 25)
    } else if mantissa == 0 {
        f64::INFINITY
    } else {
        // Appendix D returns NAN; keeping the payload (shifted to the top of
        // the double's mantissa, as widening an f32 does) is also a NaN and
        // loses nothing.
        f64::from_bits(0x7ff0_0000_0000_0000 | u64::from(mantissa) << 42)
    };
    if half & 0x8000 != 0 {
        -value
    } else {
        value
    }
}
