//! An HTTP response and its bytes on the wire.

/// A response before the per-connection headers are added.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Response {
    pub(crate) status: u16,
    pub(crate) headers: Vec<(&'static str, String)>,
    pub(crate) body: Vec<u8>,
    /// Close the connection after this response.
    pub(crate) close: bool,
}

impl Response {
    /// A JSON response.
    pub(crate) fn json(status: u16, body: Vec<u8>) -> Self {
        Response {
            status,
            headers: vec![("Content-Type", "application/json".to_owned())],
            body,
            close: false,
        }
    }

    pub(crate) fn with_header(mut self, name: &'static str, value: String) -> Self {
        self.headers.push((name, value));
        self
    }

    pub(crate) fn closing(mut self) -> Self {
        self.close = true;
        self
    }

    /// The response head (status line and headers, with `Date`,
    /// `x-amzn-RequestId`, `Content-Length` and, when closing,
    /// `Connection: close`) followed by the body.
    pub(crate) fn to_bytes(&self, date: &str, request_id: &str) -> Vec<u8> {
        let mut head = format!("HTTP/1.1 {} {}\r\n", self.status, reason(self.status));
        for (name, value) in &self.headers {
            head.push_str(name);
            head.push_str(": ");
            head.push_str(value);
            head.push_str("\r\n");
        }
        head.push_str(&format!(
            "Date: {date}\r\nx-amzn-RequestId: {request_id}\r\nContent-Length: {}\r\n",
            self.body.len()
        ));
        if self.close {
            head.push_str("Connection: close\r\n");
        }
        head.push_str("\r\n");
        let mut bytes = head.into_bytes();
        bytes.extend_from_slice(&self.body);
        bytes
    }
}

fn reason(status: u16) -> &'static str {
    match status {
        100 => "Continue",
        200 => "OK",
        201 => "Created",
        400 => "Bad Request",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        408 => "Request Timeout",
        409 => "Conflict",
        411 => "Length Required",
        413 => "Payload Too Large",
        429 => "Too Many Requests",
        431 => "Request Header Fields Too Large",
        500 => "Internal Server Error",
        501 => "Not Implemented",
        503 => "Service Unavailable",
        505 => "HTTP Version Not Supported",
        _ => "Unknown",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serializes_head_and_body() {
        let bytes = Response::json(201, b"{}".to_vec())
            .closing()
            .to_bytes("Sun, 30 Aug 2015 12:36:00 GMT", "rid");
        let text = String::from_utf8(bytes).unwrap();
        assert_eq!(
            text,
            "HTTP/1.1 201 Created\r\nContent-Type: application/json\r\n\
             Date: Sun, 30 Aug 2015 12:36:00 GMT\r\nx-amzn-RequestId: rid\r\n\
             Content-Length: 2\r\nConnection: close\r\n\r\n{}"
        );
    }
}
