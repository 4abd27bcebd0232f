//! Task 2 of the spec: the credential scope and the string to sign.
//!
//! ```text
//! AWS4-HMAC-SHA256 \n 20150830T123600Z \n 20150830/us-east-1/service/aws4_request \n hex(SHA-256(canonical request))
//! ```

use ring::{digest, hmac};

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

/// The hex SHA-256 of a canonical request, the string to sign's last line.
pub(crate) fn hash_canonical_request(canonical_request: &str) -> Hex32 {
    Hex32::new(digest::digest(&digest::SHA256, canonical_request.as_bytes()).as_ref())
}

/// The string to sign in its pieces, in order: the one definition of its
/// layout, for [`build`] and for [`signature`] (which signs the pieces
/// without joining them).
fn pieces<'a>(amz_date: &'a str, scope: &'a str, hash: &'a Hex32) -> [&'a str; 7] {
    [ALGORITHM, "\n", amz_date, "\n", scope, "\n", hash.as_str()]
}

/// The string to sign of a canonical request whose hash is `hash`.
pub(crate) fn build(amz_date: &str, scope: &str, hash: &Hex32) -> String {
    pieces(amz_date, scope, hash).concat()
}

/// Task 4: `hex(HMAC-SHA256(kSigning, string to sign))`, fed the pieces of
/// the string to sign, so signing a request never builds it.
pub(crate) fn signature(key: &hmac::Key, amz_date: &str, scope: &str, hash: &Hex32) -> Hex32 {
    let mut context = hmac::Context::with_key(key);
    for piece in pieces(amz_date, scope, hash) {
        context.update(piece.as_bytes());
    }
    Hex32::new(context.sign().as_ref())
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
            build("20150830T123600Z", &scope, &hash_canonical_request(creq)),
            "AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\n\
             bb579772317eb040ac9ed261061d46c1f17a8133879d6129b6e1c25292927e63"
        );
    }

    #[test]
    fn the_pieces_are_signed_as_the_whole_string() {
        // aws-c-auth suite, get-vanilla: its signature with the example key.
        let creq = "GET\n/\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\n\
                    e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
        let key = super::super::signing_key::derive(
            "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
            "20150830",
            "us-east-1",
            "service",
        );
        let scope = scope("20150830", "us-east-1", "service");
        let hash = hash_canonical_request(creq);
        let expected = "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31";
        assert_eq!(
            signature(&key, "20150830T123600Z", &scope, &hash).as_str(),
            expected
        );
        let whole = build("20150830T123600Z", &scope, &hash);
        assert_eq!(
            Hex32::new(hmac::sign(&key, whole.as_bytes()).as_ref()).as_str(),
            expected
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
