//! `host_prefix`: the request goes to the prefixed host (the signer signs
//! the host of the URL it is given, as the SigV4 suite pins), with its
//! labels from the input; a label that is no DNS label is refused
//! before anything is sent. (The wire form of each protocol's cases is in
//! the conformance suite: `*EndpointTrait*`.)

use std::sync::{Arc, Mutex};

use awsop::runtime::http::{HttpRequest, HttpResponse, StreamingResponse};
use awsop::runtime::transport::{DispatchError, HttpClient};
use awsop::runtime::BoxFuture;
use awsop::{aws_operation, aws_shape, ByteStream, ClientBuilder, Credentials};

#[aws_shape]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct QueryOutput {}

/// Neptune Analytics' data plane: `{graphIdentifier}.` in front of the host.
#[aws_operation(
    service = "neptune-graph",
    method = "POST",
    uri = "/queries",
    host_prefix = "{graphIdentifier}.",
    output = QueryOutput
)]
#[derive(Debug, Clone, Default)]
struct ExecuteQuery {
    #[aws(header = "graphIdentifier", host_label = "graphIdentifier")]
    graph_identifier: String,
    #[aws(rename = "query")]
    query_string: String,
}

/// CloudWatch Logs' live tail: a fixed `stream-` prefix.
#[aws_operation(
    service = "logs",
    protocol = "awsJson1_1",
    target_prefix = "Logs_20140328",
    host_prefix = "stream-",
    output = QueryOutput
)]
#[derive(Debug, Clone, Default)]
struct GetLogObject {
    #[aws(rename = "logObjectPointer")]
    pointer: Option<String>,
}

#[derive(Debug, Default)]
struct Recorder {
    seen: Arc<Mutex<Vec<HttpRequest>>>,
}

impl HttpClient for Recorder {
    fn call(&self, request: HttpRequest) -> BoxFuture<'_, Result<HttpResponse, DispatchError>> {
        self.seen.lock().unwrap().push(request);
        Box::pin(async { Ok(HttpResponse::new(200, "{}")) })
    }

    fn call_streaming(
        &self,
        request: HttpRequest,
        _body: Option<ByteStream>,
    ) -> BoxFuture<'_, Result<StreamingResponse, DispatchError>> {
        self.seen.lock().unwrap().push(request);
        Box::pin(async { Ok(StreamingResponse::from(HttpResponse::new(200, "{}"))) })
    }
}

fn client(seen: &Arc<Mutex<Vec<HttpRequest>>>) -> awsop::Client {
    ClientBuilder::new()
        .region("us-west-2")
        .credentials(Credentials::new("AKID", "SECRET", None, None, "test"))
        .http_client(Recorder { seen: seen.clone() })
        .build()
        .unwrap()
}

#[test]
fn the_prefix_is_built_from_the_input() {
    let op = ExecuteQuery {
        graph_identifier: "g-0123456789".into(),
        query_string: "MATCH (n) RETURN n LIMIT 1".into(),
    };
    use awsop::runtime::operation::Operation;
    assert_eq!(op.host_prefix().unwrap().as_deref(), Some("g-0123456789."));
    assert_eq!(
        GetLogObject::default().host_prefix().unwrap().as_deref(),
        Some("stream-")
    );
}

#[tokio::test]
async fn the_request_goes_to_the_prefixed_host() {
    let seen = Arc::new(Mutex::new(Vec::new()));
    let client = client(&seen);
    ExecuteQuery {
        graph_identifier: "g-0123456789".into(),
        query_string: "MATCH (n) RETURN n LIMIT 1".into(),
    }
    .send(&client)
    .await
    .unwrap();
    GetLogObject::default().send(&client).await.unwrap();
    let seen = seen.lock().unwrap();
    assert_eq!(
        seen[0].uri,
        "https://g-0123456789.neptune-graph.us-west-2.amazonaws.com/queries"
    );
    assert_eq!(seen[1].uri, "https://stream-logs.us-west-2.amazonaws.com/");
}

#[tokio::test]
async fn a_label_that_is_not_one_dns_label_is_refused_before_sending() {
    let seen = Arc::new(Mutex::new(Vec::new()));
    let client = client(&seen);
    for bad in ["", "evil.example.com/", "a.b", "-g"] {
        let err = ExecuteQuery {
            graph_identifier: bad.into(),
            query_string: "q".into(),
        }
        .send(&client)
        .await
        .unwrap_err();
        let text = err.to_string();
        assert!(text.contains("graphIdentifier"), "{bad:?}: {text}");
        assert!(text.contains("DNS label"), "{bad:?}: {text}");
    }
    assert!(seen.lock().unwrap().is_empty(), "nothing was sent");
}
