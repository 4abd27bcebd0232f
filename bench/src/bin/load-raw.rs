//! Load driver: hyper's pooled HTTP/1.1 client sending a pre-built, unsigned
//! `CreateUserProfile` request and reading the whole answer. No signing, no
//! serialization, no parsing: the physical limit of this machine's loopback.
//!
//! `ENDPOINT=http://127.0.0.1:PORT N=20000 C=32 load-raw`
//!
//! `HTTP1_READ_BUF=<bytes>` fixes hyper's read buffer (memory experiments).

use awsop_bench::{main_with, PATH, REQUEST_BODY};
use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use hyper::header::{HeaderValue, CONTENT_TYPE};
use hyper::{Method, Request, Uri};
use hyper_util::client::legacy::Client;
use hyper_util::rt::TokioExecutor;

fn main() {
    main_with("load-raw", |config| {
        let mut builder = Client::builder(TokioExecutor::new());
        builder.pool_max_idle_per_host(usize::MAX);
        if let Some(size) = std::env::var("HTTP1_READ_BUF")
            .ok()
            .and_then(|v| v.parse::<usize>().ok())
        {
            builder.http1_read_buf_exact_size(size);
        }
        let client: Client<_, Full<Bytes>> = builder.build_http();
        let uri: Uri = format!("{}{PATH}", config.endpoint)
            .parse()
            .expect("ENDPOINT is a URL");
        let body = Bytes::from_static(REQUEST_BODY.as_bytes());
        let content_type = HeaderValue::from_static("application/json");
        move || {
            let client = client.clone();
            // Cloning a Uri, a HeaderValue and Bytes only bumps reference counts.
            let mut request = Request::new(Full::new(body.clone()));
            *request.method_mut() = Method::POST;
            *request.uri_mut() = uri.clone();
            request
                .headers_mut()
                .insert(CONTENT_TYPE, content_type.clone());
            async move {
                let response = client.request(request).await.map_err(|e| e.to_string())?;
                let status = response.status();
                let body = response
                    .into_body()
                    .collect()
                    .await
                    .map_err(|e| e.to_string())?;
                if status.as_u16() == 201 && !body.to_bytes().is_empty() {
                    Ok(())
                } else {
                    Err(format!("status {status}"))
                }
            }
        }
    });
}
