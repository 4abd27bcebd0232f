//! A raw HTTP/1.1 client for driving the emulator: requests signed with the
//! runtime's SigV4 (`sign_headers`), written to a plain `TcpStream`, and
//! responses read byte by byte, so the tests see exactly what is on the wire.
#![allow(dead_code)] // each test file uses a different part of this helper

use std::time::{Duration, SystemTime};

use awsop_emulator::Emulator;
use awsop_runtime::sigv4::{sign_headers, SignableRequest, SigningParams, SigningSettings};
use awsop_runtime::Credentials;
use serde_json::Value;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

pub const DOMAIN: &str = "dzd_4p9n6sw4qt9xgn";
pub const ROLE_ARN: &str = "arn:aws:iam::123456789012:role/DataScientist";

/// A parsed response.
#[derive(Debug, Clone)]
pub struct Reply {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Reply {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body).unwrap_or_else(|e| {
            panic!(
                "body is not JSON ({e}): {:?}",
                String::from_utf8_lossy(&self.body)
            )
        })
    }

    /// The error code as a client derives it: `x-amzn-ErrorType` cut at `:`.
    pub fn error_code(&self) -> Option<&str> {
        self.header("x-amzn-ErrorType")
            .map(|v| v.split(':').next().unwrap_or(v))
    }

    pub fn message(&self) -> String {
        self.json()["message"]
            .as_str()
            .unwrap_or_default()
            .to_owned()
    }

    /// Asserts an error status and code; returns the message.
    #[track_caller]
    pub fn expect_error(&self, status: u16, code: &str) -> String {
        assert_eq!(
            (self.status, self.error_code()),
            (status, Some(code)),
            "body: {}",
            String::from_utf8_lossy(&self.body)
        );
        self.message()
    }
}

/// How reading a response failed.
#[derive(Debug)]
pub enum ReadFailure {
    /// The peer reset the connection.
    Reset,
    /// The connection closed before a complete response.
    Eof { received: Vec<u8> },
    /// Another IO error.
    Io(std::io::Error),
}

/// What to send: a request before signing.
#[derive(Debug, Clone)]
pub struct Req {
    pub method: String,
    pub path: String,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Req {
    pub fn new(method: &str, path: &str) -> Req {
        Req {
            method: method.into(),
            path: path.into(),
            headers: Vec::new(),
            body: Vec::new(),
        }
    }

    pub fn json(mut self, body: &Value) -> Req {
        self.body = body.to_string().into_bytes();
        self.headers
            .push(("content-type".into(), "application/json".into()));
        self
    }

    pub fn raw_body(mut self, body: &[u8]) -> Req {
        self.body = body.to_vec();
        self
    }

    pub fn header(mut self, name: &str, value: &str) -> Req {
        self.headers.push((name.into(), value.into()));
        self
    }
}

/// Signing inputs, defaulting to the emulator's own.
#[derive(Debug, Clone)]
pub struct Signer {
    pub credentials: Credentials,
    pub region: String,
    pub service: String,
    pub time: SystemTime,
}

/// The emulator plus a way to talk to it.
pub struct Harness {
    pub emulator: Emulator,
}

impl Harness {
    pub async fn start() -> Harness {
        Harness {
            emulator: Emulator::start().await,
        }
    }

    pub async fn with(emulator: Emulator) -> Harness {
        Harness { emulator }
    }

    pub fn host(&self) -> String {
        format!("127.0.0.1:{}", self.emulator.port())
    }

    pub fn signer(&self) -> Signer {
        Signer {
            credentials: self.emulator.credentials(),
            region: self.emulator.region().to_owned(),
            service: "datazone".into(),
            time: SystemTime::now(),
        }
    }

    /// The request's bytes, signed by `signer` (or unsigned).
    pub fn encode(&self, req: &Req, signer: Option<&Signer>) -> Vec<u8> {
        let mut headers: Vec<(String, String)> = vec![("host".into(), self.host())];
        headers.extend(req.headers.iter().cloned());
        if let Some(signer) = signer {
            let settings = SigningSettings::default();
            let params = SigningParams {
                identity: signer.credentials.signing_identity(),
                region: &signer.region,
                service: &signer.service,
                time: signer.time,
                settings: &settings,
            };
            let borrowed: Vec<(&str, &str)> = headers
                .iter()
                .map(|(n, v)| (n.as_str(), v.as_str()))
                .collect();
            let signable = SignableRequest {
                method: &req.method,
                uri: &req.path,
                headers: &borrowed,
                body: &req.body,
            };
            let output = sign_headers(&signable, &params).expect("signing failed");
            for (name, value) in output.headers {
                headers.retain(|(n, _)| !n.eq_ignore_ascii_case(name));
                headers.push((name.to_owned(), value));
            }
        }
        let mut text = format!("{} {} HTTP/1.1\r\n", req.method, req.path);
        for (name, value) in &headers {
            text.push_str(&format!("{name}: {value}\r\n"));
        }
        text.push_str(&format!("content-length: {}\r\n\r\n", req.body.len()));
        let mut bytes = text.into_bytes();
        bytes.extend_from_slice(&req.body);
        bytes
    }

    pub async fn connect(&self) -> TcpStream {
        TcpStream::connect(self.emulator.local_addr())
            .await
            .expect("connect to the emulator")
    }

    /// Sends `req` signed with the emulator's credentials on a new
    /// connection.
    pub async fn send(&self, req: Req) -> Reply {
        let signer = self.signer();
        self.send_signed(req, &signer).await
    }

    pub async fn send_signed(&self, req: Req, signer: &Signer) -> Reply {
        let bytes = self.encode(&req, Some(signer));
        self.send_bytes(&bytes).await.expect("a complete response")
    }

    pub async fn send_unsigned(&self, req: Req) -> Reply {
        let bytes = self.encode(&req, None);
        self.send_bytes(&bytes).await.expect("a complete response")
    }

    /// Writes raw bytes on a new connection and reads one response.
    pub async fn send_bytes(&self, bytes: &[u8]) -> Result<Reply, ReadFailure> {
        let mut conn = self.open().await;
        conn.write(bytes).await.map_err(ReadFailure::Io)?;
        conn.read_reply().await
    }

    pub async fn open(&self) -> Conn {
        Conn::new(self.connect().await)
    }

    // Operation shorthands.

    pub async fn create(&self, body: Value) -> Reply {
        self.send(Req::new("POST", &format!("/v2/domains/{DOMAIN}/user-profiles")).json(&body))
            .await
    }

    pub async fn get(&self, user: &str, query: &str) -> Reply {
        self.send(Req::new(
            "GET",
            &format!(
                "/v2/domains/{DOMAIN}/user-profiles/{}{query}",
                encode_label(user)
            ),
        ))
        .await
    }

    pub async fn update(&self, user: &str, body: Value) -> Reply {
        self.send(
            Req::new(
                "PUT",
                &format!("/v2/domains/{DOMAIN}/user-profiles/{}", encode_label(user)),
            )
            .json(&body),
        )
        .await
    }

    pub async fn search(&self, body: Value) -> Reply {
        self.send(
            Req::new(
                "POST",
                &format!("/v2/domains/{DOMAIN}/search-user-profiles"),
            )
            .json(&body),
        )
        .await
    }
}

/// Percent-encodes a URI label as AWS clients do (RFC 3986 unreserved kept).
pub fn encode_label(label: &str) -> String {
    let mut out = String::new();
    for b in label.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// A connection that may carry several requests (keep-alive, pipelining).
pub struct Conn {
    pub stream: TcpStream,
    buf: Vec<u8>,
}

impl Conn {
    pub fn new(stream: TcpStream) -> Conn {
        Conn {
            stream,
            buf: Vec::new(),
        }
    }

    pub async fn write(&mut self, bytes: &[u8]) -> std::io::Result<()> {
        self.stream.write_all(bytes).await
    }

    async fn fill(&mut self) -> Result<usize, ReadFailure> {
        let mut chunk = [0u8; 8192];
        // A stuck emulator fails the test instead of hanging it.
        let read = tokio::time::timeout(Duration::from_secs(10), self.stream.read(&mut chunk))
            .await
            .expect("no response within 10 s");
        match read {
            Ok(n) => {
                self.buf.extend_from_slice(&chunk[..n]);
                Ok(n)
            }
            Err(e) if e.kind() == std::io::ErrorKind::ConnectionReset => Err(ReadFailure::Reset),
            Err(e) => Err(ReadFailure::Io(e)),
        }
    }

    /// Reads one `Content-Length` framed response.
    pub async fn read_reply(&mut self) -> Result<Reply, ReadFailure> {
        let head_end = loop {
            if let Some(end) = self.buf.windows(4).position(|w| w == b"\r\n\r\n") {
                break end;
            }
            if self.fill().await? == 0 {
                return Err(ReadFailure::Eof {
                    received: std::mem::take(&mut self.buf),
                });
            }
        };
        let head = String::from_utf8(self.buf[..head_end].to_vec()).expect("UTF-8 response head");
        let mut lines = head.split("\r\n");
        let status_line = lines.next().unwrap_or_default();
        let status: u16 = status_line
            .split(' ')
            .nth(1)
            .and_then(|s| s.parse().ok())
            .unwrap_or_else(|| panic!("bad status line {status_line:?}"));
        let headers: Vec<(String, String)> = lines
            .filter_map(|l| l.split_once(':'))
            .map(|(n, v)| (n.trim().to_owned(), v.trim().to_owned()))
            .collect();
        let length: usize = headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case("content-length"))
            .map(|(_, v)| v.parse().expect("numeric Content-Length"))
            .unwrap_or(0);
        let total = head_end + 4 + length;
        while self.buf.len() < total {
            if self.fill().await? == 0 {
                return Err(ReadFailure::Eof {
                    received: std::mem::take(&mut self.buf),
                });
            }
        }
        let body = self.buf[head_end + 4..total].to_vec();
        self.buf.drain(..total);
        Ok(Reply {
            status,
            headers,
            body,
        })
    }

    /// Whether the peer closed (EOF) within a second, reading nothing more.
    pub async fn closed(&mut self) -> bool {
        let mut byte = [0u8; 1];
        matches!(
            tokio::time::timeout(Duration::from_secs(1), self.stream.read(&mut byte)).await,
            Ok(Ok(0)) | Ok(Err(_))
        )
    }
}
