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
//! [`RedactingHttpClient`] applies this to every error response of a
//! transport, for secrets that are not the signing credentials: the bearer
//! and refresh tokens of IAM Identity Center, a web identity token.

use std::borrow::Cow;
use std::fmt;
use std::sync::{Arc, Mutex};

use http::HeaderValue;

use crate::error::DispatchError;
use crate::http::{HttpRequest, HttpResponse};
use crate::transport::HttpClient;
use crate::BoxFuture;

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

/// The secrets a [`RedactingHttpClient`] cuts out: the few most recently
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

    fn redact(&self, response: &mut HttpResponse) {
        let recent = self.recent.lock().unwrap_or_else(|e| e.into_inner());
        let secrets: Vec<&str> = recent.iter().map(String::as_str).collect();
        redact_response(response, &secrets);
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

/// A transport that cuts [`Secrets`] out of every error response (status
/// not 2xx) before the client reads it.
///
/// ```
/// use std::sync::Arc;
/// use awsop_runtime::http::{HttpRequest, HttpResponse};
/// use awsop_runtime::redact::{RedactingHttpClient, Secrets};
/// use awsop_runtime::transport::{HttpClient, ReplayClient};
/// # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
/// let secrets = Secrets::new();
/// secrets.add("bearer-123");
/// let inner = ReplayClient::new([Ok(HttpResponse::new(401, "token bearer-123 is expired"))]);
/// let client = RedactingHttpClient::new(Arc::new(inner), secrets);
/// let response = client.call(HttpRequest::new(http::Method::GET, "http://127.0.0.1/")).await.unwrap();
/// assert_eq!(&response.body[..], b"token ** redacted ** is expired");
/// # });
/// ```
#[derive(Debug)]
pub struct RedactingHttpClient {
    inner: Arc<dyn HttpClient>,
    secrets: Arc<Secrets>,
}

impl RedactingHttpClient {
    /// Sends through `inner`, redacting `secrets` from error responses.
    pub fn new(inner: Arc<dyn HttpClient>, secrets: Arc<Secrets>) -> Self {
        RedactingHttpClient { inner, secrets }
    }
}

impl HttpClient for RedactingHttpClient {
    fn call(&self, request: HttpRequest) -> BoxFuture<'_, Result<HttpResponse, DispatchError>> {
        Box::pin(async move {
            let mut response = self.inner.call(request).await?;
            if !response.is_success() {
                self.secrets.redact(&mut response);
            }
            Ok(response)
        })
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
