//! Read access to the botocore-format protocol test JSON: suites, cases,
//! shapes. Every accessor answers `Err(reason)` instead of panicking, so an
//! unexpected fixture turns into a reported case, never a build failure.

use serde_json::{Map, Value};

/// A generation step's result: `Err` says why a case cannot be generated.
pub type Gen<T> = Result<T, String>;

/// One suite: an operation, its shapes and its cases.
pub struct Suite<'a> {
    pub index: usize,
    pub metadata: &'a Map<String, Value>,
    pub shapes: &'a Map<String, Value>,
    pub cases: Vec<&'a Value>,
    pub client_endpoint: Option<&'a str>,
}

/// The suites of one fixture file; a malformed suite is an `Err` of its own
/// and does not hide the others.
pub fn suites(doc: &Value) -> Gen<Vec<Gen<Suite<'_>>>> {
    let list = doc
        .as_array()
        .ok_or("the fixture is not a JSON array of suites")?;
    let empty = empty_map();
    Ok(list
        .iter()
        .enumerate()
        .map(|(index, suite)| {
            let shapes = match suite.get("shapes") {
                Some(v) => v
                    .as_object()
                    .ok_or(format!("suite {index}: `shapes` is not an object"))?,
                None => empty,
            };
            let cases = suite
                .get("cases")
                .and_then(Value::as_array)
                .ok_or(format!("suite {index}: no `cases` array"))?
                .iter()
                .collect();
            let client_endpoint = suite.get("clientEndpoint").and_then(Value::as_str);
            let metadata = suite
                .get("metadata")
                .and_then(Value::as_object)
                .unwrap_or(empty);
            Ok(Suite {
                index,
                metadata,
                shapes,
                cases,
                client_endpoint,
            })
        })
        .collect())
}

pub fn empty_map() -> &'static Map<String, Value> {
    static EMPTY: std::sync::OnceLock<Map<String, Value>> = std::sync::OnceLock::new();
    EMPTY.get_or_init(Map::new)
}

/// `value[key]` as a string.
pub fn str_at<'a>(value: &'a Value, key: &str) -> Option<&'a str> {
    value.get(key).and_then(Value::as_str)
}

/// `value[key]` as an object, or an empty one.
pub fn obj_at<'a>(value: &'a Value, key: &str) -> &'a Map<String, Value> {
    value
        .get(key)
        .and_then(Value::as_object)
        .unwrap_or_else(|| empty_map())
}

/// `value[key]` as a string, or why not.
pub fn need_str<'a>(value: &'a Value, key: &str, what: &str) -> Gen<&'a str> {
    str_at(value, key).ok_or_else(|| format!("{what} has no string `{key}`"))
}

/// The `shape` name a member or list/map reference points at.
pub fn target(reference: &Value, what: &str) -> Gen<String> {
    need_str(reference, "shape", what).map(str::to_string)
}

/// A case's operation facts (`given`).
pub struct Given<'a> {
    pub name: &'a str,
    pub method: &'a str,
    pub uri: &'a str,
    pub status: u64,
    pub input: Option<&'a str>,
    /// The input reference itself (`locationName`, `xmlNamespace`).
    pub input_ref: Option<&'a Map<String, Value>>,
    pub output: Option<&'a str>,
    pub errors: Vec<&'a str>,
    /// `endpoint.hostPrefix`: the host in front of the client's.
    pub host_prefix: Option<&'a str>,
}

/// Reads a case's `given`.
pub fn given(case: &Value) -> Gen<Given<'_>> {
    let raw = case.get("given").ok_or("case has no `given`")?;
    let http = raw.get("http").ok_or("`given` has no `http`")?;
    let errors = raw
        .get("errors")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .map(|e| need_str(e, "shape", "an error reference"))
        .collect::<Gen<Vec<_>>>()?;
    Ok(Given {
        name: need_str(raw, "name", "`given`")?,
        method: need_str(http, "method", "`given.http`")?,
        uri: need_str(http, "requestUri", "`given.http`")?,
        status: http
            .get("responseCode")
            .and_then(Value::as_u64)
            .unwrap_or(200),
        input: raw.get("input").and_then(|i| str_at(i, "shape")),
        input_ref: raw.get("input").and_then(Value::as_object),
        output: raw.get("output").and_then(|o| str_at(o, "shape")),
        errors,
        host_prefix: raw.get("endpoint").and_then(|e| str_at(e, "hostPrefix")),
    })
}
