//! The hand-declared Lambda operations against a loopback server that
//! answers as Lambda does: PascalCase JSON on the wire both ways, pages
//! walked with the paginator, typed errors whose message key differs from
//! the model's, a throttle retried.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use awsop::runtime::retry::RetryConfig;
use awsop::{Blob, Client, Credentials};
use awsop_by_hand::lambda::*;
use serde_json::{json, Value};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

/// One request as the server saw it.
#[derive(Debug, Clone)]
struct Seen {
    method: String,
    target: String,
    authorization: Option<String>,
    body: String,
}

/// What the server holds: functions by name, the requests seen, and how
/// many throttles it still owes.
#[derive(Default)]
struct Lambda {
    functions: BTreeMap<String, Value>,
    seen: Vec<Seen>,
    throttles: usize,
}

type Shared = Arc<Mutex<Lambda>>;

async fn start() -> (String, Shared) {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let state = Shared::default();
    let served = state.clone();
    tokio::spawn(async move {
        while let Ok((socket, _)) = listener.accept().await {
            tokio::spawn(serve(socket, served.clone()));
        }
    });
    (url, state)
}

async fn serve(mut socket: TcpStream, state: Shared) {
    let mut buf = Vec::new();
    loop {
        let mut chunk = [0u8; 8192];
        let head_end = loop {
            if let Some(end) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
                break end;
            }
            match socket.read(&mut chunk).await {
                Ok(0) | Err(_) => return,
                Ok(n) => buf.extend_from_slice(&chunk[..n]),
            }
        };
        let head = String::from_utf8_lossy(&buf[..head_end]).to_string();
        let header = |name: &str| {
            head.lines().skip(1).find_map(|l| {
                let (k, v) = l.split_once(':')?;
                k.trim()
                    .eq_ignore_ascii_case(name)
                    .then(|| v.trim().to_string())
            })
        };
        let length: usize = header("content-length").map_or(0, |v| v.parse().unwrap());
        while buf.len() < head_end + 4 + length {
            match socket.read(&mut chunk).await {
                Ok(0) | Err(_) => return,
                Ok(n) => buf.extend_from_slice(&chunk[..n]),
            }
        }
        let body = String::from_utf8_lossy(&buf[head_end + 4..head_end + 4 + length]).to_string();
        buf.drain(..head_end + 4 + length);
        let mut request_line = head.lines().next().unwrap_or_default().split(' ');
        let seen = Seen {
            method: request_line.next().unwrap_or_default().to_string(),
            target: request_line.next().unwrap_or_default().to_string(),
            authorization: header("authorization"),
            body,
        };
        let (status, error_type, reply) = answer(&state, seen);
        let mut response = format!(
            "HTTP/1.1 {status} X\r\ncontent-type: application/json\r\nx-amzn-requestid: req-{}\r\ncontent-length: {}\r\n",
            state.lock().unwrap().seen.len(),
            reply.len()
        );
        if let Some(code) = error_type {
            response.push_str(&format!(
                "x-amzn-ErrorType: {code}:http://internal.amazon.com/\r\n"
            ));
        }
        response.push_str("\r\n");
        response.push_str(&reply);
        if socket.write_all(response.as_bytes()).await.is_err() {
            return;
        }
    }
}

/// Lambda's answer to one request: status, error type, JSON body.
fn answer(state: &Shared, seen: Seen) -> (u16, Option<&'static str>, String) {
    let mut lambda = state.lock().unwrap();
    lambda.seen.push(seen.clone());
    let not_found = |name: &str| {
        // Lambda's own exceptions model `Message`; this front end writes
        // `message`, as the emulator the issue found did.
        let body = json!({"Type": "User", "message": format!("Function not found: {name}")});
        (404, Some("ResourceNotFoundException"), body.to_string())
    };
    let (path, query) = seen.target.split_once('?').unwrap_or((&seen.target, ""));
    let param = |key: &str| {
        query
            .split('&')
            .find_map(|pair| pair.strip_prefix(&format!("{key}=")).map(str::to_string))
    };
    match (seen.method.as_str(), path) {
        ("POST", "/2015-03-31/functions") => {
            let input: Value = serde_json::from_str(&seen.body).unwrap();
            let name = input["FunctionName"].as_str().unwrap().to_string();
            if lambda.functions.contains_key(&name) {
                let body =
                    json!({"Type": "User", "Message": format!("Function already exist: {name}")});
                return (409, Some("ResourceConflictException"), body.to_string());
            }
            let zip = input["Code"]["ZipFile"].as_str().unwrap_or_default();
            let configuration = json!({
                "FunctionName": name,
                "FunctionArn": format!("arn:aws:lambda:us-east-1:123456789012:function:{name}"),
                "Runtime": input["Runtime"],
                "Role": input["Role"],
                "Handler": input["Handler"],
                "CodeSize": zip.len() * 3 / 4,
                "Timeout": input.get("Timeout").cloned().unwrap_or(json!(3)),
                "MemorySize": input.get("MemorySize").cloned().unwrap_or(json!(128)),
                "LastModified": "2026-12-01T00:00:00.000+0000",
                "Environment": {"Variables": input["Environment"]["Variables"]},
                "State": "Active",
                "Architectures": ["x86_64"],
            });
            let stored = json!({"Configuration": configuration, "Tags": input["Tags"]});
            lambda.functions.insert(name, stored);
            (201, None, configuration.to_string())
        }
        ("GET", "/2015-03-31/functions") => {
            if lambda.throttles > 0 {
                lambda.throttles -= 1;
                let body = json!({"Type": "User", "message": "Rate exceeded", "Reason": "CallerRateLimitExceeded"});
                return (429, Some("TooManyRequestsException"), body.to_string());
            }
            let size: usize = param("MaxItems").map_or(50, |v| v.parse().unwrap());
            let start: usize = param("Marker").map_or(0, |v| v.parse().unwrap());
            let all: Vec<&Value> = lambda
                .functions
                .values()
                .map(|f| &f["Configuration"])
                .collect();
            let page: Vec<&Value> = all.iter().skip(start).take(size).copied().collect();
            let mut body = json!({"Functions": page});
            if start + size < all.len() {
                body["NextMarker"] = json!((start + size).to_string());
            }
            (200, None, body.to_string())
        }
        ("GET", path) => {
            let name = path.trim_start_matches("/2015-03-31/functions/");
            match lambda.functions.get(name) {
                Some(function) => (200, None, function.to_string()),
                None => not_found(name),
            }
        }
        ("DELETE", path) => {
            let name = path
                .trim_start_matches("/2015-03-31/functions/")
                .to_string();
            match lambda.functions.remove(&name) {
                Some(_) => (204, None, String::new()),
                None => not_found(&name),
            }
        }
        _ => (
            400,
            Some("InvalidParameterValueException"),
            "{}".to_string(),
        ),
    }
}

fn client(url: &str) -> Client {
    Client::builder()
        .region("us-east-1")
        .credentials(Credentials::new(
            "AKIDEXAMPLE",
            "SECRET",
            None,
            None,
            "test",
        ))
        .endpoint_url(url)
        .retry_config(RetryConfig {
            initial_backoff: Duration::from_millis(1),
            throttling_backoff: Duration::from_millis(1),
            ..RetryConfig::default()
        })
        .build()
        .unwrap()
}

fn create(name: &str) -> CreateFunction {
    CreateFunction {
        function_name: name.to_string(),
        runtime: Some(Runtime::Python312),
        role: "arn:aws:iam::123456789012:role/lambda".to_string(),
        handler: Some("index.handler".to_string()),
        code: FunctionCode {
            zip_file: Some(Blob::new(b"PK\x03\x04 a zip".to_vec())),
            ..FunctionCode::default()
        },
        memory_size: Some(256),
        environment: Some(Environment {
            variables: Some([("STAGE".to_string(), "test".to_string())].into()),
        }),
        tags: Some([("team".to_string(), "ml".to_string())].into()),
        ..CreateFunction::default()
    }
}

#[tokio::test]
async fn create_list_get_delete_in_pascal_case() {
    let (url, state) = start().await;
    let client = client(&url);

    for name in ["alpha", "bravo", "charlie", "delta", "echo"] {
        let created = create(name).send(&client).await.unwrap();
        assert_eq!(created.function_name.as_deref(), Some(name));
        assert_eq!(created.runtime, Some(Runtime::Python312));
        assert_eq!(created.memory_size, Some(256));
        assert_eq!(created.state, Some(State::Active));
        assert_eq!(created.architectures, Some(vec![Architecture::X8664]));
        assert_eq!(
            created.environment.unwrap().variables.unwrap()["STAGE"],
            "test"
        );
    }
    // The create body is PascalCase throughout, values as Lambda spells them.
    let first = state.lock().unwrap().seen[0].clone();
    let body: Value = serde_json::from_str(&first.body).unwrap();
    assert_eq!(
        body,
        json!({
            "FunctionName": "alpha",
            "Runtime": "python3.12",
            "Role": "arn:aws:iam::123456789012:role/lambda",
            "Handler": "index.handler",
            "Code": {"ZipFile": "UEsDBCBhIHppcA=="},
            "MemorySize": 256,
            "Environment": {"Variables": {"STAGE": "test"}},
            "Tags": {"team": "ml"},
        })
    );
    assert!(first
        .authorization
        .unwrap()
        .contains("/us-east-1/lambda/aws4_request"));

    // Creating one again is a typed conflict.
    let err = create("alpha").send(&client).await.unwrap_err();
    assert!(matches!(
        err.service_error(),
        Some(LambdaError::ResourceConflictException(_))
    ));

    // Three pages of two, walked by the paginator, after one throttle.
    state.lock().unwrap().throttles = 1;
    let before = state.lock().unwrap().seen.len();
    let names: Vec<String> = ListFunctions::default()
        .paginate(&client)
        .page_size(2)
        .collect_items()
        .await
        .unwrap()
        .into_iter()
        .map(|f| f.function_name.unwrap())
        .collect();
    assert_eq!(names, ["alpha", "bravo", "charlie", "delta", "echo"]);
    let targets: Vec<String> = state.lock().unwrap().seen[before..]
        .iter()
        .map(|s| s.target.clone())
        .collect();
    assert_eq!(
        targets,
        [
            "/2015-03-31/functions?MaxItems=2",
            "/2015-03-31/functions?MaxItems=2",
            "/2015-03-31/functions?Marker=2&MaxItems=2",
            "/2015-03-31/functions?Marker=4&MaxItems=2",
        ],
        "the first page throttled once, then each page sends the last NextMarker"
    );

    // Item by item, capped.
    let mut items = ListFunctions::default()
        .paginate(&client)
        .page_size(2)
        .max_items(3)
        .items();
    let mut capped = Vec::new();
    while let Some(f) = items.next().await {
        capped.push(f.unwrap().function_name.unwrap());
    }
    assert_eq!(capped, ["alpha", "bravo", "charlie"]);

    let got = GetFunction {
        function_name: "charlie".into(),
        ..GetFunction::default()
    }
    .send(&client)
    .await
    .unwrap();
    assert_eq!(got.tags.unwrap()["team"], "ml");
    assert_eq!(
        got.configuration.unwrap().function_arn.as_deref(),
        Some("arn:aws:lambda:us-east-1:123456789012:function:charlie")
    );

    DeleteFunction {
        function_name: "charlie".into(),
    }
    .send(&client)
    .await
    .unwrap();
    let err = GetFunction {
        function_name: "charlie".into(),
        ..GetFunction::default()
    }
    .send(&client)
    .await
    .unwrap_err();
    assert_eq!(err.code(), Some("ResourceNotFoundException"));
    assert_eq!(err.status(), Some(404));
    match err.service_error() {
        // The body said `message`; the member is `Message`: filled anyway.
        Some(LambdaError::ResourceNotFoundException(e)) => {
            assert_eq!(e.message.as_deref(), Some("Function not found: charlie"));
            assert_eq!(e.r#type.as_deref(), Some("User"));
        }
        other => panic!("expected ResourceNotFoundException, got {other:?}"),
    }
}
