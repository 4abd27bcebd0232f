//! Percent-decoding of URI path segments and query components.

/// Decodes `%XX` escapes; `None` if an escape is malformed or the result is
/// not UTF-8. `+` is kept as is: AWS clients encode spaces as `%20`.
pub(crate) fn decode(text: &str) -> Option<String> {
    if !text.contains('%') {
        return Some(text.to_owned());
    }
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = text.get(i + 1..i + 3)?;
            out.extend(crate::hex::decode(hex)?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::decode;

    #[test]
    fn decodes_escapes() {
        assert_eq!(decode("a%20b%2Fc~d").as_deref(), Some("a b/c~d"));
        assert_eq!(decode("%C3%A9").as_deref(), Some("é"));
        assert_eq!(decode("a+b").as_deref(), Some("a+b"));
        assert_eq!(decode("plain").as_deref(), Some("plain"));
    }

    #[test]
    fn rejects_bad_escapes_and_utf8() {
        assert_eq!(decode("%"), None);
        assert_eq!(decode("%2"), None);
        assert_eq!(decode("%zz"), None);
        assert_eq!(decode("%C3"), None);
        assert_eq!(decode("%FF%FE"), None);
        assert_eq!(decode("%é"), None);
    }
}
