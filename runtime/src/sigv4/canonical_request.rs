//! Task 1 of the spec: the canonical request.
//!
//! ```text
//! METHOD \n canonical URI \n canonical query \n canonical headers \n \n signed headers \n payload hash
//! ```
//!
//! Built into one `String` sized up front; header names are lower-cased and
//! values trimmed while they are copied, without intermediate strings.

use std::borrow::Cow;
use std::cmp::Ordering;

use ring::digest;

use super::encode::{encode_path, encode_strict, normalize_path, reencode_strict, Hex32};
use super::error::{ErrorKind, SigningError};
use super::settings::PayloadHashing;

/// The payload hash of an empty body (`SHA-256("")`).
const EMPTY_SHA256: &str = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

/// One request header as the caller gave it (any case, untrimmed).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Header<'a> {
    pub(crate) name: &'a str,
    pub(crate) value: &'a str,
}

/// What goes into the canonical request, already selected and validated.
pub(crate) struct CanonicalInput<'a> {
    pub(crate) method: &'a str,
    /// The path as on the wire (starts with `/`).
    pub(crate) path: &'a str,
    /// The request's raw query, without `?`.
    pub(crate) query: &'a str,
    /// Query parameters the signer adds (presigning), raw, not yet encoded.
    pub(crate) extra_query: &'a [(&'a str, &'a str)],
    /// The headers to sign, sorted with [`sort_headers`].
    pub(crate) headers: &'a [Header<'a>],
    /// From [`signed_headers`] over the same headers.
    pub(crate) signed_headers: &'a str,
    pub(crate) payload_hash: &'a str,
    pub(crate) normalize_path: bool,
    pub(crate) double_encode_path: bool,
}

/// Builds the canonical request.
pub(crate) fn build(input: &CanonicalInput<'_>) -> String {
    let path = if input.normalize_path {
        normalize_path(input.path)
    } else {
        Cow::Borrowed(input.path)
    };
    let extra_len: usize = input
        .extra_query
        .iter()
        .map(|(k, v)| k.len() + v.len() + 2)
        .sum();
    let headers_len: usize = input
        .headers
        .iter()
        .map(|h| h.name.len() + h.value.len() + 2)
        .sum();
    // Escaping at most triples a byte; paths and queries are usually short
    // and mostly unreserved, so reserve for half of them growing.
    let capacity = input.method.len()
        + path.len() * 2
        + (input.query.len() + extra_len) * 2
        + headers_len
        + input.signed_headers.len()
        + input.payload_hash.len()
        + 8;
    let mut out = String::with_capacity(capacity);

    out.push_str(input.method);
    out.push('\n');
    encode_path(&mut out, &path, input.double_encode_path);
    out.push('\n');
    push_canonical_query(&mut out, input.query, input.extra_query);
    out.push('\n');
    let headers = input.headers;
    let mut i = 0;
    while i < headers.len() {
        let name = headers[i].name;
        push_lowercase(&mut out, name);
        out.push(':');
        push_trimmed(&mut out, headers[i].value);
        i += 1;
        // Repeated headers become one line, values in request order.
        while i < headers.len() && headers[i].name.eq_ignore_ascii_case(name) {
            out.push(',');
            push_trimmed(&mut out, headers[i].value);
            i += 1;
        }
        out.push('\n');
    }
    out.push('\n');
    out.push_str(input.signed_headers);
    out.push('\n');
    out.push_str(input.payload_hash);
    out
}

/// Sorts headers by lower-cased name; stable, so repeated headers keep
/// their order.
pub(crate) fn sort_headers(headers: &mut [Header<'_>]) {
    headers.sort_by(|a, b| cmp_ignore_case(a.name, b.name));
}

fn cmp_ignore_case(a: &str, b: &str) -> Ordering {
    a.bytes()
        .map(|c| c.to_ascii_lowercase())
        .cmp(b.bytes().map(|c| c.to_ascii_lowercase()))
}

/// `host;x-amz-date`: the distinct lower-cased names of sorted headers.
pub(crate) fn signed_headers(headers: &[Header<'_>]) -> String {
    let mut out = String::with_capacity(headers.iter().map(|h| h.name.len() + 1).sum());
    let mut previous: Option<&str> = None;
    for header in headers {
        if previous.is_some_and(|p| p.eq_ignore_ascii_case(header.name)) {
            continue;
        }
        if previous.is_some() {
            out.push(';');
        }
        push_lowercase(&mut out, header.name);
        previous = Some(header.name);
    }
    out
}

fn push_lowercase(out: &mut String, name: &str) {
    if name.bytes().any(|b| b.is_ascii_uppercase()) {
        out.extend(name.chars().map(|c| c.to_ascii_lowercase()));
    } else {
        out.push_str(name);
    }
}

/// Trims the value and collapses each run of whitespace, line breaks of a
/// folded (multi-line) value included, into one space.
fn push_trimmed(out: &mut String, value: &str) {
    // Most values have nothing to trim or collapse: copied whole.
    if !needs_trimming(value.as_bytes()) {
        out.push_str(value);
        return;
    }
    let mut words = value
        .split([' ', '\t', '\r', '\n'])
        .filter(|word| !word.is_empty());
    if let Some(first) = words.next() {
        out.push_str(first);
        for word in words {
            out.push(' ');
            out.push_str(word);
        }
    }
}

/// Whether `value` has leading or trailing whitespace, a line break or a
/// tab, or two spaces in a row: what [`push_trimmed`] changes.
fn needs_trimming(value: &[u8]) -> bool {
    // At the start, a space is already "in a run".
    let mut after_space = true;
    for &b in value {
        match b {
            b' ' if after_space => return true,
            b' ' => after_space = true,
            b'\t' | b'\r' | b'\n' => return true,
            _ => after_space = false,
        }
    }
    after_space && !value.is_empty()
}

/// Appends `name=value` pairs joined by `&`, every name and value
/// URI-encoded, sorted by name then value. Encodes into one scratch buffer
/// and sorts index ranges into it: two allocations whatever the count.
fn push_canonical_query(out: &mut String, raw: &str, extra: &[(&str, &str)]) {
    if raw.is_empty() && extra.is_empty() {
        return;
    }
    let extra_len: usize = extra.iter().map(|(k, v)| k.len() + v.len()).sum();
    let mut scratch = String::with_capacity((raw.len() + extra_len) * 2);
    // (start of name, end of name = start of value, end of value)
    let mut pairs: Vec<(usize, usize, usize)> =
        Vec::with_capacity(raw.bytes().filter(|&b| b == b'&').count() + 1 + extra.len());
    for piece in raw.split('&').filter(|piece| !piece.is_empty()) {
        let (name, value) = piece.split_once('=').unwrap_or((piece, ""));
        let start = scratch.len();
        reencode_strict(&mut scratch, name);
        let middle = scratch.len();
        reencode_strict(&mut scratch, value);
        pairs.push((start, middle, scratch.len()));
    }
    for (name, value) in extra {
        let start = scratch.len();
        encode_strict(&mut scratch, name);
        let middle = scratch.len();
        encode_strict(&mut scratch, value);
        pairs.push((start, middle, scratch.len()));
    }
    pairs.sort_unstable_by(|a, b| {
        scratch[a.0..a.1]
            .cmp(&scratch[b.0..b.1])
            .then_with(|| scratch[a.1..a.2].cmp(&scratch[b.1..b.2]))
    });
    for (i, &(start, middle, end)) in pairs.iter().enumerate() {
        if i > 0 {
            out.push('&');
        }
        out.push_str(&scratch[start..middle]);
        out.push('=');
        out.push_str(&scratch[middle..end]);
    }
}

/// The last line of the canonical request, kept on the stack when hashed.
pub(crate) enum PayloadHash<'a> {
    Hashed(Hex32),
    Given(&'a str),
}

impl PayloadHash<'_> {
    pub(crate) fn new<'a>(
        payload: &'a PayloadHashing,
        body: &[u8],
    ) -> Result<PayloadHash<'a>, SigningError> {
        Ok(match payload {
            PayloadHashing::Signed if body.is_empty() => PayloadHash::Given(EMPTY_SHA256),
            PayloadHashing::Signed => {
                PayloadHash::Hashed(Hex32::new(digest::digest(&digest::SHA256, body).as_ref()))
            }
            PayloadHashing::Unsigned => PayloadHash::Given("UNSIGNED-PAYLOAD"),
            PayloadHashing::Precomputed(hash) => {
                // It becomes a header value and a line of its own.
                let ok = !hash.is_empty() && hash.bytes().all(|b| b.is_ascii_graphic());
                if !ok {
                    return Err(SigningError::new(
                        ErrorKind::InvalidHeader,
                        "the precomputed payload hash must be non-empty printable ASCII",
                    ));
                }
                PayloadHash::Given(hash)
            }
        })
    }

    pub(crate) fn as_str(&self) -> &str {
        match self {
            PayloadHash::Hashed(hex) => hex.as_str(),
            PayloadHash::Given(text) => text,
        }
    }
}

/// `token` characters of RFC 9110: what header names and methods consist of.
fn is_tchar(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&byte)
}

pub(crate) fn check_method(method: &str) -> Result<(), SigningError> {
    if method.is_empty() || !method.bytes().all(is_tchar) {
        return Err(SigningError::new(
            ErrorKind::InvalidMethod,
            "expected an HTTP token such as GET or POST",
        ));
    }
    Ok(())
}

/// Header names must be tokens; values may hold tabs and the line breaks of
/// a folded value, but no other control character.
pub(crate) fn check_header(header: Header<'_>) -> Result<(), SigningError> {
    if header.name.is_empty() || !header.name.bytes().all(is_tchar) {
        return Err(SigningError::new(
            ErrorKind::InvalidHeader,
            "a header name is empty or not an HTTP token",
        ));
    }
    let bad_value = header
        .value
        .bytes()
        .any(|b| b.is_ascii_control() && !matches!(b, b'\t' | b'\r' | b'\n'));
    if bad_value {
        return Err(SigningError::new(
            ErrorKind::InvalidHeader,
            format!("the value of {} contains a control character", header.name),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers<'a>(pairs: &[(&'a str, &'a str)]) -> Vec<Header<'a>> {
        let mut out: Vec<Header<'a>> = pairs
            .iter()
            .map(|&(name, value)| Header { name, value })
            .collect();
        sort_headers(&mut out);
        out
    }

    fn canonical(
        path: &str,
        query: &str,
        extra: &[(&str, &str)],
        hs: &[Header<'_>],
        normalize: bool,
    ) -> String {
        let signed = signed_headers(hs);
        build(&CanonicalInput {
            method: "GET",
            path,
            query,
            extra_query: extra,
            headers: hs,
            signed_headers: &signed,
            payload_hash: EMPTY_SHA256,
            normalize_path: normalize,
            double_encode_path: true,
        })
    }

    #[test]
    fn values_without_anything_to_trim_are_copied_as_they_are() {
        // The spec's rule, written the slow way: words joined by one space.
        let trimmed = |v: &str| {
            v.split([' ', '\t', '\r', '\n'])
                .filter(|w| !w.is_empty())
                .collect::<Vec<_>>()
                .join(" ")
        };
        for value in [
            "",
            " ",
            "a",
            "a b",
            "a  b",
            " a",
            "a ",
            "a\tb",
            "a\nb",
            "a b c",
            "\t",
            "ab  ",
            "attempt=1; max=3",
            "application/x-amz-json-1.0",
        ] {
            let mut out = String::new();
            push_trimmed(&mut out, value);
            assert_eq!(out, trimmed(value), "{value:?}");
            assert_eq!(needs_trimming(value.as_bytes()), out != value, "{value:?}");
        }
    }

    #[test]
    fn headers_are_sorted_merged_and_trimmed() {
        let hs = headers(&[
            ("Host", "example.amazonaws.com"),
            ("My-Header1", "  a   b \t c  "),
            ("X-Amz-Date", "20150830T123600Z"),
            ("my-header1", "value1\n  value2\n     value3"),
            ("Another", ""),
        ]);
        assert_eq!(signed_headers(&hs), "another;host;my-header1;x-amz-date");
        assert_eq!(
            canonical("/", "", &[], &hs, true),
            "GET\n/\n\nanother:\nhost:example.amazonaws.com\nmy-header1:a b c,value1 value2 value3\n\
             x-amz-date:20150830T123600Z\n\nanother;host;my-header1;x-amz-date\n"
                .to_owned()
                + EMPTY_SHA256
        );
    }

    #[test]
    fn query_is_encoded_and_sorted() {
        let hs = headers(&[("host", "h")]);
        let out = canonical(
            "/",
            "b=2&a=2&a=1&&ሴ=x&flag&sp=a b&enc=%7e%2b+",
            &[("X-Amz-Credential", "AKID/2015/x")],
            &hs,
            true,
        );
        let query = out.lines().nth(2).unwrap();
        assert_eq!(
            query,
            "%E1%88%B4=x&X-Amz-Credential=AKID%2F2015%2Fx&a=1&a=2&b=2&enc=~%2B%2B&flag=&sp=a%20b"
        );
    }

    #[test]
    fn path_normalization_is_optional() {
        let hs = headers(&[("host", "h")]);
        assert!(canonical("//a/./b/../c", "", &[], &hs, true).starts_with("GET\n/a/c\n"));
        assert!(canonical("//a/./b/../c", "", &[], &hs, false).starts_with("GET\n//a/./b/../c\n"));
    }

    #[test]
    fn payload_hashes() {
        let signed = PayloadHashing::Signed;
        assert_eq!(
            PayloadHash::new(&signed, b"").unwrap().as_str(),
            EMPTY_SHA256
        );
        assert_eq!(
            PayloadHash::new(&signed, b"Param1=value1")
                .unwrap()
                .as_str(),
            "9095672bbd1f56dfc5b65f3e153adc8731a4a654192329106275f4c7b24d0b6e"
        );
        let unsigned = PayloadHashing::Unsigned;
        assert_eq!(
            PayloadHash::new(&unsigned, b"x").unwrap().as_str(),
            "UNSIGNED-PAYLOAD"
        );
        let given = PayloadHashing::Precomputed("STREAMING-UNSIGNED-PAYLOAD-TRAILER".into());
        assert_eq!(
            PayloadHash::new(&given, b"x").unwrap().as_str(),
            "STREAMING-UNSIGNED-PAYLOAD-TRAILER"
        );
        for bad in ["", "a b", "a\nb"] {
            let bad = PayloadHashing::Precomputed(bad.into());
            assert!(PayloadHash::new(&bad, b"").is_err());
        }
    }

    #[test]
    fn checks() {
        assert!(check_method("GET").is_ok());
        assert!(check_method("").is_err());
        assert!(check_method("GE T").is_err());
        let ok = Header {
            name: "X-Ok",
            value: "a\tb\r\n c",
        };
        assert!(check_header(ok).is_ok());
        for (name, value) in [("", "v"), ("a b", "v"), ("a:b", "v"), ("ok", "nul\0")] {
            assert!(check_header(Header { name, value }).is_err(), "{name:?}");
        }
    }
}
