//! [`Document`]: untyped JSON-like data (the `document` shape type).

use std::collections::HashMap;

/// An open content value: a `document` member. Sent and received as the
/// JSON it is.
///
/// ```
/// use awsop_runtime::value::{Document, Number};
/// use std::collections::HashMap;
/// let doc = Document::Object(HashMap::from([
///     ("foo".to_string(), Document::from("bar")),
///     ("n".to_string(), Document::Number(Number::PosInt(10))),
/// ]));
/// assert_eq!(doc.as_object().unwrap()["foo"].as_str(), Some("bar"));
/// ```
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Document {
    /// `null`.
    #[default]
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number.
    Number(Number),
    /// A string.
    String(String),
    /// An array.
    Array(Vec<Document>),
    /// An object.
    Object(HashMap<String, Document>),
}

/// A document number: integers stay exact, the rest are `f64`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Number {
    /// A non-negative integer.
    PosInt(u64),
    /// A negative integer.
    NegInt(i64),
    /// Any other number.
    Float(f64),
}

impl Number {
    /// The number as an `f64` (large integers lose precision).
    pub fn as_f64(self) -> f64 {
        match self {
            Number::PosInt(n) => n as f64,
            Number::NegInt(n) => n as f64,
            Number::Float(n) => n,
        }
    }
}

impl Document {
    /// The string, if this is one.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Document::String(s) => Some(s),
            _ => None,
        }
    }

    /// The boolean, if this is one.
    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Document::Bool(b) => Some(*b),
            _ => None,
        }
    }

    /// The number, if this is one.
    pub fn as_number(&self) -> Option<Number> {
        match self {
            Document::Number(n) => Some(*n),
            _ => None,
        }
    }

    /// The elements, if this is an array.
    pub fn as_array(&self) -> Option<&Vec<Document>> {
        match self {
            Document::Array(a) => Some(a),
            _ => None,
        }
    }

    /// The entries, if this is an object.
    pub fn as_object(&self) -> Option<&HashMap<String, Document>> {
        match self {
            Document::Object(o) => Some(o),
            _ => None,
        }
    }

    /// Whether this is `null`.
    pub fn is_null(&self) -> bool {
        matches!(self, Document::Null)
    }
}

impl From<bool> for Document {
    fn from(b: bool) -> Self {
        Document::Bool(b)
    }
}

impl From<&str> for Document {
    fn from(s: &str) -> Self {
        Document::String(s.to_string())
    }
}

impl From<String> for Document {
    fn from(s: String) -> Self {
        Document::String(s)
    }
}

impl From<i64> for Document {
    fn from(n: i64) -> Self {
        Document::Number(if n < 0 {
            Number::NegInt(n)
        } else {
            Number::PosInt(n as u64)
        })
    }
}

impl From<i32> for Document {
    fn from(n: i32) -> Self {
        Document::from(i64::from(n))
    }
}

impl From<u64> for Document {
    fn from(n: u64) -> Self {
        Document::Number(Number::PosInt(n))
    }
}

impl From<f64> for Document {
    fn from(n: f64) -> Self {
        Document::Number(Number::Float(n))
    }
}

impl From<Vec<Document>> for Document {
    fn from(items: Vec<Document>) -> Self {
        Document::Array(items)
    }
}

impl From<HashMap<String, Document>> for Document {
    fn from(entries: HashMap<String, Document>) -> Self {
        Document::Object(entries)
    }
}
