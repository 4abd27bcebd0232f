use std::collections::HashMap;
use std::hash::BuildHasher;

use super::header_list::push_list_item;
use super::{split_header_list, HttpValue};
use crate::error::BuildError;
use crate::value::TimestampFormat;

/// A member bound to one header: a scalar, a list (`, `-joined, elements
/// quoted when they hold `,` or `"`), or an `Option` of either.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be sent as an HTTP header",
    label = "header members must be a scalar (string, number, boolean, timestamp, enum) or a Vec of scalars",
    note = "structures, unions, maps and blobs belong in the body; use #[aws(prefix_headers = \"...\")] for a map of headers"
)]
pub trait HeaderBinding: Sized {
    /// The header's value, or `None` to send no header.
    fn header_text(&self, ts: TimestampFormat) -> Option<String>;

    /// Reads the member from the header's value.
    fn from_header(text: &str, ts: TimestampFormat) -> Result<Self, String>;
}

impl<T: HttpValue> HeaderBinding for T {
    fn header_text(&self, ts: TimestampFormat) -> Option<String> {
        let mut out = String::new();
        self.write_http(&mut out, ts);
        Some(out)
    }

    fn from_header(text: &str, ts: TimestampFormat) -> Result<Self, String> {
        T::read_http(text.trim(), ts)
    }
}

/// An empty list is sent as an empty header, as the protocol tests expect.
impl<T: HttpValue> HeaderBinding for Vec<T> {
    fn header_text(&self, ts: TimestampFormat) -> Option<String> {
        let mut out = String::new();
        let mut first = true;
        let mut item = String::new();
        for v in self {
            item.clear();
            v.write_http(&mut item, ts);
            push_list_item(&mut out, &mut first, &item, T::IS_TEXT);
        }
        Some(out)
    }

    fn from_header(text: &str, ts: TimestampFormat) -> Result<Self, String> {
        let mut parts = split_header_list(text)?;
        if T::IS_TIMESTAMP && ts == TimestampFormat::HttpDate {
            // "Mon, 16 Dec 2019 23:48:18 GMT, Tue, ..." splits into
            // weekday / rest pairs.
            if parts.len() % 2 != 0 {
                return Err("a list of HTTP dates must split into weekday/date pairs".into());
            }
            parts = parts
                .chunks(2)
                .map(|pair| format!("{}, {}", pair[0], pair[1]))
                .collect();
        }
        parts.iter().map(|p| T::read_http(p, ts)).collect()
    }
}

impl<T: HeaderBinding> HeaderBinding for Option<T> {
    fn header_text(&self, ts: TimestampFormat) -> Option<String> {
        self.as_ref().and_then(|v| v.header_text(ts))
    }

    fn from_header(text: &str, ts: TimestampFormat) -> Result<Self, String> {
        T::from_header(text, ts).map(Some)
    }
}

/// A map member bound with `#[aws(prefix_headers = "x-amz-meta-")]`: each
/// entry is a header named prefix + key.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot hold prefixed headers",
    label = "prefix_headers members must be HashMap<String, String> (or an Option of one)"
)]
pub trait PrefixHeadersBinding: Sized {
    /// Calls `f` with each (key, value).
    fn for_each_entry(
        &self,
        f: &mut dyn FnMut(&str, &str) -> Result<(), BuildError>,
    ) -> Result<(), BuildError>;

    /// The member from the received (key without prefix, value) entries.
    fn from_entries(entries: Vec<(String, String)>) -> Self;
}

impl<S: BuildHasher + Default> PrefixHeadersBinding for HashMap<String, String, S> {
    fn for_each_entry(
        &self,
        f: &mut dyn FnMut(&str, &str) -> Result<(), BuildError>,
    ) -> Result<(), BuildError> {
        self.iter().try_for_each(|(k, v)| f(k, v))
    }

    fn from_entries(entries: Vec<(String, String)>) -> Self {
        entries.into_iter().collect()
    }
}

impl<T: PrefixHeadersBinding> PrefixHeadersBinding for Option<T> {
    fn for_each_entry(
        &self,
        f: &mut dyn FnMut(&str, &str) -> Result<(), BuildError>,
    ) -> Result<(), BuildError> {
        match self {
            Some(v) => v.for_each_entry(f),
            None => Ok(()),
        }
    }

    fn from_entries(entries: Vec<(String, String)>) -> Self {
        Some(T::from_entries(entries))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::value::DateTime;

    #[test]
    fn timestamp_lists_round_trip_as_http_dates() {
        let t = DateTime::from_secs(1_576_540_098);
        let text = vec![t, t].header_text(TimestampFormat::HttpDate).unwrap();
        assert_eq!(
            text,
            "Mon, 16 Dec 2019 23:48:18 GMT, Mon, 16 Dec 2019 23:48:18 GMT"
        );
        assert_eq!(
            Vec::<DateTime>::from_header(&text, TimestampFormat::HttpDate).unwrap(),
            [t, t]
        );
    }

    #[test]
    fn lists() {
        let v = vec!["b,c".to_string(), "\"def\"".into(), "a".into()];
        let text = v.header_text(TimestampFormat::HttpDate).unwrap();
        assert_eq!(
            Vec::<String>::from_header(&text, TimestampFormat::HttpDate).unwrap(),
            v
        );
        assert_eq!(
            Vec::<i32>::from_header("1, 2,3", TimestampFormat::HttpDate).unwrap(),
            [1, 2, 3]
        );
        assert_eq!(
            Vec::<String>::new()
                .header_text(TimestampFormat::HttpDate)
                .unwrap(),
            ""
        );
    }
}
