//! Smithy RPC v2 CBOR: `POST /service/<service>/operation/<operation>`,
//! the whole input a CBOR map.

use http::header::{HeaderName, HeaderValue, ACCEPT, CONTENT_TYPE};
use http::Method;

use super::{error_code, query_compatible, request_id, Protocol, Role, RpcProtocol};
use crate::codec::cbor::{CborShapeReader, CborShapeWriter, Decoder, Type};
use crate::error::{BuildError, ErrorMetadata, ParseError};
use crate::http::{HttpRequest, HttpResponse};
use crate::operation::OperationMetadata;
use crate::shape::{ReadValue, Shape, WriteValue, ERROR_MESSAGE_KEYS, ROOT};

const MEDIA_TYPE: &str = "application/cbor";
const SMITHY_PROTOCOL: HeaderName = HeaderName::from_static("smithy-protocol");

/// Smithy RPC v2 CBOR (CloudWatch and other services that moved to it):
/// `POST /service/<target prefix>/operation/<name>` with
/// `smithy-protocol: rpc-v2-cbor`, `Accept: application/cbor`, and the
/// input a CBOR map (`Content-Type: application/cbor`) when the operation
/// has an input.
///
/// Errors: the code is the body's `__type` (cut to the shape name), or a
/// query-compatible service's `x-amzn-query-error`; the message its
/// `message`.
///
/// ```
/// use awsop_runtime::http::HttpResponse;
/// use awsop_runtime::protocol::{Protocol, RpcV2Cbor};
/// // {"__type": "ns#Boom", "message": "hi"}
/// let body = b"\xa2\x66__type\x67ns#Boom\x67message\x62hi".to_vec();
/// let meta = RpcV2Cbor::error_metadata(&HttpResponse::new(400, body));
/// assert_eq!(meta.code(), Some("Boom"));
/// assert_eq!(meta.message(), Some("hi"));
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct RpcV2Cbor;

/// `__type` and the message of a CBOR error body; `None`s when it is not a
/// CBOR map, `Err` when it is not CBOR at all.
fn error_fields(body: &[u8]) -> Result<(Option<String>, Option<String>), ()> {
    let mut d = Decoder::new(body);
    let mut map = d.begin_map().map_err(drop)?;
    let mut type_name = None;
    let mut messages: [Option<String>; 3] = Default::default();
    while map.has_next(&mut d).map_err(drop)? {
        let key = d.read_text().map_err(drop)?;
        let slot = match &*key {
            "__type" => &mut type_name,
            other => match ERROR_MESSAGE_KEYS.iter().position(|k| *k == other) {
                Some(i) => &mut messages[i],
                None => {
                    d.skip_value().map_err(drop)?;
                    continue;
                }
            },
        };
        if d.peek_type().map_err(drop)? == Type::Text {
            *slot = Some(d.read_text().map_err(drop)?.into_owned());
        } else {
            d.skip_value().map_err(drop)?;
        }
    }
    Ok((type_name, messages.into_iter().flatten().next()))
}

impl Protocol for RpcV2Cbor {
    const NAME: &'static str = "rpcv2Cbor";

    fn error_metadata(response: &HttpResponse) -> ErrorMetadata {
        let fields = if response.body.is_empty() {
            Ok((None, None))
        } else {
            error_fields(&response.body)
        };
        let (type_name, message) = fields.clone().unwrap_or_default();
        let code = query_compatible::legacy_code(response)
            .or_else(|| type_name.as_deref().map(error_code::sanitize))
            .filter(|c| !c.is_empty())
            .map(str::to_owned);
        let meta = ErrorMetadata::new(
            code,
            message,
            response.status,
            request_id::from_headers(response).map(str::to_owned),
        );
        match fields {
            Ok(_) => meta,
            Err(()) => meta.with_unreadable_body(&response.body),
        }
    }

    fn read_body<T: ReadValue + Shape>(body: &[u8], role: Role<'_>) -> Result<T, ParseError> {
        // An empty body is an empty map, as for JSON.
        const EMPTY: &[u8] = &[0xa0];
        let not_cbor = |body: &[u8]| {
            let mut d = Decoder::new(body);
            d.skip_value().and_then(|()| d.finish()).is_err()
        };
        let body = if body.is_empty() || (role == Role::Error && not_cbor(body)) {
            EMPTY
        } else {
            body
        };
        CborShapeReader::read_document(body).map_err(|e| e.in_root(T::SCHEMA.name))
    }
}

impl RpcProtocol for RpcV2Cbor {
    fn write_request<T: WriteValue + Shape>(
        input: Option<&T>,
        operation: &OperationMetadata,
    ) -> Result<HttpRequest, BuildError> {
        let service = operation.target_prefix.ok_or_else(|| {
            BuildError::other("rpcv2Cbor needs the service's name (its target prefix)")
        })?;
        let path = format!("/service/{service}/operation/{}", operation.name);
        let mut request = HttpRequest::new(Method::POST, path);
        request
            .headers
            .insert(SMITHY_PROTOCOL, HeaderValue::from_static("rpc-v2-cbor"));
        request
            .headers
            .insert(ACCEPT, HeaderValue::from_static(MEDIA_TYPE));
        query_compatible::mark_request(&mut request, operation);
        if let Some(input) = input {
            let mut w = CborShapeWriter::with_capacity(input.size_hint());
            input.write(&mut w, &ROOT);
            request.body = w.finish()?.into();
            request
                .headers
                .insert(CONTENT_TYPE, HeaderValue::from_static(MEDIA_TYPE));
        }
        Ok(request)
    }
}
