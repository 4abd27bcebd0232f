//! The checksum S3 requires of some requests (the model's
//! `httpChecksumRequired` / `httpChecksum.requestChecksumRequired`, which an
//! operation declares as `request_checksum = "required"`): without a `Content-MD5` or
//! an `x-amz-checksum-*` header S3 refuses them with 400
//! `InvalidRequest`/`MissingContentMD5`. (Only S3 and S3 Control have
//! such operations; the rule applies to whichever operation declares it.)

use http::header::{HeaderName, HeaderValue};
use ring::digest;

use crate::encoding::base64;
use crate::http::HttpRequest;

static X_AMZ_CHECKSUM_SHA256: HeaderName = HeaderName::from_static("x-amz-checksum-sha256");

/// Adds `x-amz-checksum-sha256` (base64 of the body's SHA-256) to a
/// request of an operation that requires a checksum and carries none.
pub(crate) fn add_required_checksum(request: &mut HttpRequest) {
    let has_checksum = request
        .headers
        .keys()
        .any(|name| name == "content-md5" || name.as_str().starts_with("x-amz-checksum-"));
    if has_checksum {
        return;
    }
    let sum = digest::digest(&digest::SHA256, &request.body);
    let value = base64::encode(sum.as_ref());
    if let Ok(value) = HeaderValue::from_str(&value) {
        request.headers.insert(X_AMZ_CHECKSUM_SHA256.clone(), value);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delete_objects_carries_the_bodys_sha256() {
        let mut request = HttpRequest::new(http::Method::POST, "/b?delete");
        request.body = bytes::Bytes::from_static(b"abc");
        add_required_checksum(&mut request);
        // base64 of SHA-256("abc") (FIPS 180-2, B.1).
        assert_eq!(
            request.headers["x-amz-checksum-sha256"],
            "ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0="
        );
        let mut own = HttpRequest::new(http::Method::PUT, "/b?cors");
        own.headers.insert(
            "content-md5",
            HeaderValue::from_static("1B2M2Y8AsgTpgAmY7PhCfg=="),
        );
        add_required_checksum(&mut own);
        assert!(!own.headers.contains_key("x-amz-checksum-sha256"));
    }
}
