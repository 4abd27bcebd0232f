use std::collections::HashMap;

use super::HttpValue;
use crate::encoding::percent;
use crate::value::TimestampFormat;

/// Appends `key=value` pairs to a URI, starting the query string or
/// continuing it.
#[derive(Debug)]
pub struct QueryWriter<'a> {
    uri: &'a mut String,
    started: bool,
}

impl<'a> QueryWriter<'a> {
    /// A writer appending to `uri`; `started` says whether it already has a
    /// `?` (a literal query in the URI template).
    pub fn new(uri: &'a mut String, started: bool) -> Self {
        QueryWriter { uri, started }
    }

    /// Appends `key=value`, both percent-encoded.
    pub fn pair(&mut self, key: &str, value: &str) {
        self.uri.push(if self.started { '&' } else { '?' });
        self.started = true;
        percent::encode_into(self.uri, key, false);
        self.uri.push('=');
        percent::encode_into(self.uri, value, false);
    }

    /// Appends text that is already a valid query fragment (`foo=bar&x`).
    pub fn literal(&mut self, fragment: &str) {
        if fragment.is_empty() {
            return;
        }
        self.uri.push(if self.started { '&' } else { '?' });
        self.started = true;
        self.uri.push_str(fragment);
    }

    /// Whether the query string has begun.
    pub fn started(&self) -> bool {
        self.started
    }
}

/// A member bound to a query parameter: a scalar, a list (one pair per
/// element; an empty list sends nothing), or an `Option` of either.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be a query parameter",
    label = "query members must be a scalar (string, number, boolean, timestamp, enum) or a Vec of scalars",
    note = "use #[aws(query_params)] for a map of parameters"
)]
pub trait QueryBinding {
    /// Appends this member's pairs under `key`.
    fn write_query(&self, q: &mut QueryWriter<'_>, key: &str, ts: TimestampFormat);
}

impl<T: HttpValue> QueryBinding for T {
    fn write_query(&self, q: &mut QueryWriter<'_>, key: &str, ts: TimestampFormat) {
        let mut text = String::new();
        self.write_http(&mut text, ts);
        q.pair(key, &text);
    }
}

impl<T: HttpValue> QueryBinding for Vec<T> {
    fn write_query(&self, q: &mut QueryWriter<'_>, key: &str, ts: TimestampFormat) {
        let mut text = String::new();
        for item in self {
            text.clear();
            item.write_http(&mut text, ts);
            q.pair(key, &text);
        }
    }
}

impl<T: QueryBinding> QueryBinding for Option<T> {
    fn write_query(&self, q: &mut QueryWriter<'_>, key: &str, ts: TimestampFormat) {
        if let Some(v) = self {
            v.write_query(q, key, ts);
        }
    }
}

/// A map member bound with `#[aws(query_params)]`: every entry becomes
/// parameters, except keys that an explicit query member or the URI's
/// literal query already claims. Keys go out sorted, so the URI is the same
/// on every call.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot hold query parameters",
    label = "query_params members must be HashMap<String, String> or HashMap<String, Vec<String>> (or an Option of one)"
)]
pub trait QueryParamsBinding {
    /// Appends the entries whose key is not in `reserved`.
    fn write_query_params(&self, q: &mut QueryWriter<'_>, reserved: &[&str]);
}

impl<V: QueryBinding, S> QueryParamsBinding for HashMap<String, V, S> {
    fn write_query_params(&self, q: &mut QueryWriter<'_>, reserved: &[&str]) {
        let mut entries: Vec<(&String, &V)> = self
            .iter()
            .filter(|(k, _)| !reserved.contains(&k.as_str()))
            .collect();
        entries.sort_unstable_by(|a, b| a.0.cmp(b.0));
        for (k, v) in entries {
            v.write_query(q, k, TimestampFormat::DateTime);
        }
    }
}

impl<T: QueryParamsBinding> QueryParamsBinding for Option<T> {
    fn write_query_params(&self, q: &mut QueryWriter<'_>, reserved: &[&str]) {
        if let Some(v) = self {
            v.write_query_params(q, reserved);
        }
    }
}
