//! The harness against a real moto: its SigV4 checking is on, a request
//! signed by awsop's signer with the IAM user's key gets through, and the
//! same request signed with a wrong secret is refused.

use std::net::TcpStream;
use std::time::{Duration, SystemTime};

use awsop_moto::{require_moto, MotoServer, ACCOUNT_ID, REGION, USER_NAME};
use awsop_runtime::http::{HttpRequest, HttpResponse};
use awsop_runtime::sigv4::{sign_request, SigningKeyCache, SigningParams, SigningSettings};
use awsop_runtime::transport::{HttpClient, HyperClient, TransportSettings};
use awsop_runtime::Credentials;
use http::header::{HeaderValue, CONTENT_TYPE};

/// The only place these tests touch the signer (whose internals are being
/// refactored): signs `request` in place for `service` in us-east-1, now.
fn sign(request: &mut HttpRequest, access_key_id: &str, secret: &str, service: &str) {
    let credentials = Credentials::new(access_key_id, secret, None, None, "moto-test");
    let settings = SigningSettings::default();
    let params = SigningParams {
        identity: credentials.signing_identity(),
        region: REGION,
        service,
        time: SystemTime::now(),
        settings: &settings,
    };
    sign_request(request, &params, &SigningKeyCache::new()).expect("the request signs");
}

/// A query-protocol call (STS, IAM): `POST /` with a form body.
fn query_request(moto: &MotoServer, body: &'static str) -> HttpRequest {
    let mut request = HttpRequest::new(http::Method::POST, format!("{}/", moto.endpoint()));
    request.headers.insert(
        CONTENT_TYPE,
        HeaderValue::from_static("application/x-www-form-urlencoded; charset=utf-8"),
    );
    request.body = bytes::Bytes::from_static(body.as_bytes());
    request
}

async fn send(request: HttpRequest) -> HttpResponse {
    let client = HyperClient::new(TransportSettings::default()).expect("a client");
    client.call(request).await.expect("moto answers")
}

fn text(response: &HttpResponse) -> &str {
    std::str::from_utf8(&response.body).expect("moto answers in UTF-8")
}

const GET_CALLER_IDENTITY: &str = "Action=GetCallerIdentity&Version=2011-06-15";

#[tokio::test]
async fn moto_checks_sigv4_signatures_made_by_awsop() {
    require_moto!();
    let moto = MotoServer::with_sigv4_auth().expect("moto starts with auth on");
    let user_arn = format!("arn:aws:iam::{ACCOUNT_ID}:user/{USER_NAME}");
    assert_eq!(moto.user_arn(), Some(user_arn.as_str()));
    let debug = format!("{moto:?}");
    assert!(
        !debug.contains(moto.secret_access_key()),
        "Debug shows the secret: {debug}"
    );
    assert!(debug.contains(moto.access_key_id()), "{debug}");

    // Signed with the user's key: accepted, and moto says who we are.
    let mut request = query_request(&moto, GET_CALLER_IDENTITY);
    sign(
        &mut request,
        moto.access_key_id(),
        moto.secret_access_key(),
        "sts",
    );
    let response = send(request).await;
    println!("GetCallerIdentity, right secret: {}", response.status);
    assert_eq!(
        response.status,
        200,
        "{}\n{}",
        text(&response),
        moto.log_tail()
    );
    assert!(
        text(&response).contains(&format!("<Arn>{user_arn}</Arn>")),
        "{}",
        text(&response)
    );

    // The same request signed with a wrong secret: refused.
    let mut request = query_request(&moto, GET_CALLER_IDENTITY);
    sign(&mut request, moto.access_key_id(), "not-the-secret", "sts");
    let response = send(request).await;
    println!("GetCallerIdentity, wrong secret: {}", response.status);
    assert_eq!(response.status, 403, "{}", text(&response));
    assert!(
        text(&response).contains("SignatureDoesNotMatch"),
        "{}",
        text(&response)
    );

    // A key moto never issued: refused too, for another reason.
    let mut request = query_request(&moto, GET_CALLER_IDENTITY);
    sign(
        &mut request,
        "AKIAIOSFODNN7EXAMPLE",
        moto.secret_access_key(),
        "sts",
    );
    let response = send(request).await;
    println!("GetCallerIdentity, unknown key: {}", response.status);
    assert_eq!(response.status, 403, "{}", text(&response));
    assert!(
        text(&response).contains("InvalidClientTokenId"),
        "{}",
        text(&response)
    );

    // moto lets GetCallerIdentity through whatever the policies say; an IAM
    // call is authorized against them, so this proves the admin policy.
    let mut request = query_request(&moto, "Action=ListUsers&Version=2010-05-08");
    sign(
        &mut request,
        moto.access_key_id(),
        moto.secret_access_key(),
        "iam",
    );
    let response = send(request).await;
    println!("iam ListUsers, right secret: {}", response.status);
    assert_eq!(response.status, 200, "{}", text(&response));
    assert!(text(&response).contains(&user_arn), "{}", text(&response));
}

#[test]
fn dropping_the_server_stops_it() {
    require_moto!();
    let moto = MotoServer::start().expect("moto starts");
    assert!(!moto.sigv4_auth());
    assert_eq!(moto.access_key_id(), "testing");
    let addr = moto.addr();
    TcpStream::connect_timeout(&addr, Duration::from_secs(1)).expect("moto listens");
    drop(moto);
    // The child was killed and reaped in drop: nothing listens any more.
    assert!(TcpStream::connect_timeout(&addr, Duration::from_secs(1)).is_err());
}
