//! The one error type of the signer.

use std::borrow::Cow;
use std::fmt;

/// Why a request could not be signed or an `Authorization` header not checked.
///
/// Messages name the offending part (a header name, the URI's shape) but
/// never a header value, a secret or a session token.
///
/// ```
/// use awsop_runtime::sigv4::{sign_headers, SignableRequest, SigningIdentity, SigningParams, SigningSettings};
/// let settings = SigningSettings::default();
/// let params = SigningParams {
///     identity: SigningIdentity::new("AKID", "SECRET", None),
///     region: "us-east-1", service: "datazone",
///     time: std::time::SystemTime::now(), settings: &settings,
/// };
/// let request = SignableRequest { method: "GET", uri: "no-scheme/path", headers: &[], body: b"" };
/// let err = sign_headers(&request, &params).unwrap_err();
/// assert!(err.to_string().starts_with("invalid request URI"), "{err}");
/// ```
#[derive(Debug)]
pub struct SigningError {
    kind: ErrorKind,
    detail: Cow<'static, str>,
    source: Option<Box<dyn std::error::Error + Send + Sync>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ErrorKind {
    InvalidUri,
    InvalidMethod,
    InvalidHeader,
    MissingHost,
    InvalidTime,
    InvalidScope,
    InvalidExpiry,
    // Only the server side (`verify/`) finds these.
    #[cfg(feature = "verify")]
    MalformedAuthorization,
    #[cfg(feature = "verify")]
    MissingSignedHeader,
}

impl ErrorKind {
    fn describe(self) -> &'static str {
        match self {
            ErrorKind::InvalidUri => "invalid request URI",
            ErrorKind::InvalidMethod => "invalid HTTP method",
            ErrorKind::InvalidHeader => "invalid request header",
            ErrorKind::MissingHost => "no host to sign",
            ErrorKind::InvalidTime => "invalid signing time",
            ErrorKind::InvalidScope => "invalid credential scope",
            ErrorKind::InvalidExpiry => "invalid presigned URL expiry",
            #[cfg(feature = "verify")]
            ErrorKind::MalformedAuthorization => "malformed authorization header",
            #[cfg(feature = "verify")]
            ErrorKind::MissingSignedHeader => "signed header missing from the request",
        }
    }
}

impl SigningError {
    pub(crate) fn new(kind: ErrorKind, detail: impl Into<Cow<'static, str>>) -> Self {
        SigningError {
            kind,
            detail: detail.into(),
            source: None,
        }
    }

    pub(crate) fn with_source(
        mut self,
        source: impl std::error::Error + Send + Sync + 'static,
    ) -> Self {
        self.source = Some(Box::new(source));
        self
    }

    #[cfg(test)]
    pub(crate) fn kind(&self) -> ErrorKind {
        self.kind
    }
}

impl fmt::Display for SigningError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.kind.describe())?;
        if !self.detail.is_empty() {
            write!(f, ": {}", self.detail)?;
        }
        Ok(())
    }
}

impl std::error::Error for SigningError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.source.as_deref().map(|e| e as _)
    }
}
