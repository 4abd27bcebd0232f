//! awsJson1.0 and awsJson1.1: `POST /` with `X-Amz-Target`, the whole
//! input a JSON object.

use http::header::{HeaderValue, CONTENT_TYPE};
use http::Method;

use super::json_error::JsonErrorFields;
use super::rest_json::{read_json, write_json};
use super::{error_code, query_compatible, request_id, Protocol, Role, RpcProtocol};
use crate::error::{BuildError, ErrorMetadata, ParseError};
use crate::http::{HttpRequest, HttpResponse};
use crate::operation::OperationMetadata;
use crate::shape::{ReadValue, Shape, WriteValue};

/// What tells the two awsJson versions apart: the media type.
pub trait AwsJsonVersion: Send + Sync + 'static {
    /// `awsJson1_0` or `awsJson1_1`.
    const NAME: &'static str;
    /// `application/x-amz-json-1.0` or `-1.1`.
    const CONTENT_TYPE: &'static str;
}

/// awsJson1.0 (DynamoDB, SQS, ...).
#[derive(Debug, Clone, Copy, Default)]
pub struct V1_0;

impl AwsJsonVersion for V1_0 {
    const NAME: &'static str = "awsJson1_0";
    const CONTENT_TYPE: &'static str = "application/x-amz-json-1.0";
}

/// awsJson1.1 (KMS, CloudWatch Logs, ECR, ...).
#[derive(Debug, Clone, Copy, Default)]
pub struct V1_1;

impl AwsJsonVersion for V1_1 {
    const NAME: &'static str = "awsJson1_1";
    const CONTENT_TYPE: &'static str = "application/x-amz-json-1.1";
}

/// AWS JSON RPC: `POST /`, `X-Amz-Target: <target prefix>.<operation>`, the
/// whole input one JSON object (`{}` when empty), timestamps as epoch
/// seconds, no HTTP bindings.
///
/// Errors: the code is the `x-amzn-ErrorType` header, else the body's
/// `__type`, else its `code`, cut to the shape name; a query-compatible
/// service's legacy code comes from `x-amzn-query-error` first.
///
/// ```
/// use awsop_runtime::http::HttpResponse;
/// use awsop_runtime::protocol::{AwsJson1_0, Protocol};
/// let response = HttpResponse::new(400, r#"{"__type": "com.amazonaws.dynamodb.v20120810#ResourceNotFoundException", "message": "no table"}"#);
/// let meta = AwsJson1_0::error_metadata(&response);
/// assert_eq!(meta.code(), Some("ResourceNotFoundException"));
/// assert_eq!(meta.message(), Some("no table"));
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct AwsJson<V>(V);

/// awsJson1.0.
#[allow(non_camel_case_types)]
pub type AwsJson1_0 = AwsJson<V1_0>;

/// awsJson1.1.
#[allow(non_camel_case_types)]
pub type AwsJson1_1 = AwsJson<V1_1>;

const TARGET: http::HeaderName = http::HeaderName::from_static("x-amz-target");

impl<V: AwsJsonVersion> Protocol for AwsJson<V> {
    const NAME: &'static str = V::NAME;

    fn error_metadata(response: &HttpResponse) -> ErrorMetadata {
        let body = JsonErrorFields::read(&response.body);
        let code = query_compatible::legacy_code(response)
            .or_else(|| {
                response
                    .header("x-amzn-errortype")
                    .or(body.type_name.as_deref())
                    .or(body.code.as_deref())
                    .map(error_code::sanitize)
            })
            .filter(|c| !c.is_empty())
            .map(str::to_owned);
        let meta = ErrorMetadata::new(
            code,
            body.message.clone(),
            response.status,
            request_id::from_headers(response).map(str::to_owned),
        );
        body.note_unreadable(meta, &response.body)
    }

    fn read_body<T: ReadValue + Shape>(body: &[u8], role: Role<'_>) -> Result<T, ParseError> {
        read_json(body, role == Role::Error)
    }
}

impl<V: AwsJsonVersion> RpcProtocol for AwsJson<V> {
    fn write_request<T: WriteValue + Shape>(
        input: Option<&T>,
        operation: &OperationMetadata,
    ) -> Result<HttpRequest, BuildError> {
        let prefix = operation.target_prefix.ok_or_else(|| {
            BuildError::other(format!("{} needs the service's target prefix", V::NAME))
        })?;
        let mut request = HttpRequest::new(Method::POST, "/".to_owned());
        // `concat`, not `format!`: this runs on every call.
        let target = [prefix, ".", operation.name].concat();
        let target = HeaderValue::try_from(target)
            .map_err(|_| BuildError::other("the target prefix is not a valid header value"))?;
        request.headers.insert(TARGET, target);
        request
            .headers
            .insert(CONTENT_TYPE, HeaderValue::from_static(V::CONTENT_TYPE));
        query_compatible::mark_request(&mut request, operation);
        request.body = match input {
            Some(input) => write_json(input)?.into(),
            // An operation without input still sends an empty object.
            None => bytes::Bytes::from_static(b"{}"),
        };
        Ok(request)
    }
}
