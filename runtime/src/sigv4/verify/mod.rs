//! The server side: parse an `Authorization` header and recompute the
//! signature the client should have sent (used by the emulator). Behind the
//! cargo feature `verify`, so clients do not compile it.
//!
//! Only what a server alone does lives here: parsing the header
//! (`parse.rs`), taking the signed headers it names from the request,
//! checking the date against the scope. The canonical request, string to
//! sign and signature are the signer's own steps (`signature::compute`).
//!
//! ```
//! use awsop_runtime::sigv4::verify::{expected_signature, parse_authorization};
//! use awsop_runtime::sigv4::{sign_headers, SignableRequest, SigningIdentity, SigningParams, SigningSettings};
//! use std::time::{Duration, UNIX_EPOCH};
//!
//! // A client signs...
//! let settings = SigningSettings::default();
//! let params = SigningParams {
//!     identity: SigningIdentity::new("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", None),
//!     region: "us-east-1", service: "datazone",
//!     time: UNIX_EPOCH + Duration::from_secs(1_440_938_160), settings: &settings,
//! };
//! let unsigned = SignableRequest { method: "GET", uri: "https://datazone.us-east-1.api.aws/v2/domains", headers: &[], body: b"" };
//! let output = sign_headers(&unsigned, &params).unwrap();
//!
//! // ...and the server sees these headers.
//! let received: Vec<(&str, &str)> = [("host", "datazone.us-east-1.api.aws")]
//!     .into_iter()
//!     .chain(output.headers.iter().map(|(n, v)| (*n, v.as_str())))
//!     .collect();
//! let request = SignableRequest { method: "GET", uri: "/v2/domains", headers: &received, body: b"" };
//! let authorization = received.iter().find(|(n, _)| *n == "authorization").unwrap().1;
//! let auth = parse_authorization(authorization).unwrap();
//! assert_eq!(auth.access_key_id, "AKIDEXAMPLE");
//! let expected = expected_signature(&request, &auth, "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", &settings).unwrap();
//! assert_eq!(expected, auth.signature);
//! ```

use std::fmt;
use std::time::SystemTime;

mod parse;

use super::canonical_request::{self, CanonicalInput, Header, PayloadHash};
use super::date::AmzDate;
use super::error::{ErrorKind, SigningError};
use super::headers::{HOST, X_AMZ_DATE};
use super::request::SignableRequest;
use super::settings::SigningSettings;
use super::signature;
use super::signing_key;
use super::string_to_sign::{self, check_scope_part};
use super::uri;

use parse::check_signed_headers;
pub use parse::{parse_authorization, Authorization};

/// Everything a server recomputes from a request and its `Authorization`.
///
/// `Debug` leaves out the canonical request, which may hold a session token.
#[derive(Clone, PartialEq, Eq)]
pub struct Recomputed {
    /// The canonical request the client should have built (AWS returns it in
    /// `SignatureDoesNotMatch` errors).
    pub canonical_request: String,
    /// The string to sign.
    pub string_to_sign: String,
    /// The signature the client should have sent.
    pub signature: String,
}

impl fmt::Debug for Recomputed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Recomputed")
            .field("string_to_sign", &self.string_to_sign)
            .field("signature", &self.signature)
            .finish_non_exhaustive()
    }
}

/// Recomputes the signature over exactly `auth.signed_headers` (taken from
/// `req.headers`, which must include `x-amz-date`), with the given secret.
/// The caller compares it with `auth.signature`.
///
/// `host`, if signed but absent from the headers, is taken from an absolute
/// `req.uri`. The `x-amz-date` header must fall on the credential scope's
/// date. The payload hash follows `settings.payload` (so a request signed
/// with another hash does not verify).
///
/// See the [module example](self).
pub fn expected_signature(
    req: &SignableRequest<'_>,
    auth: &Authorization,
    secret_access_key: &str,
    settings: &SigningSettings,
) -> Result<String, SigningError> {
    recompute(req, auth, secret_access_key, settings).map(|r| r.signature)
}

/// [`expected_signature`], with the canonical request and string to sign
/// behind it, to explain a mismatch.
pub fn recompute(
    req: &SignableRequest<'_>,
    auth: &Authorization,
    secret_access_key: &str,
    settings: &SigningSettings,
) -> Result<Recomputed, SigningError> {
    canonical_request::check_method(req.method)?;
    let uri = uri::parse(req.uri)?;
    check_signed_headers(&auth.signed_headers)?;
    check_scope_part("region", &auth.region)?;
    check_scope_part("service", &auth.service)?;

    let mut dates = req
        .headers
        .iter()
        .filter(|(name, _)| name.eq_ignore_ascii_case(X_AMZ_DATE));
    let amz_date = match (dates.next(), dates.next()) {
        (Some((_, value)), None) => AmzDate::parse(value.trim_matches([' ', '\t']))?,
        (None, _) => {
            return Err(SigningError::new(
                ErrorKind::MissingSignedHeader,
                X_AMZ_DATE,
            ));
        }
        (Some(_), Some(_)) => {
            return Err(SigningError::new(
                ErrorKind::InvalidHeader,
                "x-amz-date appears twice",
            ));
        }
    };
    if amz_date.date() != auth.date {
        return Err(SigningError::new(
            ErrorKind::InvalidScope,
            "the x-amz-date header is not on the credential scope's date",
        ));
    }

    let mut headers: Vec<Header<'_>> = Vec::with_capacity(auth.signed_headers.len() + 2);
    let mut host_not_sent = false;
    for name in &auth.signed_headers {
        let before = headers.len();
        for &(header_name, value) in req.headers {
            if header_name.eq_ignore_ascii_case(name) {
                let header = Header {
                    name: header_name,
                    value,
                };
                canonical_request::check_header(header)?;
                headers.push(header);
            }
        }
        if headers.len() == before {
            if name != HOST || uri.host.is_none() {
                return Err(SigningError::new(
                    ErrorKind::MissingSignedHeader,
                    format!("{name} is listed in SignedHeaders"),
                ));
            }
            host_not_sent = true;
        }
    }
    // A signed `host` that was not sent is the one the URL implies: built
    // only then.
    let host_from_url;
    if let (true, Some(host)) = (host_not_sent, uri.host) {
        host_from_url = host.header();
        headers.push(Header {
            name: HOST,
            value: &host_from_url,
        });
    }
    canonical_request::sort_headers(&mut headers);
    let signed_headers = auth.signed_headers.join(";");
    let payload_hash = PayloadHash::new(&settings.payload, req.body)?;
    let input = CanonicalInput {
        method: req.method,
        path: uri.path,
        query: uri.query,
        extra_query: &[],
        headers: &headers,
        signed_headers: &signed_headers,
        payload_hash: payload_hash.as_str(),
        normalize_path: settings.normalize_path,
        double_encode_path: settings.double_encode_path,
    };
    let scope = string_to_sign::scope(&auth.date, &auth.region, &auth.service);
    let key = signing_key::derive(secret_access_key, &auth.date, &auth.region, &auth.service);
    let computed = signature::compute(&input, amz_date.as_str(), &scope, &key);
    Ok(Recomputed {
        signature: computed.signature.as_str().to_owned(),
        string_to_sign: computed.string_to_sign(amz_date.as_str(), &scope),
        canonical_request: computed.canonical_request,
    })
}

/// Parses an `X-Amz-Date` value (`20150830T123600Z`), for clock-skew checks.
///
/// ```
/// use awsop_runtime::sigv4::verify::parse_amz_date;
/// use std::time::{Duration, UNIX_EPOCH};
/// assert_eq!(parse_amz_date("20150830T123600Z").unwrap(), UNIX_EPOCH + Duration::from_secs(1_440_938_160));
/// assert!(parse_amz_date("2015-08-30T12:36:00Z").is_err());
/// ```
pub fn parse_amz_date(value: &str) -> Result<SystemTime, SigningError> {
    AmzDate::parse(value).map(AmzDate::to_system_time)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sigv4::encode::Hex32;

    const GOOD: &str = "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31";

    #[test]
    fn recompute_rejects_inconsistent_requests() {
        let auth = parse_authorization(GOOD).unwrap();
        let settings = SigningSettings::default();
        let check = |headers: &[(&str, &str)], uri: &str| {
            let req = SignableRequest {
                method: "GET",
                uri,
                headers,
                body: b"",
            };
            expected_signature(&req, &auth, "secret", &settings)
        };
        let ok = check(
            &[
                ("Host", "example.amazonaws.com"),
                ("X-Amz-Date", "20150830T123600Z"),
            ],
            "/",
        );
        assert_eq!(ok.unwrap(), ok_signature());
        assert_eq!(
            check(&[("host", "h")], "/").unwrap_err().kind(),
            ErrorKind::MissingSignedHeader
        );
        assert_eq!(
            check(&[("x-amz-date", "20150830T123600Z")], "/")
                .unwrap_err()
                .kind(),
            ErrorKind::MissingSignedHeader
        );
        // A signed host that was not sent is the URL's: the same signature.
        assert_eq!(
            check(
                &[("x-amz-date", "20150830T123600Z")],
                "https://EXAMPLE.amazonaws.com:443/"
            )
            .unwrap(),
            ok_signature()
        );
        assert_eq!(
            check(&[("host", "h"), ("x-amz-date", "20150831T000000Z")], "/")
                .unwrap_err()
                .kind(),
            ErrorKind::InvalidScope
        );
        assert_eq!(
            check(&[("host", "h"), ("x-amz-date", "yesterday")], "/")
                .unwrap_err()
                .kind(),
            ErrorKind::InvalidTime
        );
        assert_eq!(
            check(
                &[
                    ("host", "h"),
                    ("x-amz-date", "20150830T123600Z"),
                    ("X-Amz-Date", "20150830T123600Z")
                ],
                "/"
            )
            .unwrap_err()
            .kind(),
            ErrorKind::InvalidHeader
        );
        assert_eq!(
            check(
                &[("host", "h"), ("x-amz-date", "20150830T123600Z")],
                "no-slash"
            )
            .unwrap_err()
            .kind(),
            ErrorKind::InvalidUri
        );
    }

    fn ok_signature() -> String {
        // get-vanilla of the suite signed with the secret "secret" instead of the example key.
        let key = signing_key::derive("secret", "20150830", "us-east-1", "service");
        let creq = "GET\n/\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\n\
                    e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
        let sts = string_to_sign::build(
            "20150830T123600Z",
            "20150830/us-east-1/service/aws4_request",
            &string_to_sign::hash_canonical_request(creq),
        );
        // HMAC of the whole string, not the signer's piecewise one.
        Hex32::new(ring::hmac::sign(&key, sts.as_bytes()).as_ref())
            .as_str()
            .to_owned()
    }

    #[test]
    fn amz_date_parsing() {
        assert!(parse_amz_date("20150830T123600Z").is_ok());
        assert!(parse_amz_date("20150830T123600").is_err());
    }
}
