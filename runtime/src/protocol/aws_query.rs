//! awsQuery: `POST /` with a form body, XML responses.

use http::header::{HeaderValue, CONTENT_TYPE};
use http::Method;

use super::xml_body::{read_xml, OutputAt};
use super::xml_error::XmlErrorFields;
use super::{Protocol, Role, RpcProtocol};
use crate::codec::query::{QueryDialect, QueryShapeWriter};
use crate::error::{BuildError, ErrorMetadata, ParseError};
use crate::http::{HttpRequest, HttpResponse};
use crate::operation::OperationMetadata;
use crate::shape::{ReadValue, Shape, WriteValue, ROOT};

/// The form's media type, as the query services expect it.
pub(super) const FORM: &str = "application/x-www-form-urlencoded";

/// Writes the form request of a query protocol: `POST /`, `Action` and
/// `Version` first, then the input's members.
pub(super) fn write_form<T: WriteValue + Shape>(
    dialect: QueryDialect,
    protocol: &str,
    input: Option<&T>,
    operation: &OperationMetadata,
) -> Result<HttpRequest, BuildError> {
    let version = operation
        .api_version
        .ok_or_else(|| BuildError::other(format!("{protocol} needs the service's API version")))?;
    let mut w = QueryShapeWriter::new(dialect, operation.name, version);
    if let Some(input) = input {
        input.write(&mut w, &ROOT);
    }
    let mut request = HttpRequest::new(Method::POST, "/".to_owned());
    request
        .headers
        .insert(CONTENT_TYPE, HeaderValue::from_static(FORM));
    request.body = w.finish()?.into();
    Ok(request)
}

/// AWS Query (SQS before JSON, SNS, IAM, STS, CloudFormation, ...):
/// `POST /` with `Action=<operation>&Version=<api version>&...` as the
/// form body; responses are `<OpResponse><OpResult>...</OpResult>`.
///
/// Errors: `<ErrorResponse><Error><Code>`, `<Message>`, and the
/// `<RequestId>` beside the error.
///
/// ```
/// use awsop_runtime::http::HttpResponse;
/// use awsop_runtime::protocol::{AwsQuery, Protocol};
/// let body = "<ErrorResponse><Error><Type>Sender</Type><Code>NotFound</Code>\
///             <Message>Topic does not exist</Message></Error><RequestId>r-9</RequestId></ErrorResponse>";
/// let meta = AwsQuery::error_metadata(&HttpResponse::new(404, body));
/// assert_eq!(meta.code(), Some("NotFound"));
/// assert_eq!(meta.request_id(), Some("r-9"));
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct AwsQuery;

impl Protocol for AwsQuery {
    const NAME: &'static str = "awsQuery";

    fn error_metadata(response: &HttpResponse) -> ErrorMetadata {
        XmlErrorFields::read(&response.body).metadata(response)
    }

    fn read_body<T: ReadValue + Shape>(body: &[u8], role: Role<'_>) -> Result<T, ParseError> {
        let wrapper = match role {
            Role::Output { operation } => format!("{operation}Result"),
            Role::Error => String::new(),
        };
        read_xml(body, role, OutputAt::Child(&wrapper))
    }
}

impl RpcProtocol for AwsQuery {
    fn write_request<T: WriteValue + Shape>(
        input: Option<&T>,
        operation: &OperationMetadata,
    ) -> Result<HttpRequest, BuildError> {
        write_form(QueryDialect::AwsQuery, Self::NAME, input, operation)
    }
}
