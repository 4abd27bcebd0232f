//! Opaque `nextToken`s: where a search stopped, bound to the search they
//! came from.
//!
// A token is hex(after_seq ‖ search fingerprint ‖ check), the check being a
// keyed hash. Not cryptography: it only has to make edited, truncated or
// foreign tokens detectable, as DataZone rejects them.

/// FNV-1a, 64 bits: a fingerprint of the search parameters.
pub(crate) fn fingerprint(parts: &[&str]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        // Length-prefix each part so ("ab","c") and ("a","bc") differ.
        for byte in (part.len() as u64)
            .to_be_bytes()
            .iter()
            .chain(part.as_bytes())
        {
            hash ^= u64::from(*byte);
            hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    hash
}

fn check(key: u64, after_seq: u64, search: u64) -> u64 {
    fingerprint(&[
        &key.to_string(),
        &after_seq.to_string(),
        &search.to_string(),
    ])
}

/// The token that resumes `search` after the profile numbered `after_seq`.
pub(crate) fn encode(key: u64, after_seq: u64, search: u64) -> String {
    let mut bytes = Vec::with_capacity(24);
    bytes.extend_from_slice(&after_seq.to_be_bytes());
    bytes.extend_from_slice(&search.to_be_bytes());
    bytes.extend_from_slice(&check(key, after_seq, search).to_be_bytes());
    crate::hex::encode(&bytes)
}

/// Where to resume, if `token` is one of ours for this very search.
pub(crate) fn decode(key: u64, token: &str, search: u64) -> Option<u64> {
    let bytes = crate::hex::decode(token)?;
    if bytes.len() != 24 {
        return None;
    }
    let word = |i: usize| {
        let mut w = [0u8; 8];
        w.copy_from_slice(&bytes[i * 8..i * 8 + 8]);
        u64::from_be_bytes(w)
    };
    let (after_seq, token_search, token_check) = (word(0), word(1), word(2));
    (token_search == search && token_check == check(key, after_seq, search)).then_some(after_seq)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        let search = fingerprint(&["dzd_a", "DATAZONE_USER", ""]);
        let token = encode(5, 42, search);
        assert_eq!(decode(5, &token, search), Some(42));
    }

    #[test]
    fn rejects_other_searches_keys_and_edits() {
        let search = fingerprint(&["dzd_a", "DATAZONE_USER", ""]);
        let other = fingerprint(&["dzd_a", "DATAZONE_USER", "x"]);
        let token = encode(5, 42, search);
        assert_eq!(decode(5, &token, other), None);
        assert_eq!(decode(6, &token, search), None);
        let mut edited = token.clone().into_bytes();
        edited[15] = if edited[15] == b'0' { b'1' } else { b'0' };
        assert_eq!(
            decode(5, std::str::from_utf8(&edited).unwrap(), search),
            None
        );
        assert_eq!(decode(5, &token[..46], search), None);
        assert_eq!(decode(5, "not a token", search), None);
    }

    #[test]
    fn fingerprint_separates_parts() {
        assert_ne!(fingerprint(&["ab", "c"]), fingerprint(&["a", "bc"]));
    }
}
