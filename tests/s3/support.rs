//! What the S3 tests share: a client for moto in either addressing style,
//! test data, a plain HTTP/1.1 client for presigned requests.
#![allow(dead_code)]

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use awsop::runtime::body::ByteStream;
use awsop::runtime::http::{HttpRequest, HttpResponse, StreamingResponse};
use awsop::runtime::s3_rules::AddressingStyle;
use awsop::runtime::transport::{DispatchError, DispatchErrorKind, HttpClient, HyperClient};
use awsop::runtime::BoxFuture;
use awsop::{Client, ClientBuilder, Credentials, PresignedRequest};
use awsop_moto::{MotoServer, REGION};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

/// The host virtual-hosted requests are addressed to (before the bucket).
pub const VIRTUAL_HOST: &str = "s3.us-east-1.amazonaws.com";

/// A client signing with moto's IAM user's key. Path style: moto's URL.
/// Virtual: `http://s3.us-east-1.amazonaws.com:PORT`, connected to moto.
pub fn client_for(moto: &MotoServer, style: AddressingStyle) -> Client {
    let builder = ClientBuilder::new()
        .region(REGION)
        .s3_addressing_style(style)
        .credentials(Credentials::new(
            moto.access_key_id(),
            moto.secret_access_key(),
            None,
            None,
            "moto",
        ));
    match style {
        AddressingStyle::Path => builder.endpoint_url(moto.endpoint()),
        _ => builder
            .endpoint_url(format!("http://{VIRTUAL_HOST}:{}", moto.addr().port()))
            .http_client(ToLoopback::new(moto.addr())),
    }
    .build()
    .unwrap()
}

/// Sends every request to `addr` (moto), keeping its host in `Host`, as
/// `curl --connect-to` does; refuses any host but ours.
#[derive(Debug)]
pub struct ToLoopback {
    addr: SocketAddr,
    inner: Arc<HyperClient>,
}

impl ToLoopback {
    pub fn new(addr: SocketAddr) -> Self {
        ToLoopback {
            addr,
            inner: Arc::new(HyperClient::new(Default::default()).unwrap()),
        }
    }

    fn redirect(&self, mut request: HttpRequest) -> Result<HttpRequest, DispatchError> {
        let rest = request.uri.strip_prefix("http://").unwrap_or_default();
        let (authority, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
        let expected_suffix = format!(".{VIRTUAL_HOST}:{}", self.addr.port());
        if !authority.ends_with(&expected_suffix) {
            return Err(DispatchError::new(
                DispatchErrorKind::Other,
                format!("the test transport only connects {expected_suffix}, not {authority}"),
            ));
        }
        request
            .headers
            .insert(http::header::HOST, authority.parse().unwrap());
        request.uri = format!("http://{}{path}", self.addr);
        Ok(request)
    }
}

impl HttpClient for ToLoopback {
    fn call(&self, request: HttpRequest) -> BoxFuture<'_, Result<HttpResponse, DispatchError>> {
        Box::pin(async move { self.inner.call(self.redirect(request)?).await })
    }

    fn call_streaming(
        &self,
        request: HttpRequest,
        body: Option<ByteStream>,
    ) -> BoxFuture<'_, Result<StreamingResponse, DispatchError>> {
        Box::pin(async move {
            self.inner
                .call_streaming(self.redirect(request)?, body)
                .await
        })
    }
}

/// `n` bytes that differ from offset to offset (a shifted part would show).
pub fn pattern(n: usize) -> Vec<u8> {
    (0..n)
        .map(|i| (i as u32).wrapping_mul(2_654_435_761).to_be_bytes()[0] ^ (i % 251) as u8)
        .collect()
}

/// The base64 SHA-256 S3's `x-amz-checksum-sha256` carries.
pub fn base64_sha256(data: &[u8]) -> String {
    let digest = ring::digest::digest(&ring::digest::SHA256, data);
    awsop::runtime::encoding::base64::encode(digest.as_ref())
}

/// The base64 CRC32 (IEEE, bit by bit: independent of the crate's
/// table-free SIMD one) that `x-amz-checksum-crc32` carries.
#[allow(dead_code)]
pub fn base64_crc32(data: &[u8]) -> String {
    let mut crc = !0u32;
    for &b in data {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    awsop::runtime::encoding::base64::encode(&(!crc).to_be_bytes())
}

/// The data of an aws-chunked body (`<hex>\r\n<data>\r\n ... 0\r\n<trailers>\r\n`)
/// and its trailer lines; panics on anything else.
#[allow(dead_code)]
pub fn decode_aws_chunked(body: &[u8]) -> (Vec<u8>, Vec<String>) {
    let line = |at: usize| {
        at + body[at..]
            .windows(2)
            .position(|w| w == b"\r\n")
            .expect("a line")
    };
    let mut at = 0;
    let mut data = Vec::new();
    loop {
        let end = line(at);
        let size = usize::from_str_radix(std::str::from_utf8(&body[at..end]).unwrap(), 16).unwrap();
        at = end + 2;
        if size == 0 {
            break;
        }
        data.extend_from_slice(&body[at..at + size]);
        assert_eq!(
            &body[at + size..at + size + 2],
            b"\r\n",
            "a chunk ends with CRLF"
        );
        at += size + 2;
    }
    let mut trailers = Vec::new();
    loop {
        let end = line(at);
        if end == at {
            assert_eq!(end + 2, body.len(), "nothing after the last empty line");
            return (data, trailers);
        }
        trailers.push(String::from_utf8(body[at..end].to_vec()).unwrap());
        at = end + 2;
    }
}

/// A directory removed on drop.
pub struct TempDir(PathBuf);

impl TempDir {
    pub fn new(label: &str) -> Self {
        let dir = std::env::temp_dir().join(format!("awsop-s3-{label}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        TempDir(dir)
    }

    pub fn path(&self) -> &Path {
        &self.0
    }

    pub fn write(&self, name: &str, data: &[u8]) -> PathBuf {
        let path = self.0.join(name);
        std::fs::write(&path, data).unwrap();
        path
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// The environment of a program whose shared config file is `config`
/// (with no credentials file), static keys and no IMDS, plus `extra`.
pub fn env_with_config(
    dir: &TempDir,
    config: &Path,
    extra: Vec<(&str, String)>,
) -> awsop::runtime::env::Env {
    let mut vars = vec![
        ("AWS_CONFIG_FILE", config.to_string_lossy().into_owned()),
        (
            "AWS_SHARED_CREDENTIALS_FILE",
            dir.path().join("none").to_string_lossy().into_owned(),
        ),
        ("AWS_ACCESS_KEY_ID", "AKID".to_owned()),
        ("AWS_SECRET_ACCESS_KEY", "SECRET".to_owned()),
        ("AWS_EC2_METADATA_DISABLED", "true".to_owned()),
    ];
    vars.extend(extra);
    awsop::runtime::env::Env::from_pairs(vars)
}

/// Sends a presigned request as any HTTP/1.1 client would: to `addr`,
/// with the URL's host as `Host`, its headers, and `body`. Returns the
/// status and body.
pub async fn plain_http(
    addr: SocketAddr,
    request: &PresignedRequest,
    body: &[u8],
) -> (u16, Vec<u8>) {
    let rest = request.uri().strip_prefix("http://").expect("an http URL");
    let (host, target) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
    let mut head = format!("{} {target} HTTP/1.1\r\nHost: {host}\r\n", request.method());
    for (name, value) in request.headers() {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str(&format!(
        "Content-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    ));
    let mut stream = tokio::net::TcpStream::connect(addr).await.unwrap();
    stream.write_all(head.as_bytes()).await.unwrap();
    stream.write_all(body).await.unwrap();
    let mut answer = Vec::new();
    stream.read_to_end(&mut answer).await.unwrap();
    let split = answer
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("a response head");
    let head = String::from_utf8_lossy(&answer[..split]).to_string();
    let status = head
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .expect("a status");
    let raw = answer[split + 4..].to_vec();
    let chunked = head
        .lines()
        .any(|l| l.to_ascii_lowercase().starts_with("transfer-encoding:") && l.contains("chunked"));
    (status, if chunked { dechunk(&raw) } else { raw })
}

fn dechunk(mut raw: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    loop {
        let Some(line_end) = raw.windows(2).position(|w| w == b"\r\n") else {
            return out;
        };
        let size = std::str::from_utf8(&raw[..line_end])
            .ok()
            .and_then(|s| usize::from_str_radix(s.split(';').next().unwrap_or("").trim(), 16).ok())
            .unwrap_or(0);
        if size == 0 {
            return out;
        }
        let start = line_end + 2;
        out.extend_from_slice(&raw[start..start + size]);
        raw = &raw[start + size + 2..];
    }
}
