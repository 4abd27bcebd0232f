//! The signature in the `Authorization` header: the entry points
//! [`sign_headers`] and [`sign_request`], the headers the signer adds, and
//! the header value
//! `AWS4-HMAC-SHA256 Credential=..., SignedHeaders=..., Signature=...`.

use http::{HeaderName, HeaderValue};

use super::canonical_request::Header;
use super::error::{ErrorKind, SigningError};
use super::headers::{
    AUTHORIZATION, CREDENTIAL, SIGNATURE, SIGNED_HEADERS, X_AMZ_CONTENT_SHA256, X_AMZ_DATE,
    X_AMZ_SECURITY_TOKEN,
};
use super::output::SigningOutput;
use super::request::{SignableRequest, SigningParams};
use super::signer::{self, Placement, Signed, Unsigned};
use super::signing_key::SigningKeyCache;
use super::string_to_sign::ALGORITHM;
use crate::http::HttpRequest;

/// Signs a request for the `Authorization` header.
///
/// Returns the headers to add; the request itself is not touched. A
/// `host` header, if given, is signed as is; otherwise the URL's host is.
/// An `x-amz-date`, `authorization` (or, when the signer sets them,
/// `x-amz-security-token` / `x-amz-content-sha256`) header already in the
/// request is ignored and must be replaced by the output's.
///
/// ```
/// use awsop_runtime::sigv4::{sign_headers, SignableRequest, SigningIdentity, SigningParams, SigningSettings};
/// use std::time::{Duration, UNIX_EPOCH};
///
/// let settings = SigningSettings::default();
/// let params = SigningParams {
///     identity: SigningIdentity::new("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", None),
///     region: "us-east-1",
///     service: "service",
///     time: UNIX_EPOCH + Duration::from_secs(1_440_938_160), // 2015-08-30T12:36:00Z
///     settings: &settings,
/// };
/// let request = SignableRequest { method: "GET", uri: "https://example.amazonaws.com/", headers: &[], body: b"" };
/// let output = sign_headers(&request, &params).unwrap();
/// assert_eq!(output.signature, "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31");
/// assert_eq!(output.headers[0], ("x-amz-date", "20150830T123600Z".to_owned()));
/// ```
pub fn sign_headers(
    req: &SignableRequest<'_>,
    params: &SigningParams<'_>,
) -> Result<SigningOutput, SigningError> {
    let request = Unsigned {
        method: req.method,
        uri: req.uri,
        headers: signer::borrowed_headers(req.headers),
        headers_checked: false,
        body: req.body,
    };
    signer::sign(request, params, Placement::Headers, None)
}

/// Signs an [`HttpRequest`] in place for the `Authorization` header: sets
/// `x-amz-date`, `x-amz-security-token` (temporary credentials),
/// `x-amz-content-sha256` (if the settings ask) and `authorization`,
/// replacing earlier values, so a retried request can be signed again.
///
/// The signing key comes from `cache`, so the HMAC chain runs once per
/// (secret, day, region, service). Header values must be UTF-8.
///
/// See the [`SigningKeyCache`] example.
pub fn sign_request(
    req: &mut HttpRequest,
    params: &SigningParams<'_>,
    cache: &SigningKeyCache,
) -> Result<(), SigningError> {
    let set = {
        let mut headers = Vec::with_capacity(req.headers.len() + 4);
        for (name, value) in &req.headers {
            let value = std::str::from_utf8(value.as_bytes()).map_err(|e| {
                SigningError::new(
                    ErrorKind::InvalidHeader,
                    format!("the value of {name} is not UTF-8"),
                )
                .with_source(e)
            })?;
            headers.push(Header {
                name: name.as_str(),
                value,
            });
        }
        let request = Unsigned {
            method: req.method.as_str(),
            uri: &req.uri,
            headers,
            headers_checked: true,
            body: &req.body,
        };
        // No `SigningOutput`: its `Vec` and its copy of the signature are
        // not needed here.
        signer::sign_with(
            request,
            params,
            Placement::Headers,
            Some(cache),
            |signed, _| headers_to_set(&signed),
        )?
    };
    // Replacing earlier values: a retried request is signed again.
    for (name, text) in set.into_iter().flatten() {
        req.headers
            .insert(HeaderName::from_static(name), value(name, text)?);
    }
    Ok(())
}

/// The headers header signing sets, in order, `authorization` last: `None`
/// for those this request does not get.
fn headers_to_set(signed: &Signed<'_>) -> [Option<(&'static str, String)>; 4] {
    [
        Some((X_AMZ_DATE, signed.amz_date.to_owned())),
        // Sent even when not signed (SessionTokenMode::Exclude).
        signed
            .session_token
            .map(|token| (X_AMZ_SECURITY_TOKEN, token.to_owned())),
        signed
            .content_sha256
            .map(|hash| (X_AMZ_CONTENT_SHA256, hash.to_owned())),
        Some((AUTHORIZATION, authorization_value(signed))),
    ]
}

/// `text` as the value of header `name`. An owned `String` becomes a
/// `HeaderValue` without a copy.
fn value(name: &str, text: String) -> Result<HeaderValue, SigningError> {
    let mut value = HeaderValue::try_from(text).map_err(|e| {
        SigningError::new(
            ErrorKind::InvalidHeader,
            format!("{name} is not a valid header value"),
        )
        .with_source(e)
    })?;
    // Kept out of the http crate's Debug output and HPACK tables.
    if name == AUTHORIZATION || name == X_AMZ_SECURITY_TOKEN {
        value.set_sensitive(true);
    }
    Ok(value)
}

/// Adds the headers the signer sets that are signed too: `x-amz-date`, the
/// session token when it is signed, and the payload hash when asked for.
pub(crate) fn push_signed_headers<'a>(
    headers: &mut Vec<Header<'a>>,
    amz_date: &'a str,
    signed_token: Option<&'a str>,
    content_sha256: Option<&'a str>,
) {
    headers.push(Header {
        name: X_AMZ_DATE,
        value: amz_date,
    });
    if let Some(token) = signed_token {
        headers.push(Header {
            name: X_AMZ_SECURITY_TOKEN,
            value: token,
        });
    }
    if let Some(hash) = content_sha256 {
        headers.push(Header {
            name: X_AMZ_CONTENT_SHA256,
            value: hash,
        });
    }
}

/// The output of header signing: the headers to set, `authorization` last.
pub(crate) fn finish(signed: Signed<'_>) -> SigningOutput {
    let headers = headers_to_set(&signed).into_iter().flatten().collect();
    let string_to_sign = signed.string_to_sign();
    SigningOutput {
        headers,
        query_params: Vec::new(),
        signature: signed.computed.signature.as_str().to_owned(),
        canonical_request: signed.computed.canonical_request,
        string_to_sign,
    }
}

/// The `authorization` value of a signed request.
fn authorization_value(signed: &Signed<'_>) -> String {
    header_value(
        signed.access_key_id,
        &signed.scope,
        &signed.signed_headers,
        signed.computed.signature.as_str(),
    )
}

/// `AWS4-HMAC-SHA256 Credential=AKID/scope, SignedHeaders=a;b, Signature=hex`.
fn header_value(access_key_id: &str, scope: &str, signed_headers: &str, signature: &str) -> String {
    [
        ALGORITHM,
        " ",
        CREDENTIAL,
        "=",
        access_key_id,
        "/",
        scope,
        ", ",
        SIGNED_HEADERS,
        "=",
        signed_headers,
        ", ",
        SIGNATURE,
        "=",
        signature,
    ]
    // One allocation of the exact length.
    .concat()
}
