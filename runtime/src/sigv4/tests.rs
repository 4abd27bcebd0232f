//! Tests of the public signing functions (the suite runs in `tests/sigv4_suite.rs`).

use std::time::{Duration, UNIX_EPOCH};

use http::HeaderValue;

use super::error::ErrorKind;
#[cfg(feature = "verify")]
use super::verify::{self, expected_signature, parse_authorization};
use super::*;
use crate::http::HttpRequest;

const AKID: &str = "AKIDEXAMPLE";
const SECRET: &str = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
const TOKEN: &str = "AQoDYXdzEPT//////////wEXAMPLE+token=";
/// 2015-08-30T12:36:00Z
const TIME: u64 = 1_440_938_160;

const GOLDEN_URI: &str =
    "https://datazone.us-east-1.api.aws/v2/domains/dzd_4p9n6sw4qt9xgn/user-profiles";
const GOLDEN_BODY: &str = r#"{"userIdentifier": "arn:aws:iam::123456789012:role/DataScientist", "userType": "IAM_ROLE", "clientToken": "6f1a3c2e-1b7d-4c55-9a0e-2f3b4c5d6e7f"}"#;
const GOLDEN_SIGNATURE: &str = "5ee93db449cadb7ad497ff3594ace74ca8c50954c81f257b11c3773a250b162d";
const GOLDEN_AUTHORIZATION: &str = "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/datazone/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature=5ee93db449cadb7ad497ff3594ace74ca8c50954c81f257b11c3773a250b162d";

fn identity(token: Option<&'static str>) -> SigningIdentity<'static> {
    SigningIdentity::new(AKID, SECRET, token)
}

fn params<'a>(identity: &SigningIdentity<'a>, settings: &'a SigningSettings) -> SigningParams<'a> {
    SigningParams {
        identity: *identity,
        region: "us-east-1",
        service: "datazone",
        time: UNIX_EPOCH + Duration::from_secs(TIME),
        settings,
    }
}

fn header<'a>(output: &'a SigningOutput, name: &str) -> Option<&'a str> {
    output
        .headers
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, v)| v.as_str())
}

#[test]
fn design_golden_request() {
    let creds = identity(None);
    let settings = SigningSettings::default();
    let request = SignableRequest {
        method: "POST",
        uri: GOLDEN_URI,
        headers: &[
            ("Content-Type", "application/json"),
            ("host", "datazone.us-east-1.api.aws"),
        ],
        body: GOLDEN_BODY.as_bytes(),
    };
    let output = sign_headers(&request, &params(&creds, &settings)).unwrap();
    assert_eq!(
        output.canonical_request,
        "POST\n/v2/domains/dzd_4p9n6sw4qt9xgn/user-profiles\n\n\
         content-type:application/json\nhost:datazone.us-east-1.api.aws\nx-amz-date:20150830T123600Z\n\n\
         content-type;host;x-amz-date\n\
         b7092b7d71c5384d99ee148b6d0150111176306eff753e1d3ce4f17547ef8131"
    );
    assert_eq!(output.signature, GOLDEN_SIGNATURE);
    assert_eq!(header(&output, "x-amz-date"), Some("20150830T123600Z"));
    assert_eq!(header(&output, "authorization"), Some(GOLDEN_AUTHORIZATION));
    assert_eq!(output.headers.len(), 2);
    assert!(output.query_params.is_empty());
}

#[test]
fn sign_request_golden_in_place_and_again() {
    let creds = identity(None);
    let settings = SigningSettings::default();
    let cache = SigningKeyCache::default();
    let mut request = HttpRequest::new(http::Method::POST, GOLDEN_URI);
    request
        .headers
        .insert("content-type", HeaderValue::from_static("application/json"));
    // Per-attempt metadata must not enter the signature.
    request
        .headers
        .insert("user-agent", HeaderValue::from_static("awsop/0.1"));
    request
        .headers
        .insert("amz-sdk-invocation-id", HeaderValue::from_static("abc"));
    request.headers.insert(
        "amz-sdk-request",
        HeaderValue::from_static("attempt=1; max=3"),
    );
    request.body = bytes::Bytes::from_static(GOLDEN_BODY.as_bytes());

    for attempt in 1..=2 {
        sign_request(&mut request, &params(&creds, &settings), &cache).unwrap();
        let authorization = request.headers.get("authorization").unwrap();
        assert!(authorization.is_sensitive());
        assert_eq!(authorization, GOLDEN_AUTHORIZATION, "attempt {attempt}");
        assert_eq!(
            request.headers.get("x-amz-date").unwrap(),
            "20150830T123600Z"
        );
        assert_eq!(request.headers.get_all("authorization").iter().count(), 1);
        request.headers.insert(
            "amz-sdk-request",
            HeaderValue::from_static("attempt=2; max=3"),
        );
    }
    assert_eq!(cache.len(), 1);
}

#[test]
fn host_comes_from_the_url_when_not_given() {
    let creds = identity(None);
    let settings = SigningSettings::default();
    let with_header = SignableRequest {
        method: "GET",
        uri: "/path?x=1",
        headers: &[("Host", "example.com:8443")],
        body: b"",
    };
    let from_url = SignableRequest {
        uri: "https://Example.com:8443/path?x=1",
        headers: &[],
        ..with_header
    };
    let a = sign_headers(&with_header, &params(&creds, &settings)).unwrap();
    let b = sign_headers(&from_url, &params(&creds, &settings)).unwrap();
    assert_eq!(a.signature, b.signature);
    assert!(b.canonical_request.contains("\nhost:example.com:8443\n"));
}

#[test]
fn session_token_signed_or_appended() {
    let creds = identity(Some(TOKEN));
    let signed = SigningSettings::default();
    let appended = SigningSettings {
        session_token: SessionTokenMode::Exclude,
        ..SigningSettings::default()
    };
    let request = SignableRequest {
        method: "GET",
        uri: "https://datazone.us-east-1.api.aws/v2/domains",
        // A stale token header from an earlier attempt is replaced, not signed twice.
        headers: &[("X-Amz-Security-Token", "stale")],
        body: b"",
    };

    let out = sign_headers(&request, &params(&creds, &signed)).unwrap();
    assert_eq!(header(&out, "x-amz-security-token"), Some(TOKEN));
    assert!(header(&out, "authorization")
        .unwrap()
        .contains("SignedHeaders=host;x-amz-date;x-amz-security-token,"));
    assert!(out
        .canonical_request
        .contains(&format!("\nx-amz-security-token:{TOKEN}\n")));
    assert!(!out.canonical_request.contains("stale"));

    let out = sign_headers(&request, &params(&creds, &appended)).unwrap();
    assert_eq!(header(&out, "x-amz-security-token"), Some(TOKEN));
    assert!(header(&out, "authorization")
        .unwrap()
        .contains("SignedHeaders=host;x-amz-date,"));
    assert!(!out.canonical_request.contains("security-token"));

    let hour = Duration::from_secs(3600);
    let out = presign_query(&request, &params(&creds, &signed), hour).unwrap();
    assert!(out.canonical_request.contains(
        "&X-Amz-Security-Token=AQoDYXdzEPT%2F%2F%2F%2F%2F%2F%2F%2F%2F%2FwEXAMPLE%2Btoken%3D&"
    ));
    let names: Vec<&str> = out.query_params.iter().map(|(n, _)| *n).collect();
    assert_eq!(
        names,
        [
            "X-Amz-Algorithm",
            "X-Amz-Credential",
            "X-Amz-Date",
            "X-Amz-SignedHeaders",
            "X-Amz-Expires",
            "X-Amz-Security-Token",
            "X-Amz-Signature"
        ]
    );
    let out = presign_query(&request, &params(&creds, &appended), hour).unwrap();
    assert!(!out.canonical_request.contains("Security-Token"));
    assert!(out
        .query_params
        .iter()
        .any(|(n, v)| *n == "X-Amz-Security-Token" && v == TOKEN));
}

#[test]
fn payload_modes_and_content_sha256_header() {
    let creds = identity(None);
    let request = SignableRequest {
        method: "PUT",
        uri: "https://bucket.s3.amazonaws.com/key",
        headers: &[("x-amz-content-sha256", "stale")],
        body: b"hello",
    };
    let hello = "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824";

    let settings = SigningSettings {
        content_sha256_header: true,
        ..SigningSettings::default()
    };
    let out = sign_headers(&request, &params(&creds, &settings)).unwrap();
    assert_eq!(header(&out, "x-amz-content-sha256"), Some(hello));
    assert!(out.canonical_request.ends_with(&format!("\n{hello}")));
    assert!(out
        .canonical_request
        .contains(&format!("\nx-amz-content-sha256:{hello}\n")));

    let settings = SigningSettings {
        payload: PayloadHashing::Unsigned,
        content_sha256_header: true,
        ..SigningSettings::default()
    };
    let out = sign_headers(&request, &params(&creds, &settings)).unwrap();
    assert_eq!(
        header(&out, "x-amz-content-sha256"),
        Some("UNSIGNED-PAYLOAD")
    );
    assert!(out.canonical_request.ends_with("\nUNSIGNED-PAYLOAD"));

    let settings = SigningSettings {
        payload: PayloadHashing::Precomputed(hello.to_owned()),
        ..SigningSettings::default()
    };
    let precomputed = sign_headers(
        &SignableRequest {
            body: b"",
            ..request
        },
        &params(&creds, &settings),
    )
    .unwrap();
    assert!(header(&precomputed, "x-amz-content-sha256").is_none());
    // Without the content header, a caller's own x-amz-content-sha256 is an ordinary signed header.
    assert!(precomputed
        .canonical_request
        .contains("\nx-amz-content-sha256:stale\n"));
    assert!(precomputed
        .canonical_request
        .ends_with(&format!("\n{hello}")));
}

#[test]
fn path_settings() {
    let creds = identity(None);
    let request = SignableRequest {
        method: "GET",
        uri: "https://h/a//b/../c%3D d",
        headers: &[],
        body: b"",
    };
    let path = |settings: &SigningSettings| {
        let out = sign_headers(&request, &params(&creds, settings)).unwrap();
        out.canonical_request.lines().nth(1).unwrap().to_owned()
    };
    assert_eq!(path(&SigningSettings::default()), "/a/c%253D%20d");
    let s3 = SigningSettings {
        normalize_path: false,
        double_encode_path: false,
        ..SigningSettings::default()
    };
    assert_eq!(path(&s3), "/a//b/../c%3D%20d");
}

#[test]
fn never_signed_headers_stay_out() {
    let creds = identity(None);
    let settings = SigningSettings::default();
    let headers: Vec<(&str, &str)> = NEVER_SIGNED_HEADERS
        .iter()
        .map(|name| (*name, "x"))
        .chain([
            ("Content-Length", "5"),
            ("X-Amz-User-Agent", "signed"),
            ("X-Amz-Date", "old"),
        ])
        .collect();
    let request = SignableRequest {
        method: "POST",
        uri: "https://h/",
        headers: &headers,
        body: b"hello",
    };
    let out = sign_headers(&request, &params(&creds, &settings)).unwrap();
    assert!(header(&out, "authorization")
        .unwrap()
        .contains("SignedHeaders=host;x-amz-date;x-amz-user-agent,"));
    assert!(!out.canonical_request.contains("old"));
}

#[test]
fn presigned_uri_appends_encoded_params() {
    let creds = identity(None);
    let settings = SigningSettings::default();
    let request = SignableRequest {
        method: "GET",
        uri: "https://h/k?a=1#frag",
        headers: &[],
        body: b"",
    };
    let out = presign_query(
        &request,
        &params(&creds, &settings),
        Duration::from_secs(60),
    )
    .unwrap();
    let uri = out.presigned_uri(request.uri);
    assert!(uri.starts_with(
        "https://h/k?a=1&X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIDEXAMPLE%2F20150830%2Fus-east-1%2Fdatazone%2Faws4_request&X-Amz-Date=20150830T123600Z&X-Amz-SignedHeaders=host&X-Amz-Expires=60&X-Amz-Signature="
    ));
    assert!(uri.ends_with("#frag"));
    assert!(out.headers.is_empty());
    assert_eq!(
        out.presigned_uri("https://h/k"),
        uri.replace("?a=1&", "?").replace("#frag", "")
    );
}

#[test]
fn bad_input_is_an_error_not_a_panic() {
    let creds = identity(None);
    let settings = SigningSettings::default();
    let p = params(&creds, &settings);
    let ok = SignableRequest {
        method: "GET",
        uri: "https://h/",
        headers: &[],
        body: b"",
    };
    let kind =
        |req: SignableRequest<'_>, p: &SigningParams<'_>| sign_headers(&req, p).unwrap_err().kind();
    assert_eq!(
        kind(SignableRequest { uri: "h/x", ..ok }, &p),
        ErrorKind::InvalidUri
    );
    assert_eq!(
        kind(
            SignableRequest {
                uri: "https://a b/",
                ..ok
            },
            &p
        ),
        ErrorKind::InvalidUri
    );
    assert_eq!(
        kind(SignableRequest { uri: "/x", ..ok }, &p),
        ErrorKind::MissingHost
    );
    assert_eq!(
        kind(
            SignableRequest {
                method: "G T",
                ..ok
            },
            &p
        ),
        ErrorKind::InvalidMethod
    );
    assert_eq!(
        kind(
            SignableRequest {
                headers: &[("bad name", "v")],
                ..ok
            },
            &p
        ),
        ErrorKind::InvalidHeader
    );
    assert_eq!(
        kind(
            SignableRequest {
                headers: &[("x", "nul\0")],
                ..ok
            },
            &p
        ),
        ErrorKind::InvalidHeader
    );
    let before_1970 = SigningParams {
        time: UNIX_EPOCH - Duration::from_secs(1),
        ..p
    };
    assert_eq!(kind(ok, &before_1970), ErrorKind::InvalidTime);
    let bad_region = SigningParams {
        region: "us/east",
        ..p
    };
    assert_eq!(kind(ok, &bad_region), ErrorKind::InvalidScope);
    let empty_service = SigningParams { service: "", ..p };
    assert_eq!(kind(ok, &empty_service), ErrorKind::InvalidScope);
    let bad_token = identity(Some("line\nbreak"));
    assert_eq!(
        kind(
            ok,
            &SigningParams {
                identity: bad_token,
                ..p
            }
        ),
        ErrorKind::InvalidHeader
    );
    for expiry in [0, 7 * 24 * 3600 + 1] {
        let err = presign_query(&ok, &p, Duration::from_secs(expiry)).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidExpiry);
    }
    assert!(presign_query(&ok, &p, Duration::from_secs(7 * 24 * 3600)).is_ok());

    // An HttpRequest header that is not UTF-8.
    let cache = SigningKeyCache::new();
    let mut request = HttpRequest::new(http::Method::GET, "https://h/");
    request
        .headers
        .insert("x-bin", HeaderValue::from_bytes(b"\xff\xfe").unwrap());
    let err = sign_request(&mut request, &p, &cache).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidHeader);
    assert!(std::error::Error::source(&err).is_some());
    assert!(request.headers.get("authorization").is_none());
    let mut relative = HttpRequest::new(http::Method::GET, "/no-host");
    assert_eq!(
        sign_request(&mut relative, &p, &cache).unwrap_err().kind(),
        ErrorKind::MissingHost
    );
    let shown = err.to_string();
    assert!(shown.starts_with("invalid request header"), "{shown}");
}

#[test]
fn debug_output_redacts_secrets() {
    let creds = identity(Some(TOKEN));
    let settings = SigningSettings::default();
    let p = params(&creds, &settings);
    let request = SignableRequest {
        method: "GET",
        uri: "https://h/?X-Amz-Security-Token=leak",
        headers: &[("x-amz-security-token", TOKEN)],
        body: b"",
    };
    let out = sign_headers(&request, &p).unwrap();
    let presigned = presign_query(&request, &p, Duration::from_secs(60)).unwrap();
    for shown in [
        format!("{out:?}"),
        format!("{presigned:?}"),
        format!("{request:?}"),
        format!("{p:?}"),
        format!("{settings:?}"),
    ] {
        assert!(!shown.contains(SECRET), "{shown}");
        assert!(!shown.contains("EXAMPLE+token"), "{shown}");
        assert!(!shown.contains("leak"), "{shown}");
    }
    assert!(format!("{out:?}").contains(&out.signature));

    #[cfg(feature = "verify")]
    {
        let received: Vec<(&str, &str)> =
            out.headers.iter().map(|(n, v)| (*n, v.as_str())).collect();
        let auth = parse_authorization(header(&out, "authorization").unwrap()).unwrap();
        let server_view = SignableRequest {
            headers: &received,
            ..request
        };
        let recomputed = verify::recompute(&server_view, &auth, SECRET, &settings).unwrap();
        assert!(recomputed.canonical_request.contains(TOKEN));
        let shown = format!("{recomputed:?} {auth:?}");
        assert!(!shown.contains("EXAMPLE+token"), "{shown}");
        assert!(!shown.contains(SECRET), "{shown}");
    }
}

#[cfg(feature = "verify")]
fn verify_round_trip(
    request: &SignableRequest<'_>,
    p: &SigningParams<'_>,
) -> (String, Vec<(String, String)>) {
    let out = sign_headers(request, p).unwrap();
    let mut received: Vec<(String, String)> = request
        .headers
        .iter()
        .filter(|(name, _)| {
            !out.headers
                .iter()
                .any(|(n, _)| n.eq_ignore_ascii_case(name))
        })
        .map(|(n, v)| (n.to_string(), v.to_string()))
        .collect();
    received.extend(out.headers.iter().map(|(n, v)| (n.to_string(), v.clone())));
    let borrowed: Vec<(&str, &str)> = received
        .iter()
        .map(|(n, v)| (n.as_str(), v.as_str()))
        .collect();
    let server_view = SignableRequest {
        headers: &borrowed,
        ..*request
    };
    let authorization = header(&out, "authorization").unwrap();
    let auth = parse_authorization(authorization).unwrap();
    assert_eq!(auth.access_key_id, AKID);
    assert_eq!(auth.signature, out.signature);
    let expected = expected_signature(&server_view, &auth, SECRET, p.settings).unwrap();
    assert_eq!(expected, out.signature, "round trip of {request:?}");
    let recomputed = verify::recompute(&server_view, &auth, SECRET, p.settings).unwrap();
    assert_eq!(recomputed.canonical_request, out.canonical_request);
    assert_eq!(recomputed.string_to_sign, out.string_to_sign);
    (out.signature, received)
}

#[test]
#[cfg(feature = "verify")]
fn verify_round_trips_sign_headers() {
    let plain = identity(None);
    let temporary = identity(Some(TOKEN));
    let default = SigningSettings::default();
    let s3 = SigningSettings {
        payload: PayloadHashing::Unsigned,
        content_sha256_header: true,
        normalize_path: false,
        double_encode_path: false,
        ..SigningSettings::default()
    };
    let golden = SignableRequest {
        method: "POST",
        uri: GOLDEN_URI,
        headers: &[("Content-Type", "application/json")],
        body: GOLDEN_BODY.as_bytes(),
    };
    let (signature, _) = verify_round_trip(&golden, &params(&plain, &default));
    assert_eq!(signature, GOLDEN_SIGNATURE);

    let busy = SignableRequest {
        method: "GET",
        uri: "https://h:8443/a%20b//./c?z=1&a=%7e&a=0",
        headers: &[
            ("My-Header", " one  two "),
            ("my-header", "three"),
            ("User-Agent", "ignored"),
        ],
        body: b"",
    };
    for creds in [&plain, &temporary] {
        for settings in [&default, &s3] {
            verify_round_trip(&busy, &params(creds, settings));
            verify_round_trip(&golden, &params(creds, settings));
        }
    }

    // A tampered body or header no longer verifies.
    let p = params(&plain, &default);
    let (signature, received) = verify_round_trip(&golden, &p);
    let borrowed: Vec<(&str, &str)> = received
        .iter()
        .map(|(n, v)| (n.as_str(), v.as_str()))
        .collect();
    let authorization = borrowed
        .iter()
        .find(|(n, _)| *n == "authorization")
        .unwrap()
        .1;
    let auth = parse_authorization(authorization).unwrap();
    let tampered = SignableRequest {
        headers: &borrowed,
        body: b"{}",
        ..golden
    };
    assert_ne!(
        expected_signature(&tampered, &auth, SECRET, &default).unwrap(),
        signature
    );
    let wrong_secret = SignableRequest {
        headers: &borrowed,
        ..golden
    };
    assert_ne!(
        expected_signature(&wrong_secret, &auth, "other", &default).unwrap(),
        signature
    );
}
