//! Protocols: how an operation's input becomes a request, how an error
//! response yields its code, message and request id, and how a success
//! becomes the output. The orchestrator only ever talks to [`Protocol`].
//!
//! - [`binding`]: the HTTP-binding layer (labels, query, headers,
//!   payloads) of the REST protocols;
//! - [`RestJson1`]: restJson1, over the JSON codec;
//! - [`AwsJson1_0`], [`AwsJson1_1`]: AWS JSON RPC, over the JSON codec;
//! - [`RpcV2Cbor`]: Smithy RPC v2, over the CBOR codec (feature `cbor`);
//! - [`RestXml`]: restXml, over the XML codec (feature `xml`);
//! - [`AwsQuery`], [`Ec2Query`]: form requests (the query codec), XML
//!   responses (feature `xml`);
//! - [`error_code`], [`request_id`]: rules every protocol shares.
//!
//! A protocol is a type implementing [`Protocol`], plus
//! [`HttpBindingProtocol`] (REST: the macro writes the bindings, the
//! protocol the body) or [`RpcProtocol`] (the whole input is the body).
//! Adding one is adding a module here.

mod aws_json;
#[cfg(feature = "xml")]
mod aws_query;
pub mod binding;
#[cfg(feature = "xml")]
mod ec2_query;
pub mod error_code;
mod json_error;
#[cfg(not(all(feature = "xml", feature = "cbor")))]
mod not_built;
mod query_compatible;
pub mod request_id;
mod rest_json;
#[cfg(feature = "xml")]
mod rest_xml;
#[cfg(feature = "cbor")]
mod rpc_v2_cbor;
#[cfg(feature = "xml")]
mod xml_body;
#[cfg(feature = "xml")]
mod xml_error;

pub use ::http::Method;
pub use aws_json::{AwsJson, AwsJson1_0, AwsJson1_1, AwsJsonVersion};
#[cfg(feature = "xml")]
pub use aws_query::AwsQuery;
#[cfg(feature = "xml")]
pub use ec2_query::Ec2Query;
#[cfg(not(feature = "cbor"))]
pub use not_built::RpcV2Cbor;
#[cfg(not(feature = "xml"))]
pub use not_built::{AwsQuery, Ec2Query, RestXml};
pub use rest_json::RestJson1;
#[cfg(feature = "xml")]
pub use rest_xml::RestXml;
#[cfg(feature = "cbor")]
pub use rpc_v2_cbor::RpcV2Cbor;

use crate::error::{BuildError, ErrorMetadata, ParseError};
use crate::http::{HttpRequest, HttpResponse};
use crate::operation::OperationMetadata;
use crate::shape::{Member, ReadValue, Shape, WriteValue};
use crate::value::Document;
use binding::{PayloadBody, RequestWriter};

/// Which structure a response body holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role<'a> {
    /// The output of operation `operation` (a 2xx response).
    Output {
        /// The operation's name (`CreateUserProfile`).
        operation: &'a str,
    },
    /// A modeled exception (an error response). Bodies that are not in the
    /// protocol's format (an HTML page from a proxy) read as empty here, so
    /// the error still carries its code and status.
    Error,
}

/// A wire protocol: the parts of reading and writing that every protocol
/// has.
#[diagnostic::on_unimplemented(
    message = "protocol `{Self}` is not built: enable awsop's `xml` feature (restXml, awsQuery, ec2Query) or `cbor` feature (rpcv2Cbor)",
    label = "this operation's protocol"
)]
pub trait Protocol: Sized + Send + Sync + 'static {
    /// The protocol's name, as `#[aws_operation(protocol = "...")]` spells it.
    const NAME: &'static str;

    /// Code, message, status and request id of an error response. Never
    /// fails: a body it cannot read still gives the status and headers.
    fn error_metadata(response: &HttpResponse) -> ErrorMetadata;

    /// Reads the body members of structure `T` from a response body.
    fn read_body<T: ReadValue + Shape>(body: &[u8], role: Role<'_>) -> Result<T, ParseError>;

    /// A structure or union as the whole body (`#[aws(payload)]`), as
    /// payload member `m` (whose wire name, when the member was renamed,
    /// names an XML root; it is empty otherwise).
    /// Protocols without HTTP bindings have no payload members: the
    /// macros refuse them, and this says so should one be reached.
    fn write_shape_payload<T: WriteValue + Shape>(
        value: &T,
        m: &Member,
    ) -> Result<PayloadBody, BuildError> {
        let _ = (value, m);
        Err(BuildError::other(format!(
            "{} has no payload members: the whole input is the body",
            Self::NAME
        )))
    }

    /// The body sent for an absent structure payload, if any.
    fn absent_shape_payload() -> Option<PayloadBody> {
        None
    }

    /// Reads a structure or union payload from a non-empty body (an error
    /// for protocols without payload members).
    fn read_shape_payload<T: ReadValue + Shape>(body: &[u8]) -> Result<T, ParseError> {
        let _ = body;
        Err(ParseError::new(format!(
            "{} has no payload members: the whole output is the body",
            Self::NAME
        )))
    }

    /// A document as the whole body.
    fn write_document(value: &Document) -> Result<PayloadBody, BuildError> {
        let _ = value;
        Err(BuildError::other(format!(
            "{} has no document type: a Document cannot be sent",
            Self::NAME
        )))
    }

    /// Reads a document payload.
    fn read_document(body: &[u8]) -> Result<Document, ParseError> {
        let _ = body;
        Err(ParseError::new(format!(
            "{} has no document type: a Document cannot be read",
            Self::NAME
        )))
    }
}

/// A protocol whose inputs bind members to the URI, query and headers
/// (restJson1, restXml): the generated code writes the bindings with a
/// [`RequestWriter`], and the protocol writes the body members.
pub trait HttpBindingProtocol: Protocol {
    /// Finishes `request` with `input`'s body members as the body.
    fn write_body<T: WriteValue + Shape>(
        input: &T,
        request: RequestWriter,
    ) -> Result<HttpRequest, BuildError>;
}

/// A protocol whose whole input is the body of a fixed request (awsJson,
/// rpcv2Cbor, awsQuery, ec2Query).
pub trait RpcProtocol: Protocol {
    /// The request for `input` of operation `operation`; `None` when the
    /// operation has no input at all (as opposed to an input with no
    /// member set), which some protocols send differently.
    fn write_request<T: WriteValue + Shape>(
        input: Option<&T>,
        operation: &OperationMetadata,
    ) -> Result<HttpRequest, BuildError>;
}
