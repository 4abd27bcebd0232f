//! Serving a recording: each request is answered by the first exchange not
//! yet replayed with the same method, path, query and body. Headers are not
//! compared: the signature, dates and invocation ids differ on every run.

use std::fmt::Write as _;

use http::{HeaderName, HeaderValue};

use super::{is_secret_param, recorded_uri, Exchange};
use crate::http::{HttpRequest, HttpResponse};
use crate::transport::{DispatchError, DispatchErrorKind};

/// A recording being replayed.
#[derive(Debug)]
pub(crate) struct Replayer {
    /// Where it was read from, for messages.
    source: String,
    exchanges: Vec<Exchange>,
    replayed: Vec<bool>,
}

/// What a request is matched by.
struct Key<'a> {
    method: &'a str,
    path: &'a str,
    /// Sorted: the order of query parameters carries no meaning.
    query: Vec<&'a str>,
    body: &'a [u8],
}

impl<'a> Key<'a> {
    fn new(method: &'a str, uri: &'a str, body: &'a [u8]) -> Self {
        let (path, query) = uri.split_once('?').unwrap_or((uri, ""));
        let mut query: Vec<&str> = query
            .split('&')
            .filter(|pair| !pair.is_empty() && !is_secret_param(pair))
            .collect();
        query.sort_unstable();
        Key {
            method,
            path,
            query,
            body,
        }
    }

    /// How `self` (sent) differs from `recorded`, each with a weight: a
    /// different path is further off than a different body.
    fn differences(&self, recorded: &Key<'_>) -> Vec<(u32, String)> {
        let mut out = Vec::new();
        if self.method != recorded.method {
            out.push((
                2,
                format!("method: recorded {}, sent {}", recorded.method, self.method),
            ));
        }
        if self.path != recorded.path {
            out.push((
                4,
                format!("path: recorded `{}`, sent `{}`", recorded.path, self.path),
            ));
        }
        if self.query != recorded.query {
            out.push((
                1,
                format!(
                    "query: recorded `{}`, sent `{}`",
                    recorded.query.join("&"),
                    self.query.join("&")
                ),
            ));
        }
        if self.body != recorded.body {
            out.push((1, body_difference(recorded.body, self.body)));
        }
        out
    }
}

/// Where two bodies part, with a little of each around that point.
fn body_difference(recorded: &[u8], sent: &[u8]) -> String {
    let at = recorded
        .iter()
        .zip(sent)
        .position(|(a, b)| a != b)
        .unwrap_or(recorded.len().min(sent.len()));
    let excerpt = |body: &[u8]| {
        let start = at.saturating_sub(24);
        let end = (at + 40).min(body.len());
        let text = String::from_utf8_lossy(&body[start..end]);
        let mut shown = String::new();
        if start > 0 {
            shown.push_str("...");
        }
        shown.push_str(&crate::text::escape(&text));
        if end < body.len() {
            shown.push_str("...");
        }
        shown
    };
    format!(
        "body: from byte {at}, recorded `{}` ({} bytes), sent `{}` ({} bytes)",
        excerpt(recorded),
        recorded.len(),
        excerpt(sent),
        sent.len()
    )
}

impl Replayer {
    pub(crate) fn new(source: String, exchanges: Vec<Exchange>) -> Self {
        let replayed = vec![false; exchanges.len()];
        Replayer {
            source,
            exchanges,
            replayed,
        }
    }

    /// The response recorded for `request`, or why there is none.
    pub(crate) fn serve(&mut self, request: &HttpRequest) -> Result<HttpResponse, DispatchError> {
        let uri = recorded_uri(&request.uri);
        let sent = Key::new(request.method.as_str(), &uri, &request.body);
        let keys: Vec<Key<'_>> = self
            .exchanges
            .iter()
            .map(|e| Key::new(&e.method, &e.uri, &e.request.body))
            .collect();
        let found = keys
            .iter()
            .enumerate()
            .position(|(i, key)| !self.replayed[i] && sent.differences(key).is_empty());
        match found {
            Some(i) => {
                self.replayed[i] = true;
                Ok(response_of(&self.exchanges[i]))
            }
            None => Err(DispatchError::new(
                DispatchErrorKind::Other,
                self.no_match(&sent, &keys),
            )),
        }
    }

    fn no_match(&self, sent: &Key<'_>, keys: &[Key<'_>]) -> String {
        let mut why = format!(
            "no exchange recorded in {} matches {} {}",
            self.source,
            sent.method,
            shown_uri(sent)
        );
        // Fewest (weighted) differences first, then one not yet replayed,
        // then the earliest.
        let closest = keys
            .iter()
            .enumerate()
            .map(|(i, key)| {
                let differences = sent.differences(key);
                let weight: u32 = differences.iter().map(|(w, _)| w).sum();
                (weight, self.replayed[i], i, differences)
            })
            .min_by_key(|(weight, replayed, i, _)| (*weight, *replayed, *i));
        let Some((_, replayed, i, differences)) = closest else {
            why.push_str(": the recording holds no exchanges");
            return why;
        };
        let exchange = &self.exchanges[i];
        let _ = write!(
            why,
            "; the closest is exchange #{} ({} {})",
            i + 1,
            exchange.method,
            exchange.uri
        );
        if differences.is_empty() {
            debug_assert!(replayed);
            why.push_str(
                ", which was already replayed: each recorded exchange answers one request \
                 (record the call as many times as the test makes it)",
            );
        } else {
            let listed: Vec<String> = differences.into_iter().map(|(_, d)| d).collect();
            let _ = write!(why, ", which differs in {}", listed.join("; "));
        }
        why
    }

    /// The exchanges not replayed yet, described.
    pub(crate) fn unreplayed(&self) -> Vec<String> {
        self.exchanges
            .iter()
            .zip(&self.replayed)
            .enumerate()
            .filter(|(_, (_, replayed))| !**replayed)
            .map(|(i, (e, _))| format!("#{} {} {} (from {})", i + 1, e.method, e.uri, self.source))
            .collect()
    }
}

fn shown_uri(key: &Key<'_>) -> String {
    if key.query.is_empty() {
        key.path.to_owned()
    } else {
        format!("{}?{}", key.path, key.query.join("&"))
    }
}

fn response_of(exchange: &Exchange) -> HttpResponse {
    let mut response = HttpResponse::new(exchange.status, exchange.response.body.clone());
    for (name, value) in &exchange.response.headers {
        // A header that cannot be a header was edited into the file; the
        // rest of the response is still worth replaying.
        if let (Ok(name), Ok(value)) = (
            HeaderName::from_bytes(name.as_bytes()),
            HeaderValue::from_str(value),
        ) {
            response.headers.append(name, value);
        }
    }
    response
}

#[cfg(test)]
mod tests {
    use super::super::Message;
    use super::*;
    use bytes::Bytes;

    fn recorded(method: &str, uri: &str, body: &'static str, answer: &'static str) -> Exchange {
        Exchange {
            method: method.into(),
            uri: uri.into(),
            request: Message {
                headers: Vec::new(),
                body: Bytes::from_static(body.as_bytes()),
            },
            status: 200,
            response: Message {
                headers: vec![("x-amzn-requestid".into(), "r-1".into())],
                body: Bytes::from_static(answer.as_bytes()),
            },
        }
    }

    fn request(method: http::Method, uri: &str, body: &'static str) -> HttpRequest {
        let mut request = HttpRequest::new(method, uri);
        request.body = Bytes::from_static(body.as_bytes());
        request
    }

    #[test]
    fn matches_by_method_path_query_and_body_once_each() {
        let mut replay = Replayer::new(
            "test.json".into(),
            vec![
                recorded("GET", "/a?x=1&y=2", "", "first"),
                recorded("GET", "/a?x=1&y=2", "", "second"),
                recorded("POST", "/a", "{}", "posted"),
            ],
        );
        // Query order and host do not matter; signatures in the query neither.
        let get = request(
            http::Method::GET,
            "https://h:1/a?y=2&X-Amz-Signature=s&x=1",
            "",
        );
        let first = replay.serve(&get).unwrap();
        assert_eq!(first.body, "first");
        assert_eq!(first.header("x-amzn-requestid"), Some("r-1"));
        assert_eq!(replay.serve(&get).unwrap().body, "second");
        let err = replay.serve(&get).unwrap_err().to_string();
        assert!(
            err.contains("exchange #1 (GET /a?x=1&y=2), which was already replayed"),
            "{err}"
        );
        assert_eq!(replay.unreplayed(), ["#3 POST /a (from test.json)"]);
        let post = request(http::Method::POST, "http://h/a", "{}");
        assert_eq!(replay.serve(&post).unwrap().body, "posted");
        assert!(replay.unreplayed().is_empty());
    }

    #[test]
    fn says_how_the_closest_exchange_differs() {
        let mut replay = Replayer::new(
            "test.json".into(),
            vec![
                recorded("GET", "/other", "", ""),
                recorded(
                    "POST",
                    "/v2/search",
                    r#"{"userType":"SSO_USER","maxResults":5}"#,
                    "",
                ),
            ],
        );
        let sent = request(
            http::Method::POST,
            "http://h/v2/search?page=2",
            r#"{"userType":"IAM_USER","maxResults":5}"#,
        );
        let err = replay.serve(&sent).unwrap_err().to_string();
        assert!(err.starts_with("no exchange recorded in test.json matches POST /v2/search?page=2; the closest is exchange #2 (POST /v2/search)"), "{err}");
        assert!(err.contains("query: recorded ``, sent `page=2`"), "{err}");
        assert!(err.contains(r#"body: from byte 13, recorded `{"userType":"SSO_USER","maxResults":5}` (38 bytes)"#), "{err}");

        let mut empty = Replayer::new("none.json".into(), Vec::new());
        let err = empty.serve(&sent).unwrap_err().to_string();
        assert!(err.ends_with("the recording holds no exchanges"), "{err}");
    }
}
