//! Load driver: S3's requests sent by hyper-util's pooled HTTP/1.1 client,
//! unsigned, nothing serialized or parsed: the limit of this machine's
//! loopback for each of the `*-s3` drivers' calls.
//!
//! - `OP=get`: `GET /bench/object.bin`, the body's frames counted and
//!   dropped; `REPEAT` times, the best kept.
//! - `OP=put`: `PUT /bench/object.bin` with `Content-Length`, the body
//!   streamed from the file at `FILE` in 256 KiB chunks; `REPEAT` times.
//! - `OP=list`: `GET /bench?list-type=2` in the closed loop of
//!   `awsop_bench::main_with` (`N`, `C`), the whole ~250 KB body read and
//!   its length checked, not parsed.
//!
//! `ENDPOINT=http://127.0.0.1:PORT OP=get SIZE_MB=1024 load-raw-s3`

use std::future::Future;
use std::io;
use std::pin::Pin;
use std::task::{Context, Poll};

use awsop_bench::main_with;
use awsop_bench::s3::{list_objects_v2_page, transfer_main, S3Op, BUCKET, KEY};
use bytes::{Bytes, BytesMut};
use http_body_util::{BodyExt, Empty};
use hyper::body::{Body, Frame, SizeHint};
use hyper::header::{HeaderValue, CONTENT_LENGTH, CONTENT_TYPE};
use hyper::{Method, Request, Uri};
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::client::legacy::Client;
use hyper_util::rt::TokioExecutor;
use tokio::io::AsyncReadExt;

const NAME: &str = "raw-s3";
/// The size of the chunks a PUT's body is read from its file in (what
/// awsop's and the SDK's file bodies read too).
const CHUNK: usize = 256 * 1024;

fn client<B>() -> Client<HttpConnector, B>
where
    B: Body + Send + 'static + Unpin,
    B::Data: Send,
    B::Error: Into<Box<dyn std::error::Error + Send + Sync>>,
{
    let mut builder = Client::builder(TokioExecutor::new());
    builder.pool_max_idle_per_host(usize::MAX);
    builder.build_http()
}

fn uri(endpoint: &str, path_and_query: &str) -> Uri {
    format!("{endpoint}{path_and_query}")
        .parse()
        .expect("ENDPOINT is a URL")
}

fn main() {
    match S3Op::from_env() {
        S3Op::List => main_with(NAME, |config| {
            let client: Client<_, Empty<Bytes>> = client();
            let uri = uri(&config.endpoint, &format!("/{BUCKET}?list-type=2"));
            // Checked by length only: the raw driver parses nothing.
            let expected = list_objects_v2_page().len();
            move || {
                let client = client.clone();
                let mut request = Request::new(Empty::new());
                *request.uri_mut() = uri.clone();
                async move {
                    let response = client.request(request).await.map_err(|e| e.to_string())?;
                    let status = response.status();
                    let body = response
                        .into_body()
                        .collect()
                        .await
                        .map_err(|e| e.to_string())?
                        .to_bytes();
                    if status.as_u16() == 200 && body.len() == expected {
                        Ok(())
                    } else {
                        Err(format!("status {status}, {} bytes", body.len()))
                    }
                }
            }
        }),
        S3Op::Get => transfer_main(NAME, S3Op::Get, |config| {
            let client: Client<_, Empty<Bytes>> = client();
            let uri = uri(&config.endpoint, &format!("/{BUCKET}/{KEY}"));
            move || {
                let client = client.clone();
                let mut request = Request::new(Empty::new());
                *request.uri_mut() = uri.clone();
                async move {
                    let response = client.request(request).await.map_err(|e| e.to_string())?;
                    if response.status().as_u16() != 200 {
                        return Err(format!("status {}", response.status()));
                    }
                    let mut body = response.into_body();
                    let mut bytes = 0u64;
                    while let Some(frame) = body.frame().await {
                        let frame = frame.map_err(|e| format!("reading the body: {e}"))?;
                        if let Some(data) = frame.data_ref() {
                            bytes += data.len() as u64;
                        }
                    }
                    Ok(bytes)
                }
            }
        }),
        S3Op::Put => transfer_main(NAME, S3Op::Put, |config| {
            let client: Client<_, FileBody> = client();
            let uri = uri(&config.endpoint, &format!("/{BUCKET}/{KEY}"));
            let (file, size) = (config.file.clone(), config.size);
            let content_type = HeaderValue::from_static("application/octet-stream");
            move || {
                let (client, uri, file) = (client.clone(), uri.clone(), file.clone());
                let content_type = content_type.clone();
                async move {
                    let opened = tokio::fs::File::open(&file)
                        .await
                        .map_err(|e| format!("opening {}: {e}", file.display()))?;
                    let mut request = Request::new(FileBody::new(opened, size));
                    *request.method_mut() = Method::PUT;
                    *request.uri_mut() = uri;
                    let headers = request.headers_mut();
                    headers.insert(CONTENT_LENGTH, HeaderValue::from(size));
                    headers.insert(CONTENT_TYPE, content_type);
                    let response = client.request(request).await.map_err(|e| e.to_string())?;
                    let status = response.status();
                    // Drained so the connection goes back to the pool.
                    response
                        .into_body()
                        .collect()
                        .await
                        .map_err(|e| e.to_string())?;
                    if status.as_u16() == 200 {
                        Ok(size)
                    } else {
                        Err(format!("status {status}"))
                    }
                }
            }
        }),
    }
}

/// One read of the file: it takes the file and the buffer and gives them
/// back, so no borrow outlives a poll.
type Read = Pin<Box<dyn Future<Output = (tokio::fs::File, BytesMut, io::Result<usize>)> + Send>>;

/// A request body streamed from a file of known length in [`CHUNK`]-byte
/// frames (the same as `StreamBody` over a file reader, without the
/// `futures` crate this workspace does not depend on). The buffer's
/// allocation is reused once hyper has written and dropped a chunk.
struct FileBody {
    /// Bytes still to send.
    left: u64,
    state: State,
}

enum State {
    Idle(tokio::fs::File, BytesMut),
    Reading(Read),
    /// After an error: the body ends.
    Failed,
}

impl FileBody {
    fn new(file: tokio::fs::File, length: u64) -> FileBody {
        FileBody {
            left: length,
            state: State::Idle(file, BytesMut::with_capacity(CHUNK)),
        }
    }
}

impl Body for FileBody {
    type Data = Bytes;
    type Error = io::Error;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, io::Error>>> {
        let this = &mut *self;
        loop {
            match std::mem::replace(&mut this.state, State::Failed) {
                State::Idle(file, buf) if this.left == 0 => {
                    this.state = State::Idle(file, buf);
                    return Poll::Ready(None);
                }
                State::Idle(mut file, mut buf) => {
                    let want = CHUNK.min(usize::try_from(this.left).unwrap_or(CHUNK));
                    // Reclaims the last chunk's allocation if hyper is done with it.
                    buf.reserve(want);
                    this.state = State::Reading(Box::pin(async move {
                        let read = (&mut file).take(want as u64).read_buf(&mut buf).await;
                        (file, buf, read)
                    }));
                }
                State::Reading(mut read) => match read.as_mut().poll(cx) {
                    Poll::Pending => {
                        this.state = State::Reading(read);
                        return Poll::Pending;
                    }
                    Poll::Ready((_, _, Err(e))) => return Poll::Ready(Some(Err(e))),
                    Poll::Ready((_, _, Ok(0))) => {
                        return Poll::Ready(Some(Err(io::Error::new(
                            io::ErrorKind::UnexpectedEof,
                            "the file is shorter than its Content-Length",
                        ))))
                    }
                    Poll::Ready((file, mut buf, Ok(n))) => {
                        this.left -= n as u64;
                        let chunk = buf.split().freeze();
                        this.state = State::Idle(file, buf);
                        return Poll::Ready(Some(Ok(Frame::data(chunk))));
                    }
                },
                State::Failed => return Poll::Ready(None),
            }
        }
    }

    fn is_end_stream(&self) -> bool {
        self.left == 0
    }

    fn size_hint(&self) -> SizeHint {
        SizeHint::with_exact(self.left)
    }
}
