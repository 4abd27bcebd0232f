use ::http::header::{HeaderName, HeaderValue, CONTENT_TYPE};
use ::http::{HeaderMap, Method};
use bytes::Bytes;

use super::{
    HeaderBinding, LabelBinding, Payload, PayloadBody, PayloadMember, PrefixHeadersBinding,
    QueryBinding, QueryParamsBinding, QueryWriter,
};
use crate::encoding::base64;
use crate::error::BuildError;
use crate::http::HttpRequest;
use crate::protocol::Protocol;
use crate::shape::Member;
use crate::value::{Location, TimestampFormat};

/// Builds the relative [`HttpRequest`] of an operation whose protocol binds
/// members to HTTP (restJson1, restXml): the path with its labels, the query
/// string, headers, and the body. This is what `#[aws_operation]` expands
/// into, one call per member. Timestamps take the member's format, else the
/// default of where they go ([`TimestampFormat::default_for`]).
///
/// ```
/// use awsop_runtime::protocol::binding::RequestWriter;
/// use awsop_runtime::protocol::Method;
/// let mut w = RequestWriter::new(Method::GET, 64);
/// w.path("/v2/domains/");
/// w.label(&"dzd 1".to_string(), "domainIdentifier", false, None).unwrap();
/// w.query("maxResults", &Some(10), None);
/// w.header("x-foo", &Some("bar".to_string()), "foo", None).unwrap();
/// let request = w.finish();
/// assert_eq!(request.uri, "/v2/domains/dzd%201?maxResults=10");
/// assert_eq!(request.headers["x-foo"], "bar");
/// assert!(request.body.is_empty());
/// ```
#[derive(Debug)]
pub struct RequestWriter {
    method: Method,
    uri: String,
    query_started: bool,
    headers: HeaderMap,
}

fn header_value(text: String, member: &'static str) -> Result<HeaderValue, BuildError> {
    if text.bytes().any(|b| matches!(b, b'\r' | b'\n' | 0)) {
        return Err(BuildError::invalid_header_value(member));
    }
    HeaderValue::try_from(text).map_err(|_| BuildError::invalid_header_value(member))
}

impl RequestWriter {
    /// A request with `method` and room for a `capacity`-byte URI.
    pub fn new(method: Method, capacity: usize) -> Self {
        RequestWriter {
            method,
            uri: String::with_capacity(capacity),
            query_started: false,
            headers: HeaderMap::new(),
        }
    }

    /// Appends a literal part of the path, as written in the URI template.
    pub fn path(&mut self, literal: &str) {
        self.uri.push_str(literal);
    }

    /// Appends a label's value, percent-encoded (`greedy` keeps `/`).
    pub fn label<T: LabelBinding + ?Sized>(
        &mut self,
        value: &T,
        member: &'static str,
        greedy: bool,
        ts: Option<TimestampFormat>,
    ) -> Result<(), BuildError> {
        let ts = TimestampFormat::resolve(ts, Location::Label);
        value.write_label(&mut self.uri, member, greedy, ts)
    }

    fn query_writer(&mut self) -> QueryWriter<'_> {
        QueryWriter::new(&mut self.uri, self.query_started)
    }

    /// Appends the URI template's literal query (`foo=bar&hello`).
    pub fn literal_query(&mut self, fragment: &str) {
        let mut q = self.query_writer();
        q.literal(fragment);
        self.query_started = q.started();
    }

    /// Appends a query member's pairs under `key`.
    pub fn query<T: QueryBinding + ?Sized>(
        &mut self,
        key: &str,
        value: &T,
        ts: Option<TimestampFormat>,
    ) {
        let ts = TimestampFormat::resolve(ts, Location::Query);
        let mut q = self.query_writer();
        value.write_query(&mut q, key, ts);
        self.query_started = q.started();
    }

    /// Appends a `query_params` map, skipping `reserved` keys (those of
    /// explicit query members and of the literal query).
    pub fn query_params<T: QueryParamsBinding + ?Sized>(&mut self, value: &T, reserved: &[&str]) {
        let mut q = self.query_writer();
        value.write_query_params(&mut q, reserved);
        self.query_started = q.started();
    }

    /// Sets header `name` from a member, refusing values with
    /// CR, LF, NUL or other control characters.
    pub fn header<T: HeaderBinding>(
        &mut self,
        name: &'static str,
        value: &T,
        member: &'static str,
        ts: Option<TimestampFormat>,
    ) -> Result<(), BuildError> {
        let ts = TimestampFormat::resolve(ts, Location::Header);
        if let Some(text) = value.header_text(ts) {
            let name = HeaderName::from_bytes(name.as_bytes()).map_err(|_| {
                BuildError::invalid_member(
                    member,
                    format!("is bound to `{name}`, not a valid header name"),
                )
            })?;
            self.headers.insert(name, header_value(text, member)?);
        }
        Ok(())
    }

    /// Sets header `name` from a string member with a media type (a JSON
    /// document, say): such values travel base64-encoded, as Smithy's
    /// `@mediaType` requires, so any text survives the header.
    pub fn header_base64<T: HeaderBinding>(
        &mut self,
        name: &'static str,
        value: &T,
        member: &'static str,
    ) -> Result<(), BuildError> {
        if let Some(text) = value.header_text(TimestampFormat::HttpDate) {
            let name = HeaderName::from_bytes(name.as_bytes()).map_err(|_| {
                BuildError::invalid_member(
                    member,
                    format!("is bound to `{name}`, not a valid header name"),
                )
            })?;
            let encoded = base64::encode(text.as_bytes());
            self.headers.insert(name, header_value(encoded, member)?);
        }
        Ok(())
    }

    /// Sets one header per map entry, named `prefix` + key.
    pub fn prefix_headers<T: PrefixHeadersBinding>(
        &mut self,
        prefix: &'static str,
        value: &T,
        member: &'static str,
    ) -> Result<(), BuildError> {
        let headers = &mut self.headers;
        value.for_each_entry(&mut |key, text| {
            let name = HeaderName::try_from(format!("{prefix}{key}")).map_err(|_| {
                BuildError::invalid_member(
                    member,
                    format!(
                        "has key `{}`, which makes no valid header name",
                        key.escape_debug()
                    ),
                )
            })?;
            headers.insert(name, header_value(text.to_string(), member)?);
            Ok(())
        })
    }

    /// Finishes with `body` (its content type unless a header member set
    /// one).
    pub fn body(mut self, body: PayloadBody) -> HttpRequest {
        self.set_content_type(body.content_type);
        let mut request = self.finish();
        request.body = Bytes::from(body.bytes);
        request
    }

    /// Finishes for a streaming payload member: the body is the member's
    /// `ByteStream`, which the orchestrator sends (`application/octet-stream`
    /// unless a header member set the content type, as for a blob payload).
    pub fn streaming_payload(mut self) -> HttpRequest {
        self.set_content_type("application/octet-stream");
        self.finish()
    }

    /// Finishes with a payload member as the whole body, in protocol `P`'s
    /// format: set, it is sent with its content type; unset, structures send
    /// the protocol's empty document and the rest send nothing.
    pub fn payload<P: Protocol, T: PayloadMember>(
        self,
        value: &T,
        m: &Member,
    ) -> Result<HttpRequest, BuildError> {
        let body = match value.payload() {
            Some(p) => p.to_payload::<P>(m)?,
            None => match <T::Payload as Payload>::absent_payload::<P>() {
                Some(body) => body,
                None => return Ok(self.finish()),
            },
        };
        Ok(self.body(body))
    }

    fn set_content_type(&mut self, content_type: &'static str) {
        self.headers
            .entry(CONTENT_TYPE)
            .or_insert(HeaderValue::from_static(content_type));
    }

    /// Finishes with no body.
    pub fn finish(self) -> HttpRequest {
        let mut request = HttpRequest::new(self.method, self.uri);
        request.headers = self.headers;
        request
    }
}
