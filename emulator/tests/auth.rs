//! SigV4 verification: each way a request can fail authentication, with
//! AWS's status, code and wording, and the ways it succeeds.

mod common;

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use awsop_emulator::{Emulator, EmulatorConfig};
use awsop_runtime::time::FixedTime;
use awsop_runtime::Credentials;
use common::{Harness, Req, DOMAIN};
use serde_json::json;

fn create_req() -> Req {
    Req::new("POST", &format!("/v2/domains/{DOMAIN}/user-profiles"))
        .json(&json!({"userIdentifier": "jane"}))
}

#[tokio::test]
async fn signed_request_is_accepted() {
    let h = Harness::start().await;
    assert_eq!(h.send(create_req()).await.status, 201);
}

#[tokio::test]
async fn missing_authorization() {
    let h = Harness::start().await;
    let reply = h.send_unsigned(create_req()).await;
    assert_eq!(
        reply.expect_error(403, "MissingAuthenticationTokenException"),
        "Missing Authentication Token"
    );
    assert_eq!(h.emulator.profile_count(), 0);
}

#[tokio::test]
async fn malformed_authorization() {
    let h = Harness::start().await;
    for value in [
        "Basic dXNlcjpwYXNz",
        "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE",
        "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/datazone/aws4_request, SignedHeaders=host, Signature=zz",
    ] {
        let req = create_req()
            .header("authorization", value)
            .header("x-amz-date", "20150830T123600Z");
        h.send_unsigned(req)
            .await
            .expect_error(403, "IncompleteSignatureException");
    }
}

/// Signs, then lets `edit` tamper with the signed bytes.
async fn send_tampered(h: &Harness, req: Req, edit: impl Fn(String) -> String) -> common::Reply {
    let bytes = h.encode(&req, Some(&h.signer()));
    let text = String::from_utf8(bytes).unwrap();
    h.send_bytes(edit(text).as_bytes()).await.unwrap()
}

#[tokio::test]
async fn missing_or_bad_amz_date() {
    let h = Harness::start().await;
    let no_date = send_tampered(&h, create_req(), |t| {
        t.lines()
            .filter(|l| !l.starts_with("x-amz-date"))
            .collect::<Vec<_>>()
            .join("\n")
            .replace('\n', "\r\n")
    })
    .await;
    assert!(no_date
        .expect_error(403, "IncompleteSignatureException")
        .contains("'X-Amz-Date'"));

    let req = create_req().header("x-amz-date", "2015-08-30").header(
        "authorization",
        "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/datazone/aws4_request, SignedHeaders=host;x-amz-date, Signature=5ee93db449cadb7ad497ff3594ace74ca8c50954c81f257b11c3773a250b162d",
    );
    let message = h
        .send_unsigned(req)
        .await
        .expect_error(403, "IncompleteSignatureException");
    assert!(
        message.starts_with("Date must be in ISO-8601 'basic format'. Got '2015-08-30'."),
        "{message}"
    );
}

#[tokio::test]
async fn bad_signature() {
    let h = Harness::start().await;
    let mut signer = h.signer();
    signer.credentials = Credentials::new("AKIDEXAMPLE", "not-the-secret", None, None, "test");
    let reply = h.send_signed(create_req(), &signer).await;
    let message = reply.expect_error(403, "InvalidSignatureException");
    assert!(
        message.starts_with(
            "The request signature we calculated does not match the signature you provided."
        ),
        "{message}"
    );
    assert!(
        message.contains("The Canonical String for this request should have been"),
        "{message}"
    );
    assert_eq!(h.emulator.profile_count(), 0);
}

#[tokio::test]
async fn body_changed_after_signing() {
    let h = Harness::start().await;
    let reply = send_tampered(&h, create_req(), |t| t.replace("\"jane\"", "\"mary\"")).await;
    reply.expect_error(403, "InvalidSignatureException");
}

#[tokio::test]
async fn path_changed_after_signing() {
    let h = Harness::start().await;
    let reply = send_tampered(&h, create_req(), |t| t.replacen(DOMAIN, "dzd_other", 1)).await;
    reply.expect_error(403, "InvalidSignatureException");
}

#[tokio::test]
async fn unknown_access_key() {
    let h = Harness::start().await;
    let mut signer = h.signer();
    signer.credentials = Credentials::new("AKIDUNKNOWN", "whatever", None, None, "test");
    let reply = h.send_signed(create_req(), &signer).await;
    assert_eq!(
        reply.expect_error(403, "UnrecognizedClientException"),
        "The security token included in the request is invalid."
    );
}

#[tokio::test]
async fn wrong_region_or_service_in_scope() {
    let h = Harness::start().await;
    let mut signer = h.signer();
    signer.region = "eu-west-1".into();
    let message = h
        .send_signed(create_req(), &signer)
        .await
        .expect_error(403, "InvalidSignatureException");
    assert!(
        message.starts_with("Credential should be scoped to a valid region"),
        "{message}"
    );

    let mut signer = h.signer();
    signer.service = "s3".into();
    let message = h
        .send_signed(create_req(), &signer)
        .await
        .expect_error(403, "InvalidSignatureException");
    assert!(
        message.starts_with("Credential should be scoped to correct service: 'datazone'"),
        "{message}"
    );
}

#[tokio::test]
async fn scope_date_must_match_amz_date() {
    let h = Harness::start().await;
    let reply = send_tampered(&h, create_req(), |t| {
        // Move the credential scope one day without touching X-Amz-Date.
        let date = awsop_runtime::time::format_rfc3339(SystemTime::now()).replace('-', "");
        let day = &date[..8];
        t.replacen(&format!("/{day}/"), "/20000101/", 1)
    })
    .await;
    let message = reply.expect_error(403, "InvalidSignatureException");
    assert!(
        message.starts_with("Date in Credential scope does not match YYYYMMDD"),
        "{message}"
    );
}

#[tokio::test]
async fn host_must_be_signed() {
    let h = Harness::start().await;
    let reply = send_tampered(&h, create_req(), |t| {
        t.replace(
            "SignedHeaders=content-type;host;x-amz-date",
            "SignedHeaders=content-type;x-amz-date",
        )
    })
    .await;
    let message = reply.expect_error(403, "InvalidSignatureException");
    assert!(message.contains("'Host'"), "{message}");
}

#[tokio::test]
async fn stale_and_future_dates() {
    let h = Harness::start().await;
    let mut signer = h.signer();
    signer.time = SystemTime::now() - Duration::from_secs(6 * 60);
    let reply = h.send_signed(create_req(), &signer).await;
    let message = reply.expect_error(403, "InvalidSignatureException");
    assert!(message.starts_with("Signature expired: "), "{message}");
    assert!(
        message.contains(" is now earlier than ") && message.ends_with(" - 5 min.)"),
        "{message}"
    );
    // The Date header lets the client measure its skew.
    let server = awsop_runtime::time::parse_http_date(reply.header("date").unwrap()).unwrap();
    let skew = server.duration_since(signer.time).unwrap();
    assert!(skew > Duration::from_secs(5 * 60), "{skew:?}");

    signer.time = SystemTime::now() + Duration::from_secs(6 * 60);
    let message = h
        .send_signed(create_req(), &signer)
        .await
        .expect_error(403, "InvalidSignatureException");
    assert!(
        message.starts_with("Signature not yet current: "),
        "{message}"
    );

    // Within the window both ways is fine.
    for offset in [-240i64, 240] {
        let mut signer = h.signer();
        signer.time = if offset < 0 {
            SystemTime::now() - Duration::from_secs(240)
        } else {
            SystemTime::now() + Duration::from_secs(240)
        };
        assert_eq!(h.send_signed(create_req(), &signer).await.status, 201);
    }
}

#[tokio::test]
async fn clock_offset_simulates_skew() {
    let h = Harness::start().await;
    h.emulator.set_clock_offset_secs(3600);
    let reply = h.send(create_req()).await;
    reply.expect_error(403, "InvalidSignatureException");
    let server = awsop_runtime::time::parse_http_date(reply.header("date").unwrap()).unwrap();
    assert!(server > SystemTime::now() + Duration::from_secs(3500));

    // A client that corrects by the Date header gets through.
    let mut signer = h.signer();
    signer.time = server;
    assert_eq!(h.send_signed(create_req(), &signer).await.status, 201);

    h.emulator.set_clock_offset_secs(0);
    assert_eq!(h.send(create_req()).await.status, 201);
}

#[tokio::test]
async fn fixed_time_source_and_custom_skew() {
    let t = UNIX_EPOCH + Duration::from_secs(1_440_938_160);
    let config = EmulatorConfig::builder()
        .time_source(FixedTime(t))
        .max_clock_skew(Duration::from_secs(60))
        .build();
    let h = Harness::with(Emulator::start_with(config).await.unwrap()).await;
    let mut signer = h.signer();
    signer.time = t + Duration::from_secs(59);
    assert_eq!(h.send_signed(create_req(), &signer).await.status, 201);
    signer.time = t - Duration::from_secs(61);
    let message = h
        .send_signed(create_req(), &signer)
        .await
        .expect_error(403, "InvalidSignatureException");
    assert_eq!(
        message,
        "Signature expired: 20150830T123459Z is now earlier than 20150830T123500Z (20150830T123600Z - 1 min.)"
    );
    assert_eq!(
        h.send_signed(create_req(), &signer).await.header("date"),
        Some("Sun, 30 Aug 2015 12:36:00 GMT")
    );
}

#[tokio::test]
async fn custom_keys_region_and_session_tokens() {
    let temporary = Credentials::new(
        "ASIATEMP",
        "tempsecret",
        Some("session-token".into()),
        None,
        "test",
    );
    let permanent = Credentials::new("AKIDOTHER", "othersecret", None, None, "test");
    let config = EmulatorConfig::builder()
        .credentials([temporary.clone(), permanent.clone()])
        .region("eu-central-1")
        .build();
    let h = Harness::with(Emulator::start_with(config).await.unwrap()).await;
    assert_eq!(h.emulator.credentials().access_key_id(), "ASIATEMP");

    // The signer adds x-amz-security-token for temporary credentials.
    let signer = h.signer();
    assert_eq!(h.send_signed(create_req(), &signer).await.status, 201);
    let mut other = h.signer();
    other.credentials = permanent;
    assert_eq!(h.send_signed(create_req(), &other).await.status, 201);

    // Right key, wrong session token.
    let mut wrong = h.signer();
    wrong.credentials = Credentials::new(
        "ASIATEMP",
        "tempsecret",
        Some("stolen".into()),
        None,
        "test",
    );
    h.send_signed(create_req(), &wrong)
        .await
        .expect_error(403, "UnrecognizedClientException");
    // Temporary key without its token.
    let mut bare = h.signer();
    bare.credentials = Credentials::new("ASIATEMP", "tempsecret", None, None, "test");
    h.send_signed(create_req(), &bare)
        .await
        .expect_error(403, "UnrecognizedClientException");
    // The default key is not accepted by this emulator.
    let mut default_key = h.signer();
    default_key.credentials = Credentials::new(
        awsop_emulator::DEFAULT_ACCESS_KEY_ID,
        awsop_emulator::DEFAULT_SECRET_ACCESS_KEY,
        None,
        None,
        "test",
    );
    h.send_signed(create_req(), &default_key)
        .await
        .expect_error(403, "UnrecognizedClientException");
}

#[tokio::test]
async fn unsigned_payload_is_accepted_when_announced() {
    use awsop_runtime::sigv4::{
        sign_headers, PayloadHashing, SignableRequest, SigningParams, SigningSettings,
    };
    let h = Harness::start().await;
    let settings = SigningSettings {
        payload: PayloadHashing::Unsigned,
        content_sha256_header: true,
        ..SigningSettings::default()
    };
    let creds = h.emulator.credentials();
    let host = h.host();
    let path = format!("/v2/domains/{DOMAIN}/user-profiles");
    let body = br#"{"userIdentifier":"jane"}"#;
    let headers = [
        ("host", host.as_str()),
        ("content-type", "application/json"),
    ];
    let output = sign_headers(
        &SignableRequest {
            method: "POST",
            uri: &path,
            headers: &headers,
            body,
        },
        &SigningParams {
            identity: creds.signing_identity(),
            region: "us-east-1",
            service: "datazone",
            time: SystemTime::now(),
            settings: &settings,
        },
    )
    .unwrap();
    let mut text =
        format!("POST {path} HTTP/1.1\r\nhost: {host}\r\ncontent-type: application/json\r\n");
    for (name, value) in &output.headers {
        text.push_str(&format!("{name}: {value}\r\n"));
    }
    text.push_str(&format!("content-length: {}\r\n\r\n", body.len()));
    let mut bytes = text.into_bytes();
    bytes.extend_from_slice(body);
    assert_eq!(h.send_bytes(&bytes).await.unwrap().status, 201);
}

/// DESIGN's golden request, byte for byte as boto3 sends it, signed at
/// 2015-08-30T12:36:00Z with the example key: the emulator must accept the
/// signature computed by another implementation.
#[tokio::test]
async fn golden_request_from_design_is_accepted() {
    let t = UNIX_EPOCH + Duration::from_secs(1_440_938_160);
    let config = EmulatorConfig::builder().time_source(FixedTime(t)).build();
    let h = Harness::with(Emulator::start_with(config).await.unwrap()).await;
    let body = r#"{"userIdentifier": "arn:aws:iam::123456789012:role/DataScientist", "userType": "IAM_ROLE", "clientToken": "6f1a3c2e-1b7d-4c55-9a0e-2f3b4c5d6e7f"}"#;
    let golden = |body: &str| {
        format!(
            "POST /v2/domains/dzd_4p9n6sw4qt9xgn/user-profiles HTTP/1.1\r\n\
             Host: datazone.us-east-1.api.aws\r\n\
             Content-Type: application/json\r\n\
             X-Amz-Date: 20150830T123600Z\r\n\
             Authorization: AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/datazone/aws4_request, \
             SignedHeaders=content-type;host;x-amz-date, \
             Signature=5ee93db449cadb7ad497ff3594ace74ca8c50954c81f257b11c3773a250b162d\r\n\
             Content-Length: {}\r\n\r\n{body}",
            body.len()
        )
    };
    let reply = h.send_bytes(golden(body).as_bytes()).await.unwrap();
    assert_eq!(
        reply.status,
        201,
        "{}",
        String::from_utf8_lossy(&reply.body)
    );
    assert_eq!(reply.json()["details"]["iam"]["arn"], common::ROLE_ARN);

    // The same bytes with the separators compacted no longer match.
    let compact = body.replace(", ", ",").replace(": ", ":");
    h.send_bytes(golden(&compact).as_bytes())
        .await
        .unwrap()
        .expect_error(403, "InvalidSignatureException");
}
