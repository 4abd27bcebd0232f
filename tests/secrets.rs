//! No secret in any output: calls that succeed, fail at the service, fail to
//! get credentials, or fail to reach the endpoint, with `tracing` capturing
//! every span and event at TRACE. Nothing the program can print — `Debug`,
//! `Display`, logs, error chains (`source()`) — may contain the secret
//! access key, the session token, a container authorization token, or the
//! `Authorization` signature the client sent. (`secrets_tokens.rs` does the
//! same for the tokens of IAM Identity Center and web identity.)

use std::error::Error as StdError;
use std::fmt::{self, Write as _};
use std::sync::{Arc, Mutex};

use awsop::datazone::{CreateUserProfile, DataZoneError, UserType};
use awsop::runtime::credentials::{
    ContainerCredentials, EnvironmentCredentials, ProcessCredentials, ProvideCredentials,
};
use awsop::runtime::env::Env;
use awsop::runtime::error::{DispatchError, ErrorKind};
use awsop::runtime::http::{HttpRequest, HttpResponse};
use awsop::runtime::retry::RetryConfig;
use awsop::runtime::transport::{HttpClient, HyperClient, TransportSettings};
use awsop::runtime::BoxFuture;
use awsop::{Client, Credentials};
use awsop_emulator::{Emulator, EmulatorConfig};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

const ACCESS_KEY: &str = "AKIDSECRETSTEST";
/// Distinctive values, so a match can only be a leak.
const SECRET: &str = "SeCrEtKeY/0123456789+abcdefghijklmnopqrst";
const TOKEN: &str = "SeSsIoNtOkEn//FwoGZXIvYXdzEXAMPLE+uniq==";
const CONTAINER_TOKEN: &str = "CoNtAiNeRaUtHtOkEn-9f8e7d6c5b4a";

#[path = "support/capture.rs"]
mod capture;
use capture::logs;

// ---- what the client sent ---------------------------------------------------

/// Wraps the real transport and keeps every `Authorization` it sent.
struct SignatureTap {
    inner: HyperClient,
    sent: Arc<Mutex<Vec<String>>>,
}

// The client's `Debug` shows its transport: this one must not show what it
// keeps, or the test would find its own copy.
impl fmt::Debug for SignatureTap {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SignatureTap")
            .field("inner", &self.inner)
            .finish_non_exhaustive()
    }
}

impl HttpClient for SignatureTap {
    fn call(&self, request: HttpRequest) -> BoxFuture<'_, Result<HttpResponse, DispatchError>> {
        if let Some(value) = request.headers.get("authorization") {
            self.sent
                .lock()
                .unwrap()
                .push(value.to_str().unwrap_or_default().to_owned());
        }
        self.inner.call(request)
    }
}

/// Everything a program could print about a result: `Debug`, `Display` and
/// the whole `source()` chain.
fn render<T: fmt::Debug>(result: &Result<T, awsop::runtime::Error<DataZoneError>>) -> String {
    let mut out = String::new();
    match result {
        Ok(value) => {
            let _ = write!(out, "{value:?}");
        }
        Err(err) => {
            let _ = write!(out, "{err}\n{err:?}\n{err:#?}");
            let mut source = err.source();
            while let Some(s) = source {
                let _ = write!(out, "\n{s}\n{s:?}");
                source = s.source();
            }
            let _ = write!(
                out,
                "\n{:?} {:?} {:?}",
                err.code(),
                err.message(),
                err.metadata()
            );
        }
    }
    out
}

/// What `text` leaks, named without printing the secret itself.
fn leaks(what: &str, text: &str, signatures: &[String]) -> Vec<String> {
    let mut found = Vec::new();
    for (name, secret) in [
        ("the secret access key", SECRET),
        ("the session token", TOKEN),
        ("the container authorization token", CONTAINER_TOKEN),
    ] {
        if text.contains(secret) {
            found.push(format!("{what} contains {name}"));
        }
    }
    for authorization in signatures {
        let signature = authorization
            .rsplit("Signature=")
            .next()
            .expect("an Authorization has a signature");
        assert_eq!(signature.len(), 64, "a SigV4 signature");
        if text.contains(signature) {
            found.push(format!("{what} contains a request signature"));
        }
    }
    found
}

/// Checks every `(what, text)` and fails listing all leaks at once.
fn assert_clean(checks: &[(&str, String)], signatures: &[String]) {
    let found: Vec<String> = checks
        .iter()
        .flat_map(|(what, text)| leaks(what, text, signatures))
        .collect();
    assert!(found.is_empty(), "secrets leaked:\n{}", found.join("\n"));
}

fn credentials() -> Credentials {
    Credentials::new(ACCESS_KEY, SECRET, Some(TOKEN.to_owned()), None, "test")
}

async fn emulator() -> Emulator {
    Emulator::start_with(
        EmulatorConfig::builder()
            .credentials([credentials()])
            .build(),
    )
    .await
    .expect("emulator")
}

fn client(
    endpoint: &str,
    provider: impl ProvideCredentials + 'static,
    sent: &Arc<Mutex<Vec<String>>>,
) -> Client {
    Client::builder()
        .region("us-east-1")
        .credentials(provider)
        .endpoint_url(endpoint)
        .retry_config(RetryConfig {
            max_attempts: 2,
            initial_backoff: std::time::Duration::from_millis(1),
            ..RetryConfig::default()
        })
        .http_client(SignatureTap {
            inner: HyperClient::new(TransportSettings::default()).unwrap(),
            sent: sent.clone(),
        })
        .build()
        .unwrap()
}

fn create(domain: &str) -> CreateUserProfile {
    CreateUserProfile {
        domain_identifier: domain.into(),
        user_identifier: "arn:aws:iam::123456789012:role/DataScientist".into(),
        user_type: Some(UserType::IamRole),
        ..Default::default()
    }
}

/// Answers every connection with `response`, once its request head is in.
async fn raw_server(response: &'static [u8]) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move {
        while let Ok((mut stream, _)) = listener.accept().await {
            tokio::spawn(async move {
                let mut buf = Vec::new();
                let mut chunk = [0u8; 4096];
                while !buf.windows(4).any(|w| w == b"\r\n\r\n") {
                    match stream.read(&mut chunk).await {
                        Ok(0) | Err(_) => return,
                        Ok(n) => buf.extend_from_slice(&chunk[..n]),
                    }
                }
                let _ = stream.write_all(response).await;
                let _ = stream.shutdown().await;
            });
        }
    });
    url
}

// ---- the calls --------------------------------------------------------------

#[tokio::test]
async fn success_and_service_errors_leak_nothing() {
    let logs = logs();
    let emulator = emulator().await;
    let sent = Arc::new(Mutex::new(Vec::new()));
    let client = client(&emulator.endpoint_url(), credentials(), &sent);

    let ok = create("dzd_secrets").send(&client).await;
    assert!(ok.is_ok(), "{ok:?}");
    let validation = create("not a domain").send(&client).await;
    assert_eq!(
        validation.as_ref().err().map(|e| e.kind()),
        Some(ErrorKind::Service)
    );

    // The emulator refuses a wrong secret; the client's (wrong) secret and
    // token must not show either.
    let wrong = Client::builder()
        .region("us-east-1")
        .credentials(Credentials::new(
            ACCESS_KEY,
            format!("{SECRET}x"),
            Some(TOKEN.into()),
            None,
            "test",
        ))
        .endpoint_url(emulator.endpoint_url())
        .http_client(SignatureTap {
            inner: HyperClient::new(TransportSettings::default()).unwrap(),
            sent: sent.clone(),
        })
        .build()
        .unwrap();
    let refused = create("dzd_secrets").send(&wrong).await;
    assert_eq!(
        refused.as_ref().err().and_then(|e| e.status()),
        Some(403),
        "{refused:?}"
    );

    let signatures = sent.lock().unwrap().clone();
    assert!(signatures.len() >= 3);
    let logs = logs.lock().unwrap().clone();
    // The capture works: the call's spans and events are in it.
    assert!(logs.contains("CreateUserProfile"), "nothing captured");
    assert!(logs.contains("attempt"), "no attempt span captured");
    assert_clean(
        &[
            ("a successful output", render(&ok)),
            ("a validation error", render(&validation)),
            ("a signature error", render(&refused)),
            ("the client's Debug", format!("{client:?} {wrong:?}")),
            (
                "the credentials' Debug",
                format!("{:?} {:#?}", credentials(), credentials()),
            ),
            (
                "the request's Debug",
                format!("{:?}", create("dzd_secrets")),
            ),
            ("the TRACE logs", logs),
        ],
        &signatures,
    );
}

#[tokio::test]
async fn credential_errors_leak_nothing() {
    let logs = logs();
    let sent = Arc::new(Mutex::new(Vec::new()));
    let endpoint = "http://127.0.0.1:9"; // never reached: no credentials

    // A secret and a token in the environment without an access key id.
    let env = Env::from_pairs([
        ("AWS_SECRET_ACCESS_KEY", SECRET),
        ("AWS_SESSION_TOKEN", TOKEN),
    ]);
    let from_env = create("dzd_secrets")
        .send(&client(endpoint, EnvironmentCredentials::new(env), &sent))
        .await;
    assert_eq!(
        from_env.as_ref().err().map(|e| e.kind()),
        Some(ErrorKind::Credentials)
    );

    // A credential process printing the secret in a shape that is refused:
    // an unsupported version, then JSON cut short.
    let version_2 = format!(
        r#"printf '%s' '{{"Version": 2, "AccessKeyId": "{ACCESS_KEY}", "SecretAccessKey": "{SECRET}", "SessionToken": "{TOKEN}"}}'"#
    );
    let cut_short = format!(
        r#"printf '%s' '{{"Version": 1, "AccessKeyId": "{ACCESS_KEY}", "SecretAccessKey": "{SECRET}", "SessionToken": "{TOKEN}"'"#
    );
    let failing = format!("echo '{SECRET} {TOKEN}'; exit 3");
    let mut processes = Vec::new();
    for command in [version_2, cut_short, failing] {
        let result = create("dzd_secrets")
            .send(&client(endpoint, ProcessCredentials::new(command), &sent))
            .await;
        assert_eq!(
            result.as_ref().err().map(|e| e.kind()),
            Some(ErrorKind::Credentials)
        );
        processes.push(result);
    }

    // A container endpoint that answers with the secret in a refused body,
    // called with an authorization token.
    let container_url = raw_server(
        b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 96\r\n\r\n\
{\"AccessKeyId\": \"AKIDSECRETSTEST\", \"SecretAccessKey\": \"SeCrEtKeY/0123456789+abcdefghijklmnopq",
    )
    .await;
    let container_env = Env::from_pairs([
        (
            "AWS_CONTAINER_CREDENTIALS_FULL_URI",
            format!("{container_url}/creds"),
        ),
        (
            "AWS_CONTAINER_AUTHORIZATION_TOKEN",
            CONTAINER_TOKEN.to_owned(),
        ),
    ]);
    let container = create("dzd_secrets")
        .send(&client(
            endpoint,
            ContainerCredentials::new(container_env),
            &sent,
        ))
        .await;
    assert_eq!(
        container.as_ref().err().map(|e| e.kind()),
        Some(ErrorKind::Credentials)
    );

    let signatures = sent.lock().unwrap().clone();
    assert!(
        signatures.is_empty(),
        "nothing is signed without credentials"
    );
    let mut checks = vec![("an environment credentials error", render(&from_env))];
    for result in &processes {
        checks.push(("a credential_process error", render(result)));
    }
    let container_text = render(&container);
    // The body held a prefix of the secret: no prefix of it may show either.
    assert!(
        !container_text.contains(&SECRET[..20]),
        "the container body was echoed"
    );
    checks.push(("a container credentials error", container_text));
    checks.push(("the TRACE logs", logs.lock().unwrap().clone()));
    assert_clean(&checks, &[]);
}

#[tokio::test]
async fn dispatch_errors_leak_nothing() {
    let logs = logs();
    let sent = Arc::new(Mutex::new(Vec::new()));

    // Nothing listens on the port of a listener just closed.
    let closed = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        format!("http://{}", listener.local_addr().unwrap())
    };
    let refused = create("dzd_secrets")
        .send(&client(&closed, credentials(), &sent))
        .await;
    assert_eq!(
        refused.as_ref().err().map(|e| e.kind()),
        Some(ErrorKind::Dispatch)
    );

    // A server that answers garbage after reading the signed request.
    let garbage = raw_server(b"SSH-2.0-OpenSSH_9.6\r\n\r\n").await;
    let unreadable = create("dzd_secrets")
        .send(&client(&garbage, credentials(), &sent))
        .await;
    assert_eq!(
        unreadable.as_ref().err().map(|e| e.kind()),
        Some(ErrorKind::Dispatch)
    );

    let signatures = sent.lock().unwrap().clone();
    assert_eq!(signatures.len(), 4, "two attempts each");
    assert_clean(
        &[
            ("a connect error", render(&refused)),
            ("a garbage-response error", render(&unreadable)),
            ("the TRACE logs", logs.lock().unwrap().clone()),
        ],
        &signatures,
    );
}
