//! What signing produces, for either placement.

use std::fmt;

use super::headers;

/// What signing produced.
///
/// `Debug` hides the session token and the canonical request (which may
/// contain it).
///
/// ```
/// use awsop_runtime::sigv4::SigningOutput;
/// let output = SigningOutput {
///     headers: vec![("x-amz-security-token", "secret-token".into())],
///     query_params: vec![],
///     signature: "0".repeat(64),
///     canonical_request: "GET\n/\n...x-amz-security-token:secret-token...".into(),
///     string_to_sign: String::new(),
/// };
/// assert!(!format!("{output:?}").contains("secret-token"));
/// ```
#[derive(Clone)]
pub struct SigningOutput {
    /// Headers to set on the request, replacing any of the same name:
    /// `x-amz-date`, `x-amz-security-token` (temporary credentials),
    /// `x-amz-content-sha256` (if asked for) and `authorization`.
    /// Empty when presigning.
    pub headers: Vec<(&'static str, String)>,
    /// Query parameters to append when presigning, values not yet
    /// URI-encoded (see [`SigningOutput::presigned_uri`]). Empty for header signing.
    pub query_params: Vec<(&'static str, String)>,
    /// The signature, 64 lowercase hex digits.
    pub signature: String,
    /// The canonical request that was signed (for debugging mismatches).
    pub canonical_request: String,
    /// The string to sign.
    pub string_to_sign: String,
}

impl fmt::Debug for SigningOutput {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fn redacted<'a>(pairs: &'a [(&'static str, String)]) -> Vec<(&'static str, &'a str)> {
            pairs
                .iter()
                .map(|(name, value)| {
                    let shown = if headers::is_secret(name) {
                        "** redacted **"
                    } else {
                        value.as_str()
                    };
                    (*name, shown)
                })
                .collect()
        }
        f.debug_struct("SigningOutput")
            .field("headers", &redacted(&self.headers))
            .field("query_params", &redacted(&self.query_params))
            .field("signature", &self.signature)
            .field("string_to_sign", &self.string_to_sign)
            .finish_non_exhaustive()
    }
}
