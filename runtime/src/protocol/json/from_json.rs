use std::collections::HashMap;
use std::hash::BuildHasher;

use serde_json::{Map, Value};

use super::JsonPath;
use crate::error::ParseError;
use crate::protocol::{base64, Blob, DateTime, Document, MapKey, Number, TimestampFormat};

/// A value that can be read from a parsed JSON body.
///
/// `ts` is the member's timestamp format, passed down through containers;
/// timestamps accept a number (epoch seconds) or a string in any of the
/// three formats, preferring `ts`. `path` names the value in errors.
/// `#[aws_shape]` implements this for structures, enums and unions.
///
/// ```
/// use awsop_runtime::protocol::json::{FromJson, JsonPath, JsonValue};
/// use awsop_runtime::protocol::TimestampFormat;
/// let v: JsonValue = serde_json::from_str(r#"["a", null, "b"]"#).unwrap();
/// let path = JsonPath::root("list");
/// let dense = Vec::<String>::read_json(&v, TimestampFormat::EpochSeconds, &path).unwrap();
/// assert_eq!(dense, ["a", "b"]);
/// let sparse = Vec::<Option<String>>::read_json(&v, TimestampFormat::EpochSeconds, &path).unwrap();
/// assert_eq!(sparse, [Some("a".into()), None, Some("b".into())]);
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be read from JSON",
    label = "not a supported member type",
    note = "members are String, bool, i8/i16/i32/i64, f32/f64, Blob, DateTime, Document, Vec<T>, HashMap<String, T>, Box<T>, Option<T>, or types declared with #[aws_shape]"
)]
pub trait FromJson: Sized {
    /// Whether `null` is a value of this type (`Option`), as opposed to an
    /// entry to skip in a dense list or map.
    const NULLABLE: bool = false;

    /// Reads the value.
    fn read_json(v: &Value, ts: TimestampFormat, path: &JsonPath<'_>) -> Result<Self, ParseError>;
}

/// Parses a response body. An empty (or all-whitespace) body is an empty
/// object: services send nothing when no member is set.
///
/// ```
/// use awsop_runtime::protocol::json::parse_body;
/// assert!(parse_body(b"").unwrap().as_object().unwrap().is_empty());
/// assert!(parse_body(b"{").is_err());
/// ```
pub fn parse_body(body: &[u8]) -> Result<Value, ParseError> {
    if body.iter().all(u8::is_ascii_whitespace) {
        return Ok(Value::Object(Map::new()));
    }
    serde_json::from_slice(body)
        .map_err(|e| ParseError::new(format!("the response body is not valid JSON: {e}")))
}

/// The object `v`, or an error naming `path`.
pub fn expect_object<'v>(
    v: &'v Value,
    path: &JsonPath<'_>,
) -> Result<&'v Map<String, Value>, ParseError> {
    v.as_object().ok_or_else(|| mismatch("an object", v, path))
}

/// Reads the structure member `name` from `v`; `null` reads as absent.
#[inline]
pub fn read_member<T: FromJson>(
    v: &Value,
    ts: TimestampFormat,
    parent: &JsonPath<'_>,
    name: &str,
) -> Result<Option<T>, ParseError> {
    if v.is_null() {
        return Ok(None);
    }
    T::read_json(v, ts, &parent.field(name)).map(Some)
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

fn mismatch(expected: &str, v: &Value, path: &JsonPath<'_>) -> ParseError {
    ParseError::new(format!(
        "expected {expected} at `{path}`, found {}",
        kind(v)
    ))
}

impl FromJson for String {
    fn read_json(v: &Value, _: TimestampFormat, path: &JsonPath<'_>) -> Result<Self, ParseError> {
        v.as_str()
            .map(str::to_string)
            .ok_or_else(|| mismatch("a string", v, path))
    }
}

impl FromJson for bool {
    fn read_json(v: &Value, _: TimestampFormat, path: &JsonPath<'_>) -> Result<Self, ParseError> {
        v.as_bool().ok_or_else(|| mismatch("a boolean", v, path))
    }
}

macro_rules! int_from_json {
    ($($t:ty),*) => {$(
        impl FromJson for $t {
            fn read_json(v: &Value, _: TimestampFormat, path: &JsonPath<'_>) -> Result<Self, ParseError> {
                let n = v.as_i64().ok_or_else(|| mismatch("an integer", v, path))?;
                <$t>::try_from(n).map_err(|_| {
                    ParseError::new(format!(
                        "{n} at `{path}` is out of range for {}",
                        stringify!($t)
                    ))
                })
            }
        }
    )*};
}

int_from_json!(i8, i16, i32, i64);

fn read_float(v: &Value, path: &JsonPath<'_>) -> Result<f64, ParseError> {
    match v {
        Value::Number(n) => n.as_f64().ok_or_else(|| mismatch("a number", v, path)),
        Value::String(s) => match s.as_str() {
            "NaN" => Ok(f64::NAN),
            "Infinity" => Ok(f64::INFINITY),
            "-Infinity" => Ok(f64::NEG_INFINITY),
            _ => Err(mismatch("a number", v, path)),
        },
        _ => Err(mismatch("a number", v, path)),
    }
}

impl FromJson for f64 {
    fn read_json(v: &Value, _: TimestampFormat, path: &JsonPath<'_>) -> Result<Self, ParseError> {
        read_float(v, path)
    }
}

impl FromJson for f32 {
    fn read_json(v: &Value, _: TimestampFormat, path: &JsonPath<'_>) -> Result<Self, ParseError> {
        read_float(v, path).map(|f| f as f32)
    }
}

impl FromJson for Blob {
    fn read_json(v: &Value, _: TimestampFormat, path: &JsonPath<'_>) -> Result<Self, ParseError> {
        let text = v
            .as_str()
            .ok_or_else(|| mismatch("a base64 string", v, path))?;
        base64::decode(text)
            .map(Blob::from)
            .map_err(|e| ParseError::new(format!("{e} at `{path}`")))
    }
}

impl FromJson for DateTime {
    fn read_json(v: &Value, ts: TimestampFormat, path: &JsonPath<'_>) -> Result<Self, ParseError> {
        match v {
            Value::Number(n) => {
                if let Some(secs) = n.as_i64() {
                    return Ok(DateTime::from_secs(secs));
                }
                // The number's own text keeps every digit the service sent;
                // the f64 is the fallback for exponent forms.
                DateTime::parse(&n.to_string(), TimestampFormat::EpochSeconds).or_else(|_| {
                    n.as_f64()
                        .map(DateTime::from_secs_f64)
                        .ok_or_else(|| mismatch("a timestamp", v, path))
                })
            }
            Value::String(s) => DateTime::parse_any(s, ts)
                .map_err(|e| ParseError::new(format!("{e} (at `{path}`)"))),
            _ => Err(mismatch("a timestamp", v, path)),
        }
    }
}

impl FromJson for Document {
    fn read_json(v: &Value, _: TimestampFormat, _: &JsonPath<'_>) -> Result<Self, ParseError> {
        Ok(document(v))
    }
}

fn document(v: &Value) -> Document {
    match v {
        Value::Null => Document::Null,
        Value::Bool(b) => Document::Bool(*b),
        Value::Number(n) => Document::Number(if let Some(u) = n.as_u64() {
            Number::PosInt(u)
        } else if let Some(i) = n.as_i64() {
            Number::NegInt(i)
        } else {
            Number::Float(n.as_f64().unwrap_or(f64::NAN))
        }),
        Value::String(s) => Document::String(s.clone()),
        Value::Array(items) => Document::Array(items.iter().map(document).collect()),
        Value::Object(entries) => Document::Object(
            entries
                .iter()
                .map(|(k, v)| (k.clone(), document(v)))
                .collect(),
        ),
    }
}

/// Dense lists skip `null` entries; sparse ones (`Vec<Option<T>>`) keep them.
impl<T: FromJson> FromJson for Vec<T> {
    fn read_json(v: &Value, ts: TimestampFormat, path: &JsonPath<'_>) -> Result<Self, ParseError> {
        let items = v.as_array().ok_or_else(|| mismatch("an array", v, path))?;
        let mut out = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            if item.is_null() && !T::NULLABLE {
                continue;
            }
            out.push(T::read_json(item, ts, &path.index(i))?);
        }
        Ok(out)
    }
}

/// Dense maps skip `null` values; sparse ones (`HashMap<_, Option<T>>`) keep them.
impl<K: MapKey, V: FromJson, S: BuildHasher + Default> FromJson for HashMap<K, V, S> {
    fn read_json(v: &Value, ts: TimestampFormat, path: &JsonPath<'_>) -> Result<Self, ParseError> {
        let entries = expect_object(v, path)?;
        let mut out = HashMap::with_capacity_and_hasher(entries.len(), S::default());
        for (k, item) in entries {
            if item.is_null() && !V::NULLABLE {
                continue;
            }
            out.insert(K::from_key(k), V::read_json(item, ts, &path.key(k))?);
        }
        Ok(out)
    }
}

impl<T: FromJson> FromJson for Option<T> {
    const NULLABLE: bool = true;

    fn read_json(v: &Value, ts: TimestampFormat, path: &JsonPath<'_>) -> Result<Self, ParseError> {
        if v.is_null() {
            Ok(None)
        } else {
            T::read_json(v, ts, path).map(Some)
        }
    }
}

impl<T: FromJson> FromJson for Box<T> {
    const NULLABLE: bool = T::NULLABLE;

    fn read_json(v: &Value, ts: TimestampFormat, path: &JsonPath<'_>) -> Result<Self, ParseError> {
        T::read_json(v, ts, path).map(Box::new)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read<T: FromJson>(text: &str) -> Result<T, ParseError> {
        let v: Value = serde_json::from_str(text).unwrap();
        T::read_json(&v, TimestampFormat::EpochSeconds, &JsonPath::root("Out"))
    }

    #[test]
    fn errors_name_the_path() {
        let err = read::<Vec<HashMap<String, i32>>>(r#"[{"a": 1}, {"b": "x"}]"#).unwrap_err();
        assert_eq!(
            err.to_string(),
            "expected an integer at `Out[1][\"b\"]`, found a string"
        );
        let err = read::<i8>("300").unwrap_err();
        assert!(err.to_string().contains("out of range"), "{err}");
    }

    #[test]
    fn timestamps_in_any_form() {
        assert_eq!(
            read::<DateTime>("946845296.123").unwrap(),
            DateTime::from_millis(946_845_296_123)
        );
        assert_eq!(
            read::<DateTime>("\"2000-01-02T20:34:56.123Z\"").unwrap(),
            DateTime::from_millis(946_845_296_123)
        );
        assert_eq!(read::<DateTime>("1e3").unwrap(), DateTime::from_secs(1000));
    }

    #[test]
    fn floats_and_blobs() {
        assert!(read::<f64>("\"NaN\"").unwrap().is_nan());
        assert_eq!(read::<f32>("\"-Infinity\"").unwrap(), f32::NEG_INFINITY);
        assert!(read::<f64>("\"nan\"").is_err());
        assert_eq!(read::<Blob>("\"Zm9v\"").unwrap(), Blob::new("foo"));
        assert!(read::<Blob>("\"***\"").is_err());
    }

    #[test]
    fn depth_is_bounded() {
        let deep = "[".repeat(100_000);
        assert!(parse_body(deep.as_bytes()).is_err());
    }
}
