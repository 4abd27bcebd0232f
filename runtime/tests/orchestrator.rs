//! The call loop, driven through a hand-written operation and recorded
//! HTTP exchanges: what goes on the wire per attempt, when it retries, and
//! what it returns.

use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::Arc;
use std::time::{Duration, UNIX_EPOCH};

use awsop_runtime::error::{
    BuildError, DispatchError, DispatchErrorKind, ErrorKind, ErrorMetadata, ParseError,
};
use awsop_runtime::http::{HttpRequest, HttpResponse};
use awsop_runtime::operation::{BodyChecksum, ModeledError, Operation, OperationMetadata};
use awsop_runtime::orchestrator::invoke;
use awsop_runtime::protocol::{Protocol, RestJson1};
use awsop_runtime::retry::RetryConfig;
use awsop_runtime::time::FixedTime;
use awsop_runtime::token::{FixedToken, IdempotencyTokenGenerator};
use awsop_runtime::transport::{HttpClient, ReplayClient};
use awsop_runtime::{BoxFuture, Client, ClientBuilder, Credentials};

/// A minimal operation: POST /things/{name} with the token in the body.
#[derive(Debug, Clone, Default)]
struct PutThing {
    name: String,
    token: Option<String>,
}

#[derive(Debug, PartialEq)]
enum ThingError {
    Busy,
    Unhandled,
}

impl ModeledError for ThingError {
    fn from_response<P: Protocol>(
        _response: &HttpResponse,
        metadata: &ErrorMetadata,
    ) -> Result<Self, ParseError> {
        Ok(match metadata.code() {
            Some("BusyException") => ThingError::Busy,
            _ => ThingError::Unhandled,
        })
    }

    fn is_retryable(&self) -> bool {
        *self == ThingError::Busy
    }
}

impl Operation for PutThing {
    type Output = String;
    type Error = ThingError;
    type Protocol = RestJson1;
    const METADATA: OperationMetadata = OperationMetadata {
        service: "things",
        service_id: "Things",
        name: "PutThing",
        endpoint: None,
        target_prefix: None,
        api_version: None,
        query_compatible: false,
        request_checksum: BodyChecksum::None,
    };

    fn fill_idempotency_tokens(&mut self, tokens: &dyn IdempotencyTokenGenerator) {
        if self.token.is_none() {
            self.token = Some(tokens.generate());
        }
    }

    fn serialize(&self) -> Result<HttpRequest, BuildError> {
        if self.name.is_empty() {
            return Err(BuildError::empty_label("name"));
        }
        let mut request = HttpRequest::new(http::Method::POST, format!("/things/{}", self.name));
        request
            .headers
            .insert("content-type", "application/json".parse().unwrap());
        request.body = format!(r#"{{"token":"{}"}}"#, self.token.as_deref().unwrap_or("")).into();
        Ok(request)
    }

    fn parse_output(response: &HttpResponse) -> Result<String, ParseError> {
        String::from_utf8(response.body.to_vec()).map_err(|_| ParseError::new("not UTF-8"))
    }
}

/// The input most tests send.
fn thing() -> PutThing {
    PutThing {
        name: "x".into(),
        token: None,
    }
}

/// A builder with a region, test credentials and `http`.
fn builder(http: Arc<dyn HttpClient>) -> ClientBuilder {
    Client::builder()
        .region("us-east-1")
        .credentials(Credentials::new("A", "S", None, None, "test"))
        .shared_http_client(http)
}

fn fast_retries(attempts: u32) -> RetryConfig {
    RetryConfig {
        max_attempts: attempts,
        initial_backoff: Duration::from_millis(1),
        throttling_backoff: Duration::from_millis(1),
        ..RetryConfig::default()
    }
}

fn client_with(http: Arc<dyn HttpClient>, attempts: u32) -> Client {
    Client::builder()
        .region("us-west-2")
        .credentials(Credentials::new(
            "AKIDEXAMPLE",
            "SECRETKEY",
            Some("TOKEN".into()),
            None,
            "test",
        ))
        .shared_http_client(http)
        .retry_config(fast_retries(attempts))
        .token_generator(FixedToken("tok-1".into()))
        .time_source(FixedTime(UNIX_EPOCH + Duration::from_secs(1_440_938_160)))
        .build()
        .unwrap()
}

fn response(
    status: u16,
    body: &str,
    headers: &[(&str, &str)],
) -> Result<HttpResponse, DispatchError> {
    let mut r = HttpResponse::new(status, body.to_owned());
    for (k, v) in headers {
        r.headers.insert(
            http::HeaderName::from_bytes(k.as_bytes()).unwrap(),
            v.parse().unwrap(),
        );
    }
    Ok(r)
}

fn header<'a>(request: &'a HttpRequest, name: &str) -> &'a str {
    request.headers.get(name).unwrap().to_str().unwrap()
}

#[tokio::test]
async fn retries_transient_errors_with_the_same_token_and_counted_attempts() {
    let http = Arc::new(ReplayClient::new([
        response(503, "", &[]),
        Err(DispatchError::new(
            DispatchErrorKind::Io,
            "connection reset",
        )),
        response(200, "created", &[("x-amzn-requestid", "r-3")]),
    ]));
    let client = client_with(http.clone(), 3);
    let out = invoke(
        &client,
        PutThing {
            name: "a b".replace(' ', "%20"),
            token: None,
        },
    )
    .await
    .unwrap();
    assert_eq!(out, "created");

    let sent = http.requests();
    assert_eq!(sent.len(), 3);
    for (i, request) in sent.iter().enumerate() {
        assert_eq!(
            request.uri,
            "https://things.us-west-2.amazonaws.com/things/a%20b"
        );
        assert_eq!(&request.body[..], br#"{"token":"tok-1"}"#);
        assert_eq!(
            header(request, "amz-sdk-request"),
            format!("attempt={}; max=3", i + 1)
        );
        assert_eq!(
            header(request, "amz-sdk-invocation-id"),
            header(&sent[0], "amz-sdk-invocation-id")
        );
        assert_eq!(header(request, "x-amz-security-token"), "TOKEN");
        let auth = header(request, "authorization");
        assert!(
            auth.starts_with(
                "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-west-2/things/aws4_request"
            ),
            "{auth}"
        );
        assert!(
            !auth.contains("amz-sdk"),
            "per-attempt headers are not signed: {auth}"
        );
    }
    // Two retries each took 5 tokens; success gave the last one back.
    assert_eq!(client.retry_quota_available(), 500 - 5);
}

#[tokio::test]
async fn caller_token_is_kept() {
    let http = Arc::new(ReplayClient::new([response(200, "ok", &[])]));
    let client = client_with(http.clone(), 3);
    invoke(
        &client,
        PutThing {
            name: "x".into(),
            token: Some("mine".into()),
        },
    )
    .await
    .unwrap();
    assert_eq!(&http.requests()[0].body[..], br#"{"token":"mine"}"#);
}

#[tokio::test]
async fn non_retryable_errors_return_typed_with_metadata() {
    let http = Arc::new(ReplayClient::new([response(
        400,
        r#"{"message":"bad name"}"#,
        &[
            (
                "x-amzn-errortype",
                "ValidationException:http://internal.amazon.com/",
            ),
            ("x-amzn-requestid", "req-9"),
        ],
    )]));
    let client = client_with(http.clone(), 3);
    let err = invoke(&client, thing()).await.unwrap_err();
    assert_eq!(http.requests().len(), 1);
    assert_eq!(err.kind(), ErrorKind::Service);
    assert_eq!(err.service_error(), Some(&ThingError::Unhandled));
    assert_eq!(err.code(), Some("ValidationException"));
    assert_eq!(err.message(), Some("bad name"));
    assert_eq!(err.status(), Some(400));
    assert_eq!(err.request_id(), Some("req-9"));
    assert_eq!(
        err.to_string(),
        "service error: ValidationException (HTTP 400, request id req-9): bad name"
    );
}

#[tokio::test]
async fn modeled_retryable_and_throttling_errors_are_retried_until_attempts_run_out() {
    let http = Arc::new(ReplayClient::new([
        response(409, "{}", &[("x-amzn-errortype", "BusyException")]),
        response(400, "{}", &[("x-amzn-errortype", "ThrottlingException")]),
        response(429, "{}", &[]),
        response(200, "never", &[]),
    ]));
    let client = client_with(http.clone(), 3);
    let err = invoke(&client, thing()).await.unwrap_err();
    assert_eq!(http.requests().len(), 3);
    assert_eq!(err.status(), Some(429));
}

#[tokio::test]
async fn retry_after_header_is_honoured() {
    let http = Arc::new(ReplayClient::new([
        response(503, "", &[("x-amz-retry-after", "300")]),
        response(200, "ok", &[]),
    ]));
    let client = client_with(http.clone(), 2);
    let started = std::time::Instant::now();
    invoke(&client, thing()).await.unwrap();
    assert!(started.elapsed() >= Duration::from_millis(300));
}

#[tokio::test]
async fn construction_errors_send_nothing() {
    let http = Arc::new(ReplayClient::new([]));
    let client = client_with(http.clone(), 3);
    let err = invoke(&client, PutThing::default()).await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Construction);
    assert!(err.to_string().contains("`name`"), "{err}");
    assert!(http.requests().is_empty());
}

#[tokio::test]
async fn missing_region_is_a_configuration_error() {
    let http = Arc::new(ReplayClient::new([]));
    let client = Client::builder()
        .credentials(Credentials::new("A", "S", None, None, "test"))
        .shared_http_client(http.clone())
        .build()
        .unwrap();
    let err = invoke(&client, thing()).await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Configuration);
    assert!(err.to_string().contains("region"));
    assert!(http.requests().is_empty());
}

#[tokio::test]
async fn missing_credentials_is_a_credentials_error() {
    let http = Arc::new(ReplayClient::new([]));
    let client = Client::builder()
        .region("us-east-1")
        .shared_http_client(http.clone())
        .build()
        .unwrap();
    let err = invoke(&client, thing()).await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Credentials);
    assert!(http.requests().is_empty());
}

#[test]
fn hostile_regions_are_refused() {
    for region in [
        "us-east-1.evil.example",
        "x/y",
        "x@y",
        "",
        "US-EAST-1",
        "a b",
    ] {
        let err = Client::builder().region(region).build().unwrap_err();
        assert!(err.to_string().contains("region"), "{region}: {err}");
    }
}

#[test]
fn endpoint_url_keeps_its_path_prefix() {
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let http = Arc::new(ReplayClient::new([response(200, "ok", &[])]));
    let client = builder(http.clone())
        .endpoint_url("http://127.0.0.1:9000/prefix/")
        .build()
        .unwrap();
    rt.block_on(invoke(&client, thing())).unwrap();
    assert_eq!(
        http.requests()[0].uri,
        "http://127.0.0.1:9000/prefix/things/x"
    );
}

/// Answers after a delay, counting calls.
#[derive(Debug)]
struct Slow {
    delay: Duration,
    calls: AtomicU32,
}

impl HttpClient for Slow {
    fn call(&self, _request: HttpRequest) -> BoxFuture<'_, Result<HttpResponse, DispatchError>> {
        self.calls.fetch_add(1, Ordering::SeqCst);
        let delay = self.delay;
        Box::pin(async move {
            tokio::time::sleep(delay).await;
            Ok(HttpResponse::new(200, "late"))
        })
    }
}

#[tokio::test]
async fn attempt_timeouts_are_retried_and_operation_timeout_bounds_the_call() {
    let slow = Arc::new(Slow {
        delay: Duration::from_secs(30),
        calls: AtomicU32::new(0),
    });
    let client = builder(slow.clone())
        .retry_config(fast_retries(3))
        .attempt_timeout(Duration::from_millis(50))
        .build()
        .unwrap();
    let started = std::time::Instant::now();
    let err = invoke(&client, thing()).await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Timeout);
    assert_eq!(slow.calls.load(Ordering::SeqCst), 3);
    assert!(started.elapsed() < Duration::from_secs(5));
    // Timeouts cost 10 tokens per retry.
    assert_eq!(client.retry_quota_available(), 500 - 20);

    let client = builder(slow.clone())
        .operation_timeout(Duration::from_millis(100))
        .build()
        .unwrap();
    let started = std::time::Instant::now();
    let err = invoke(&client, thing()).await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Timeout);
    assert!(started.elapsed() < Duration::from_secs(5));
}

#[tokio::test]
async fn clock_skew_is_learned_from_the_date_header_and_retried() {
    // The server is one hour ahead of our fixed clock (2015-08-30T12:36:00Z).
    let http = Arc::new(ReplayClient::new([
        response(
            403,
            r#"{"message":"Signature expired"}"#,
            &[
                ("x-amzn-errortype", "InvalidSignatureException"),
                ("date", "Sun, 30 Aug 2015 13:36:00 GMT"),
            ],
        ),
        response(200, "ok", &[]),
    ]));
    let client = client_with(http.clone(), 3);
    invoke(&client, thing()).await.unwrap();
    let sent = http.requests();
    assert_eq!(header(&sent[0], "x-amz-date"), "20150830T123600Z");
    assert_eq!(header(&sent[1], "x-amz-date"), "20150830T133600Z");
    assert_eq!(client.clock_skew(), Duration::from_secs(3600));
    // A skew retry is the client's own fault: it takes nothing from the quota.
    assert_eq!(client.retry_quota_available(), 500);
}

#[tokio::test]
async fn signature_errors_without_a_skewed_date_are_not_retried() {
    let http = Arc::new(ReplayClient::new([response(
        403,
        "{}",
        &[
            ("x-amzn-errortype", "InvalidSignatureException"),
            ("date", "Sun, 30 Aug 2015 12:36:30 GMT"),
        ],
    )]));
    let client = client_with(http.clone(), 3);
    invoke(&client, thing()).await.unwrap_err();
    assert_eq!(http.requests().len(), 1);
}

#[tokio::test]
async fn body_too_large_is_not_retried() {
    let http = Arc::new(ReplayClient::new([Err(DispatchError::new(
        DispatchErrorKind::BodyTooLarge,
        "too big",
    ))]));
    let client = client_with(http.clone(), 3);
    let err = invoke(&client, thing()).await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Dispatch);
    assert_eq!(http.requests().len(), 1);
}

#[test]
fn client_is_cheap_to_clone_send_and_sync() {
    fn assert_send_sync<T: Send + Sync + Clone>() {}
    assert_send_sync::<Client>();
    let client = Client::builder().region("us-east-1").build().unwrap();
    let debug = format!("{:?}", client.clone());
    assert!(debug.contains("us-east-1"));
}

#[tokio::test]
async fn secrets_echoed_in_error_bodies_are_redacted() {
    let http = Arc::new(ReplayClient::new([response(
        403,
        r#"{"message":"The Canonical String for this request should have been 'x-amz-security-token:TOKEN\n' SECRETKEY"}"#,
        &[("x-amzn-errortype", "AccessDeniedException")],
    )]));
    let client = client_with(http.clone(), 3);
    let err = invoke(&client, thing()).await.unwrap_err();
    let shown = format!("{err} {err:?}");
    assert!(
        !shown.contains("TOKEN'") && !shown.contains(":TOKEN"),
        "{shown}"
    );
    assert!(!shown.contains("SECRETKEY"), "{shown}");
    assert!(
        shown.contains("x-amz-security-token:** redacted **"),
        "{shown}"
    );
}

#[tokio::test]
async fn each_call_has_its_own_invocation_id_even_with_a_fixed_token() {
    let http = Arc::new(ReplayClient::new([
        response(200, "a", &[]),
        response(200, "b", &[]),
    ]));
    let client = client_with(http.clone(), 3);
    for _ in 0..2 {
        invoke(&client, thing()).await.unwrap();
    }
    let sent = http.requests();
    let ids: Vec<&str> = sent
        .iter()
        .map(|r| header(r, "amz-sdk-invocation-id"))
        .collect();
    assert_ne!(ids[0], ids[1]);
    assert_eq!(ids[0].len(), 36);
    assert_ne!(ids[0], "tok-1");
}

#[tokio::test]
async fn secrets_echoed_with_json_escapes_are_redacted_too() {
    let http = Arc::new(ReplayClient::new([response(
        403,
        r#"{"message":"token TOK\/EN and key SEC\/RET"}"#,
        &[("x-amzn-errortype", "AccessDeniedException")],
    )]));
    let client = Client::builder()
        .region("us-east-1")
        .credentials(Credentials::new(
            "A",
            "SEC/RET",
            Some("TOK/EN".into()),
            None,
            "test",
        ))
        .shared_http_client(http.clone())
        .build()
        .unwrap();
    let err = invoke(&client, thing()).await.unwrap_err();
    let shown = format!("{err} {err:?}");
    assert!(!shown.contains("TOK") && !shown.contains("SEC"), "{shown}");
}

/// Holds the first two requests until both have arrived (so both are
/// signed before either answer), refuses them as skewed, then accepts all.
#[derive(Debug)]
struct RefuseTwoTogether {
    barrier: tokio::sync::Barrier,
    calls: AtomicU32,
}

impl HttpClient for RefuseTwoTogether {
    fn call(&self, _request: HttpRequest) -> BoxFuture<'_, Result<HttpResponse, DispatchError>> {
        let n = self.calls.fetch_add(1, Ordering::SeqCst);
        Box::pin(async move {
            if n >= 2 {
                return response(200, "ok", &[]);
            }
            self.barrier.wait().await;
            response(
                403,
                "{}",
                &[
                    ("x-amzn-errortype", "RequestTimeTooSkewed"),
                    ("date", "Sun, 30 Aug 2015 13:36:00 GMT"),
                ],
            )
        })
    }
}

#[tokio::test]
async fn calls_refused_together_for_clock_skew_all_retry() {
    // Both calls were signed before the offset was learned; the second to
    // hear back must retry too, not give up because the first already
    // stored the offset.
    let http = Arc::new(RefuseTwoTogether {
        barrier: tokio::sync::Barrier::new(2),
        calls: AtomicU32::new(0),
    });
    let client = client_with(http.clone(), 3);
    let (a, b) = tokio::join!(invoke(&client, thing()), invoke(&client, thing()));
    assert!(a.is_ok() && b.is_ok(), "{a:?} {b:?}");
    assert_eq!(http.calls.load(Ordering::SeqCst), 4);
}

/// A provider that never answers.
#[derive(Debug)]
struct Hung;

impl awsop_runtime::credentials::ProvideCredentials for Hung {
    fn provide_credentials(
        &self,
    ) -> BoxFuture<'_, Result<Credentials, awsop_runtime::credentials::CredentialsError>> {
        Box::pin(std::future::pending())
    }
}

#[tokio::test]
async fn the_attempt_timeout_covers_fetching_credentials() {
    let http = Arc::new(ReplayClient::new([]));
    let client = Client::builder()
        .region("us-east-1")
        .credentials(Hung)
        .shared_http_client(http.clone())
        .retry_config(fast_retries(2))
        .attempt_timeout(Duration::from_millis(50))
        .build()
        .unwrap();
    let started = std::time::Instant::now();
    let err = invoke(&client, thing()).await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Timeout);
    assert!(started.elapsed() < Duration::from_secs(5));
    assert!(http.requests().is_empty());
}
