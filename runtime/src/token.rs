//! Idempotency tokens (`clientToken`): UUIDv4 by default, fixable in tests.

use std::fmt::Debug;

/// Makes the idempotency tokens that fill `#[aws(idempotency_token)]` members.
///
/// ```
/// use awsop_runtime::token::{IdempotencyTokenGenerator, RandomUuid};
/// let token = RandomUuid.generate();
/// assert_eq!(token.len(), 36);
/// assert_eq!(&token[14..15], "4");
/// ```
pub trait IdempotencyTokenGenerator: Send + Sync + Debug {
    /// A new token.
    fn generate(&self) -> String;
}

/// Random UUIDv4 tokens from the operating system's CSPRNG.
#[derive(Debug, Clone, Copy, Default)]
pub struct RandomUuid;

impl IdempotencyTokenGenerator for RandomUuid {
    fn generate(&self) -> String {
        use ring::rand::SecureRandom;
        let mut bytes = [0u8; 16];
        // The OS RNG failing is not recoverable in any useful way; fall back
        // to a time-seeded value rather than panic, so a token still differs.
        if ring::rand::SystemRandom::new().fill(&mut bytes).is_err() {
            let nanos = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_nanos())
                .unwrap_or_default();
            bytes = nanos.to_le_bytes();
        }
        let text = uuid_v4(bytes);
        // Hex digits and dashes only.
        std::str::from_utf8(&text).unwrap_or_default().to_owned()
    }
}

/// Always the same token (tests, golden requests).
#[derive(Debug, Clone)]
pub struct FixedToken(pub String);

impl IdempotencyTokenGenerator for FixedToken {
    fn generate(&self) -> String {
        self.0.clone()
    }
}

/// Tokens that count up, `00000000-0000-4000-8000-000000000001`, then
/// `...002`, and so on: a different one for every call, and the same
/// sequence on every run, so a recorded request's token is the one its
/// replay sends. Clones of a client share the count.
///
/// ```
/// use awsop_runtime::token::{IdempotencyTokenGenerator, SequentialTokens};
/// let tokens = SequentialTokens::new();
/// assert_eq!(tokens.generate(), "00000000-0000-4000-8000-000000000001");
/// assert_eq!(tokens.generate(), "00000000-0000-4000-8000-000000000002");
/// ```
#[derive(Debug, Default)]
pub struct SequentialTokens {
    issued: std::sync::atomic::AtomicU64,
}

impl SequentialTokens {
    /// A sequence whose first token ends in `001`.
    pub fn new() -> Self {
        Self::default()
    }
}

impl IdempotencyTokenGenerator for SequentialTokens {
    fn generate(&self) -> String {
        let n = self
            .issued
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed)
            .wrapping_add(1);
        // The last group of a UUID holds 12 hex digits.
        format!("00000000-0000-4000-8000-{:012x}", n & 0xffff_ffff_ffff)
    }
}

/// A UUIDv4 for `amz-sdk-invocation-id`: unique per call but not a secret,
/// so it comes from a per-thread xorshift generator (seeded once from the OS)
/// instead of a system call per call. The text, on the stack: the caller
/// copies it into its header.
pub(crate) fn invocation_id() -> [u8; 36] {
    use std::cell::Cell;
    thread_local! {
        static STATE: Cell<u64> = Cell::new(crate::random::os_seed());
    }
    let next = || {
        STATE.with(|state| {
            let x = crate::random::xorshift64(state.get());
            state.set(x);
            x
        })
    };
    let mut bytes = [0u8; 16];
    bytes[..8].copy_from_slice(&next().to_le_bytes());
    bytes[8..].copy_from_slice(&next().to_le_bytes());
    uuid_v4(bytes)
}

/// Formats 16 random bytes as a version-4, variant-1 UUID (ASCII text).
fn uuid_v4(mut bytes: [u8; 16]) -> [u8; 36] {
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    let mut out = [b'-'; 36];
    let mut at = 0;
    for (i, &b) in bytes.iter().enumerate() {
        if matches!(i, 4 | 6 | 8 | 10) {
            at += 1; // the dash already there
        }
        out[at..at + 2]
            .copy_from_slice(&crate::encoding::hex::pair(b, crate::encoding::hex::LOWER));
        at += 2;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uuid_has_version_and_variant_bits() {
        let id = uuid_v4([0xff; 16]);
        assert_eq!(&id, b"ffffffff-ffff-4fff-bfff-ffffffffffff");
        let id = uuid_v4([0; 16]);
        assert_eq!(&id, b"00000000-0000-4000-8000-000000000000");
        let id = uuid_v4(*b"\x01\x23\x45\x67\x89\xab\xcd\xef\x01\x23\x45\x67\x89\xab\xcd\xef");
        assert_eq!(&id, b"01234567-89ab-4def-8123-456789abcdef");
    }

    #[test]
    fn random_tokens_differ() {
        assert_ne!(RandomUuid.generate(), RandomUuid.generate());
    }
}
