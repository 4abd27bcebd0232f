//! The DESIGN golden request: `CreateUserProfile` as boto3 sends it, with a
//! fixed clock, token and key, sent through the real client into a replay
//! transport that keeps what it was given.
//!
//! boto3 separates JSON with `", "` and `": "`; awsop writes compact JSON.
//! The signature covers the body bytes, so it can only match boto3's when
//! the bytes do. The test therefore checks three things that together pin
//! the request down: our body is the golden body modulo insignificant
//! whitespace (same keys, same order, same values); signing the golden
//! bytes gives the golden signature; and the canonical request of what we
//! sent equals the golden one on every line but the payload hash.

use std::sync::Arc;
use std::time::{Duration, UNIX_EPOCH};

use awsop::datazone::{CreateUserProfile, UserType};
use awsop::runtime::http::{HttpRequest, HttpResponse};
use awsop::runtime::sigv4::{sign_headers, SignableRequest, SigningParams, SigningSettings};
use awsop::runtime::time::FixedTime;
use awsop::runtime::token::FixedToken;
use awsop::runtime::transport::ReplayClient;
use awsop::{Client, Credentials};

// Every expected value below is copied from DESIGN.md ("The wire, as boto3
// sends it"); none may be changed to fit our output.
const ACCESS_KEY: &str = "AKIDEXAMPLE";
const SECRET_KEY: &str = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
const REGION: &str = "us-east-1";
const TOKEN: &str = "6f1a3c2e-1b7d-4c55-9a0e-2f3b4c5d6e7f";
/// 2015-08-30T12:36:00Z.
const EPOCH_SECONDS: u64 = 1_440_938_160;
const URL: &str = "https://datazone.us-east-1.api.aws/v2/domains/dzd_4p9n6sw4qt9xgn/user-profiles";
const GOLDEN_BODY: &str = r#"{"userIdentifier": "arn:aws:iam::123456789012:role/DataScientist", "userType": "IAM_ROLE", "clientToken": "6f1a3c2e-1b7d-4c55-9a0e-2f3b4c5d6e7f"}"#;
const GOLDEN_SIGNATURE: &str = "5ee93db449cadb7ad497ff3594ace74ca8c50954c81f257b11c3773a250b162d";
const GOLDEN_AUTHORIZATION_PREFIX: &str = "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/datazone/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature=";
/// The canonical request of the golden request, but its last line (the
/// payload hash), as SigV4 builds it from the DESIGN request.
const GOLDEN_CANONICAL_HEAD: &str = "POST
/v2/domains/dzd_4p9n6sw4qt9xgn/user-profiles

content-type:application/json
host:datazone.us-east-1.api.aws
x-amz-date:20150830T123600Z

content-type;host;x-amz-date";

fn credentials() -> Credentials {
    Credentials::new(ACCESS_KEY, SECRET_KEY, None, None, "golden")
}

fn golden_input() -> CreateUserProfile {
    CreateUserProfile {
        domain_identifier: "dzd_4p9n6sw4qt9xgn".into(),
        user_identifier: "arn:aws:iam::123456789012:role/DataScientist".into(),
        user_type: Some(UserType::IamRole),
        ..Default::default()
    }
}

/// Sends the golden input through the real client and returns the one
/// request the transport saw.
async fn captured_request() -> HttpRequest {
    let replay = Arc::new(ReplayClient::new([Ok(HttpResponse::new(
        201,
        r#"{"domainId":"dzd_4p9n6sw4qt9xgn","id":"a1b2c3d4e5-1234-4abc-8def-0123456789ab","type":"IAM","status":"ASSIGNED","details":{"iam":{"arn":"arn:aws:iam::123456789012:role/DataScientist"}}}"#,
    ))]));
    let client = Client::builder()
        .region(REGION)
        .credentials(credentials())
        .token_generator(FixedToken(TOKEN.into()))
        .time_source(FixedTime(UNIX_EPOCH + Duration::from_secs(EPOCH_SECONDS)))
        .shared_http_client(replay.clone())
        .build()
        .expect("the golden client configuration is valid");
    let output = golden_input()
        .send(&client)
        .await
        .expect("the replayed 201 parses");
    assert_eq!(
        output.id.as_deref(),
        Some("a1b2c3d4e5-1234-4abc-8def-0123456789ab")
    );
    let mut requests = replay.requests();
    assert_eq!(requests.len(), 1, "one attempt, no retry");
    requests.remove(0)
}

fn header<'a>(request: &'a HttpRequest, name: &str) -> &'a str {
    request
        .headers
        .get(name)
        .unwrap_or_else(|| panic!("the request has no {name} header"))
        .to_str()
        .expect("header values are ASCII")
}

/// Signs `body` as the DESIGN request: its URL, its content type, the
/// golden clock and key. `host` comes from the URL and `x-amz-date` from
/// the clock, so the signed headers are exactly content-type;host;x-amz-date.
fn sign_as_golden(content_type: &str, body: &[u8]) -> awsop::runtime::sigv4::SigningOutput {
    let credentials = credentials();
    let settings = SigningSettings::default();
    let params = SigningParams {
        identity: credentials.signing_identity(),
        region: REGION,
        service: "datazone",
        time: UNIX_EPOCH + Duration::from_secs(EPOCH_SECONDS),
        settings: &settings,
    };
    let request = SignableRequest {
        method: "POST",
        uri: URL,
        headers: &[("content-type", content_type)],
        body,
    };
    sign_headers(&request, &params).expect("the golden request is signable")
}

/// The JSON text with whitespace outside strings removed: equal results
/// mean the same members, in the same order, with the same values.
fn without_insignificant_whitespace(json: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(json.len());
    let (mut in_string, mut escaped) = (false, false);
    for &b in json {
        if in_string {
            out.push(b);
            match (escaped, b) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => in_string = false,
                _ => {}
            }
        } else if !b.is_ascii_whitespace() {
            in_string = b == b'"';
            out.push(b);
        }
    }
    out
}

fn last_line_removed(canonical_request: &str) -> &str {
    canonical_request
        .rsplit_once('\n')
        .map_or(canonical_request, |(head, _)| head)
}

#[tokio::test]
async fn method_url_and_headers_are_the_golden_ones() {
    let request = captured_request().await;
    assert_eq!(request.method.as_str(), "POST");
    assert_eq!(request.uri, URL);
    assert_eq!(header(&request, "content-type"), "application/json");
    assert_eq!(header(&request, "x-amz-date"), "20150830T123600Z");
    let authorization = header(&request, "authorization");
    assert!(
        authorization.starts_with(GOLDEN_AUTHORIZATION_PREFIX),
        "{authorization}"
    );
    assert!(authorization.contains("SignedHeaders=content-type;host;x-amz-date,"));
    assert!(request.headers.get("x-amz-security-token").is_none());
}

#[tokio::test]
async fn body_is_the_golden_body_up_to_whitespace() {
    let request = captured_request().await;
    let ours: serde_json::Value = serde_json::from_slice(&request.body).expect("our body is JSON");
    let golden: serde_json::Value =
        serde_json::from_str(GOLDEN_BODY).expect("the golden body is JSON");
    assert_eq!(ours, golden);
    assert_eq!(
        String::from_utf8_lossy(&without_insignificant_whitespace(&request.body)),
        String::from_utf8_lossy(&without_insignificant_whitespace(GOLDEN_BODY.as_bytes())),
        "same members in the same order"
    );
}

#[tokio::test]
async fn golden_bytes_give_the_golden_signature() {
    let golden = sign_as_golden("application/json", GOLDEN_BODY.as_bytes());
    assert_eq!(golden.signature, GOLDEN_SIGNATURE);
    assert_eq!(
        last_line_removed(&golden.canonical_request),
        GOLDEN_CANONICAL_HEAD
    );
}

#[tokio::test]
async fn our_canonical_request_differs_from_the_golden_only_in_the_payload_hash() {
    let request = captured_request().await;
    let ours = sign_as_golden(header(&request, "content-type"), &request.body);
    let golden = sign_as_golden("application/json", GOLDEN_BODY.as_bytes());
    assert_eq!(
        last_line_removed(&ours.canonical_request),
        last_line_removed(&golden.canonical_request)
    );
    // The client signed exactly the bytes it sent.
    let authorization = header(&request, "authorization");
    assert_eq!(
        authorization.strip_prefix(GOLDEN_AUTHORIZATION_PREFIX),
        Some(ours.signature.as_str())
    );
    if request.body.as_ref() == GOLDEN_BODY.as_bytes() {
        assert_eq!(ours.signature, GOLDEN_SIGNATURE);
    }
}

#[tokio::test]
async fn the_token_is_filled_once_and_an_explicit_one_is_kept() {
    let request = captured_request().await;
    let body: serde_json::Value = serde_json::from_slice(&request.body).expect("JSON");
    assert_eq!(body["clientToken"], TOKEN);

    let replay = Arc::new(ReplayClient::new([Ok(HttpResponse::new(201, "{}"))]));
    let client = Client::builder()
        .region(REGION)
        .credentials(credentials())
        .token_generator(FixedToken(TOKEN.into()))
        .time_source(FixedTime(UNIX_EPOCH + Duration::from_secs(EPOCH_SECONDS)))
        .shared_http_client(replay.clone())
        .build()
        .expect("valid configuration");
    let mut input = golden_input();
    input.client_token = Some("mine".into());
    input.send(&client).await.expect("the replayed 201 parses");
    let body: serde_json::Value = serde_json::from_slice(&replay.requests()[0].body).expect("JSON");
    assert_eq!(body["clientToken"], "mine");
}
