//! Non-cryptographic randomness, decided once: xorshift64 seeded from the
//! operating system. Retry jitter and invocation ids only need numbers that
//! differ between clients and calls; secrets (idempotency tokens, nothing
//! else) use the OS generator directly.

/// One xorshift64 step (Marsaglia's 13/7/17 triple). Never returns 0 for a
/// non-zero input, and must not be started at 0.
///
/// ```
/// let x = awsop_runtime::random::xorshift64(1);
/// assert_ne!(x, 0);
/// assert_ne!(awsop_runtime::random::xorshift64(x), x);
/// ```
#[inline]
pub fn xorshift64(mut x: u64) -> u64 {
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    x
}

/// A non-zero seed from the operating system's generator, or from the clock
/// when there is none (different processes still get different sequences).
///
/// ```
/// assert_ne!(awsop_runtime::random::os_seed(), 0);
/// ```
pub fn os_seed() -> u64 {
    use ring::rand::SecureRandom;
    let mut bytes = [0u8; 8];
    let seed = match ring::rand::SystemRandom::new().fill(&mut bytes) {
        Ok(()) => u64::from_le_bytes(bytes),
        Err(_) => std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos() as u64),
    };
    // xorshift stays at zero forever.
    seed | 1
}
