//! Hexadecimal digits: the one table behind UUIDs, JSON `\u` escapes,
//! percent-encoding and SigV4's hashes.

/// Lower-case digits (`0`–`9`, `a`–`f`).
pub const LOWER: &[u8; 16] = b"0123456789abcdef";
/// Upper-case digits (`0`–`9`, `A`–`F`), as percent-encoding writes them.
pub const UPPER: &[u8; 16] = b"0123456789ABCDEF";

/// The two digits of `byte` from `digits` (one of [`LOWER`], [`UPPER`]).
///
/// ```
/// use awsop_runtime::encoding::hex;
/// assert_eq!(hex::pair(0x3f, hex::LOWER), [b'3', b'f']);
/// assert_eq!(hex::pair(0xa0, hex::UPPER), [b'A', b'0']);
/// ```
#[inline]
pub fn pair(byte: u8, digits: &[u8; 16]) -> [u8; 2] {
    [
        digits[usize::from(byte >> 4)],
        digits[usize::from(byte & 0x0f)],
    ]
}

/// Appends `bytes` as lower-case hex.
///
/// ```
/// let mut out = String::new();
/// awsop_runtime::encoding::hex::push_lower(&mut out, &[0xde, 0xad]);
/// assert_eq!(out, "dead");
/// ```
pub fn push_lower(out: &mut String, bytes: &[u8]) {
    out.reserve(bytes.len() * 2);
    for &b in bytes {
        let [hi, lo] = pair(b, LOWER);
        out.push(char::from(hi));
        out.push(char::from(lo));
    }
}

/// The value of one hex digit (either case), if it is one.
///
/// ```
/// use awsop_runtime::encoding::hex::digit_value;
/// assert_eq!(digit_value(b'F'), Some(15));
/// assert_eq!(digit_value(b'g'), None);
/// ```
pub fn digit_value(c: u8) -> Option<u8> {
    match c {
        b'0'..=b'9' => Some(c - b'0'),
        b'a'..=b'f' => Some(c - b'a' + 10),
        b'A'..=b'F' => Some(c - b'A' + 10),
        _ => None,
    }
}
