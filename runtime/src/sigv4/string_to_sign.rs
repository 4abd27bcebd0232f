//! Task 2 of the spec: the credential scope and the string to sign.
//!
//! ```text
//! AWS4-HMAC-SHA256 \n 20150830T123600Z \n 20150830/us-east-1/service/aws4_request \n hex(SHA-256(canonical request))
//! ```

use ring::digest;

use super::encode::Hex32;
use super::error::{ErrorKind, SigningError};

/// The algorithm name, first in the string to sign and the `Authorization` header.
pub(crate) const ALGORITHM: &str = "AWS4-HMAC-SHA256";

/// The scope terminator.
pub(crate) const TERMINATOR: &str = "aws4_request";

/// `20150830/us-east-1/service/aws4_request`.
pub(crate) fn scope(date: &str, region: &str, service: &str) -> String {
    let mut out =
        String::with_capacity(date.len() + region.len() + service.len() + TERMINATOR.len() + 3);
    out.push_str(date);
    out.push('/');
    out.push_str(region);
    out.push('/');
    out.push_str(service);
    out.push('/');
    out.push_str(TERMINATOR);
    out
}

/// Hashes the canonical request and builds the string to sign.
pub(crate) fn build(amz_date: &str, scope: &str, canonical_request: &str) -> String {
    let hash = Hex32::new(digest::digest(&digest::SHA256, canonical_request.as_bytes()).as_ref());
    let mut out = String::with_capacity(ALGORITHM.len() + amz_date.len() + scope.len() + 64 + 3);
    out.push_str(ALGORITHM);
    out.push('\n');
    out.push_str(amz_date);
    out.push('\n');
    out.push_str(scope);
    out.push('\n');
    out.push_str(hash.as_str());
    out
}

/// Region, service and access key id end up between `/`, `,` and spaces in
/// the `Authorization` header: none of those (nor anything unprintable) may
/// appear in them.
pub(crate) fn check_scope_part(what: &'static str, value: &str) -> Result<(), SigningError> {
    let ok = !value.is_empty()
        && value
            .bytes()
            .all(|b| b.is_ascii_graphic() && !matches!(b, b'/' | b',' | b'=' | b';'));
    if ok {
        Ok(())
    } else {
        Err(SigningError::new(
            ErrorKind::InvalidScope,
            format!("the {what} must be non-empty printable ASCII without '/', ',', '=' or ';'"),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn string_to_sign_of_the_suite_vanilla_request() {
        // aws-c-auth suite, get-vanilla.
        let creq = "GET\n/\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\n\
                    e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
        let scope = scope("20150830", "us-east-1", "service");
        assert_eq!(scope, "20150830/us-east-1/service/aws4_request");
        assert_eq!(
            build("20150830T123600Z", &scope, creq),
            "AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\n\
             bb579772317eb040ac9ed261061d46c1f17a8133879d6129b6e1c25292927e63"
        );
    }

    #[test]
    fn scope_parts_are_checked() {
        assert!(check_scope_part("region", "us-east-1").is_ok());
        for bad in ["", "us east", "a/b", "a,b", "é", "a=b"] {
            assert!(check_scope_part("region", bad).is_err(), "{bad:?}");
        }
    }
}
