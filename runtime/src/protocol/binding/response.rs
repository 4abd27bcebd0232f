use super::{HeaderBinding, PayloadMember, PrefixHeadersBinding, StatusCodeBinding};
use crate::error::ParseError;
use crate::http::HttpResponse;
use crate::protocol::json::{parse_body, JsonPath, JsonValue};
use crate::protocol::TimestampFormat;

/// How to treat a body that is not JSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BodyMode {
    /// It is an error (successful responses).
    Strict,
    /// It reads as an empty object (error responses: proxies and load
    /// balancers answer with HTML or plain text, and the modeled error is
    /// still worth returning with its metadata).
    Lenient,
}

/// A structure read from a whole response: body members from the JSON
/// body, and header, prefix-header, status-code and payload members from
/// where they are bound. `#[aws_shape]` implements it for structures;
/// `()` is the output of operations that return nothing.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be read from a response",
    label = "outputs and errors must be structures declared with #[aws_shape]"
)]
pub trait FromResponse: Sized {
    /// Reads the structure.
    fn from_response(response: &HttpResponse, mode: BodyMode) -> Result<Self, ParseError>;
}

impl FromResponse for () {
    fn from_response(_: &HttpResponse, _: BodyMode) -> Result<Self, ParseError> {
        Ok(())
    }
}

/// The parsed JSON body (an empty body is `{}`).
pub fn json_body(response: &HttpResponse, mode: BodyMode) -> Result<JsonValue, ParseError> {
    match parse_body(&response.body) {
        Ok(v) => Ok(v),
        Err(_) if mode == BodyMode::Lenient => Ok(JsonValue::Object(Default::default())),
        Err(e) => Err(e),
    }
}

/// Reads a header member; `None` when the header is absent. Repeated
/// headers are joined with `, ` as HTTP allows.
pub fn read_header<T: HeaderBinding>(
    response: &HttpResponse,
    name: &str,
    ts: TimestampFormat,
    path: &JsonPath<'_>,
) -> Result<Option<T>, ParseError> {
    let mut values = response.headers.get_all(name).iter();
    let Some(first) = values.next() else {
        return Ok(None);
    };
    let not_text = || ParseError::new(format!("header `{name}` (bound to `{path}`) is not text"));
    let mut text = first.to_str().map_err(|_| not_text())?.to_string();
    for more in values {
        text.push_str(", ");
        text.push_str(more.to_str().map_err(|_| not_text())?);
    }
    T::from_header(&text, ts)
        .map(Some)
        .map_err(|why| ParseError::new(format!("header `{name}` (bound to `{path}`): {why}")))
}

/// Reads a header member with a media type: its value is base64 of the
/// text (see [`RequestWriter::header_base64`](super::RequestWriter::header_base64)).
pub fn read_header_base64<T: HeaderBinding>(
    response: &HttpResponse,
    name: &str,
    path: &JsonPath<'_>,
) -> Result<Option<T>, ParseError> {
    let Some(value) = response.headers.get(name) else {
        return Ok(None);
    };
    let fail = |why: &str| ParseError::new(format!("header `{name}` (bound to `{path}`): {why}"));
    let text = value.to_str().map_err(|_| fail("not text"))?;
    let bytes = crate::protocol::base64::decode(text.trim()).map_err(|e| fail(&e.to_string()))?;
    let decoded =
        String::from_utf8(bytes).map_err(|_| fail("the base64 value is not UTF-8 text"))?;
    T::from_header(&decoded, TimestampFormat::HttpDate)
        .map(Some)
        .map_err(|why| fail(&why))
}

/// Reads a prefix-headers member: every header whose name starts with
/// `prefix` (any case), keyed by the rest of its name in lower case.
/// `None` when there is none.
pub fn read_prefix_headers<T: PrefixHeadersBinding>(
    response: &HttpResponse,
    prefix: &str,
    path: &JsonPath<'_>,
) -> Result<Option<T>, ParseError> {
    let prefix = prefix.to_ascii_lowercase();
    let mut entries = Vec::new();
    for (name, value) in &response.headers {
        if let Some(key) = name.as_str().strip_prefix(prefix.as_str()) {
            let text = value.to_str().map_err(|_| {
                ParseError::new(format!("header `{name}` (bound to `{path}`) is not text"))
            })?;
            entries.push((key.to_string(), text.to_string()));
        }
    }
    Ok((!entries.is_empty()).then(|| T::from_entries(entries)))
}

/// Reads a `response_code` member.
pub fn read_status<T: StatusCodeBinding>(response: &HttpResponse) -> Option<T> {
    Some(T::from_status(response.status))
}

/// Reads a payload member from the whole body; `None` when it is empty.
pub fn read_payload<T: PayloadMember>(
    response: &HttpResponse,
    path: &JsonPath<'_>,
) -> Result<Option<T>, ParseError> {
    T::read_payload(&response.body, path)
}
