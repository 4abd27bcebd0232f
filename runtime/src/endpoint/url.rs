//! Checking and normalizing an endpoint URL before anything is sent to it.

use super::EndpointError;

/// `scheme://host[:port][/path]`, checked and normalized: scheme and host
/// lower-cased, trailing `/` removed from the path.
///
/// Refused: other schemes, a missing or malformed host, user information
/// (`user:pass@`), a query or fragment (the operation's own path and query
/// are appended), `.`/`..` path segments (an HTTP client would collapse
/// them after signing), and any space, control or non-ASCII character.
pub(crate) fn normalize(input: &str) -> Result<String, EndpointError> {
    let fail = |reason| EndpointError::invalid_url(input, reason, false);

    if let Some(c) = input.chars().find(|c| !c.is_ascii_graphic()) {
        return Err(if c.is_ascii_whitespace() && input.trim() != input {
            fail("must not begin or end with whitespace")
        } else {
            fail("must not contain spaces, control or non-ASCII characters")
        });
    }
    let (scheme, rest) = input
        .split_once("://")
        .ok_or_else(|| fail("must start with http:// or https://"))?;
    let scheme = scheme.to_ascii_lowercase();
    if scheme != "http" && scheme != "https" {
        return Err(fail("the scheme must be http or https"));
    }
    let authority_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let (authority, path) = rest.split_at(authority_end);
    if authority.contains('@') {
        // The value may carry a password: say what is wrong without echoing it.
        return Err(EndpointError::invalid_url(
            input,
            "must not contain user information (`user@` or `user:password@`)",
            true,
        ));
    }
    if path.contains(['?', '#']) {
        return Err(fail("must not have a query (`?`) or fragment (`#`)"));
    }
    let host_port = check_authority(authority).map_err(fail)?;
    let path = check_path(path).map_err(fail)?;
    Ok(format!("{scheme}://{host_port}{path}"))
}

fn check_authority(authority: &str) -> Result<String, &'static str> {
    if authority.is_empty() {
        return Err("has no host");
    }
    let (host, port) = if let Some(rest) = authority.strip_prefix('[') {
        let close = rest.find(']').ok_or("has an unterminated IPv6 address")?;
        let (ip, after) = rest.split_at(close);
        if ip.is_empty()
            || !ip
                .bytes()
                .all(|b| b.is_ascii_hexdigit() || b == b':' || b == b'.')
        {
            return Err("has an invalid IPv6 address");
        }
        let after = &after[1..];
        let port = match after {
            "" => None,
            _ => Some(
                after
                    .strip_prefix(':')
                    .ok_or("has text after the IPv6 address")?,
            ),
        };
        (&authority[..close + 2], port)
    } else {
        match authority.split_once(':') {
            Some((host, port)) => (host, Some(port)),
            None => (authority, None),
        }
    };
    let is_ipv6 = host.starts_with('[');
    if !is_ipv6 {
        if host.is_empty() {
            return Err("has no host");
        }
        if host.split('.').any(str::is_empty) {
            return Err("has an empty label in its host name");
        }
        if !host
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_'))
        {
            return Err("has a character that is not allowed in a host name");
        }
    }
    let mut out = host.to_ascii_lowercase();
    if let Some(port) = port {
        let valid = !port.is_empty()
            && port.len() <= 5
            && port.bytes().all(|b| b.is_ascii_digit())
            && port.parse::<u32>().is_ok_and(|p| (1..=65_535).contains(&p));
        if !valid {
            return Err("has an invalid port (expected 1 to 65535)");
        }
        out.push(':');
        out.push_str(port);
    }
    Ok(out)
}

fn check_path(path: &str) -> Result<&str, &'static str> {
    let path = path.trim_end_matches('/');
    let bytes = path.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'%' {
            let hex = bytes.get(i + 1..i + 3).ok_or("has a truncated %-escape")?;
            if !hex.iter().all(u8::is_ascii_hexdigit) {
                return Err("has an invalid %-escape");
            }
            i += 3;
            continue;
        }
        let allowed = b.is_ascii_alphanumeric()
            || matches!(
                b,
                b'-' | b'.'
                    | b'_'
                    | b'~'
                    | b'!'
                    | b'$'
                    | b'&'
                    | b'\''
                    | b'('
                    | b')'
                    | b'*'
                    | b'+'
                    | b','
                    | b';'
                    | b'='
                    | b':'
                    | b'@'
                    | b'/'
            );
        if !allowed {
            return Err("has a character in its path that must be %-encoded");
        }
        i += 1;
    }
    if path.split('/').any(|s| s == "." || s == "..") {
        return Err("must not have `.` or `..` path segments");
    }
    if path.contains("//") {
        return Err("must not have empty path segments (`//`)");
    }
    Ok(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_and_normalizes() {
        for (input, expected) in [
            (
                "https://datazone.us-east-1.api.aws",
                "https://datazone.us-east-1.api.aws",
            ),
            ("http://localhost:4566", "http://localhost:4566"),
            ("http://localhost:4566/", "http://localhost:4566"),
            ("HTTP://LocalHost:4566/", "http://localhost:4566"),
            (
                "https://proxy.example.com/aws/datazone/",
                "https://proxy.example.com/aws/datazone",
            ),
            (
                "https://proxy.example.com/a%20b///",
                "https://proxy.example.com/a%20b",
            ),
            ("http://127.0.0.1:1", "http://127.0.0.1:1"),
            ("http://[::1]:8080", "http://[::1]:8080"),
            ("http://[::1]/x", "http://[::1]/x"),
            ("http://my_container:80", "http://my_container:80"),
            ("https://h/p@x", "https://h/p@x"),
        ] {
            assert_eq!(normalize(input).unwrap(), expected, "{input}");
        }
    }

    #[test]
    fn refuses_bad_urls() {
        for (input, reason) in [
            ("", "must start with"),
            ("localhost:4566", "must start with"),
            ("ftp://example.com", "scheme"),
            ("file:///etc/passwd", "scheme"),
            ("https://", "no host"),
            ("https:///path", "no host"),
            ("https://:443", "no host"),
            ("https://example.com?x=1", "query"),
            ("https://example.com/p?x=1", "query"),
            ("https://example.com#frag", "fragment"),
            ("https://exa mple.com", "spaces"),
            (" https://example.com", "whitespace"),
            ("https://example.com\n", "whitespace"),
            ("https://example.com/\r\nHost: x", "spaces, control"),
            ("https://exämple.com", "non-ASCII"),
            ("https://example.com:", "port"),
            ("https://example.com:0", "port"),
            ("https://example.com:65536", "port"),
            ("https://example.com:+80", "port"),
            ("https://example.com:80:81", "port"),
            ("https://exa%6dple.com", "host name"),
            ("https://example..com", "empty label"),
            ("https://.example.com", "empty label"),
            ("https://[::1", "unterminated"),
            ("https://[zz]", "IPv6"),
            ("https://[::1]x", "after the IPv6"),
            ("https://example.com/a/../b", "segments"),
            ("https://example.com/./b", "segments"),
            ("https://example.com//b", "empty path"),
            ("https://example.com/a%2", "truncated"),
            ("https://example.com/a%zz", "invalid %-escape"),
            ("https://example.com/a\\b", "%-encoded"),
            ("https://example.com/{x}", "%-encoded"),
        ] {
            let err = normalize(input).unwrap_err().to_string();
            assert!(err.contains(reason), "{input:?}: {err}");
            assert!(err.starts_with("invalid endpoint URL"), "{err}");
        }
    }

    #[test]
    fn user_information_is_refused_without_echoing_it() {
        for input in [
            "https://user:hunter2@example.com",
            "https://user@example.com",
            "https://example.com@evil.example",
        ] {
            let err = normalize(input).unwrap_err().to_string();
            assert!(err.contains("user information"), "{err}");
            assert!(
                !err.contains("hunter2") && !err.contains("example.com"),
                "{err}"
            );
        }
    }
}
