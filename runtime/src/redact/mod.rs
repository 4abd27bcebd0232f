//! Cutting secrets a service echoes out of an error response, before
//! anything parses, logs or shows it.
//!
//! A service may quote the request back (a refused signature's canonical
//! request, a token in an "invalid token" message), and a hostile or buggy
//! one may do so in any encoding its format allows: JSON `\u0041` escapes,
//! XML `&#65;` character references, a header. So the body is searched
//! after undoing those escapes (only escapes that do not change the
//! document's structure are undone, so the result still parses), and every
//! header value is searched too. A response that contains no secret is left
//! byte for byte as it was.
//!
//! Then, while the error response is parsed, every string decoded from it
//! (a message, a member, a map key, the code and request id) is searched
//! again ([`decoded`]): a format can split text in ways no raw search sees
//! (XML CDATA sections and comments, CBOR's indefinite-length chunks).
//!
//! The client does both for its signing credentials, and for the
//! [`Secrets`] given to `ClientBuilder::redact_secrets`: the bearer and
//! refresh tokens of IAM Identity Center, a web identity token.

mod decoded;

pub use decoded::decoded;
pub(crate) use decoded::{decoded_owned, while_parsing};

use std::borrow::Cow;
use std::fmt;
use std::sync::{Arc, Mutex};

use http::HeaderValue;

use crate::http::HttpResponse;

/// What a secret is replaced with.
pub const REDACTED: &str = "** redacted **";

/// Replaces every occurrence of each of `secrets` in `response`'s headers
/// and body, escaped forms included. Empty secrets are ignored.
///
/// ```
/// use awsop_runtime::http::HttpResponse;
/// use awsop_runtime::redact::redact_response;
/// let mut response = HttpResponse::new(400, r#"{"message":"bad token t\u006Fk3n"}"#);
/// redact_response(&mut response, &["tok3n"]);
/// assert_eq!(&response.body[..], br#"{"message":"bad token ** redacted **"}"#);
/// ```
pub fn redact_response(response: &mut HttpResponse, secrets: &[&str]) {
    let secrets: Vec<&str> = secrets.iter().copied().filter(|s| !s.is_empty()).collect();
    if secrets.is_empty() {
        return;
    }
    for value in response.headers.values_mut() {
        let bytes = value.as_bytes();
        if secrets.iter().any(|s| contains(bytes, s.as_bytes())) {
            let mut text = bytes.to_vec();
            for secret in &secrets {
                text = replace(&text, secret.as_bytes());
            }
            *value = HeaderValue::from_bytes(&text)
                .unwrap_or_else(|_| HeaderValue::from_static(REDACTED));
        }
    }
    let plain = unescape(&response.body);
    if secrets.iter().any(|s| contains(&plain, s.as_bytes())) {
        let mut text = plain.into_owned();
        for secret in &secrets {
            text = replace(&text, secret.as_bytes());
        }
        response.body = text.into();
    }
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

fn replace(haystack: &[u8], needle: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(haystack.len());
    let mut rest = haystack;
    while let Some(at) = rest.windows(needle.len()).position(|w| w == needle) {
        out.extend_from_slice(&rest[..at]);
        out.extend_from_slice(REDACTED.as_bytes());
        rest = &rest[at + needle.len()..];
    }
    out.extend_from_slice(rest);
    out
}

/// Undoes JSON `\uXXXX` and `\/` escapes and XML numeric character
/// references, except those of characters that are structure in either
/// format (`"`, `\`, `<`, `>`, `&`, `'`) or control characters.
fn unescape(body: &[u8]) -> Cow<'_, [u8]> {
    if !body.iter().any(|&b| b == b'\\' || b == b'&') {
        return Cow::Borrowed(body);
    }
    let mut out = Vec::with_capacity(body.len());
    let mut i = 0;
    while i < body.len() {
        let rest = &body[i..];
        if rest.starts_with(b"\\\\") {
            out.extend_from_slice(b"\\\\");
            i += 2;
        } else if rest.starts_with(b"\\/") {
            out.push(b'/');
            i += 2;
        } else if let Some((c, len)) = json_escape(rest).or_else(|| xml_reference(rest)) {
            let mut buf = [0u8; 4];
            out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
            i += len;
        } else {
            out.push(body[i]);
            i += 1;
        }
    }
    Cow::Owned(out)
}

fn plain(c: char) -> Option<char> {
    (!c.is_control() && !"\"\\<>&'".contains(c)).then_some(c)
}

/// `\uXXXX` → the character, when it is plain.
fn json_escape(rest: &[u8]) -> Option<(char, usize)> {
    let hex = rest.strip_prefix(b"\\u")?.get(..4)?;
    let code = u32::from_str_radix(std::str::from_utf8(hex).ok()?, 16).ok()?;
    plain(char::from_u32(code)?).map(|c| (c, 6))
}

/// `&#NN;` / `&#xHH;` → the character, when it is plain.
fn xml_reference(rest: &[u8]) -> Option<(char, usize)> {
    let digits = rest.strip_prefix(b"&#")?;
    let end = digits.iter().take(10).position(|&b| b == b';')?;
    let text = std::str::from_utf8(&digits[..end]).ok()?;
    let code = match text.strip_prefix(['x', 'X']) {
        Some(hex) => u32::from_str_radix(hex, 16).ok()?,
        None => text.parse().ok()?,
    };
    plain(char::from_u32(code)?).map(|c| (c, end + 3))
}

/// Secrets a client cuts out of error responses besides its signing
/// credentials (`ClientBuilder::redact_secrets`): the few most recently
/// [`add`](Self::add)ed (a token that was just replaced may still be
/// echoed by a call in flight).
#[derive(Default)]
pub struct Secrets {
    recent: Mutex<Vec<String>>,
}

/// How many secrets are remembered.
const REMEMBERED: usize = 16;

impl Secrets {
    /// An empty set.
    pub fn new() -> Arc<Self> {
        Arc::new(Secrets::default())
    }

    /// Remembers `secret` (ignored when empty).
    pub fn add(&self, secret: &str) {
        if secret.is_empty() {
            return;
        }
        let mut recent = self.recent.lock().unwrap_or_else(|e| e.into_inner());
        if recent.iter().any(|s| s == secret) {
            return;
        }
        if recent.len() == REMEMBERED {
            recent.remove(0);
        }
        recent.push(secret.to_owned());
    }

    /// The secrets, copied (for one error response's redaction).
    pub(crate) fn current(&self) -> Vec<String> {
        self.recent
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }
}

impl fmt::Debug for Secrets {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let count = self.recent.lock().map(|r| r.len()).unwrap_or(0);
        f.debug_struct("Secrets")
            .field("count", &count)
            .finish_non_exhaustive()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn redacted(body: &str, secret: &str) -> String {
        let mut response = HttpResponse::new(400, body.to_owned());
        redact_response(&mut response, &[secret]);
        String::from_utf8(response.body.to_vec()).unwrap()
    }

    #[test]
    fn escaped_forms_are_found() {
        let secret = "a+b/c=d";
        for body in [
            r#"{"m":"a+b/c=d"}"#,
            r#"{"m":"a+b\/c=d"}"#,
            r#"{"m":"a\u002bb\u002Fc\u003dd"}"#,
            "<Message>a&#43;b&#x2F;c&#61;d</Message>",
        ] {
            let out = redacted(body, secret);
            assert!(
                !out.contains("a+b/c=d") && out.contains(REDACTED),
                "{body} -> {out}"
            );
        }
    }

    #[test]
    fn structure_is_kept_and_clean_bodies_are_untouched() {
        assert_eq!(
            redacted(r#"{"m":"x\"y \u0022 s3cret"}"#, "s3cret"),
            r#"{"m":"x\"y \u0022 ** redacted **"}"#
        );
        let clean = r#"{"m":"\u0041 &#65; nothing"}"#;
        assert_eq!(redacted(clean, "s3cret"), clean);
        assert_eq!(
            redacted("<a>&#60;s3cret&#62;</a>", "s3cret"),
            "<a>&#60;** redacted **&#62;</a>"
        );
    }

    #[test]
    fn headers_are_redacted() {
        let mut response = HttpResponse::new(400, "");
        response
            .headers
            .insert("x-amzn-errortype", HeaderValue::from_static("Bad:s3cret"));
        redact_response(&mut response, &["s3cret"]);
        assert_eq!(
            response.header("x-amzn-errortype"),
            Some("Bad:** redacted **")
        );
    }
}
