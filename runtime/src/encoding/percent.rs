//! RFC 3986 percent-encoding: every byte but the unreserved characters
//! (`A-Z a-z 0-9 - . _ ~`) becomes `%XX` with upper-case digits. URI labels,
//! query strings, form bodies and SigV4's canonical forms all use this rule.

use super::hex;

/// Whether `b` is an RFC 3986 unreserved character.
///
/// ```
/// use awsop_runtime::encoding::percent::is_unreserved;
/// assert!(is_unreserved(b'~'));
/// assert!(!is_unreserved(b'/'));
/// ```
#[inline]
pub fn is_unreserved(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~')
}

/// Appends `text` percent-encoded; `/` is kept as is when `keep_slash`
/// (greedy labels, and SigV4's canonical path).
///
/// ```
/// use awsop_runtime::encoding::percent::encode_into;
/// let mut out = String::new();
/// encode_into(&mut out, "a b/c~d", false);
/// assert_eq!(out, "a%20b%2Fc~d");
/// ```
pub fn encode_into(out: &mut String, text: &str, keep_slash: bool) {
    for &b in text.as_bytes() {
        if is_unreserved(b) || (keep_slash && b == b'/') {
            out.push(char::from(b));
        } else {
            let [hi, lo] = hex::pair(b, hex::UPPER);
            out.push('%');
            out.push(char::from(hi));
            out.push(char::from(lo));
        }
    }
}

/// `text` percent-encoded, `/` included.
///
/// ```
/// assert_eq!(awsop_runtime::encoding::percent::encode("a=b&c"), "a%3Db%26c");
/// ```
pub fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    encode_into(&mut out, text, false);
    out
}

/// Decodes `%XX` escapes (`+` is left alone: it is a literal `+` in AWS
/// query strings). `None` when an escape is truncated or not hex, or the
/// result is not UTF-8.
///
/// ```
/// use awsop_runtime::encoding::percent::decode;
/// assert_eq!(decode("a%20b%2Fc").as_deref(), Some("a b/c"));
/// assert_eq!(decode("%zz"), None);
/// ```
pub fn decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hi = hex::digit_value(*bytes.get(i + 1)?)?;
            let lo = hex::digit_value(*bytes.get(i + 2)?)?;
            out.push(hi << 4 | lo);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodes_everything_reserved() {
        let mut out = String::new();
        encode_into(&mut out, " %:/?#[]@!$&'()*+,;=😹", false);
        assert_eq!(
            out,
            "%20%25%3A%2F%3F%23%5B%5D%40%21%24%26%27%28%29%2A%2B%2C%3B%3D%F0%9F%98%B9"
        );
        let mut out = String::new();
        encode_into(&mut out, "there/guy", true);
        assert_eq!(out, "there/guy");
        assert_eq!(decode(&out).as_deref(), Some("there/guy"));
    }
}
