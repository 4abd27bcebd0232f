//! Who signs: an access key id, its secret and an optional session token.
//!
//! The signer takes this small borrowed value, not the runtime's
//! `Credentials`, so the algorithm does not depend on where keys come from
//! (dependencies point one way: `credentials` uses `sigv4`, never the reverse).
//!
//! The signing-key cache looks keys up by a SHA-256 digest of the secret, so
//! that it never holds the secret itself. Hashing the secret on every request
//! would cost about as much as the cache saves, so the digest can be computed
//! once by whoever owns the secret for long: `SigningSecret` pairs a secret
//! with its digest at construction, and `Credentials` stores its secret as
//! one. An identity made from a plain `&str` ([`SigningIdentity::new`]) has
//! no digest, and the cache hashes its secret when it needs to. Because the
//! digest is only ever computed here from the very secret it travels with, a
//! digest can never disagree with its secret.

use std::fmt;

use ring::digest;

/// SHA-256 of a secret access key: what the signing-key cache looks keys up by.
pub(crate) type SecretDigest = [u8; 32];

fn digest_of(secret: &str) -> SecretDigest {
    let mut out = [0u8; 32];
    out.copy_from_slice(digest::digest(&digest::SHA256, secret.as_bytes()).as_ref());
    out
}

/// A secret access key owned together with its `SecretDigest`, computed
/// once when the value is made (credentials live for minutes to hours and
/// sign many requests).
///
/// No `Debug`: its owner decides what to show, which is never the secret.
pub(crate) struct SigningSecret {
    secret: String,
    digest: SecretDigest,
}

impl SigningSecret {
    pub(crate) fn new(secret: String) -> Self {
        let digest = digest_of(&secret);
        SigningSecret { secret, digest }
    }

    pub(crate) fn as_str(&self) -> &str {
        &self.secret
    }
}

/// The keys a request is signed with, borrowed from wherever they live.
///
/// `Debug` shows the access key id only, never the secret or the token.
///
/// ```
/// use awsop_runtime::sigv4::SigningIdentity;
/// let identity = SigningIdentity::new("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", None);
/// assert_eq!(identity.access_key_id(), "AKIDEXAMPLE");
/// assert!(!format!("{identity:?}").contains("wJalr"));
///
/// // Long-lived credentials give one whose secret is hashed once, for the signing-key cache.
/// let credentials = awsop_runtime::Credentials::new("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", None, None, "static");
/// assert_eq!(credentials.signing_identity().secret_access_key(), identity.secret_access_key());
/// ```
#[derive(Clone, Copy)]
pub struct SigningIdentity<'a> {
    access_key_id: &'a str,
    secret_access_key: &'a str,
    session_token: Option<&'a str>,
    /// Present when the secret came from a `SigningSecret`.
    secret_digest: Option<&'a SecretDigest>,
}

impl<'a> SigningIdentity<'a> {
    /// An identity from its parts. `session_token` is that of temporary
    /// credentials; an empty one counts as none.
    pub fn new(
        access_key_id: &'a str,
        secret_access_key: &'a str,
        session_token: Option<&'a str>,
    ) -> Self {
        SigningIdentity {
            access_key_id,
            secret_access_key,
            session_token,
            secret_digest: None,
        }
    }

    /// An identity whose secret's digest is already known.
    pub(crate) fn with_secret(
        access_key_id: &'a str,
        secret: &'a SigningSecret,
        session_token: Option<&'a str>,
    ) -> Self {
        SigningIdentity {
            access_key_id,
            secret_access_key: &secret.secret,
            session_token,
            secret_digest: Some(&secret.digest),
        }
    }

    /// The access key id (not secret).
    pub fn access_key_id(&self) -> &'a str {
        self.access_key_id
    }

    /// The secret access key.
    pub fn secret_access_key(&self) -> &'a str {
        self.secret_access_key
    }

    /// The session token, if any (possibly empty).
    pub fn session_token(&self) -> Option<&'a str> {
        self.session_token
    }

    /// The digest the signing-key cache looks this secret up by.
    pub(crate) fn secret_digest(&self) -> SecretDigest {
        match self.secret_digest {
            Some(digest) => *digest,
            None => digest_of(self.secret_access_key),
        }
    }
}

impl fmt::Debug for SigningIdentity<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SigningIdentity")
            .field("access_key_id", &self.access_key_id)
            .field(
                "session_token",
                &self.session_token.map(|_| "** redacted **"),
            )
            .finish_non_exhaustive()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SECRET: &str = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";

    #[test]
    fn precomputed_and_computed_digests_agree() {
        let secret = SigningSecret::new(SECRET.to_owned());
        let owned = SigningIdentity::with_secret("AKID", &secret, None);
        let borrowed = SigningIdentity::new("AKID", SECRET, None);
        assert_eq!(owned.secret_digest(), borrowed.secret_digest());
        assert_eq!(owned.secret_access_key(), SECRET);
        assert_ne!(
            SigningIdentity::new("AKID", "other", None).secret_digest(),
            borrowed.secret_digest()
        );
    }

    #[test]
    fn debug_hides_secret_and_token() {
        let identity = SigningIdentity::new("AKID", SECRET, Some("token-value"));
        let shown = format!("{identity:?}");
        assert!(shown.contains("AKID"), "{shown}");
        assert!(!shown.contains(SECRET), "{shown}");
        assert!(!shown.contains("token-value"), "{shown}");
    }
}
