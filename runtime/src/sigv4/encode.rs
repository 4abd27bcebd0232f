//! The spec's encodings: hex digests, URI (percent) encoding of the path and
//! query, double encoding, and path normalization.

use std::borrow::Cow;

use crate::encoding::hex;
use crate::encoding::percent::is_unreserved;

/// A SHA-256 digest or HMAC tag as 64 lowercase hex digits, on the stack.
#[derive(Clone, Copy)]
pub(crate) struct Hex32([u8; 64]);

impl Hex32 {
    /// Hex-encodes the first 32 bytes of `bytes` (a SHA-256 output).
    pub(crate) fn new(bytes: &[u8]) -> Self {
        let mut out = [b'0'; 64];
        for (pair, byte) in out.chunks_exact_mut(2).zip(bytes) {
            pair.copy_from_slice(&hex::pair(*byte, hex::LOWER));
        }
        Hex32(out)
    }

    pub(crate) fn as_str(&self) -> &str {
        // Only ASCII hex digits are ever stored.
        std::str::from_utf8(&self.0).unwrap_or_default()
    }
}

fn push_escaped(out: &mut String, byte: u8) {
    let [hi, lo] = hex::pair(byte, hex::UPPER);
    out.push('%');
    out.push(char::from(hi));
    out.push(char::from(lo));
}

/// The bytes `input` stands for once `%XX` escapes are decoded, each paired
/// with whether it came from an escape. A `%` not followed by two hex digits
/// stands for itself, as lenient servers read it.
fn decoded(input: &str) -> impl Iterator<Item = (u8, bool)> + '_ {
    let bytes = input.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        let byte = *bytes.get(i)?;
        if byte == b'%' {
            if let (Some(hi), Some(lo)) = (
                bytes.get(i + 1).copied().and_then(hex::digit_value),
                bytes.get(i + 2).copied().and_then(hex::digit_value),
            ) {
                i += 3;
                return Some(((hi << 4) | lo, true));
            }
        }
        i += 1;
        Some((byte, false))
    })
}

/// Appends `input` with every byte but the unreserved ones escaped: the
/// encoding of query names and values the signer itself produces.
pub(crate) fn encode_strict(out: &mut String, input: &str) {
    crate::encoding::percent::encode_into(out, input, false);
}

/// Appends a query name or value from the request: decoded once, then
/// encoded strictly, so `%e1%88%b4`, `%E1%88%B4` and a raw `ሴ` all
/// canonicalize alike. `+` is taken literally (a plain `+` in an AWS query
/// is not a space).
pub(crate) fn reencode_strict(out: &mut String, input: &str) {
    for (byte, _) in decoded(input) {
        if is_unreserved(byte) {
            out.push(char::from(byte));
        } else {
            push_escaped(out, byte);
        }
    }
}

/// Appends the canonical URI of an (already normalized, if wanted) path.
///
/// The path is the one on the wire, so already percent-encoded once.
/// `double`: encode it again, as every AWS service but S3 expects
/// (`%3D` becomes `%253D`). Otherwise encode it once: escapes are decoded
/// and everything re-encoded uniformly (a raw space and `%20` agree), except
/// that an escaped `/` stays escaped so segments keep their meaning.
pub(crate) fn encode_path(out: &mut String, path: &str, double: bool) {
    if double {
        for &byte in path.as_bytes() {
            if is_unreserved(byte) || byte == b'/' {
                out.push(char::from(byte));
            } else {
                push_escaped(out, byte);
            }
        }
    } else {
        for (byte, escaped) in decoded(path) {
            if is_unreserved(byte) || (byte == b'/' && !escaped) {
                out.push(char::from(byte));
            } else {
                push_escaped(out, byte);
            }
        }
    }
}

/// Removes empty, `.` and `..` segments (RFC 3986 dot-segment removal plus
/// merging of repeated slashes), as every AWS service but S3 does before
/// signing. `path` starts with `/`; the result does too.
pub(crate) fn normalize_path(path: &str) -> Cow<'_, str> {
    if is_normal(path) {
        return Cow::Borrowed(path);
    }
    let mut kept: Vec<&str> = Vec::with_capacity(path.len() / 2 + 1);
    for segment in path.split('/') {
        match segment {
            "" | "." => {}
            ".." => {
                kept.pop();
            }
            other => kept.push(other),
        }
    }
    let mut out = String::with_capacity(path.len() + 1);
    for segment in &kept {
        out.push('/');
        out.push_str(segment);
    }
    // "/a/b/", "/a/b/." and "/a/b/c/.." all name a directory: keep its slash.
    let directory = path.ends_with('/') || path.ends_with("/.") || path.ends_with("/..");
    if kept.is_empty() || directory {
        out.push('/');
    }
    Cow::Owned(out)
}

fn is_normal(path: &str) -> bool {
    let Some(rest) = path.strip_prefix('/') else {
        return false;
    };
    if rest.is_empty() {
        return true;
    }
    let mut segments = rest.split('/').peekable();
    while let Some(segment) = segments.next() {
        let last = segments.peek().is_none();
        if segment == "." || segment == ".." || (segment.is_empty() && !last) {
            return false;
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn path(input: &str, double: bool) -> String {
        let mut out = String::new();
        encode_path(&mut out, input, double);
        out
    }

    #[test]
    fn hex_of_digest() {
        let bytes: Vec<u8> = (0u8..32).map(|i| i.wrapping_mul(37)).collect();
        let hex = Hex32::new(&bytes);
        let expected: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
        assert_eq!(hex.as_str(), expected);
    }

    #[test]
    fn strict_encoding() {
        let mut out = String::new();
        encode_strict(&mut out, "AKID/20150830/us-east-1/s3/aws4_request a+b=c~");
        assert_eq!(
            out,
            "AKID%2F20150830%2Fus-east-1%2Fs3%2Faws4_request%20a%2Bb%3Dc~"
        );
    }

    #[test]
    fn query_reencoding_normalizes_escapes() {
        for input in ["%e1%88%b4", "%E1%88%B4", "ሴ"] {
            let mut out = String::new();
            reencode_strict(&mut out, input);
            assert_eq!(out, "%E1%88%B4");
        }
        let mut out = String::new();
        reencode_strict(&mut out, "100%+%zz%4");
        assert_eq!(out, "100%25%2B%25zz%254");
    }

    #[test]
    fn double_encoding_encodes_escapes_again() {
        assert_eq!(
            path("/test/@connections/JBDvjfGEIAMCERw%3D", true),
            "/test/%40connections/JBDvjfGEIAMCERw%253D"
        );
        assert_eq!(path("/a b/ሴ", true), "/a%20b/%E1%88%B4");
        assert_eq!(path("/a%20b~c", true), "/a%2520b~c");
    }

    #[test]
    fn single_encoding_is_idempotent() {
        assert_eq!(path("/example%20space/", false), "/example%20space/");
        assert_eq!(path("/example space/", false), "/example%20space/");
        assert_eq!(path("/%e1%88%b4:x", false), "/%E1%88%B4%3Ax");
        assert_eq!(path("/a%2Fb/c", false), "/a%2Fb/c");
        assert_eq!(path("/50%", false), "/50%25");
    }

    #[test]
    fn normalization() {
        let cases = [
            ("/", "/"),
            ("//", "/"),
            ("/./", "/"),
            ("/example/..", "/"),
            ("/example1/example2/../..", "/"),
            ("/./example", "/example"),
            ("//example//", "/example/"),
            ("/a/b/..", "/a/"),
            ("/a/b/.", "/a/b/"),
            ("/../../a", "/a"),
            ("/a/b", "/a/b"),
            ("/a/b/", "/a/b/"),
            ("/a..b/.c", "/a..b/.c"),
        ];
        for (input, expected) in cases {
            assert_eq!(normalize_path(input), expected, "normalizing {input}");
        }
        assert!(matches!(
            normalize_path("/v2/domains/d/x"),
            Cow::Borrowed(_)
        ));
    }
}
