//! ec2Query: awsQuery's form, EC2's names and numbering and responses.

use super::aws_query::write_form;
use super::xml_body::{read_xml, OutputAt};
use super::xml_error::XmlErrorFields;
use super::{Protocol, Role, RpcProtocol};
use crate::codec::query::QueryDialect;
use crate::error::{BuildError, ErrorMetadata, ParseError};
use crate::http::{HttpRequest, HttpResponse};
use crate::operation::OperationMetadata;
use crate::shape::{ReadValue, Shape, WriteValue};

/// Amazon EC2's query protocol: the awsQuery form with EC2's keys (the
/// member's `ec2_name`, else its wire name capitalized), every list
/// `Name.N` and empty lists left out; responses are
/// `<OpResponse>...</OpResponse>` without a result wrapper.
///
/// Errors: `<Response><Errors><Error><Code>`, `<Message>`, and
/// `<RequestID>`.
///
/// ```
/// use awsop_runtime::http::HttpResponse;
/// use awsop_runtime::protocol::{Ec2Query, Protocol};
/// let body = "<Response><Errors><Error><Code>InvalidVpcID.NotFound</Code>\
///             <Message>no vpc</Message></Error></Errors><RequestID>r-3</RequestID></Response>";
/// let meta = Ec2Query::error_metadata(&HttpResponse::new(400, body));
/// assert_eq!(meta.code(), Some("InvalidVpcID.NotFound"));
/// assert_eq!(meta.request_id(), Some("r-3"));
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct Ec2Query;

impl Protocol for Ec2Query {
    const NAME: &'static str = "ec2Query";

    fn error_metadata(response: &HttpResponse) -> ErrorMetadata {
        XmlErrorFields::read(&response.body).metadata(response)
    }

    fn read_body<T: ReadValue + Shape>(body: &[u8], role: Role<'_>) -> Result<T, ParseError> {
        read_xml(body, role, OutputAt::Root)
    }
}

impl RpcProtocol for Ec2Query {
    fn write_request<T: WriteValue + Shape>(
        input: Option<&T>,
        operation: &OperationMetadata,
    ) -> Result<HttpRequest, BuildError> {
        write_form(QueryDialect::Ec2Query, Self::NAME, input, operation)
    }
}
