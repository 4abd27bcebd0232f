//! Standard base64 (RFC 4648 §4, with padding): how blobs travel in JSON
//! bodies. Small enough to own rather than depend on.

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// Encodes `input` as padded standard base64.
///
/// ```
/// use awsop_runtime::encoding::base64;
/// assert_eq!(base64::encode(b"value"), "dmFsdWU=");
/// ```
pub fn encode(input: &[u8]) -> String {
    let mut out = String::with_capacity(encoded_len(input.len()));
    encode_into(input, &mut out);
    out
}

/// The length of the padded encoding of `n` bytes.
pub fn encoded_len(n: usize) -> usize {
    n.div_ceil(3) * 4
}

/// Appends the padded base64 encoding of `input` to `out`.
pub fn encode_into(input: &[u8], out: &mut String) {
    let mut chunks = input.chunks_exact(3);
    for c in &mut chunks {
        let n = (u32::from(c[0]) << 16) | (u32::from(c[1]) << 8) | u32::from(c[2]);
        for shift in [18, 12, 6, 0] {
            out.push(ALPHABET[((n >> shift) & 0x3f) as usize] as char);
        }
    }
    match *chunks.remainder() {
        [a] => {
            let n = u32::from(a) << 16;
            out.push(ALPHABET[((n >> 18) & 0x3f) as usize] as char);
            out.push(ALPHABET[((n >> 12) & 0x3f) as usize] as char);
            out.push_str("==");
        }
        [a, b] => {
            let n = (u32::from(a) << 16) | (u32::from(b) << 8);
            out.push(ALPHABET[((n >> 18) & 0x3f) as usize] as char);
            out.push(ALPHABET[((n >> 12) & 0x3f) as usize] as char);
            out.push(ALPHABET[((n >> 6) & 0x3f) as usize] as char);
            out.push('=');
        }
        _ => {}
    }
}

/// Why a text is not base64.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DecodeError {
    position: usize,
}

impl DecodeError {
    /// The byte offset of the first offending character.
    pub fn position(&self) -> usize {
        self.position
    }
}

impl std::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "invalid base64 at byte {}", self.position)
    }
}

impl std::error::Error for DecodeError {}

fn value(c: u8) -> Option<u32> {
    Some(match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'+' => 62,
        b'/' => 63,
        _ => return None,
    } as u32)
}

/// Decodes standard base64. Padding is optional (some services omit it);
/// anything else outside the alphabet is an error.
///
/// ```
/// use awsop_runtime::encoding::base64;
/// assert_eq!(base64::decode("Zm9v").unwrap(), b"foo");
/// assert_eq!(base64::decode("Zm8").unwrap(), b"fo");
/// assert!(base64::decode("Zm9v!").is_err());
/// ```
pub fn decode(input: &str) -> Result<Vec<u8>, DecodeError> {
    let bytes = input.as_bytes();
    // Padding may only appear at the end, at most two characters of it.
    let trimmed_len = bytes.iter().rposition(|&b| b != b'=').map_or(0, |p| p + 1);
    let padding = bytes.len() - trimmed_len;
    if padding > 2 || (padding > 0 && bytes.len() % 4 != 0) {
        return Err(DecodeError {
            position: trimmed_len,
        });
    }
    let data = &bytes[..trimmed_len];
    if data.len() % 4 == 1 {
        return Err(DecodeError {
            position: data.len() - 1,
        });
    }
    let mut out = Vec::with_capacity(data.len() / 4 * 3 + 2);
    let mut acc = 0u32;
    let mut bits = 0u32;
    for (i, &c) in data.iter().enumerate() {
        let v = value(c).ok_or(DecodeError { position: i })?;
        acc = (acc << 6) | v;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc4648_vectors_round_trip() {
        let cases: [(&[u8], &str); 7] = [
            (b"", ""),
            (b"f", "Zg=="),
            (b"fo", "Zm8="),
            (b"foo", "Zm9v"),
            (b"foob", "Zm9vYg=="),
            (b"fooba", "Zm9vYmE="),
            (b"foobar", "Zm9vYmFy"),
        ];
        for (raw, enc) in cases {
            assert_eq!(encode(raw), enc);
            assert_eq!(decode(enc).unwrap(), raw);
        }
    }

    #[test]
    fn all_bytes_round_trip() {
        let raw: Vec<u8> = (0..=255).collect();
        assert_eq!(decode(&encode(&raw)).unwrap(), raw);
    }

    #[test]
    fn rejects_garbage() {
        assert!(decode("Zm9v====").is_err());
        assert!(decode("Z").is_err());
        assert!(decode("Zm 9v").is_err());
        assert!(decode("Zg=").is_err());
        assert!(decode("=Zg=").is_err());
    }
}
