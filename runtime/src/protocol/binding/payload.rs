use crate::error::{BuildError, ParseError};
use crate::protocol::json::{parse_body, FromJson, JsonPath, JsonWriter, ToJson};
use crate::protocol::{Blob, Document, TimestampFormat};

/// A type that can be the whole body (`#[aws(payload)]`): `Blob` (raw
/// bytes), `String` (text), `Document`, and `#[aws_shape]` structures,
/// unions (JSON) and string enums (text).
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be a payload",
    label = "payload members must be Blob, String, Document, or a structure, union or string enum declared with #[aws_shape]"
)]
pub trait Payload: Sized {
    /// The `Content-Type` sent with it, unless a header member sets one.
    const CONTENT_TYPE: &'static str;

    /// The body sent when the member is `None` (structures send `{}`;
    /// the rest send no body at all).
    const WHEN_ABSENT: Option<&'static str> = None;

    /// The body bytes.
    fn to_payload(&self) -> Result<Vec<u8>, BuildError>;

    /// Reads the value from a non-empty body.
    fn from_payload(body: &[u8], path: &JsonPath<'_>) -> Result<Self, ParseError>;
}

/// Writes `value` as a JSON document, for JSON payloads.
pub fn to_json_payload<T: ToJson + ?Sized>(value: &T) -> Result<Vec<u8>, BuildError> {
    let mut w = JsonWriter::with_capacity(value.json_size_hint());
    value.write_json(&mut w, TimestampFormat::EpochSeconds);
    w.finish()
}

/// Reads a JSON payload.
pub fn from_json_payload<T: FromJson>(body: &[u8], path: &JsonPath<'_>) -> Result<T, ParseError> {
    T::read_json(&parse_body(body)?, TimestampFormat::EpochSeconds, path)
}

impl Payload for Blob {
    const CONTENT_TYPE: &'static str = "application/octet-stream";

    fn to_payload(&self) -> Result<Vec<u8>, BuildError> {
        Ok(self.as_bytes().to_vec())
    }

    fn from_payload(body: &[u8], _: &JsonPath<'_>) -> Result<Self, ParseError> {
        Ok(Blob::from(body))
    }
}

impl Payload for String {
    const CONTENT_TYPE: &'static str = "text/plain";

    fn to_payload(&self) -> Result<Vec<u8>, BuildError> {
        Ok(self.as_bytes().to_vec())
    }

    fn from_payload(body: &[u8], path: &JsonPath<'_>) -> Result<Self, ParseError> {
        String::from_utf8(body.to_vec())
            .map_err(|_| ParseError::new(format!("the body bound to `{path}` is not UTF-8 text")))
    }
}

impl Payload for Document {
    const CONTENT_TYPE: &'static str = "application/json";

    fn to_payload(&self) -> Result<Vec<u8>, BuildError> {
        to_json_payload(self)
    }

    fn from_payload(body: &[u8], path: &JsonPath<'_>) -> Result<Self, ParseError> {
        from_json_payload(body, path)
    }
}

/// The payload member itself: a [`Payload`] or an `Option` of one.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be a payload",
    label = "payload members must be Blob, String, Document, or a structure, union or string enum declared with #[aws_shape] (or an Option of one)"
)]
pub trait PayloadMember: Sized {
    /// The payload type.
    type Payload: Payload;

    /// The payload to send, if set.
    fn payload(&self) -> Option<&Self::Payload>;

    /// Reads the member from the body; an empty body reads as absent.
    fn read_payload(body: &[u8], path: &JsonPath<'_>) -> Result<Option<Self>, ParseError>;
}

impl<P: Payload> PayloadMember for P {
    type Payload = P;

    fn payload(&self) -> Option<&P> {
        Some(self)
    }

    fn read_payload(body: &[u8], path: &JsonPath<'_>) -> Result<Option<Self>, ParseError> {
        if body.is_empty() {
            return Ok(None);
        }
        P::from_payload(body, path).map(Some)
    }
}

impl<P: Payload> PayloadMember for Option<P> {
    type Payload = P;

    fn payload(&self) -> Option<&P> {
        self.as_ref()
    }

    fn read_payload(body: &[u8], path: &JsonPath<'_>) -> Result<Option<Self>, ParseError> {
        P::read_payload(body, path).map(|p| p.map(Some))
    }
}

impl<P: Payload> Payload for Box<P> {
    const CONTENT_TYPE: &'static str = P::CONTENT_TYPE;
    const WHEN_ABSENT: Option<&'static str> = P::WHEN_ABSENT;

    fn to_payload(&self) -> Result<Vec<u8>, BuildError> {
        (**self).to_payload()
    }

    fn from_payload(body: &[u8], path: &JsonPath<'_>) -> Result<Self, ParseError> {
        P::from_payload(body, path).map(Box::new)
    }
}
