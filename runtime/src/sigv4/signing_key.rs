//! Deriving the signing key (task 3 of the spec) and caching it.
//!
//! The key is an HMAC chain over the secret, the date, the region and the
//! service; it changes once a day. The cache keeps the finished `hmac::Key`
//! (whose inner and outer pads are already absorbed), looked up by a digest
//! of the secret (see `identity.rs` for who computes it, and when), so a
//! cache hit costs a few comparisons instead of eight compression rounds of
//! key setup.

use std::fmt;
use std::sync::{PoisonError, RwLock};

use ring::hmac;

use super::identity::SigningIdentity;

/// Derives `kSigning = HMAC(HMAC(HMAC(HMAC("AWS4" + secret, date), region), service), "aws4_request")`.
pub(crate) fn derive(secret: &str, date: &str, region: &str, service: &str) -> hmac::Key {
    let mut seed = Vec::with_capacity(4 + secret.len());
    seed.extend_from_slice(b"AWS4");
    seed.extend_from_slice(secret.as_bytes());
    let k_date = hmac::sign(&hmac::Key::new(hmac::HMAC_SHA256, &seed), date.as_bytes());
    // Best effort: do not leave a copy of the secret behind in freed memory.
    seed.fill(0);
    let k_region = hmac::sign(
        &hmac::Key::new(hmac::HMAC_SHA256, k_date.as_ref()),
        region.as_bytes(),
    );
    let k_service = hmac::sign(
        &hmac::Key::new(hmac::HMAC_SHA256, k_region.as_ref()),
        service.as_bytes(),
    );
    let k_signing = hmac::sign(
        &hmac::Key::new(hmac::HMAC_SHA256, k_service.as_ref()),
        b"aws4_request",
    );
    hmac::Key::new(hmac::HMAC_SHA256, k_signing.as_ref())
}

/// How many (credentials, day, region, service) keys a cache holds.
const CAPACITY: usize = 8;

/// Remembers derived signing keys per (secret, date, region, service), so
/// the HMAC chain runs once a day per credentials and service, not once per
/// request.
///
/// Holds a SHA-256 digest of each secret, never the secret itself; `Debug`
/// shows only how many keys are cached. Cheap to create, `Send + Sync`: share
/// one per client.
///
/// ```
/// use awsop_runtime::http::HttpRequest;
/// use awsop_runtime::sigv4::{sign_request, SigningKeyCache, SigningParams, SigningSettings};
/// use awsop_runtime::Credentials;
/// use std::time::{Duration, UNIX_EPOCH};
///
/// let cache = SigningKeyCache::default();
/// let credentials = Credentials::new("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", None, None, "static");
/// let settings = SigningSettings::default();
/// let params = SigningParams {
///     // Its secret is hashed once, when the credentials are made, not per request.
///     identity: credentials.signing_identity(),
///     region: "us-east-1",
///     service: "datazone",
///     time: UNIX_EPOCH + Duration::from_secs(1_440_938_160),
///     settings: &settings,
/// };
/// for _ in 0..3 {
///     let mut request = HttpRequest::new(http::Method::GET, "https://datazone.us-east-1.api.aws/v2/domains");
///     sign_request(&mut request, &params, &cache).unwrap();
/// }
/// assert_eq!(cache.len(), 1);
/// ```
#[derive(Default)]
pub struct SigningKeyCache {
    entries: RwLock<Vec<Entry>>,
}

struct Entry {
    secret_digest: [u8; 32],
    date: [u8; 8],
    region: Box<str>,
    service: Box<str>,
    key: hmac::Key,
}

impl Entry {
    fn matches(&self, secret_digest: &[u8; 32], date: &[u8], region: &str, service: &str) -> bool {
        self.date == date
            && self.secret_digest == *secret_digest
            && *self.region == *region
            && *self.service == *service
    }
}

impl SigningKeyCache {
    /// An empty cache.
    pub fn new() -> Self {
        Self::default()
    }

    /// How many signing keys are cached.
    pub fn len(&self) -> usize {
        self.entries
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .len()
    }

    /// Whether no signing key is cached.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Forgets every cached key (for example after credentials are revoked).
    pub fn clear(&self) {
        self.entries
            .write()
            .unwrap_or_else(PoisonError::into_inner)
            .clear();
    }

    /// The signing key for these inputs, and whether it came from the cache.
    pub(crate) fn get_or_derive(
        &self,
        identity: &SigningIdentity<'_>,
        date: &str,
        region: &str,
        service: &str,
    ) -> (hmac::Key, bool) {
        let secret_digest = identity.secret_digest();
        let date_bytes = date.as_bytes();
        {
            let entries = self.entries.read().unwrap_or_else(PoisonError::into_inner);
            if let Some(entry) = entries
                .iter()
                .find(|e| e.matches(&secret_digest, date_bytes, region, service))
            {
                return (entry.key.clone(), true);
            }
        }
        let key = derive(identity.secret_access_key(), date, region, service);
        let Ok(date_array) = <[u8; 8]>::try_from(date_bytes) else {
            // Only 8-digit dates are ever produced; anything else is simply not cached.
            return (key, false);
        };
        let mut entries = self.entries.write().unwrap_or_else(PoisonError::into_inner);
        if !entries
            .iter()
            .any(|e| e.matches(&secret_digest, date_bytes, region, service))
        {
            // A new day makes yesterday's key for the same scope useless.
            entries.retain(|e| {
                !(e.secret_digest == secret_digest
                    && *e.region == *region
                    && *e.service == *service)
            });
            if entries.len() >= CAPACITY {
                entries.remove(0);
            }
            entries.push(Entry {
                secret_digest,
                date: date_array,
                region: region.into(),
                service: service.into(),
                key: key.clone(),
            });
        }
        (key, false)
    }
}

impl fmt::Debug for SigningKeyCache {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SigningKeyCache")
            .field("entries", &self.len())
            .finish_non_exhaustive()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sigv4::encode::Hex32;

    const SECRET: &str = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";

    fn tag(key: &hmac::Key) -> String {
        Hex32::new(hmac::sign(key, b"probe").as_ref())
            .as_str()
            .to_owned()
    }

    #[test]
    fn derivation_matches_the_aws_documentation_example() {
        // docs.aws.amazon.com "Examples of how to derive a signing key for Signature Version 4":
        // kSigning for 20120215 / us-east-1 / iam.
        let expected = "f4780e2d9f65fa895f9c67b32ce1baf0b0d8a43505a000a1a9e090d414db404d";
        let k_secret = format!("AWS4{SECRET}");
        let mut k = hmac::sign(
            &hmac::Key::new(hmac::HMAC_SHA256, k_secret.as_bytes()),
            b"20120215",
        );
        for part in [&b"us-east-1"[..], b"iam", b"aws4_request"] {
            k = hmac::sign(&hmac::Key::new(hmac::HMAC_SHA256, k.as_ref()), part);
        }
        assert_eq!(Hex32::new(k.as_ref()).as_str(), expected);
        let derived = derive(SECRET, "20120215", "us-east-1", "iam");
        let reference = hmac::Key::new(hmac::HMAC_SHA256, k.as_ref());
        assert_eq!(tag(&derived), tag(&reference));
    }

    fn creds(secret: &str) -> SigningIdentity<'_> {
        SigningIdentity::new("AKIDEXAMPLE", secret, None)
    }

    #[test]
    fn cache_hits_and_misses() {
        let cache = SigningKeyCache::new();
        assert!(cache.is_empty());
        let (first, hit) = cache.get_or_derive(&creds(SECRET), "20150830", "us-east-1", "datazone");
        assert!(!hit);
        let (again, hit) = cache.get_or_derive(&creds(SECRET), "20150830", "us-east-1", "datazone");
        assert!(hit);
        assert_eq!(tag(&first), tag(&again));
        assert_eq!(cache.len(), 1);

        // Any part of the key changing is a miss with a different key.
        for (secret, date, region, service) in [
            ("other-secret", "20150830", "us-east-1", "datazone"),
            (SECRET, "20150830", "us-west-2", "datazone"),
            (SECRET, "20150830", "us-east-1", "iam"),
        ] {
            let (key, hit) = cache.get_or_derive(&creds(secret), date, region, service);
            assert!(!hit);
            assert_ne!(tag(&key), tag(&first));
            assert_eq!(tag(&key), tag(&derive(secret, date, region, service)));
        }
        assert_eq!(cache.len(), 4);

        // The next day replaces the old day's key instead of piling up.
        let (_, hit) = cache.get_or_derive(&creds(SECRET), "20150831", "us-east-1", "datazone");
        assert!(!hit);
        assert_eq!(cache.len(), 4);
        let (_, hit) = cache.get_or_derive(&creds(SECRET), "20150830", "us-east-1", "datazone");
        assert!(!hit);

        cache.clear();
        assert!(cache.is_empty());
    }

    #[test]
    fn a_precomputed_digest_finds_the_same_entry() {
        use crate::sigv4::identity::SigningSecret;
        let cache = SigningKeyCache::new();
        let secret = SigningSecret::new(SECRET.to_owned());
        let owned = SigningIdentity::with_secret("AKIDEXAMPLE", &secret, None);
        let (_, hit) = cache.get_or_derive(&owned, "20150830", "us-east-1", "datazone");
        assert!(!hit);
        let (_, hit) = cache.get_or_derive(&creds(SECRET), "20150830", "us-east-1", "datazone");
        assert!(hit);
        assert_eq!(cache.len(), 1);
    }

    #[test]
    fn cache_is_bounded() {
        let cache = SigningKeyCache::new();
        for i in 0..20 {
            cache.get_or_derive(&creds(SECRET), "20150830", &format!("region-{i}"), "svc");
        }
        assert_eq!(cache.len(), CAPACITY);
        let (_, hit) = cache.get_or_derive(&creds(SECRET), "20150830", "region-19", "svc");
        assert!(hit);
        let (_, hit) = cache.get_or_derive(&creds(SECRET), "20150830", "region-0", "svc");
        assert!(!hit);
    }

    #[test]
    fn debug_never_shows_secrets_or_keys() {
        let cache = SigningKeyCache::new();
        cache.get_or_derive(&creds(SECRET), "20150830", "us-east-1", "datazone");
        let shown = format!("{cache:?}");
        assert_eq!(shown, "SigningKeyCache { entries: 1, .. }");
    }

    #[test]
    fn cache_is_send_and_sync() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<SigningKeyCache>();
    }
}
