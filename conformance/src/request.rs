//! Comparing a serialized request with a case's `serialized` expectation.

use awsop::runtime::http::HttpRequest;
use serde_json::Value;

/// A case's expected request (`serialized` in the fixture).
#[derive(Debug, Clone, Copy)]
pub struct ExpectedRequest<'a> {
    /// The HTTP method.
    pub method: &'a str,
    /// Path and query. The path must match exactly; the query must hold the
    /// same `k=v` items, in any order.
    pub uri: &'a str,
    /// Headers that must be present with exactly these values (names are
    /// case-insensitive; repeated headers compare as their `, `-joined values).
    pub headers: &'a [(&'a str, &'a str)],
    /// Headers that must be absent.
    pub forbid_headers: &'a [&'a str],
    /// Headers that must be present with any value.
    pub require_headers: &'a [&'a str],
    /// The body: `None` when the case says nothing about it. JSON, CBOR
    /// and XML bodies compare as parsed values, forms as decoded pairs,
    /// anything else byte for byte; `""` means no body.
    pub body: Option<&'a str>,
    /// XML elements that hold map entries (a wrapped map's element) or are
    /// entries (a flattened map's): maps have no order, so these compare
    /// in any order.
    pub xml_map_elements: &'a [&'a str],
}

/// Checks `actual` against `expected`; `Err` lists every mismatch.
pub fn check_request(actual: &HttpRequest, expected: &ExpectedRequest<'_>) -> Result<(), String> {
    let mut problems = Vec::new();
    if actual.method.as_str() != expected.method {
        problems.push(format!(
            "method: expected {}, got {}",
            expected.method, actual.method
        ));
    }
    check_uri(&actual.uri, expected.uri, &mut problems);
    check_headers(actual, expected, &mut problems);
    if let Some(body) = expected.body {
        check_body(actual, expected, body, &mut problems);
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("\n"))
    }
}

fn split_uri(uri: &str) -> (&str, Vec<&str>) {
    match uri.split_once('?') {
        Some((path, query)) => {
            let mut items: Vec<&str> = query.split('&').filter(|item| !item.is_empty()).collect();
            items.sort_unstable();
            (path, items)
        }
        None => (uri, Vec::new()),
    }
}

fn check_uri(actual: &str, expected: &str, problems: &mut Vec<String>) {
    let (actual_path, actual_query) = split_uri(actual);
    let (expected_path, expected_query) = split_uri(expected);
    if actual_path != expected_path {
        problems.push(format!("path: expected {expected_path}, got {actual_path}"));
    }
    if actual_query != expected_query {
        problems.push(format!(
            "query (any order): expected {expected_query:?}, got {actual_query:?} (uri {actual})"
        ));
    }
}

/// Every value of header `name`, joined by `, ` as one header line would be.
fn header_value(request: &HttpRequest, name: &str) -> Option<String> {
    let values: Vec<String> = request
        .headers
        .get_all(name)
        .iter()
        .map(|v| String::from_utf8_lossy(v.as_bytes()).into_owned())
        .collect();
    if values.is_empty() {
        None
    } else {
        Some(values.join(", "))
    }
}

fn check_headers(actual: &HttpRequest, expected: &ExpectedRequest<'_>, problems: &mut Vec<String>) {
    for (name, value) in expected.headers {
        match header_value(actual, name) {
            None => problems.push(format!("header {name}: expected {value:?}, missing")),
            Some(got) if got != *value => {
                problems.push(format!("header {name}: expected {value:?}, got {got:?}"))
            }
            Some(_) => {}
        }
    }
    for name in expected.forbid_headers {
        if let Some(got) = header_value(actual, name) {
            problems.push(format!("header {name} must be absent, got {got:?}"));
        }
    }
    for name in expected.require_headers {
        // The transport sets Content-Length from the body; a serialized
        // request never carries it (see `HttpRequest::headers`).
        if name.eq_ignore_ascii_case("content-length") {
            continue;
        }
        if header_value(actual, name).is_none() {
            problems.push(format!("header {name} is required, missing"));
        }
    }
}

fn expected_content_type<'a>(expected: &ExpectedRequest<'a>) -> Option<&'a str> {
    expected
        .headers
        .iter()
        .find(|(name, _)| name.eq_ignore_ascii_case("content-type"))
        .map(|(_, value)| *value)
}

fn check_body(
    actual: &HttpRequest,
    expected: &ExpectedRequest<'_>,
    body: &str,
    problems: &mut Vec<String>,
) {
    let got = String::from_utf8_lossy(&actual.body);
    if body.is_empty() {
        if !actual.body.is_empty() {
            problems.push(format!("body: expected none, got {got:?}"));
        }
        return;
    }
    let content_type = expected_content_type(expected);
    if content_type.is_some_and(|ct| ct.contains("cbor")) {
        check_cbor_body(&actual.body, body, problems);
        return;
    }
    if content_type.is_some_and(|ct| ct.contains("x-www-form-urlencoded")) {
        crate::form_body::check_form_body(&actual.body, body, problems);
        return;
    }
    if content_type.is_some_and(|ct| ct.contains("xml")) || body.trim_start().starts_with('<') {
        crate::xml_body::check_xml_body(&actual.body, body, expected.xml_map_elements, problems);
        return;
    }
    let json_expected = content_type.map_or(true, |ct| ct.contains("json"));
    if json_expected {
        if let Ok(want) = serde_json::from_str::<Value>(body) {
            match serde_json::from_slice::<Value>(&actual.body) {
                Ok(have) if json_eq(&have, &want) => {}
                Ok(have) => problems.push(format!("body (as JSON): expected {want}, got {have}")),
                Err(e) => problems.push(format!("body: expected JSON {want}, got {got:?} ({e})")),
            }
            return;
        }
    }
    if actual.body.as_ref() != body.as_bytes() {
        problems.push(format!("body: expected {body:?}, got {got:?}"));
    }
}

/// A CBOR body: the case's is base64; both compare as decoded values
/// (definite and indefinite lengths, and float widths, alike).
fn check_cbor_body(actual: &[u8], expected_base64: &str, problems: &mut Vec<String>) {
    let expected = match awsop::runtime::encoding::base64::decode(expected_base64) {
        Ok(bytes) => bytes,
        Err(e) => return problems.push(format!("the case's base64 body: {e}")),
    };
    let decode = |bytes: &[u8]| ciborium::de::from_reader::<ciborium::Value, _>(bytes);
    match (decode(actual), decode(&expected)) {
        (Ok(have), Ok(want)) if cbor_eq(&have, &want) => {}
        (Ok(have), Ok(want)) => {
            problems.push(format!("body (as CBOR): expected {want:?}, got {have:?}"))
        }
        (Err(e), _) => problems.push(format!("body: not CBOR ({e}): {actual:02x?}")),
        (_, Err(e)) => problems.push(format!("the case's body is not CBOR: {e}")),
    }
}

/// CBOR value equality: maps in any order, NaN equal to NaN.
fn cbor_eq(a: &ciborium::Value, b: &ciborium::Value) -> bool {
    use ciborium::Value;
    match (a, b) {
        (Value::Float(x), Value::Float(y)) => x == y || (x.is_nan() && y.is_nan()),
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(a, b)| cbor_eq(a, b))
        }
        (Value::Map(x), Value::Map(y)) => {
            x.len() == y.len()
                && x.iter()
                    .all(|(k, v)| y.iter().any(|(k2, v2)| cbor_eq(k, k2) && cbor_eq(v, v2)))
        }
        (Value::Tag(t, x), Value::Tag(u, y)) => t == u && cbor_eq(x, y),
        _ => a == b,
    }
}

/// JSON equality where numbers compare by value (`10` equals `10.0`).
fn json_eq(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => x == y || x.as_f64() == y.as_f64(),
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(a, b)| json_eq(a, b))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len()
                && x.iter()
                    .all(|(k, v)| y.get(k).is_some_and(|w| json_eq(v, w)))
        }
        _ => a == b,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use http::{HeaderValue, Method};

    fn request(uri: &str, headers: &[(&'static str, &str)], body: &str) -> HttpRequest {
        let mut r = HttpRequest::new(Method::POST, uri);
        for (name, value) in headers {
            r.headers
                .append(*name, HeaderValue::from_str(value).unwrap());
        }
        r.body = body.to_string().into();
        r
    }

    fn expected<'a>(
        uri: &'a str,
        headers: &'a [(&'a str, &'a str)],
        body: Option<&'a str>,
    ) -> ExpectedRequest<'a> {
        ExpectedRequest {
            method: "POST",
            uri,
            headers,
            forbid_headers: &[],
            require_headers: &[],
            body,
            xml_map_elements: &[],
        }
    }

    #[test]
    fn query_items_compare_in_any_order_but_path_exactly() {
        let r = request("/p?b=2&a=1&a=0", &[], "");
        assert!(check_request(&r, &expected("/p?a=0&a=1&b=2", &[], Some(""))).is_ok());
        assert!(check_request(&r, &expected("/p?a=1&b=2", &[], None)).is_err());
        assert!(check_request(&r, &expected("/q?b=2&a=1&a=0", &[], None)).is_err());
        // `hello` and `hello=` are different items.
        let r = request("/p?foo=bar&hello=", &[], "");
        assert!(check_request(&r, &expected("/p?foo=bar&hello", &[], None)).is_err());
    }

    #[test]
    fn headers_are_case_insensitive_and_repeated_ones_join() {
        let r = request("/", &[("x-list", "a"), ("x-list", "b")], "");
        assert!(check_request(&r, &expected("/", &[("X-List", "a, b")], None)).is_ok());
        assert!(check_request(&r, &expected("/", &[("X-List", "a,b")], None)).is_err());
        assert!(check_request(&r, &expected("/", &[("X-Missing", "")], None)).is_err());
        let forbid = ExpectedRequest {
            forbid_headers: &["X-LIST"],
            ..expected("/", &[], None)
        };
        assert!(check_request(&r, &forbid).is_err());
        // The transport adds Content-Length, so a serialized request may lack it.
        let require = ExpectedRequest {
            require_headers: &["Content-Length"],
            ..expected("/", &[], None)
        };
        assert!(check_request(&r, &require).is_ok());
    }

    #[test]
    fn json_bodies_compare_as_values_and_others_as_bytes() {
        let json = [("Content-Type", "application/json")];
        let r = request("/", &json, r#"{"b":[1,2.5],"a":"x"}"#);
        assert!(check_request(
            &r,
            &expected("/", &json, Some("{\n \"a\": \"x\", \"b\": [1.0, 2.5]\n}"))
        )
        .is_ok());
        assert!(
            check_request(&r, &expected("/", &json, Some(r#"{"a":"x","b":[1,2.6]}"#))).is_err()
        );
        assert!(check_request(&r, &expected("/", &json, Some(""))).is_err());
        let text = [("Content-Type", "image/jpg")];
        let r = request("/", &text, "1234");
        assert!(check_request(&r, &expected("/", &text, Some("1234"))).is_ok());
        assert!(check_request(&r, &expected("/", &text, Some("1234.0"))).is_err());
    }
}
