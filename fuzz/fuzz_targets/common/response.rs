//! The input layout the response-parsing targets share: after the byte that
//! picks the status, header lines `name:value` up to an empty line, then the
//! body (raw bytes). Lines that are not valid headers are skipped.

use awsop_runtime::http::HttpResponse;

/// A response with `status`, built from `data` as described above.
pub fn response_from(status: u16, data: &[u8]) -> HttpResponse {
    let mut response = HttpResponse::new(status, Vec::new());
    let mut body = data;
    while let Some(end) = body.iter().position(|&b| b == b'\n') {
        let line = &body[..end];
        body = &body[end + 1..];
        if line.is_empty() {
            break;
        }
        let split = line.iter().position(|&b| b == b':').unwrap_or(line.len());
        let (name, value) = (&line[..split], line.get(split + 1..).unwrap_or(b""));
        if let (Ok(name), Ok(value)) = (
            http::HeaderName::from_bytes(name),
            http::HeaderValue::from_bytes(value),
        ) {
            response.headers.append(name, value);
        }
    }
    response.body = body.to_vec().into();
    response
}
