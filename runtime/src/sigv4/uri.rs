//! Splitting the request URI into what the canonical request needs: the host
//! (for an absolute URL), the path and the raw query.

use std::borrow::Cow;

use super::error::{ErrorKind, SigningError};

/// The parts of `https://host[:port]/path?query` or `/path?query`.
#[derive(Debug)]
pub(crate) struct ParsedUri<'a> {
    /// The URL's host, already checked; `None` for a relative URI.
    pub(crate) host: Option<Host<'a>>,
    /// Starts with `/`.
    pub(crate) path: &'a str,
    /// Without the `?`; empty when there is none.
    pub(crate) query: &'a str,
}

/// The host of an absolute URL, and its port unless it is the scheme's
/// default. The `Host` header is built from it only when a request has
/// none of its own (the client sets one, so usually it is never built).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Host<'a> {
    name: &'a str,
    port: Option<&'a str>,
}

impl<'a> Host<'a> {
    /// The `Host` header an HTTP client sends for this URL: the host in lower
    /// case, with the port unless it is the scheme's default.
    pub(crate) fn header(self) -> Cow<'a, str> {
        let Host { name, port } = self;
        if port.is_none() && !name.bytes().any(|b| b.is_ascii_uppercase()) {
            return Cow::Borrowed(name);
        }
        // One allocation of the final length.
        let mut out = String::with_capacity(name.len() + port.map_or(0, |p| 1 + p.len()));
        out.push_str(name);
        out.make_ascii_lowercase();
        if let Some(port) = port {
            out.push(':');
            out.push_str(port);
        }
        Cow::Owned(out)
    }
}

fn invalid(detail: &'static str) -> SigningError {
    SigningError::new(ErrorKind::InvalidUri, detail)
}

pub(crate) fn parse(uri: &str) -> Result<ParsedUri<'_>, SigningError> {
    if uri.bytes().any(|b| b.is_ascii_control()) {
        return Err(invalid("contains a control character"));
    }
    // The fragment is never sent, so it is never signed. (Byte loops rather
    // than `str` searchers here and below: a URL is short, and this runs on
    // every request.)
    let uri = uri
        .bytes()
        .position(|b| b == b'#')
        .map_or(uri, |hash| &uri[..hash]);
    if uri.starts_with('/') {
        let (path, query) = split_query(uri);
        return Ok(ParsedUri {
            host: None,
            path,
            query,
        });
    }
    // A scheme holds no `:`, so `://` is usually at the first colon.
    let at_first_colon = uri
        .bytes()
        .position(|b| b == b':')
        .filter(|&colon| uri[colon..].starts_with("://"))
        .map(|colon| (&uri[..colon], &uri[colon + 3..]));
    let (scheme, rest) = at_first_colon
        .or_else(|| uri.split_once("://"))
        .ok_or_else(|| invalid("expected an absolute URL or a path starting with '/'"))?;
    let scheme_ok = scheme
        .bytes()
        .next()
        .is_some_and(|b| b.is_ascii_alphabetic())
        && scheme
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'-' | b'.'));
    if !scheme_ok {
        return Err(invalid("malformed scheme"));
    }
    let end = rest
        .bytes()
        .position(|b| b == b'/' || b == b'?')
        .unwrap_or(rest.len());
    let (authority, path_and_query) = rest.split_at(end);
    let host = checked_host(scheme, authority)?;
    let (path, query) = split_query(path_and_query);
    Ok(ParsedUri {
        host: Some(host),
        path: if path.is_empty() { "/" } else { path },
        query,
    })
}

/// The `Host` header for an absolute URL (what [`parse`] signs when the
/// request has none), or `None` if the URL is not absolute and valid.
pub(crate) fn host_header_for(url: &str) -> Option<http::HeaderValue> {
    let host = parse(url).ok()?.host?;
    http::HeaderValue::from_str(&host.header()).ok()
}

fn split_query(path_and_query: &str) -> (&str, &str) {
    path_and_query
        .split_once('?')
        .unwrap_or((path_and_query, ""))
}

fn checked_host<'a>(scheme: &str, authority: &'a str) -> Result<Host<'a>, SigningError> {
    if authority.bytes().any(|b| b == b'@') {
        return Err(invalid("user info in the URL is not supported"));
    }
    let (host, port) = if let Some(literal) = authority.strip_prefix('[') {
        let (inside, after) = literal
            .split_once(']')
            .ok_or_else(|| invalid("unterminated IPv6 literal"))?;
        let ok = !inside.is_empty()
            && inside
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b':' | b'.' | b'%'));
        if !ok {
            return Err(invalid("malformed IPv6 literal"));
        }
        let port = match after {
            "" => None,
            _ => Some(
                after
                    .strip_prefix(':')
                    .ok_or_else(|| invalid("junk after IPv6 literal"))?,
            ),
        };
        (&authority[..inside.len() + 2], port)
    } else {
        match authority.split_once(':') {
            Some((host, port)) => (host, Some(port)),
            None => (authority, None),
        }
    };
    let host_ok = !host.is_empty()
        && (host.starts_with('[')
            || host
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~')));
    if !host_ok {
        return Err(invalid("malformed host"));
    }
    let port = match port {
        None | Some("") => None,
        Some(digits) => {
            let number: u16 = if digits.len() <= 5 && digits.bytes().all(|b| b.is_ascii_digit()) {
                digits.parse().map_err(|_| invalid("port out of range"))?
            } else {
                return Err(invalid("malformed port"));
            };
            let default = (scheme.eq_ignore_ascii_case("https") && number == 443)
                || (scheme.eq_ignore_ascii_case("http") && number == 80);
            (!default).then_some(digits)
        }
    };
    Ok(Host { name: host, port })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn absolute_urls() {
        let parsed = parse("https://DataZone.us-east-1.api.aws/v2/x?a=b#frag").unwrap();
        assert_eq!(
            parsed.host.map(Host::header).as_deref(),
            Some("datazone.us-east-1.api.aws")
        );
        assert_eq!((parsed.path, parsed.query), ("/v2/x", "a=b"));

        let parsed = parse("http://127.0.0.1:8080?x").unwrap();
        assert_eq!(
            parsed.host.map(Host::header).as_deref(),
            Some("127.0.0.1:8080")
        );
        assert_eq!((parsed.path, parsed.query), ("/", "x"));

        // The scheme's default port is left out; any other is kept.
        for (url, host) in [
            ("https://h:443/", "h"),
            ("http://h:80", "h"),
            ("http://h:443", "h:443"),
            ("http://[::1]:9/", "[::1]:9"),
            ("http://[::1]/", "[::1]"),
        ] {
            let parsed = parse(url).unwrap();
            assert_eq!(
                parsed.host.map(Host::header).as_deref(),
                Some(host),
                "{url}"
            );
        }
    }

    #[test]
    fn host_header_is_the_signed_host() {
        let host = |url| host_header_for(url).map(|v| v.to_str().unwrap().to_owned());
        assert_eq!(
            host("https://DataZone.us-east-1.api.aws/v2").as_deref(),
            Some("datazone.us-east-1.api.aws")
        );
        assert_eq!(
            host("http://127.0.0.1:8080/").as_deref(),
            Some("127.0.0.1:8080")
        );
        assert_eq!(host("https://h:443/").as_deref(), Some("h"));
        assert_eq!(host("http://[::1]:9/").as_deref(), Some("[::1]:9"));
        assert_eq!(host("/relative"), None);
        assert_eq!(host("https://user@h/"), None);
    }

    #[test]
    fn relative_uris() {
        let parsed = parse("/example space/?ሴ=bar").unwrap();
        assert!(parsed.host.is_none());
        assert_eq!((parsed.path, parsed.query), ("/example space/", "ሴ=bar"));
    }

    #[test]
    fn malformed_uris_are_errors() {
        for bad in [
            "",
            "example.com/x",
            "*",
            "https://",
            "https:///x",
            "https://user@host/",
            "https://host:port/",
            "https://host:99999/",
            "https://host:123456/",
            "https://ho st/",
            "https://[::1/",
            "https://[::1]x/",
            "1https://h/",
            "/a\nb",
            "https://h/\u{7f}",
        ] {
            assert!(parse(bad).is_err(), "{bad:?} parsed");
        }
    }
}
