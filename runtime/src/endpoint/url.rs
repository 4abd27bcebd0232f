//! The one strict URL routine: every endpoint the runtime sends to
//! (`AWS_ENDPOINT_URL*`, profile `endpoint_url`, endpoint templates,
//! `AWS_CONTAINER_CREDENTIALS_FULL_URI`, `AWS_EC2_METADATA_SERVICE_ENDPOINT`)
//! is parsed here, and what is checked is exactly what is sent.
//!
//! Refused: other schemes than http and https; user information
//! (`user:pass@`); a port outside 1..=65535 (`http::Uri` would drop it and
//! quietly use port 80); a bracketed host that is not an IPv6 literal
//! (`[1.2.3.4]`, `[deadbeef.cafe]`); a host whose last label is numeric but
//! which is not a dotted-quad IPv4 address (`127.1`, `2130706433`,
//! `0x7f.1`: resolvers read those differently); `.`/`..` path segments,
//! written plainly or %-encoded (`%2e%2e`, `.%2E`, `..%2f`), which a server
//! would collapse after signing; a fragment; and any space, control or
//! non-ASCII character. A query is refused too, except where the caller
//! allows one (the container endpoint).
//!
//! Errors never repeat user information or query values: a value with `@`
//! in its authority is not echoed at all, and query values are replaced.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use super::EndpointError;

/// Whether a URL may carry a query.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Query {
    Refused,
    Allowed,
}

/// A URL as [`parse`] accepted it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ParsedUrl {
    /// `http` or `https`.
    pub(crate) scheme: &'static str,
    pub(crate) host: UrlHost,
    pub(crate) port: Option<u16>,
    /// As written (validated), possibly empty; never a dot segment.
    pub(crate) path: String,
    /// Without the `?`.
    pub(crate) query: Option<String>,
}

/// The host of a [`ParsedUrl`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum UrlHost {
    /// A DNS name, lower-cased.
    Name(String),
    /// An IPv4 address, or an IPv6 address (written in brackets).
    Ip(IpAddr),
}

impl ParsedUrl {
    /// `host[:port]`, IPv6 in brackets.
    pub(crate) fn authority(&self) -> String {
        let mut out = match &self.host {
            UrlHost::Name(name) => name.clone(),
            UrlHost::Ip(IpAddr::V4(ip)) => ip.to_string(),
            UrlHost::Ip(IpAddr::V6(ip)) => format!("[{ip}]"),
        };
        if let Some(port) = self.port {
            out.push(':');
            out.push_str(&port.to_string());
        }
        out
    }

    /// The port connected to: the explicit one, else the scheme's.
    pub(crate) fn port_or_default(&self) -> u16 {
        self.port
            .unwrap_or(if self.scheme == "https" { 443 } else { 80 })
    }

    /// The URL to send to: `scheme://authority/path[?query]`.
    pub(crate) fn to_request_url(&self) -> String {
        let path = if self.path.is_empty() {
            "/"
        } else {
            &self.path
        };
        let mut out = format!("{}://{}{path}", self.scheme, self.authority());
        if let Some(query) = &self.query {
            out.push('?');
            out.push_str(query);
        }
        out
    }

    /// Scheme, authority and path, without the query: safe to show.
    pub(crate) fn shown(&self) -> String {
        format!("{}://{}{}", self.scheme, self.authority(), self.path)
    }
}

/// `scheme://host[:port][/path]`, checked and normalized: scheme and host
/// lower-cased, trailing `/` removed from the path. No query.
pub(crate) fn normalize(input: &str) -> Result<String, EndpointError> {
    let mut url = parse(input, Query::Refused)?;
    url.path.truncate(url.path.trim_end_matches('/').len());
    Ok(format!("{}://{}{}", url.scheme, url.authority(), url.path))
}

/// Parses and checks `input` (see the module documentation).
pub(crate) fn parse(input: &str, query: Query) -> Result<ParsedUrl, EndpointError> {
    let fail = |reason| EndpointError::invalid_url(input, reason);

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
    let scheme = match scheme.to_ascii_lowercase().as_str() {
        "http" => "http",
        "https" => "https",
        _ => return Err(fail("the scheme must be http or https")),
    };
    let authority_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let (authority, after) = rest.split_at(authority_end);
    if authority.contains('@') {
        // The value may carry a password: `invalid_url` does not echo it.
        return Err(fail(
            "must not contain user information (`user@` or `user:password@`)",
        ));
    }
    if after.contains('#') {
        return Err(fail("must not have a fragment (`#`)"));
    }
    let (path, query_text) = match after.split_once('?') {
        Some((path, q)) => (path, Some(q)),
        None => (after, None),
    };
    if query_text.is_some() && query == Query::Refused {
        return Err(fail("must not have a query (`?`)"));
    }
    let (host, port) = check_authority(authority).map_err(fail)?;
    check_path(path).map_err(fail)?;
    if let Some(q) = query_text {
        check_chars(q, b"/?")
            .map_err(|_| fail("has a character in its query that must be %-encoded"))?;
    }
    Ok(ParsedUrl {
        scheme,
        host,
        port,
        path: path.to_owned(),
        query: query_text.map(str::to_owned),
    })
}

/// What an error may show of a refused URL: nothing when its authority
/// holds an `@` (user information, maybe a password), else the value with
/// its fragment cut and every query value replaced by `***`.
pub(crate) fn safe_to_show(input: &str) -> Option<String> {
    let rest = input.split_once("://").map_or(input, |(_, rest)| rest);
    let authority_end = rest.find(['/', '?', '#', '\\']).unwrap_or(rest.len());
    if rest[..authority_end].contains('@') {
        return None;
    }
    let input = input.split_once('#').map_or(input, |(before, _)| before);
    let Some((base, query)) = input.split_once('?') else {
        return Some(input.to_owned());
    };
    let masked: Vec<String> = query
        .split('&')
        .map(|pair| match pair.split_once('=') {
            Some((key, _)) => format!("{key}=***"),
            None => pair.to_owned(),
        })
        .collect();
    Some(format!("{base}?{}", masked.join("&")))
}

fn check_authority(authority: &str) -> Result<(UrlHost, Option<u16>), &'static str> {
    if authority.is_empty() {
        return Err("has no host");
    }
    let (host, port) = if let Some(rest) = authority.strip_prefix('[') {
        let close = rest.find(']').ok_or("has an unterminated IPv6 address")?;
        let (literal, after) = rest.split_at(close);
        // Only a real IPv6 literal: `[1.2.3.4]` would connect to IPv4, and
        // `[deadbeef.cafe]` would be looked up in DNS.
        let ip: Ipv6Addr = literal.parse().map_err(|_| "has an invalid IPv6 address")?;
        let port = match &after[1..] {
            "" => None,
            after => Some(
                after
                    .strip_prefix(':')
                    .ok_or("has text after the IPv6 address")?,
            ),
        };
        (UrlHost::Ip(IpAddr::V6(ip)), port)
    } else {
        let (host, port) = match authority.split_once(':') {
            Some((host, port)) => (host, Some(port)),
            None => (authority, None),
        };
        (check_host(host)?, port)
    };
    let port = match port {
        None => None,
        Some(port) => {
            let valid =
                !port.is_empty() && port.len() <= 5 && port.bytes().all(|b| b.is_ascii_digit());
            match port.parse::<u16>() {
                Ok(p) if valid && p != 0 => Some(p),
                _ => return Err("has an invalid port (expected 1 to 65535)"),
            }
        }
    };
    Ok((host, port))
}

fn check_host(host: &str) -> Result<UrlHost, &'static str> {
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
    let host = host.to_ascii_lowercase();
    // A numeric last label makes the host an IPv4 address for resolvers,
    // which also read `127.1`, `2130706433` and `0x7f.0.0.1` (as the URL
    // standard does): only the plain dotted quad is accepted, so the host
    // that is checked is the host that is reached.
    let last = host.rsplit('.').next().unwrap_or("");
    let numeric = last.bytes().all(|b| b.is_ascii_digit())
        || (last.starts_with("0x") && last[2..].bytes().all(|b| b.is_ascii_hexdigit()));
    if numeric {
        return match host.parse::<Ipv4Addr>() {
            Ok(ip) => Ok(UrlHost::Ip(IpAddr::V4(ip))),
            Err(_) => Err("has an invalid IPv4 address (expected four decimal numbers, a.b.c.d)"),
        };
    }
    Ok(UrlHost::Name(host))
}

fn check_path(path: &str) -> Result<(), &'static str> {
    check_chars(path, b"/")?;
    // Decoded: `%2e%2e` is `..` to a server that decodes before it
    // normalizes, and `%2f` / `%5c` may split a segment in two.
    let decoded = path
        .replace("%2e", ".")
        .replace("%2E", ".")
        .replace("%2f", "/")
        .replace("%2F", "/")
        .replace("%5c", "/")
        .replace("%5C", "/");
    if decoded.split('/').any(|s| s == "." || s == "..") {
        return Err("must not have `.` or `..` path segments (plain or %-encoded)");
    }
    if path.trim_end_matches('/').contains("//") {
        return Err("must not have empty path segments (`//`)");
    }
    Ok(())
}

/// Every byte is a path character (RFC 3986 `pchar`), one of `extra`, or
/// part of a well-formed %-escape.
fn check_chars(text: &str, extra: &[u8]) -> Result<(), &'static str> {
    let bytes = text.as_bytes();
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
            || extra.contains(&b)
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
            );
        if !allowed {
            return Err("has a character in its path that must be %-encoded");
        }
        i += 1;
    }
    Ok(())
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

#[cfg(test)]
mod strict_tests {
    use super::*;

    #[test]
    fn bracketed_hosts_must_be_ipv6_literals() {
        for bad in [
            "http://[1.2.3.4]",
            "http://[deadbeef.cafe]",
            "http://[::1%25eth0]",
            "http://[v1.x]",
        ] {
            let err = normalize(bad).unwrap_err().to_string();
            assert!(err.contains("IPv6"), "{bad}: {err}");
        }
        assert_eq!(
            normalize("http://[::FFFF:1.2.3.4]:9").unwrap(),
            "http://[::ffff:1.2.3.4]:9"
        );
        assert_eq!(normalize("http://[0:0::1]").unwrap(), "http://[::1]");
    }

    #[test]
    fn numeric_hosts_must_be_dotted_quads() {
        for bad in [
            "http://127.1",
            "http://2130706433",
            "http://0x7f.0.0.1",
            "http://1.2.3.4.5",
            "http://999.1.1.1",
            "http://01.2.3.4",
            "http://a.0x10",
        ] {
            let err = normalize(bad).unwrap_err().to_string();
            assert!(err.contains("IPv4"), "{bad}: {err}");
        }
        assert_eq!(
            normalize("http://10.0.0.1:8080").unwrap(),
            "http://10.0.0.1:8080"
        );
        assert_eq!(normalize("http://a1.b2").unwrap(), "http://a1.b2");
        assert_eq!(normalize("http://s3.1a").unwrap(), "http://s3.1a");
    }

    #[test]
    fn encoded_dot_segments_are_refused() {
        for bad in [
            "/%2e%2e/x",
            "/%2E%2E",
            "/.%2e/x",
            "/%2e./x",
            "/%2e",
            "/a/..%2fb",
            "/a%2f..%2fb",
            "/a%5c..%5cb",
        ] {
            let url = format!("https://example.com{bad}");
            let err = normalize(&url).unwrap_err().to_string();
            assert!(err.contains("segments"), "{url}: {err}");
        }
        assert!(normalize("https://example.com/%2e%2ex/a.b/..c").is_ok());
    }

    #[test]
    fn ports_are_bounded() {
        for bad in [
            "http://h:65536",
            "http://h:70000",
            "http://h:99999",
            "http://h:0",
            "http://[::1]:65536",
        ] {
            assert!(
                normalize(bad).unwrap_err().to_string().contains("port"),
                "{bad}"
            );
        }
        assert_eq!(
            parse("http://h:65535", Query::Refused).unwrap().port,
            Some(65535)
        );
    }

    #[test]
    fn queries_only_where_allowed_and_never_echoed() {
        let url = "https://h/p?X-Amz-Security-Token=SECRET&flag&b=2";
        let err = parse(url, Query::Refused).unwrap_err().to_string();
        assert!(err.contains("query"), "{err}");
        assert!(!err.contains("SECRET"), "{err}");
        assert!(err.contains("X-Amz-Security-Token=***&flag&b=***"), "{err}");
        let ok = parse(url, Query::Allowed).unwrap();
        assert_eq!(
            ok.query.as_deref(),
            Some("X-Amz-Security-Token=SECRET&flag&b=2")
        );
        assert_eq!(ok.to_request_url(), url);
        assert_eq!(ok.shown(), "https://h/p");
        // Refused for another reason, the query is still masked.
        let err = parse("http://h:99999/p?k=SECRET", Query::Allowed)
            .unwrap_err()
            .to_string();
        assert!(!err.contains("SECRET") && err.contains("k=***"), "{err}");
    }

    #[test]
    fn user_information_is_never_echoed_even_without_a_scheme() {
        for input in [
            "admin:secret@proxy",
            "http://admin:secret@proxy",
            "http://admin:secret@proxy:99999/x?q=1",
            "ftp://u:secret@h",
        ] {
            let err = normalize(input).unwrap_err().to_string();
            assert!(!err.contains("secret"), "{input}: {err}");
        }
    }
}
