//! Hostile input, from the user and from the server. None of it may panic,
//! send a request somewhere else than meant, or exhaust memory or stack;
//! each case gives a typed error that says what was wrong.
//!
//! From the user: URI labels with `/`, `..`, `%`, `?`, `#`, `+`, unicode,
//! or empty; header values with CR, LF or NUL; regions and endpoints that
//! would change the host.
//! From the server: a body over the size cap (declared or endless), JSON
//! nested 100,000 deep, invalid UTF-8, a 201 with an HTML body, a garbage
//! status line, an array where an object belongs, a union with two members.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use awsop::datazone::{CreateUserProfile, DataZoneError, GetUserProfile, UserType};
use awsop::runtime::env::Env;
use awsop::runtime::error::{DispatchErrorKind, ErrorKind};
use awsop::runtime::http::HttpResponse;
use awsop::runtime::transport::ReplayClient;
use awsop::{aws_operation, aws_shape, Client, ClientBuilder, Credentials};
use awsop_emulator::Emulator;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

type CallError = awsop::runtime::Error<DataZoneError>;

const ROLE: &str = "arn:aws:iam::123456789012:role/DataScientist";

fn create(domain: &str) -> CreateUserProfile {
    CreateUserProfile {
        domain_identifier: domain.into(),
        user_identifier: ROLE.into(),
        user_type: Some(UserType::IamRole),
        ..Default::default()
    }
}

fn base() -> ClientBuilder {
    Client::builder()
        .region("us-east-1")
        .credentials(Credentials::new(
            "AKIDEXAMPLE",
            "SECRET",
            None,
            None,
            "test",
        ))
        .max_attempts(1)
}

/// A client whose transport answers `responses` in order (the wire does not
/// matter for what is parsed).
fn replaying(responses: Vec<HttpResponse>) -> (Client, Arc<ReplayClient>) {
    let replay = Arc::new(ReplayClient::new(responses.into_iter().map(Ok)));
    let client = base().shared_http_client(replay.clone()).build().unwrap();
    (client, replay)
}

/// An environment of `pairs` alone, with the shared config files pointed
/// at a path that does not exist (so no test reads the user's files).
fn env<V: Into<String>>(pairs: impl IntoIterator<Item = (&'static str, V)>) -> Env {
    let none = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/no-such-aws-config");
    let mut all: Vec<(&str, String)> = vec![
        ("AWS_CONFIG_FILE", none.to_owned()),
        ("AWS_SHARED_CREDENTIALS_FILE", none.to_owned()),
    ];
    all.extend(pairs.into_iter().map(|(k, v)| (k, v.into())));
    Env::from_pairs(all)
}

fn error_text(err: &CallError) -> String {
    let mut text = err.to_string();
    let mut source = std::error::Error::source(err);
    while let Some(s) = source {
        text.push_str(": ");
        text.push_str(&s.to_string());
        source = s.source();
    }
    text
}

// ---- a loopback server speaking raw bytes -----------------------------------

/// What the raw server answers.
#[derive(Clone, Copy)]
enum Answer {
    /// These bytes, then close.
    Bytes(&'static [u8]),
    /// A 201 whose body never ends (chunked), counting what it wrote.
    Endless,
    /// A 201 declaring a `Content-Length` of 1 GiB, then streaming.
    HugeDeclared,
}

struct RawServer {
    url: String,
    heads: Arc<Mutex<Vec<String>>>,
    written: Arc<AtomicUsize>,
}

impl RawServer {
    async fn start(answer: Answer) -> RawServer {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://{}", listener.local_addr().unwrap());
        let heads = Arc::new(Mutex::new(Vec::new()));
        let written = Arc::new(AtomicUsize::new(0));
        let (h, w) = (heads.clone(), written.clone());
        tokio::spawn(async move {
            while let Ok((mut stream, _)) = listener.accept().await {
                let (heads, written) = (h.clone(), w.clone());
                tokio::spawn(async move {
                    let mut buf = Vec::new();
                    let mut chunk = [0u8; 4096];
                    let end = loop {
                        if let Some(end) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
                            break end;
                        }
                        match stream.read(&mut chunk).await {
                            Ok(0) | Err(_) => return,
                            Ok(n) => buf.extend_from_slice(&chunk[..n]),
                        }
                    };
                    heads
                        .lock()
                        .unwrap()
                        .push(String::from_utf8_lossy(&buf[..end]).into_owned());
                    let head: &[u8] = match answer {
                        Answer::Bytes(bytes) => {
                            let _ = stream.write_all(bytes).await;
                            let _ = stream.shutdown().await;
                            return;
                        }
                        Answer::Endless => {
                            b"HTTP/1.1 201 Created\r\ncontent-type: application/json\r\ntransfer-encoding: chunked\r\n\r\n"
                        }
                        Answer::HugeDeclared => {
                            b"HTTP/1.1 201 Created\r\ncontent-type: application/json\r\ncontent-length: 1073741824\r\n\r\n"
                        }
                    };
                    if stream.write_all(head).await.is_err() {
                        return;
                    }
                    let piece = vec![b' '; 64 * 1024];
                    let chunked = matches!(answer, Answer::Endless);
                    loop {
                        let result = if chunked {
                            let mut framed = format!("{:x}\r\n", piece.len()).into_bytes();
                            framed.extend_from_slice(&piece);
                            framed.extend_from_slice(b"\r\n");
                            stream.write_all(&framed).await
                        } else {
                            stream.write_all(&piece).await
                        };
                        if result.is_err() {
                            return;
                        }
                        // Stop after 1 GiB, whatever happens.
                        if written.fetch_add(piece.len(), Ordering::SeqCst) > 1 << 30 {
                            return;
                        }
                    }
                });
            }
        });
        RawServer {
            url,
            heads,
            written,
        }
    }

    fn request_targets(&self) -> Vec<String> {
        self.heads
            .lock()
            .unwrap()
            .iter()
            .map(|head| {
                let line = head.lines().next().unwrap_or_default();
                line.split(' ').nth(1).unwrap_or_default().to_owned()
            })
            .collect()
    }
}

fn percent_decode(text: &str) -> Vec<u8> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap();
            out.push(u8::from_str_radix(hex, 16).expect("a valid %-escape"));
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    out
}

// ---- labels -------------------------------------------------------------------

const HOSTILE_LABELS: &[&str] = &[
    "/",
    "a/b",
    "..",
    ".",
    "a/../../b",
    "%",
    "%2F",
    "?x=1",
    "#frag",
    "a+b",
    " ",
    "dzd_ü日本",
    "\u{202e}dzd",
];

#[tokio::test]
async fn an_empty_label_is_refused_before_sending() {
    let (client, replay) = replaying(vec![]);
    let err = create("").send(&client).await.expect_err("refused");
    assert_eq!(err.kind(), ErrorKind::Construction, "{err:?}");
    let text = err.to_string();
    assert!(
        text.contains("domainIdentifier") && text.contains("empty"),
        "{text}"
    );
    assert!(replay.requests().is_empty(), "nothing was sent");
}

#[tokio::test]
async fn hostile_labels_stay_inside_their_path_segment() {
    let server = RawServer::start(Answer::Bytes(
        b"HTTP/1.1 400 Bad Request\r\nx-amzn-errortype: ValidationException\r\ncontent-length: 24\r\n\r\n{\"message\":\"bad domain\"}",
    ))
    .await;
    let client = base().endpoint_url(&server.url).build().unwrap();
    let mut sent = 0;
    let mut escaped = Vec::new();
    for label in HOSTILE_LABELS {
        let err = create(label).send(&client).await.expect_err("refused");
        match err.kind() {
            // Refusing a label outright is fine, if the error names it.
            ErrorKind::Construction => {
                assert!(
                    err.to_string().contains("domainIdentifier"),
                    "{label:?}: {err}"
                );
                continue;
            }
            ErrorKind::Service => assert_eq!(err.code(), Some("ValidationException")),
            other => panic!("{label:?}: unexpected {other:?}: {err}"),
        }
        sent += 1;
        // What reached the server: exactly one segment, decoding to the label.
        let target = server.request_targets().pop().expect("a request");
        let intact = target
            .strip_prefix("/v2/domains/")
            .and_then(|rest| rest.strip_suffix("/user-profiles"))
            .filter(|segment| !segment.contains(['/', '?', '#']))
            .is_some_and(|segment| percent_decode(segment) == label.as_bytes());
        if !intact {
            escaped.push(format!("{label:?} arrived as {target}"));
        }
    }
    assert!(
        escaped.is_empty(),
        "labels escaped their segment:\n{}",
        escaped.join("\n")
    );
    assert_eq!(server.request_targets().len(), sent);
}

#[tokio::test]
async fn hostile_labels_get_a_typed_validation_error_from_the_service() {
    let emulator = Emulator::start().await;
    let client = Client::builder()
        .region(emulator.region())
        .credentials(emulator.credentials())
        .endpoint_url(emulator.endpoint_url())
        .build()
        .unwrap();
    let mut wrong = Vec::new();
    for label in HOSTILE_LABELS {
        let err = create(label).send(&client).await.expect_err("refused");
        let named = match err.kind() {
            ErrorKind::Construction => err.to_string().contains("domainIdentifier"),
            _ => {
                matches!(
                    err.service_error(),
                    Some(DataZoneError::ValidationException(_))
                ) && err
                    .message()
                    .is_some_and(|m| m.contains("domainIdentifier"))
            }
        };
        if !named {
            wrong.push(format!("{label:?}: {err:?}"));
        }
    }
    assert!(
        wrong.is_empty(),
        "errors that do not name domainIdentifier:\n{}",
        wrong.join("\n")
    );
    // A hostile user identifier (a label of GetUserProfile) too.
    for label in HOSTILE_LABELS {
        let err = GetUserProfile {
            domain_identifier: "dzd_hostile".into(),
            user_identifier: (*label).into(),
            ..Default::default()
        }
        .send(&client)
        .await
        .expect_err("refused or not found");
        assert!(
            matches!(err.kind(), ErrorKind::Construction | ErrorKind::Service),
            "{label:?}: {err:?}"
        );
    }
    assert_eq!(emulator.profile_count(), 0);
}

// ---- header values --------------------------------------------------------------

#[aws_shape]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct NoteOutput {
    pub note: Option<String>,
}

/// An operation with a header and a query member, to carry hostile values.
#[aws_operation(
    service = "datazone",
    method = "GET",
    uri = "/v2/notes/{name}",
    output = NoteOutput,
    error = DataZoneError,
)]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct GetNote {
    #[aws(label)]
    pub name: String,
    #[aws(header = "X-Note")]
    pub note: Option<String>,
    #[aws(query = "filter")]
    pub filter: Option<String>,
}

#[tokio::test]
async fn header_values_with_cr_lf_or_nul_are_refused() {
    let (client, replay) = replaying(vec![]);
    for value in [
        "a\r\nX-Injected: 1",
        "a\nb",
        "a\rb",
        "a\0b",
        "\r\n\r\nGET / HTTP/1.1",
    ] {
        let err = GetNote {
            name: "n".into(),
            note: Some(value.into()),
            filter: None,
        }
        .send(&client)
        .await
        .expect_err("refused");
        assert_eq!(err.kind(), ErrorKind::Construction, "{value:?}: {err:?}");
        let text = err.to_string();
        assert!(
            text.contains("X-Note") || text.contains("note"),
            "{value:?}: the error names the member: {text}"
        );
    }
    assert!(replay.requests().is_empty(), "nothing was sent");
}

#[tokio::test]
async fn hostile_query_values_are_encoded_not_interpreted() {
    let server = RawServer::start(Answer::Bytes(
        b"HTTP/1.1 200 OK\r\ncontent-length: 13\r\n\r\n{\"note\":\"ok\"}",
    ))
    .await;
    let client = base().endpoint_url(&server.url).build().unwrap();
    let out = GetNote {
        name: "n".into(),
        note: None,
        filter: Some("a&b=c#d e\r\n".into()),
    }
    .send(&client)
    .await
    .expect("sent");
    assert_eq!(out.note.as_deref(), Some("ok"));
    let target = server.request_targets().pop().unwrap();
    let (path, query) = target.split_once('?').expect("a query");
    assert_eq!(path, "/v2/notes/n");
    let value = query.strip_prefix("filter=").expect("one parameter");
    assert!(!value.contains(['&', '#', ' ', '=']), "{target}");
    assert_eq!(percent_decode(value), b"a&b=c#d e\r\n");
}

// ---- regions and endpoints ------------------------------------------------------

const HOSTILE_REGIONS: &[&str] = &[
    "us-east-1.evil.example",
    "x/y",
    "x@y",
    "evil.example#",
    "us-east-1:443",
    "us-east-1?x=",
    "US-EAST-1",
    "us-east-1\r\nHost: evil",
    "",
];

#[tokio::test]
async fn regions_that_would_change_the_host_are_refused() {
    for region in HOSTILE_REGIONS {
        let err = Client::builder()
            .region(*region)
            .build()
            .expect_err("refused");
        assert!(err.to_string().contains("region"), "{region:?}: {err}");
    }
    // The same from the environment.
    for region in HOSTILE_REGIONS.iter().filter(|r| !r.is_empty()) {
        let environment = env([("AWS_REGION", *region)]);
        let result = async { ClientBuilder::from_env_with(environment).await?.build() }.await;
        let err = result.expect_err("refused");
        assert!(err.to_string().contains("region"), "{region:?}: {err}");
    }
}

#[tokio::test]
async fn endpoints_that_would_change_the_host_are_refused() {
    let hostile = [
        "http://127.0.0.1:1@evil.example",
        "http://user:pass@127.0.0.1:1",
        "http://evil.example#@127.0.0.1",
        "http://evil.example?@127.0.0.1",
        "http://127.0.0.1:1/..",
        "http://127.0.0.1:1/a/../../b",
        "http://127.0.0.1:1 evil",
        "http://127.0.0.1:1\r\nHost: evil",
        "http://évil.example",
        "file:///etc/passwd",
        "//evil.example",
        "http://",
    ];
    for endpoint in hostile {
        let replay = Arc::new(ReplayClient::new([]));
        let built = base()
            .endpoint_url(endpoint)
            .shared_http_client(replay.clone())
            .build();
        let err = match built {
            Err(err) => err.to_string(),
            Ok(client) => {
                let err = create("dzd_x").send(&client).await.expect_err("refused");
                assert_eq!(
                    err.kind(),
                    ErrorKind::Configuration,
                    "{endpoint:?}: {err:?}"
                );
                err.to_string()
            }
        };
        assert!(
            err.contains("endpoint") || err.contains("URL"),
            "{endpoint:?}: {err}"
        );
        assert!(
            !err.contains("user:pass@"),
            "the password is not echoed: {err}"
        );
        assert!(
            replay.requests().is_empty(),
            "{endpoint:?}: something was sent"
        );
    }
    // The same through AWS_ENDPOINT_URL_DATAZONE.
    for endpoint in hostile {
        let environment = env([
            ("AWS_REGION", "us-east-1"),
            ("AWS_ENDPOINT_URL_DATAZONE", endpoint),
            ("AWS_ACCESS_KEY_ID", "AKID"),
            ("AWS_SECRET_ACCESS_KEY", "SECRET"),
        ]);
        let replay = Arc::new(ReplayClient::new([]));
        let client = ClientBuilder::from_env_with(environment)
            .await
            .and_then(|b| b.shared_http_client(replay.clone()).build());
        if let Ok(client) = client {
            let err = create("dzd_x").send(&client).await.expect_err("refused");
            assert_eq!(
                err.kind(),
                ErrorKind::Configuration,
                "{endpoint:?}: {err:?}"
            );
            assert!(
                err.to_string().contains("AWS_ENDPOINT_URL_DATAZONE"),
                "{err}"
            );
            // The cause is kept, typed, not only its text.
            let cause = std::error::Error::source(&err)
                .and_then(std::error::Error::source)
                .and_then(|e| e.downcast_ref::<awsop::runtime::endpoint::EndpointError>());
            assert!(cause.is_some(), "{endpoint:?}: {err:?}");
        }
        assert!(
            replay.requests().is_empty(),
            "{endpoint:?}: something was sent"
        );
    }
}

// ---- responses over the size cap ---------------------------------------------------

const CAP: usize = 1 << 20;

async fn over_the_cap(answer: Answer) {
    let server = RawServer::start(answer).await;
    let client = base()
        .endpoint_url(&server.url)
        .max_response_bytes(CAP)
        .attempt_timeout(Duration::from_secs(30))
        .build()
        .unwrap();
    let err = create("dzd_big")
        .send(&client)
        .await
        .expect_err("too large");
    assert_eq!(err.kind(), ErrorKind::Dispatch, "{err:?}");
    let dispatch = err.as_dispatch().expect("a dispatch error");
    assert_eq!(dispatch.kind(), DispatchErrorKind::BodyTooLarge);
    assert!(err.to_string().contains("cap"), "{err}");
    // Bounded memory: the client stopped reading near the cap, instead of
    // taking in the gigabyte on offer (socket buffers account for the slack).
    let written = server.written.load(Ordering::SeqCst);
    assert!(
        written < CAP + (16 << 20),
        "the server wrote {written} bytes"
    );
}

#[tokio::test]
async fn an_endless_body_is_cut_off_at_the_cap() {
    over_the_cap(Answer::Endless).await;
}

#[tokio::test]
async fn a_declared_huge_body_is_refused_at_once() {
    over_the_cap(Answer::HugeDeclared).await;
}

// ---- bodies that are not what they should be -----------------------------------------

/// Parses `body` as a `CreateUserProfile` 201 and returns the error.
async fn bad_output(body: impl Into<Vec<u8>>) -> CallError {
    let (client, _) = replaying(vec![HttpResponse::new(201, body.into())]);
    create("dzd_x").send(&client).await.expect_err("refused")
}

fn assert_response_error(err: &CallError, says: &[&str]) {
    assert_eq!(err.kind(), ErrorKind::Response, "{err:?}");
    assert_eq!(err.status(), Some(201), "the status is kept: {err:?}");
    let text = error_text(err);
    assert!(
        says.iter().any(|s| text.contains(s)),
        "{text:?} should say one of {says:?}"
    );
}

#[tokio::test]
async fn json_nested_100000_deep_is_an_error_not_a_stack_overflow() {
    const DEPTH: usize = 100_000;
    let arrays = format!("{}{}", "[".repeat(DEPTH), "]".repeat(DEPTH));
    let objects = format!("{}{}", r#"{"a":"#.repeat(DEPTH), "}".repeat(DEPTH));
    let in_member = format!(
        r#"{{"details":{}1{}}}"#,
        r#"{"iam":"#.repeat(DEPTH),
        "}".repeat(DEPTH)
    );
    // The reader pulls values as the output expects them: a top-level array
    // is refused at its first byte, and nested values are walked (and
    // bounded) when they sit in a member, known or skipped.
    let err = bad_output(arrays.clone()).await;
    assert_response_error(&err, &["expected an object"]);
    let skipped_arrays = format!(r#"{{"notAMember":{arrays}}}"#);
    for body in [skipped_arrays, objects.clone(), in_member] {
        let err = bad_output(body).await;
        assert_response_error(&err, &["recursion", "deep", "depth", "nest"]);
    }
    // In an error response too.
    for body in [arrays, objects] {
        let mut response = HttpResponse::new(400, body);
        response
            .headers
            .insert("x-amzn-errortype", "ValidationException".parse().unwrap());
        let (client, _) = replaying(vec![response]);
        let err = create("dzd_x").send(&client).await.expect_err("refused");
        assert!(
            matches!(err.kind(), ErrorKind::Response | ErrorKind::Service),
            "{err:?}"
        );
        assert_eq!(err.status(), Some(400));
        assert_eq!(err.code(), Some("ValidationException"));
    }
}

#[tokio::test]
async fn invalid_utf8_is_an_error() {
    let err = bad_output(&b"{\"id\":\"\xff\xfe\"}"[..]).await;
    assert_response_error(&err, &["UTF-8", "utf-8", "JSON", "invalid unicode"]);
    let err = bad_output(&b"\xc3\x28"[..]).await;
    assert_response_error(&err, &["UTF-8", "utf-8", "JSON"]);
    // In a header: ignored as a request id, never a panic.
    let mut response = HttpResponse::new(201, "{}");
    let id = &b"\xff\xfe-id"[..];
    response
        .headers
        .insert("x-amzn-requestid", TryFrom::try_from(id).unwrap());
    let (client, _) = replaying(vec![response]);
    let out = create("dzd_x").send(&client).await;
    assert!(out.is_ok(), "{out:?}");
}

#[tokio::test]
async fn a_201_with_an_html_body_is_an_error() {
    let err = bad_output("<html><body><h1>201 Created</h1></body></html>").await;
    assert_response_error(&err, &["not valid JSON"]);
}

#[tokio::test]
async fn a_json_array_where_an_object_belongs_is_an_error() {
    let err = bad_output(r#"[{"id":"p-1"}]"#).await;
    assert_response_error(&err, &["expected an object"]);
    let err = bad_output(r#"{"id":"p-1","details":[]}"#).await;
    assert_response_error(&err, &["details"]);
    let err = bad_output(r#"{"id":["p-1"]}"#).await;
    assert_response_error(&err, &["`id`", "id"]);
}

#[tokio::test]
async fn a_union_with_two_members_is_an_error() {
    let err =
        bad_output(r#"{"id":"p-1","details":{"iam":{"arn":"a"},"sso":{"username":"u"}}}"#).await;
    assert_response_error(&err, &["more than one member"]);
    assert!(error_text(&err).contains("details"), "names the union");
}

#[tokio::test]
async fn a_garbage_status_line_is_a_dispatch_error() {
    for garbage in [
        &b"garbage\r\n\r\n"[..],
        b"HTTP/1.1 2O1 Created\r\ncontent-length: 2\r\n\r\n{}",
        b"HTTP/9.9 201 Created\r\ncontent-length: 2\r\n\r\n{}",
        b"\x00\x01\x02\x03\r\n\r\n",
        b"HTTP/1.1 201 Created\r\ncontent-length: -2\r\n\r\n{}",
        b"HTTP/1.1 201 Created\r\nbad header line\r\n\r\n{}",
    ] {
        let leaked: &'static [u8] = Box::leak(garbage.to_vec().into_boxed_slice());
        let server = RawServer::start(Answer::Bytes(leaked)).await;
        let client = base().endpoint_url(&server.url).build().unwrap();
        let err = create("dzd_x").send(&client).await.expect_err("refused");
        assert_eq!(
            err.kind(),
            ErrorKind::Dispatch,
            "{:?}: {err:?}",
            String::from_utf8_lossy(garbage)
        );
        assert!(!err.to_string().is_empty());
    }
    // A status outside 2xx that no one has heard of is a service error.
    let server = RawServer::start(Answer::Bytes(
        b"HTTP/1.1 599 Whatever\r\ncontent-length: 0\r\n\r\n",
    ))
    .await;
    let client = base().endpoint_url(&server.url).build().unwrap();
    let err = create("dzd_x").send(&client).await.expect_err("refused");
    assert_eq!(err.kind(), ErrorKind::Service, "{err:?}");
    assert_eq!(err.status(), Some(599));
    assert!(matches!(
        err.service_error(),
        Some(DataZoneError::Unhandled)
    ));
}

/// An HTML 502 from a proxy and an XML 403 from a gateway in front of a
/// JSON service: the error says the body was not understood and shows its
/// start, control characters escaped and the caller's secret cut out.
#[tokio::test]
async fn error_bodies_in_another_format_are_shown_in_part() {
    let html = format!(
        "<html><head><title>502 Bad Gateway</title></head>\x1b[2J<body>{}</body></html>",
        "x".repeat(400)
    );
    let xml = "<?xml version=\"1.0\"?><Error><Code>AccessDenied</Code>\
               <Message>signature for SECRET does not match</Message></Error>";
    for (status, body) in [(502, html.as_str()), (403, xml)] {
        let (client, _) = replaying(vec![HttpResponse::new(status, body.to_string())]);
        let err = create("dzd_x").send(&client).await.expect_err("refused");
        assert_eq!(err.status(), Some(status));
        let text = err.to_string();
        assert!(text.contains("the body was not understood: <"), "{text}");
        let excerpt = err.metadata().and_then(|m| m.body_excerpt()).unwrap();
        assert!(excerpt.len() <= 200 + 16, "{} bytes", excerpt.len());
        assert!(
            !text.contains('\x1b'),
            "a control character reached the text: {text:?}"
        );
        assert!(
            !text.contains("SECRET"),
            "the secret reached the text: {text}"
        );
    }
}
