//! The inputs of signing: the request, and who signs it where and when.

use std::fmt;
use std::time::SystemTime;

use super::identity::SigningIdentity;
use super::settings::SigningSettings;

/// Who signs, for which region and service, and when.
///
/// ```
/// use awsop_runtime::sigv4::{SigningIdentity, SigningParams, SigningSettings};
/// use std::time::SystemTime;
///
/// let settings = SigningSettings::default();
/// let params = SigningParams {
///     identity: SigningIdentity::new("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", None),
///     region: "us-east-1",
///     service: "datazone",
///     time: SystemTime::now(),
///     settings: &settings,
/// };
/// assert!(!format!("{params:?}").contains("wJalr"));
/// ```
#[derive(Debug, Clone, Copy)]
pub struct SigningParams<'a> {
    /// The keys (their `Debug` never shows the secret).
    pub identity: SigningIdentity<'a>,
    /// The signing region, e.g. `us-east-1`.
    pub region: &'a str,
    /// The signing name of the service, e.g. `datazone`.
    pub service: &'a str,
    /// The signing time (`X-Amz-Date`).
    pub time: SystemTime,
    /// Algorithm knobs.
    pub settings: &'a SigningSettings,
}

/// A request to sign, borrowed from wherever it lives.
///
/// ```
/// use awsop_runtime::sigv4::SignableRequest;
/// let request = SignableRequest {
///     method: "GET",
///     uri: "https://example.amazonaws.com/?X-Amz-Security-Token=secret",
///     headers: &[("x-amz-security-token", "secret")],
///     body: b"",
/// };
/// assert!(!format!("{request:?}").contains("secret"));
/// ```
#[derive(Clone, Copy)]
pub struct SignableRequest<'a> {
    /// The method, e.g. `POST`.
    pub method: &'a str,
    /// An absolute URL (`https://host/path?query`, whose host is signed unless
    /// a `host` header is given) or `/path?query` with a `host` header.
    /// The path and query are taken as sent on the wire (percent-encoded).
    pub uri: &'a str,
    /// The headers, any case, repeated names allowed.
    pub headers: &'a [(&'a str, &'a str)],
    /// The body exactly as sent.
    pub body: &'a [u8],
}

impl fmt::Debug for SignableRequest<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Header values and the query can carry tokens (x-amz-security-token,
        // a presigned URL's X-Amz-Signature): show only their shape.
        let (path, query) = self.uri.split_once('?').unwrap_or((self.uri, ""));
        let names: Vec<&str> = self.headers.iter().map(|(name, _)| *name).collect();
        f.debug_struct("SignableRequest")
            .field("method", &self.method)
            .field("uri", &path)
            .field("query_len", &query.len())
            .field("header_names", &names)
            .field("body_len", &self.body.len())
            .finish()
    }
}
