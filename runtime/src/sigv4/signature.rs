//! The run of tasks 1, 2 and 4 that a client (signing) and a server
//! (verifying) share once each has chosen the headers and the key.

use ring::hmac;

use super::canonical_request::{self, CanonicalInput};
use super::encode::Hex32;
use super::string_to_sign;

/// The canonical request and the signature of one request.
pub(crate) struct Computed {
    pub(crate) canonical_request: String,
    /// Its SHA-256, from which [`Computed::string_to_sign`] is rebuilt.
    pub(crate) canonical_request_hash: Hex32,
    pub(crate) signature: Hex32,
}

impl Computed {
    /// The string to sign that was signed, for outputs that show it: the
    /// signing itself never builds it.
    pub(crate) fn string_to_sign(&self, amz_date: &str, scope: &str) -> String {
        string_to_sign::build(amz_date, scope, &self.canonical_request_hash)
    }
}

/// Canonical request, then string to sign, then signature. One copy for
/// both sides, so a fix lands once and the two cannot drift apart; whether
/// the steps are right is what the vendored suite checks, not the verifier.
pub(crate) fn compute(
    input: &CanonicalInput<'_>,
    amz_date: &str,
    scope: &str,
    key: &hmac::Key,
) -> Computed {
    let canonical_request = canonical_request::build(input);
    let canonical_request_hash = string_to_sign::hash_canonical_request(&canonical_request);
    let signature = string_to_sign::signature(key, amz_date, scope, &canonical_request_hash);
    Computed {
        canonical_request,
        canonical_request_hash,
        signature,
    }
}
