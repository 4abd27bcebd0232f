//! Which S3 uploads carry a trailing CRC32, and the headers that announce
//! it: a streamed body (a file or a reader) of an operation that takes a
//! checksum (`request_checksum = "supported"`: `PutObject`, `UploadPart`) is
//! sent aws-chunked, its checksum computed as it is sent, unless the caller
//! gave a checksum of their own or asked for checksums only where S3
//! requires them (an operation that requires one always gets it). Bodies in memory keep their signed SHA-256 (also an
//! integrity check, and free to compute before sending).

use http::header::{HeaderName, HeaderValue, CONTENT_ENCODING};

use crate::body::{aws_chunked, ByteStream};
use crate::call_options::RequestChecksum;
use crate::http::HttpRequest;
use crate::operation::BodyChecksum;

/// The payload hash that announces an unsigned, trailer-checked body.
pub(crate) const STREAMING_UNSIGNED_PAYLOAD_TRAILER: &str = "STREAMING-UNSIGNED-PAYLOAD-TRAILER";

static DECODED_CONTENT_LENGTH: HeaderName = HeaderName::from_static("x-amz-decoded-content-length");
static X_AMZ_TRAILER: HeaderName = HeaderName::from_static("x-amz-trailer");
static SDK_CHECKSUM_ALGORITHM: HeaderName = HeaderName::from_static("x-amz-sdk-checksum-algorithm");

/// Whether this upload is sent with a trailing checksum.
pub(crate) fn applies(
    operation: BodyChecksum,
    mode: RequestChecksum,
    request: &HttpRequest,
    body: Option<&ByteStream>,
) -> bool {
    let wanted = match operation {
        BodyChecksum::None => false,
        BodyChecksum::Supported => mode == RequestChecksum::WhenSupported,
        BodyChecksum::Required => true,
    };
    wanted
        && body.is_some_and(|b| b.as_bytes().is_none() && b.content_length().is_some())
        && !request
            .headers
            .keys()
            .any(|name| name == "content-md5" || name.as_str().starts_with("x-amz-checksum-"))
        // `ChecksumAlgorithm` asks for one to be computed: CRC32 is the one
        // computed here; another is the caller's to send.
        && request
            .headers
            .get(&SDK_CHECKSUM_ALGORITHM)
            .map_or(true, |algorithm| algorithm.as_bytes().eq_ignore_ascii_case(b"CRC32"))
}

/// Frames `body` for the trailer and adds the headers S3 reads it by; the
/// request's `Content-Length` is then the framed body's.
pub(crate) fn frame(request: &mut HttpRequest, body: ByteStream) -> ByteStream {
    let Some(decoded) = body.content_length() else {
        return body;
    };
    let framed = aws_chunked::encode(body, decoded);
    let headers = &mut request.headers;
    // A content encoding of the caller's (gzip) is what S3 stores; it
    // follows aws-chunked, which S3 removes.
    let encoding = match headers.get(CONTENT_ENCODING).map(HeaderValue::to_str) {
        Some(Ok(theirs)) if !theirs.is_empty() => format!("aws-chunked,{theirs}"),
        _ => "aws-chunked".to_string(),
    };
    if let Ok(value) = HeaderValue::from_str(&encoding) {
        headers.insert(CONTENT_ENCODING, value);
    }
    headers.insert(DECODED_CONTENT_LENGTH.clone(), HeaderValue::from(decoded));
    headers.insert(
        X_AMZ_TRAILER.clone(),
        HeaderValue::from_static(aws_chunked::TRAILER),
    );
    headers.insert(
        SDK_CHECKSUM_ALGORITHM.clone(),
        HeaderValue::from_static("CRC32"),
    );
    framed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn streamed_uploads_without_a_checksum_of_their_own() {
        let put = HttpRequest::new(http::Method::PUT, "/b/k");
        let rt = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap();
        let path = std::env::temp_dir().join(format!("awsop-trailer-{}", std::process::id()));
        std::fs::write(&path, b"0123456789").unwrap();
        let file = rt.block_on(ByteStream::from_path(&path)).unwrap();
        std::fs::remove_file(&path).unwrap();
        let reader = ByteStream::from_reader(&b"abc"[..], 3);
        let bytes = ByteStream::from("abc");
        let on = RequestChecksum::WhenSupported;
        let off = RequestChecksum::WhenRequired;
        let put_object = BodyChecksum::Supported;
        assert!(applies(put_object, on, &put, Some(&file)));
        assert!(applies(put_object, on, &put, Some(&reader)));
        assert!(
            !applies(put_object, on, &put, Some(&bytes)),
            "bytes keep their SHA-256"
        );
        assert!(!applies(put_object, off, &put, Some(&file)));
        assert!(
            applies(BodyChecksum::Required, off, &put, Some(&file)),
            "a required checksum is sent whatever the call asks"
        );
        assert!(!applies(BodyChecksum::None, on, &put, Some(&file)));
        let mut theirs = put.clone();
        theirs.headers.insert(
            "content-md5",
            HeaderValue::from_static("1B2M2Y8AsgTpgAmY7PhCfg=="),
        );
        assert!(!applies(put_object, on, &theirs, Some(&file)));
        let mut crc32 = put.clone();
        crc32.headers.insert(
            SDK_CHECKSUM_ALGORITHM.clone(),
            HeaderValue::from_static("CRC32"),
        );
        assert!(applies(put_object, on, &crc32, Some(&file)));
        let mut sha1 = put.clone();
        sha1.headers.insert(
            SDK_CHECKSUM_ALGORITHM.clone(),
            HeaderValue::from_static("SHA1"),
        );
        assert!(!applies(put_object, on, &sha1, Some(&file)));
    }

    #[test]
    fn the_headers_announce_the_trailer() {
        let mut request = HttpRequest::new(http::Method::PUT, "/b/k");
        request
            .headers
            .insert(CONTENT_ENCODING, HeaderValue::from_static("gzip"));
        let framed = frame(&mut request, ByteStream::from_reader(&b"123456789"[..], 9));
        assert_eq!(request.headers["content-encoding"], "aws-chunked,gzip");
        assert_eq!(request.headers["x-amz-decoded-content-length"], "9");
        assert_eq!(request.headers["x-amz-trailer"], "x-amz-checksum-crc32");
        assert_eq!(request.headers["x-amz-sdk-checksum-algorithm"], "CRC32");
        assert_eq!(
            framed.content_length(),
            Some(aws_chunked::encoded_length(9))
        );
    }
}
