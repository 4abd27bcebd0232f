use crate::error::{BuildError, ParseError};
use crate::protocol::Protocol;
use crate::shape::Member;
use crate::value::{Blob, Document};

/// A payload's bytes and the `Content-Type` they are sent with (unless a
/// header member sets one).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PayloadBody {
    /// The body.
    pub bytes: Vec<u8>,
    /// Its media type.
    pub content_type: &'static str,
}

/// A type that can be the whole body (`#[aws(payload)]`): `Blob` (raw
/// bytes), `String` (text), `Document`, and `#[aws_shape]` structures and
/// unions (in the protocol's format) and string enums (text).
///
/// ```
/// use awsop_runtime::protocol::binding::Payload;
/// use awsop_runtime::protocol::RestJson1;
/// use awsop_runtime::shape::ROOT;
/// let body = "hi".to_string().to_payload::<RestJson1>(&ROOT).unwrap();
/// assert_eq!((body.bytes.as_slice(), body.content_type), (&b"hi"[..], "text/plain"));
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be a payload",
    label = "payload members must be Blob, String, Document, or a structure, union or string enum declared with #[aws_shape]"
)]
pub trait Payload: Sized {
    /// The body to send, as payload member `m`.
    fn to_payload<P: Protocol>(&self, m: &Member) -> Result<PayloadBody, BuildError>;

    /// The body sent when the member is `None`: structures send their
    /// protocol's empty document (restJson1 `{}`); the rest send nothing.
    fn absent_payload<P: Protocol>() -> Option<PayloadBody> {
        None
    }

    /// Reads the value from a non-empty body.
    fn from_payload<P: Protocol>(body: &[u8]) -> Result<Self, ParseError>;
}

impl Payload for Blob {
    fn to_payload<P: Protocol>(&self, _: &Member) -> Result<PayloadBody, BuildError> {
        Ok(PayloadBody {
            bytes: self.as_bytes().to_vec(),
            content_type: "application/octet-stream",
        })
    }

    fn from_payload<P: Protocol>(body: &[u8]) -> Result<Self, ParseError> {
        Ok(Blob::from(body))
    }
}

impl Payload for String {
    fn to_payload<P: Protocol>(&self, _: &Member) -> Result<PayloadBody, BuildError> {
        Ok(PayloadBody {
            bytes: self.as_bytes().to_vec(),
            content_type: "text/plain",
        })
    }

    fn from_payload<P: Protocol>(body: &[u8]) -> Result<Self, ParseError> {
        String::from_utf8(body.to_vec()).map_err(|_| ParseError::new("the body is not UTF-8 text"))
    }
}

impl Payload for Document {
    fn to_payload<P: Protocol>(&self, _: &Member) -> Result<PayloadBody, BuildError> {
        P::write_document(self)
    }

    fn from_payload<P: Protocol>(body: &[u8]) -> Result<Self, ParseError> {
        P::read_document(body)
    }
}

impl<T: Payload> Payload for Box<T> {
    fn to_payload<P: Protocol>(&self, m: &Member) -> Result<PayloadBody, BuildError> {
        (**self).to_payload::<P>(m)
    }

    fn absent_payload<P: Protocol>() -> Option<PayloadBody> {
        T::absent_payload::<P>()
    }

    fn from_payload<P: Protocol>(body: &[u8]) -> Result<Self, ParseError> {
        T::from_payload::<P>(body).map(Box::new)
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
    fn read_payload<P: Protocol>(body: &[u8]) -> Result<Option<Self>, ParseError>;
}

impl<T: Payload> PayloadMember for T {
    type Payload = T;

    fn payload(&self) -> Option<&T> {
        Some(self)
    }

    fn read_payload<P: Protocol>(body: &[u8]) -> Result<Option<Self>, ParseError> {
        if body.is_empty() {
            return Ok(None);
        }
        T::from_payload::<P>(body).map(Some)
    }
}

impl<T: Payload> PayloadMember for Option<T> {
    type Payload = T;

    fn payload(&self) -> Option<&T> {
        self.as_ref()
    }

    fn read_payload<P: Protocol>(body: &[u8]) -> Result<Option<Self>, ParseError> {
        T::read_payload::<P>(body).map(|p| p.map(Some))
    }
}
