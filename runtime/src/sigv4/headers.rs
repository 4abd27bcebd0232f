//! Every header, query-parameter and `Authorization` component name the
//! signer reads or writes, once.
//!
//! Header names are lower case: that is how they enter the canonical request,
//! and the form `http::HeaderName::from_static` requires. Query-parameter
//! names keep the mixed case the spec gives them, because query names are
//! signed (and sorted) byte for byte.

// Headers the signer sets (or reads back, when verifying).

/// The signature itself: `AWS4-HMAC-SHA256 Credential=..., SignedHeaders=..., Signature=...`.
pub(crate) const AUTHORIZATION: &str = "authorization";
/// Always signed; taken from the URL when the request has no such header.
pub(crate) const HOST: &str = "host";
/// The signing time, `20150830T123600Z`.
pub(crate) const X_AMZ_DATE: &str = "x-amz-date";
/// The session token of temporary credentials.
pub(crate) const X_AMZ_SECURITY_TOKEN: &str = "x-amz-security-token";
/// The payload hash, when the service wants it announced (S3).
pub(crate) const X_AMZ_CONTENT_SHA256: &str = "x-amz-content-sha256";

// Query parameters of a presigned URL, in the order the AWS SDKs write them.

/// `AWS4-HMAC-SHA256`.
pub(crate) const X_AMZ_ALGORITHM: &str = "X-Amz-Algorithm";
/// `AKID/20150830/us-east-1/service/aws4_request`.
pub(crate) const X_AMZ_CREDENTIAL: &str = "X-Amz-Credential";
/// The signing time (the header's mixed-case twin).
pub(crate) const X_AMZ_DATE_PARAM: &str = "X-Amz-Date";
/// `host;x-amz-date`-style list of the signed headers.
pub(crate) const X_AMZ_SIGNED_HEADERS: &str = "X-Amz-SignedHeaders";
/// Validity in seconds.
pub(crate) const X_AMZ_EXPIRES: &str = "X-Amz-Expires";
/// The session token of temporary credentials.
pub(crate) const X_AMZ_SECURITY_TOKEN_PARAM: &str = "X-Amz-Security-Token";
/// The signature; last, because it covers all the others.
pub(crate) const X_AMZ_SIGNATURE: &str = "X-Amz-Signature";

// The components of the `Authorization` header value, each followed by `=`.

/// `Credential=AKID/20150830/us-east-1/service/aws4_request`.
pub(crate) const CREDENTIAL: &str = "Credential";
/// `SignedHeaders=host;x-amz-date`.
pub(crate) const SIGNED_HEADERS: &str = "SignedHeaders";
/// `Signature=<64 hex digits>`.
pub(crate) const SIGNATURE: &str = "Signature";

/// Headers awsop never signs: per-attempt metadata, hop-by-hop headers, and
/// headers the transport may set or change after signing.
///
/// ```
/// use awsop_runtime::sigv4::{SigningSettings, NEVER_SIGNED_HEADERS};
/// assert!(NEVER_SIGNED_HEADERS.contains(&"user-agent"));
/// assert_eq!(SigningSettings::default().unsigned_headers, NEVER_SIGNED_HEADERS);
/// ```
pub const NEVER_SIGNED_HEADERS: &[&str] = &[
    AUTHORIZATION,
    "user-agent",
    "x-amzn-trace-id",
    "expect",
    "transfer-encoding",
    "connection",
    "content-length",
    "amz-sdk-invocation-id",
    "amz-sdk-request",
];

/// Whether a value under this header or query-parameter name is a secret
/// that `Debug` output must not show.
pub(crate) fn is_secret(name: &str) -> bool {
    name.eq_ignore_ascii_case(X_AMZ_SECURITY_TOKEN)
}
