//! The signature in the query string: [`presign_query`], the `X-Amz-*`
//! parameters it signs and returns, and [`SigningOutput::presigned_uri`].

use std::time::Duration;

use super::encode;
use super::error::{ErrorKind, SigningError};
use super::headers::{
    X_AMZ_ALGORITHM, X_AMZ_CREDENTIAL, X_AMZ_DATE_PARAM, X_AMZ_EXPIRES, X_AMZ_SECURITY_TOKEN_PARAM,
    X_AMZ_SIGNATURE, X_AMZ_SIGNED_HEADERS,
};
use super::output::SigningOutput;
use super::request::{SignableRequest, SigningParams};
use super::signer::{self, Placement, Signed, Unsigned};
use super::string_to_sign::ALGORITHM;

/// The longest validity of a presigned URL SigV4 allows: seven days.
const MAX_EXPIRES_SECS: u64 = 7 * 24 * 60 * 60;

/// Signs a request as a presigned URL valid for `expires_in` (one second to
/// seven days, whole seconds).
///
/// ```
/// use awsop_runtime::sigv4::{presign_query, SignableRequest, SigningIdentity, SigningParams, SigningSettings};
/// use std::time::{Duration, UNIX_EPOCH};
///
/// let settings = SigningSettings::default();
/// let params = SigningParams {
///     identity: SigningIdentity::new("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", None),
///     region: "us-east-1", service: "service",
///     time: UNIX_EPOCH + Duration::from_secs(1_440_938_160), settings: &settings,
/// };
/// let request = SignableRequest { method: "GET", uri: "https://example.amazonaws.com/", headers: &[], body: b"" };
/// let output = presign_query(&request, &params, Duration::from_secs(3600)).unwrap();
/// assert_eq!(output.signature, "e93c787ed7f371d5c6b165c1b38ede9550f4dce4144713e844b25b7192d3865d");
/// assert!(output.presigned_uri(request.uri).ends_with(&format!("&X-Amz-Signature={}", output.signature)));
/// ```
pub fn presign_query(
    req: &SignableRequest<'_>,
    params: &SigningParams<'_>,
    expires_in: Duration,
) -> Result<SigningOutput, SigningError> {
    let expires_secs = expires_in.as_secs();
    if !(1..=MAX_EXPIRES_SECS).contains(&expires_secs) {
        return Err(SigningError::new(
            ErrorKind::InvalidExpiry,
            "must be between 1 second and 7 days",
        ));
    }
    let request = Unsigned {
        method: req.method,
        uri: req.uri,
        headers: signer::borrowed_headers(req.headers),
        headers_checked: false,
        body: req.body,
    };
    signer::sign(request, params, Placement::Query { expires_secs }, None)
}

/// The values of the query parameters that are not known before signing
/// ends but must outlive it (they are both signed and returned).
pub(crate) struct Query {
    /// `AKID/20150830/us-east-1/service/aws4_request`.
    credential: String,
    expires: String,
}

impl Query {
    pub(crate) fn new(access_key_id: &str, scope: &str, expires_secs: u64) -> Self {
        Query {
            credential: [access_key_id, "/", scope].concat(),
            expires: expires_secs.to_string(),
        }
    }

    /// The parameters that enter the canonical query string, raw (the
    /// canonical request encodes them). The token only when it is signed.
    pub(crate) fn signed_params<'a>(
        &'a self,
        amz_date: &'a str,
        signed_headers: &'a str,
        signed_token: Option<&'a str>,
    ) -> Vec<(&'static str, &'a str)> {
        let mut params = Vec::with_capacity(6);
        params.extend([
            (X_AMZ_ALGORITHM, ALGORITHM),
            (X_AMZ_CREDENTIAL, self.credential.as_str()),
            (X_AMZ_DATE_PARAM, amz_date),
            (X_AMZ_EXPIRES, self.expires.as_str()),
            (X_AMZ_SIGNED_HEADERS, signed_headers),
        ]);
        if let Some(token) = signed_token {
            params.push((X_AMZ_SECURITY_TOKEN_PARAM, token));
        }
        params
    }

    /// The output of presigning: every parameter to append, in the order of
    /// the AWS SDKs' presigned URLs, the signature last.
    pub(crate) fn finish(self, signed: Signed<'_>) -> SigningOutput {
        let string_to_sign = signed.string_to_sign();
        let signature = signed.computed.signature;
        let mut params: Vec<(&'static str, String)> = Vec::with_capacity(7);
        params.push((X_AMZ_ALGORITHM, ALGORITHM.to_owned()));
        params.push((X_AMZ_CREDENTIAL, self.credential));
        params.push((X_AMZ_DATE_PARAM, signed.amz_date.to_owned()));
        params.push((X_AMZ_SIGNED_HEADERS, signed.signed_headers));
        params.push((X_AMZ_EXPIRES, self.expires));
        // Sent even when not signed (SessionTokenMode::Exclude).
        if let Some(token) = signed.session_token {
            params.push((X_AMZ_SECURITY_TOKEN_PARAM, token.to_owned()));
        }
        params.push((X_AMZ_SIGNATURE, signature.as_str().to_owned()));
        SigningOutput {
            headers: Vec::new(),
            query_params: params,
            signature: signature.as_str().to_owned(),
            canonical_request: signed.computed.canonical_request,
            string_to_sign,
        }
    }
}

impl SigningOutput {
    /// `uri` with [`SigningOutput::query_params`] appended, URI-encoded
    /// (before any `#fragment`).
    ///
    /// ```
    /// # use awsop_runtime::sigv4::SigningOutput;
    /// let output = SigningOutput {
    ///     headers: vec![],
    ///     query_params: vec![("X-Amz-Credential", "AKID/20150830/us-east-1/s3/aws4_request".into())],
    ///     signature: String::new(), canonical_request: String::new(), string_to_sign: String::new(),
    /// };
    /// assert_eq!(
    ///     output.presigned_uri("https://h/k?a=1"),
    ///     "https://h/k?a=1&X-Amz-Credential=AKID%2F20150830%2Fus-east-1%2Fs3%2Faws4_request"
    /// );
    /// ```
    pub fn presigned_uri(&self, uri: &str) -> String {
        let (base, fragment) = match uri.split_once('#') {
            Some((base, fragment)) => (base, Some(fragment)),
            None => (uri, None),
        };
        let extra: usize = self
            .query_params
            .iter()
            .map(|(k, v)| k.len() + v.len() * 3 + 2)
            .sum();
        let mut out = String::with_capacity(uri.len() + extra);
        out.push_str(base);
        let mut separator = if !base.contains('?') {
            '?'
        } else if base.ends_with('?') || base.ends_with('&') {
            '\0'
        } else {
            '&'
        };
        for (name, value) in &self.query_params {
            if separator != '\0' {
                out.push(separator);
            }
            separator = '&';
            encode::encode_strict(&mut out, name);
            out.push('=');
            encode::encode_strict(&mut out, value);
        }
        if let Some(fragment) = fragment {
            out.push('#');
            out.push_str(fragment);
        }
        out
    }
}
