//! Parsing the `Authorization` header a client sent:
//! `AWS4-HMAC-SHA256 Credential=AKID/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=...`.

use crate::sigv4::error::{ErrorKind, SigningError};
use crate::sigv4::headers::{CREDENTIAL, SIGNATURE, SIGNED_HEADERS};
use crate::sigv4::string_to_sign::{check_scope_part, ALGORITHM, TERMINATOR};

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

pub(super) fn check_signed_headers(names: &[String]) -> Result<(), SigningError> {
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
}
