//! The loopback CloudWatch: HTTP/1.1 (keep-alive, `Content-Length`
//! bodies), the rpcv2Cbor request checks, SigV4 verification, and four
//! operations over an in-memory store, in CBOR (ciborium) both ways.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};

use awsop_runtime::sigv4::verify::{parse_authorization, recompute};
use awsop_runtime::sigv4::{SignableRequest, SigningSettings};
use ciborium::value::Value;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

pub(crate) const KEY_ID: &str = "AKIDCLOUDWATCHTEST";
pub(crate) const SECRET: &str = "cloudwatch/test/secret+key";
const PATH_PREFIX: &str = "/service/GraniteServiceVersion20100801/operation/";

/// One datum as the server understood it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Stored {
    pub(crate) namespace: String,
    pub(crate) name: String,
    pub(crate) dimensions: Vec<(String, String)>,
    /// Epoch seconds, from a tag-1 item.
    pub(crate) timestamp: f64,
    pub(crate) value: f64,
    pub(crate) unit: Option<String>,
}

#[derive(Default)]
pub(crate) struct State {
    pub(crate) data: Vec<Stored>,
    /// Every request's operation, in order.
    pub(crate) calls: Vec<String>,
}

pub(crate) type Shared = Arc<Mutex<State>>;

struct Request {
    method: String,
    target: String,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Request {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

struct Response {
    status: u16,
    headers: Vec<(&'static str, String)>,
    body: Vec<u8>,
}

fn cbor(value: &Value) -> Vec<u8> {
    let mut out = Vec::new();
    ciborium::ser::into_writer(value, &mut out).expect("CBOR encodes");
    out
}

fn text(s: &str) -> Value {
    Value::Text(s.to_string())
}

fn map(entries: Vec<(&str, Value)>) -> Value {
    Value::Map(entries.into_iter().map(|(k, v)| (text(k), v)).collect())
}

fn answer(status: u16, body: &Value) -> Response {
    Response {
        status,
        headers: vec![
            ("smithy-protocol", "rpc-v2-cbor".into()),
            ("content-type", "application/cbor".into()),
        ],
        body: cbor(body),
    }
}

/// A modeled error: `__type` names the shape; a query-compatible service
/// adds the legacy code in `x-amzn-query-error`.
fn error(status: u16, shape: &str, message: &str, query_error: Option<&str>) -> Response {
    let mut response = answer(
        status,
        &map(vec![
            ("__type", text(&format!("com.amazonaws.cloudwatch#{shape}"))),
            ("message", text(message)),
        ]),
    );
    if let Some(code) = query_error {
        response
            .headers
            .push(("x-amzn-query-error", format!("{code};Sender")));
    }
    response
}

/// Anything the server refuses before the operation: the test then fails
/// with the reason in the error's message.
fn refused(status: u16, why: String) -> Response {
    error(status, "AwsopTestRefusal", &why, None)
}

fn field<'v>(value: &'v Value, key: &str) -> Option<&'v Value> {
    value
        .as_map()?
        .iter()
        .find(|(k, _)| k.as_text() == Some(key))
        .map(|(_, v)| v)
}

fn text_field(value: &Value, key: &str) -> Result<String, String> {
    field(value, key)
        .and_then(Value::as_text)
        .map(str::to_string)
        .ok_or_else(|| format!("{key}: not a text string"))
}

fn number(value: &Value) -> Option<f64> {
    match value {
        Value::Float(f) => Some(*f),
        Value::Integer(i) => Some(i128::from(*i) as f64),
        _ => None,
    }
}

/// A Smithy timestamp: tag 1 over an integer or a float.
fn timestamp(value: &Value, key: &str) -> Result<f64, String> {
    match field(value, key) {
        Some(Value::Tag(1, inner)) => number(inner).ok_or(format!("{key}: tag 1 over {inner:?}")),
        other => Err(format!("{key}: not a tag-1 timestamp: {other:?}")),
    }
}

fn dimensions(value: &Value) -> Result<Vec<(String, String)>, String> {
    let Some(list) = field(value, "Dimensions") else {
        return Ok(Vec::new());
    };
    let list = list.as_array().ok_or("Dimensions: not an array")?;
    list.iter()
        .map(|d| Ok((text_field(d, "Name")?, text_field(d, "Value")?)))
        .collect()
}

fn dimensions_value(dims: &[(String, String)]) -> Value {
    Value::Array(
        dims.iter()
            .map(|(n, v)| map(vec![("Name", text(n)), ("Value", text(v))]))
            .collect(),
    )
}

/// Checks what every rpcv2Cbor request must be, and its signature.
fn check(request: &Request) -> Result<String, Response> {
    let bad = |why: String| Err(refused(400, why));
    if request.method != "POST" {
        return bad(format!("method {}", request.method));
    }
    let Some(operation) = request.target.strip_prefix(PATH_PREFIX) else {
        return bad(format!("path {}", request.target));
    };
    for (name, want) in [
        ("smithy-protocol", "rpc-v2-cbor"),
        ("accept", "application/cbor"),
        ("content-type", "application/cbor"),
        // CloudWatch is query-compatible: the client asks for legacy codes.
        ("x-amzn-query-mode", "true"),
    ] {
        if request.header(name) != Some(want) {
            return bad(format!("{name}: {:?}", request.header(name)));
        }
    }
    if request.header("x-amz-target").is_some() {
        return bad("rpcv2Cbor sends no X-Amz-Target".into());
    }
    let denied = |why: String| Err(error(403, "InvalidSignatureException", &why, None));
    let Some(authorization) = request.header("authorization") else {
        return denied("no Authorization".into());
    };
    let auth = match parse_authorization(authorization) {
        Ok(auth) => auth,
        Err(e) => return denied(format!("Authorization: {e}")),
    };
    if auth.access_key_id != KEY_ID || auth.service != "monitoring" || auth.region != "us-east-1" {
        return denied(format!(
            "scope {} {} {}",
            auth.access_key_id, auth.service, auth.region
        ));
    }
    let headers: Vec<(&str, &str)> = request
        .headers
        .iter()
        .map(|(n, v)| (n.as_str(), v.as_str()))
        .collect();
    let signable = SignableRequest {
        method: &request.method,
        uri: &request.target,
        headers: &headers,
        body: &request.body,
    };
    match recompute(&signable, &auth, SECRET, &SigningSettings::default()) {
        Ok(expected) if expected.signature == auth.signature => Ok(operation.to_string()),
        Ok(expected) => denied(format!(
            "signature mismatch; canonical request should have been:\n{}",
            expected.canonical_request
        )),
        Err(e) => denied(format!("cannot verify: {e}")),
    }
}

fn serve(state: &Shared, request: &Request) -> Response {
    let operation = match check(request) {
        Ok(operation) => operation,
        Err(response) => return response,
    };
    let input: Value = match ciborium::de::from_reader(&request.body[..]) {
        Ok(value) => value,
        Err(e) => return refused(400, format!("the body is not CBOR: {e}")),
    };
    state.lock().unwrap().calls.push(operation.clone());
    let result = match operation.as_str() {
        "PutMetricData" => put_metric_data(state, &input),
        "ListMetrics" => list_metrics(state, &input),
        "GetMetricStatistics" => get_metric_statistics(state, &input),
        "GetDashboard" => get_dashboard(&input),
        other => Err(format!("operation {other}")),
    };
    result.unwrap_or_else(|why| refused(400, why))
}

fn put_metric_data(state: &Shared, input: &Value) -> Result<Response, String> {
    let namespace = text_field(input, "Namespace")?;
    let data = field(input, "MetricData")
        .and_then(Value::as_array)
        .ok_or("MetricData: not an array")?;
    let mut stored = Vec::new();
    for datum in data {
        stored.push(Stored {
            namespace: namespace.clone(),
            name: text_field(datum, "MetricName")?,
            dimensions: dimensions(datum)?,
            timestamp: timestamp(datum, "Timestamp")?,
            value: field(datum, "Value")
                .and_then(number)
                .ok_or("Value: not a number")?,
            unit: field(datum, "Unit")
                .and_then(Value::as_text)
                .map(str::to_string),
        });
    }
    state.lock().unwrap().data.extend(stored);
    // No output: an empty map.
    Ok(answer(200, &map(vec![])))
}

/// Two metrics a page; the token is the next index.
fn list_metrics(state: &Shared, input: &Value) -> Result<Response, String> {
    let namespace = text_field(input, "Namespace")?;
    let start: usize = match field(input, "NextToken") {
        None => 0,
        Some(token) => token
            .as_text()
            .and_then(|t| t.parse().ok())
            .ok_or("NextToken: not ours")?,
    };
    let mut metrics: BTreeMap<(String, Vec<(String, String)>), ()> = BTreeMap::new();
    for d in state.lock().unwrap().data.iter() {
        if d.namespace == namespace {
            metrics.insert((d.name.clone(), d.dimensions.clone()), ());
        }
    }
    let all: Vec<_> = metrics.into_keys().collect();
    let page: Vec<Value> = all
        .iter()
        .skip(start)
        .take(2)
        .map(|(name, dims)| {
            map(vec![
                ("Namespace", text(&namespace)),
                ("MetricName", text(name)),
                ("Dimensions", dimensions_value(dims)),
            ])
        })
        .collect();
    let mut out = vec![("Metrics", Value::Array(page))];
    if start + 2 < all.len() {
        out.push(("NextToken", text(&(start + 2).to_string())));
    }
    Ok(answer(200, &map(out)))
}

fn get_metric_statistics(state: &Shared, input: &Value) -> Result<Response, String> {
    let namespace = text_field(input, "Namespace")?;
    let name = text_field(input, "MetricName")?;
    let start = timestamp(input, "StartTime")?;
    let end = timestamp(input, "EndTime")?;
    let period = field(input, "Period")
        .and_then(number)
        .ok_or("Period: not a number")?;
    let statistics: Vec<String> = field(input, "Statistics")
        .and_then(Value::as_array)
        .ok_or("Statistics: not an array")?
        .iter()
        .filter_map(|s| s.as_text().map(str::to_string))
        .collect();
    let mut buckets: BTreeMap<i64, Vec<&Stored>> = BTreeMap::new();
    let state = state.lock().unwrap();
    for d in state.data.iter() {
        if d.namespace == namespace && d.name == name && d.timestamp >= start && d.timestamp < end {
            let bucket = ((d.timestamp / period).floor() * period) as i64;
            buckets.entry(bucket).or_default().push(d);
        }
    }
    let datapoints = buckets
        .into_iter()
        .map(|(bucket, data)| {
            let values: Vec<f64> = data.iter().map(|d| d.value).collect();
            let sum: f64 = values.iter().sum();
            // The bucket's start as a tag-1 float: fractional epoch seconds
            // are how Smithy sends sub-second timestamps.
            let mut entries = vec![(
                "Timestamp",
                Value::Tag(1, Box::new(Value::Float(bucket as f64 + 0.5))),
            )];
            for statistic in &statistics {
                let v = match statistic.as_str() {
                    "Sum" => sum,
                    "SampleCount" => values.len() as f64,
                    "Average" => sum / values.len() as f64,
                    "Maximum" => values.iter().copied().fold(f64::MIN, f64::max),
                    "Minimum" => values.iter().copied().fold(f64::MAX, f64::min),
                    _ => continue,
                };
                entries.push((statistic.as_str(), Value::Float(v)));
            }
            if let Some(unit) = &data[0].unit {
                entries.push(("Unit", text(unit)));
            }
            map(entries)
        })
        .collect();
    Ok(answer(
        200,
        &map(vec![
            ("Label", text(&name)),
            ("Datapoints", Value::Array(datapoints)),
        ]),
    ))
}

/// No dashboard exists: `DashboardNotFoundError`, with its legacy code
/// (`ResourceNotFound`) unless the name asks for `__type` alone.
fn get_dashboard(input: &Value) -> Result<Response, String> {
    let name = text_field(input, "DashboardName")?;
    let legacy = (name != "type-only").then_some("ResourceNotFound");
    Ok(error(
        404,
        "DashboardNotFoundError",
        &format!("Dashboard {name} does not exist"),
        legacy,
    ))
}

async fn read_request(stream: &mut TcpStream, buf: &mut Vec<u8>) -> Option<Request> {
    let head_end = loop {
        if let Some(i) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
            break i;
        }
        let mut chunk = [0u8; 4096];
        let n = stream.read(&mut chunk).await.ok()?;
        if n == 0 {
            return None;
        }
        buf.extend_from_slice(&chunk[..n]);
    };
    let head = String::from_utf8(buf[..head_end].to_vec()).ok()?;
    let mut lines = head.split("\r\n");
    let mut request_line = lines.next()?.split(' ');
    let (method, target) = (request_line.next()?, request_line.next()?);
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_ascii_lowercase(), v.trim().to_string()))
        .collect();
    let length: usize = headers
        .iter()
        .find(|(n, _)| n == "content-length")
        .and_then(|(_, v)| v.parse().ok())
        .unwrap_or(0);
    let body_start = head_end + 4;
    while buf.len() < body_start + length {
        let mut chunk = [0u8; 4096];
        let n = stream.read(&mut chunk).await.ok()?;
        if n == 0 {
            return None;
        }
        buf.extend_from_slice(&chunk[..n]);
    }
    let body = buf[body_start..body_start + length].to_vec();
    buf.drain(..body_start + length);
    Some(Request {
        method: method.to_string(),
        target: target.to_string(),
        headers,
        body,
    })
}

async fn connection(state: Shared, mut stream: TcpStream) {
    let mut buf = Vec::new();
    let mut n = 0;
    while let Some(request) = read_request(&mut stream, &mut buf).await {
        n += 1;
        let response = serve(&state, &request);
        let mut head = format!(
            "HTTP/1.1 {} X\r\ncontent-length: {}\r\nx-amzn-requestid: cbor-{n}\r\n",
            response.status,
            response.body.len()
        );
        for (name, value) in &response.headers {
            head.push_str(&format!("{name}: {value}\r\n"));
        }
        head.push_str("\r\n");
        if stream.write_all(head.as_bytes()).await.is_err()
            || stream.write_all(&response.body).await.is_err()
        {
            return;
        }
    }
}

/// The server on a free loopback port: its endpoint and state.
pub(crate) async fn start() -> (String, Shared) {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let endpoint = format!("http://{}", listener.local_addr().unwrap());
    let state = Shared::default();
    let shared = state.clone();
    tokio::spawn(async move {
        while let Ok((stream, _)) = listener.accept().await {
            tokio::spawn(connection(shared.clone(), stream));
        }
    });
    (endpoint, state)
}
