//! JSON bodies: [`JsonWriter`] and [`ToJson`] write request bodies straight
//! into one pre-sized buffer; [`FromJson`] reads responses from a parsed
//! [`JsonValue`] tree (serde_json bounds its nesting depth, so hostile input
//! cannot overflow the stack).

mod from_json;
mod path;
mod to_json;
mod writer;

pub use from_json::{expect_object, parse_body, read_member, FromJson};
pub use path::JsonPath;
pub use serde_json::{Map as JsonMap, Value as JsonValue};
pub use to_json::{member_size_hint, write_member, ToJson};
pub use writer::JsonWriter;

/// Returns `text` as a JSON string literal followed by `:`, the form
/// [`JsonWriter::raw_key`] expects. The macros do this at compile time.
///
/// ```
/// assert_eq!(awsop_runtime::protocol::json::quoted_key("a\"b"), r#""a\"b":"#);
/// ```
pub fn quoted_key(text: &str) -> String {
    let mut w = JsonWriter::with_capacity(text.len() + 3);
    w.string(text);
    let mut out = w.into_string();
    out.push(':');
    out
}
