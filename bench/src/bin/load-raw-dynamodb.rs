//! Load driver: hyper's pooled HTTP/1.1 client sending pre-built, unsigned
//! DynamoDB `GetItem` / `PutItem` requests and reading the whole answer (no
//! signing, serialization or parsing): the physical limit for the
//! `*-dynamodb` drivers.
//!
//! `ENDPOINT=http://127.0.0.1:PORT N=20000 C=32 OP=mixed load-raw-dynamodb`

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use awsop_bench::dynamodb::{
    put_item_request, Op, GET_ITEM_REQUEST, GET_ITEM_TARGET, PUT_ITEM_TARGET,
};
use awsop_bench::main_with;
use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use hyper::header::{HeaderName, HeaderValue, CONTENT_TYPE};
use hyper::{Method, Request, Uri};
use hyper_util::client::legacy::Client;
use hyper_util::rt::TokioExecutor;

fn main() {
    let op = Op::from_env();
    main_with("load-raw-dynamodb", |config| {
        let mut builder = Client::builder(TokioExecutor::new());
        builder.pool_max_idle_per_host(usize::MAX);
        let client: Client<_, Full<Bytes>> = builder.build_http();
        let uri: Uri = format!("{}/", config.endpoint)
            .parse()
            .expect("ENDPOINT is a URL");
        let get_body = Bytes::from_static(GET_ITEM_REQUEST.as_bytes());
        let put_body = Bytes::from(put_item_request());
        let content_type = HeaderValue::from_static("application/x-amz-json-1.0");
        let target = HeaderName::from_static("x-amz-target");
        let (get_target, put_target) = (
            HeaderValue::from_static(GET_ITEM_TARGET),
            HeaderValue::from_static(PUT_ITEM_TARGET),
        );
        let counter = Arc::new(AtomicUsize::new(0));
        move || {
            let client = client.clone();
            let get = op.is_get(counter.fetch_add(1, Ordering::Relaxed));
            let body = if get {
                get_body.clone()
            } else {
                put_body.clone()
            };
            let mut request = Request::new(Full::new(body));
            *request.method_mut() = Method::POST;
            *request.uri_mut() = uri.clone();
            let headers = request.headers_mut();
            headers.insert(CONTENT_TYPE, content_type.clone());
            headers.insert(
                target.clone(),
                if get {
                    get_target.clone()
                } else {
                    put_target.clone()
                },
            );
            async move {
                let response = client.request(request).await.map_err(|e| e.to_string())?;
                let status = response.status();
                let body = response
                    .into_body()
                    .collect()
                    .await
                    .map_err(|e| e.to_string())?;
                if status.as_u16() == 200 && !body.to_bytes().is_empty() {
                    Ok(())
                } else {
                    Err(format!("status {status}"))
                }
            }
        }
    });
}
