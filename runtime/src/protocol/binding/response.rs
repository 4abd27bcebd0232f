use super::{HeaderBinding, PayloadMember, PrefixHeadersBinding, StatusCodeBinding};
use crate::encoding::base64;
use crate::error::ParseError;
use crate::http::HttpResponse;
use crate::protocol::{Protocol, Role};
use crate::value::{Location, TimestampFormat};

/// A structure read from a whole response: body members from the body (in
/// protocol `P`'s format), and header, prefix-header, status-code and
/// payload members from where they are bound. `#[aws_shape]` implements it
/// for structures; `()` is the output of operations that return nothing.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be read from a response",
    label = "outputs and errors must be structures declared with #[aws_shape]"
)]
pub trait FromResponse: Sized {
    /// Whether the structure has a streaming payload member (a `ByteStream`).
    const STREAMING: bool = false;

    /// Puts an unread response body into the streaming payload member.
    fn attach_body(&mut self, _body: crate::body::ByteStream) {}

    /// Reads the structure as an operation's output or as an exception.
    fn from_response<P: Protocol>(
        response: &HttpResponse,
        role: Role<'_>,
    ) -> Result<Self, ParseError>;
}

impl FromResponse for () {
    fn from_response<P: Protocol>(_: &HttpResponse, _: Role<'_>) -> Result<Self, ParseError> {
        Ok(())
    }
}

/// Reads a header member; `None` when the header is absent. Repeated
/// headers are joined with `, ` as HTTP allows. `member` names it in errors.
pub fn read_header<T: HeaderBinding>(
    response: &HttpResponse,
    name: &str,
    ts: Option<TimestampFormat>,
    member: &'static str,
) -> Result<Option<T>, ParseError> {
    let mut values = response.headers.get_all(name).iter();
    let Some(first) = values.next() else {
        return Ok(None);
    };
    let fail = |why: &str| ParseError::header(name, why).in_field(member);
    let mut text = first.to_str().map_err(|_| fail("not text"))?.to_string();
    for more in values {
        text.push_str(", ");
        text.push_str(more.to_str().map_err(|_| fail("not text"))?);
    }
    let ts = TimestampFormat::resolve(ts, Location::Header);
    T::from_header(&text, ts)
        .map(Some)
        .map_err(|why| fail(&why))
}

/// Reads a header member with a media type: its value is base64 of the
/// text (see [`RequestWriter::header_base64`](super::RequestWriter::header_base64)).
pub fn read_header_base64<T: HeaderBinding>(
    response: &HttpResponse,
    name: &str,
    member: &'static str,
) -> Result<Option<T>, ParseError> {
    let Some(value) = response.headers.get(name) else {
        return Ok(None);
    };
    let fail = |why: &str| ParseError::header(name, why).in_field(member);
    let text = value.to_str().map_err(|_| fail("not text"))?;
    let bytes = base64::decode(text.trim()).map_err(|e| fail(&e.to_string()))?;
    let decoded =
        String::from_utf8(bytes).map_err(|_| fail("the base64 value is not UTF-8 text"))?;
    T::from_header(&decoded, TimestampFormat::HttpDate)
        .map(Some)
        .map_err(|why| fail(&why))
}

/// Reads a prefix-headers member: every header whose name starts with
/// `prefix` (any case), keyed by the rest of its name in lower case.
/// An empty map when there is none: the binding is always in a response,
/// as the SDKs read it.
pub fn read_prefix_headers<T: PrefixHeadersBinding>(
    response: &HttpResponse,
    prefix: &str,
    member: &'static str,
) -> Result<Option<T>, ParseError> {
    let prefix = prefix.to_ascii_lowercase();
    let mut entries = Vec::new();
    for (name, value) in &response.headers {
        if let Some(key) = name.as_str().strip_prefix(prefix.as_str()) {
            let text = value
                .to_str()
                .map_err(|_| ParseError::header(name.as_str(), "not text").in_field(member))?;
            entries.push((key.to_string(), text.to_string()));
        }
    }
    Ok(Some(T::from_entries(entries)))
}

/// Reads a `response_code` member.
pub fn read_status<T: StatusCodeBinding>(response: &HttpResponse) -> Option<T> {
    Some(T::from_status(response.status))
}

/// Reads a payload member from the whole body, in protocol `P`'s format;
/// `None` when the body is empty.
pub fn read_payload<P: Protocol, T: PayloadMember>(
    response: &HttpResponse,
    member: &'static str,
) -> Result<Option<T>, ParseError> {
    T::read_payload::<P>(&response.body).map_err(|e| e.in_field(member))
}
