//! The server side: parse an `Authorization` header and recompute the
//! signature the client should have sent (used by the emulator). Behind the
//! cargo feature `verify`, so clients do not compile it.
//!
//! Only what a server alone does lives here: parsing the header, taking
//! the signed headers it names from the request, checking the date against
//! the scope. The canonical request, string to sign and signature are the
//! signer's own steps (`signature::compute`).
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

use super::canonical_request::{self, CanonicalInput, Header, PayloadHash};
use super::date::AmzDate;
use super::error::{ErrorKind, SigningError};
use super::headers::{CREDENTIAL, HOST, SIGNATURE, SIGNED_HEADERS, X_AMZ_DATE};
use super::request::SignableRequest;
use super::settings::SigningSettings;
use super::signature;
use super::signing_key;
use super::string_to_sign::{self, check_scope_part, ALGORITHM, TERMINATOR};
use super::uri;

/// A parsed `Authorization: AWS4-HMAC-SHA256 Credential=..., SignedHeaders=..., Signature=...`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Authorization {
    /// The access key id the client signed with.
    pub access_key_id: String,
    /// The scope date, `YYYYMMDD`.
    pub date: String,
    /// The scope region.
    pub region: String,
    /// The scope service.
    pub service: String,
    /// The signed header names: lower case, sorted, distinct.
    pub signed_headers: Vec<String>,
    /// The signature, 64 lowercase hex digits.
    pub signature: String,
}

fn malformed(detail: &'static str) -> SigningError {
    SigningError::new(ErrorKind::MalformedAuthorization, detail)
}

/// Parses an `Authorization` header value. Strict: exactly the three
/// components, each once, a five-part credential ending in `aws4_request`,
/// sorted lower-case signed headers, a 64-digit lowercase hex signature.
///
/// ```
/// use awsop_runtime::sigv4::verify::parse_authorization;
/// let auth = parse_authorization(
///     "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, \
///      SignedHeaders=host;x-amz-date, \
///      Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31",
/// ).unwrap();
/// assert_eq!((auth.date.as_str(), auth.region.as_str(), auth.service.as_str()), ("20150830", "us-east-1", "service"));
/// assert_eq!(auth.signed_headers, ["host", "x-amz-date"]);
/// assert!(parse_authorization("AWS4-HMAC-SHA256 Credential=AKID").is_err());
/// ```
pub fn parse_authorization(header_value: &str) -> Result<Authorization, SigningError> {
    let rest = header_value
        .trim_matches([' ', '\t'])
        .strip_prefix(ALGORITHM)
        .ok_or_else(|| malformed("expected the AWS4-HMAC-SHA256 scheme"))?;
    if !rest.starts_with([' ', '\t']) {
        return Err(malformed("expected a space after AWS4-HMAC-SHA256"));
    }
    let (mut credential, mut signed_headers, mut signature) = (None, None, None);
    for component in rest.split(',') {
        let component = component.trim_matches([' ', '\t']);
        let (name, value) = component
            .split_once('=')
            .ok_or_else(|| malformed("expected Name=value components separated by commas"))?;
        let slot = match name {
            CREDENTIAL => &mut credential,
            SIGNED_HEADERS => &mut signed_headers,
            SIGNATURE => &mut signature,
            _ => {
                return Err(malformed(
                    "unknown component (expected Credential, SignedHeaders, Signature)",
                ))
            }
        };
        if slot.replace(value).is_some() {
            return Err(malformed("a component appears twice"));
        }
    }
    let credential = credential.ok_or_else(|| malformed("no Credential"))?;
    let signed_headers = signed_headers.ok_or_else(|| malformed("no SignedHeaders"))?;
    let signature = signature.ok_or_else(|| malformed("no Signature"))?;

    let mut parts = credential.split('/');
    let mut next = || parts.next().filter(|part| !part.is_empty());
    let (access_key_id, date, region, service, terminator) =
        match (next(), next(), next(), next(), next()) {
            (Some(a), Some(d), Some(r), Some(s), Some(t)) => (a, d, r, s, t),
            _ => {
                return Err(malformed(
                    "Credential must be key/date/region/service/aws4_request",
                ))
            }
        };
    if parts.next().is_some() || terminator != TERMINATOR {
        return Err(malformed(
            "Credential must be key/date/region/service/aws4_request",
        ));
    }
    if date.len() != 8 || !date.bytes().all(|b| b.is_ascii_digit()) {
        return Err(malformed("the Credential date must be YYYYMMDD"));
    }
    for (what, value) in [
        ("access key id", access_key_id),
        ("region", region),
        ("service", service),
    ] {
        check_scope_part(what, value)
            .map_err(|_| malformed("a Credential part has invalid characters"))?;
    }
    let signed_headers: Vec<String> = signed_headers.split(';').map(str::to_owned).collect();
    check_signed_headers(&signed_headers)?;
    if signature.len() != 64
        || !signature
            .bytes()
            .all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
    {
        return Err(malformed("Signature must be 64 lowercase hex digits"));
    }
    Ok(Authorization {
        access_key_id: access_key_id.to_owned(),
        date: date.to_owned(),
        region: region.to_owned(),
        service: service.to_owned(),
        signed_headers,
        signature: signature.to_owned(),
    })
}

fn check_signed_headers(names: &[String]) -> Result<(), SigningError> {
    if names.is_empty() {
        return Err(malformed("SignedHeaders is empty"));
    }
    for name in names {
        let ok = !name.is_empty()
            && name.bytes().all(|b| {
                b.is_ascii_lowercase() || b.is_ascii_digit() || b"!#$%&'*+-.^_`|~".contains(&b)
            });
        if !ok {
            return Err(malformed(
                "SignedHeaders must be lower-case header names separated by ';'",
            ));
        }
    }
    if names.windows(2).any(|pair| pair[0] >= pair[1]) {
        return Err(malformed("SignedHeaders must be sorted and distinct"));
    }
    Ok(())
}

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
            match uri.host.as_deref() {
                Some(host) if name == HOST => headers.push(Header {
                    name: HOST,
                    value: host,
                }),
                _ => {
                    return Err(SigningError::new(
                        ErrorKind::MissingSignedHeader,
                        format!("{name} is listed in SignedHeaders"),
                    ))
                }
            }
        }
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
        canonical_request: computed.canonical_request,
        string_to_sign: computed.string_to_sign,
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

    const GOOD: &str = "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31";

    #[test]
    fn parses_a_well_formed_header() {
        let auth = parse_authorization(GOOD).unwrap();
        assert_eq!(auth.access_key_id, "AKIDEXAMPLE");
        assert_eq!(auth.signed_headers, ["host", "x-amz-date"]);
        // Without spaces after the commas, as some clients send it.
        let compact = GOOD.replace(", ", ",");
        assert_eq!(parse_authorization(&compact).unwrap(), auth);
    }

    #[test]
    fn malformed_headers_are_errors_not_panics() {
        let sig = "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31";
        let cases = [
            String::new(),
            "AWS4-HMAC-SHA256".into(),
            "AWS4-HMAC-SHA256 ".into(),
            "AWS4-HMAC-SHA256Credential=x".into(),
            "Basic dXNlcjpwYXNz".into(),
            "AWS4-HMAC-SHA256 Credential".into(),
            "AWS4-HMAC-SHA256 Credential=AKID/20150830/us-east-1/service/aws4_request".into(),
            format!("AWS4-HMAC-SHA256 Credential=AKID/20150830/us-east-1/service, SignedHeaders=host, Signature={sig}"),
            format!("AWS4-HMAC-SHA256 Credential=AKID/20150830/us-east-1/service/aws4_request/x, SignedHeaders=host, Signature={sig}"),
            format!("AWS4-HMAC-SHA256 Credential=AKID//us-east-1/service/aws4_request, SignedHeaders=host, Signature={sig}"),
            format!("AWS4-HMAC-SHA256 Credential=AKID/2015083/us-east-1/service/aws4_request, SignedHeaders=host, Signature={sig}"),
            format!("AWS4-HMAC-SHA256 Credential=AKID/20150830/us-east-1/service/aws3_request, SignedHeaders=host, Signature={sig}"),
            format!("AWS4-HMAC-SHA256 Credential=AK ID/20150830/us-east-1/service/aws4_request, SignedHeaders=host, Signature={sig}"),
            format!("AWS4-HMAC-SHA256 Credential=AKID/20150830/us-east-1/service/aws4_request, SignedHeaders=, Signature={sig}"),
            format!("AWS4-HMAC-SHA256 Credential=AKID/20150830/us-east-1/service/aws4_request, SignedHeaders=x-amz-date;host, Signature={sig}"),
            format!("AWS4-HMAC-SHA256 Credential=AKID/20150830/us-east-1/service/aws4_request, SignedHeaders=Host, Signature={sig}"),
            format!("AWS4-HMAC-SHA256 Credential=AKID/20150830/us-east-1/service/aws4_request, SignedHeaders=host;;x, Signature={sig}"),
            format!("AWS4-HMAC-SHA256 Credential=AKID/20150830/us-east-1/service/aws4_request, SignedHeaders=host;host, Signature={sig}"),
            "AWS4-HMAC-SHA256 Credential=AKID/20150830/us-east-1/service/aws4_request, SignedHeaders=host, Signature=abc".into(),
            format!("AWS4-HMAC-SHA256 Credential=AKID/20150830/us-east-1/service/aws4_request, SignedHeaders=host, Signature={}", sig.to_uppercase()),
            format!("AWS4-HMAC-SHA256 Credential=AKID/20150830/us-east-1/service/aws4_request, SignedHeaders=host, Signature={sig}, Signature={sig}"),
            format!("AWS4-HMAC-SHA256 Credential=AKID/20150830/us-east-1/service/aws4_request, SignedHeaders=host, Signature={sig}, Extra=1"),
            format!("AWS4-HMAC-SHA256 Credential=AKID/20150830/us-east-1/service/aws4_request, SignedHeaders=host, Signature={sig},"),
            format!("AWS4-HMAC-SHA256 Credential=AKID/20150830/us-east-1/service/aws4_request SignedHeaders=host Signature={sig}"),
            "AWS4-HMAC-SHA256 ,,,,".into(),
            "AWS4-HMAC-SHA256 Credential=ሴ/ሴ/ሴ/ሴ/ሴ, SignedHeaders=ሴ, Signature=ሴ".into(),
        ];
        for case in &cases {
            let err = parse_authorization(case).expect_err(case);
            assert_eq!(err.kind(), ErrorKind::MalformedAuthorization, "{case}");
        }
        // Every truncation and every single-byte corruption of a good header: no panic.
        for end in 0..GOOD.len() {
            if GOOD.is_char_boundary(end) {
                let _ = parse_authorization(&GOOD[..end]);
            }
        }
        for i in 0..GOOD.len() {
            for replacement in [b' ', b',', b'=', b'/', b';', b'\0', b'A'] {
                let mut bytes = GOOD.as_bytes().to_vec();
                bytes[i] = replacement;
                if let Ok(text) = std::str::from_utf8(&bytes) {
                    let _ = parse_authorization(text);
                }
            }
        }
    }

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
        assert!(check(
            &[("x-amz-date", "20150830T123600Z")],
            "https://example.amazonaws.com/"
        )
        .is_ok());
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
            creq,
        );
        signature::signature(&key, &sts).as_str().to_owned()
    }

    #[test]
    fn amz_date_parsing() {
        assert!(parse_amz_date("20150830T123600Z").is_ok());
        assert!(parse_amz_date("20150830T123600").is_err());
    }
}
