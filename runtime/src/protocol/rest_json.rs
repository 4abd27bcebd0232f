//! restJson1: HTTP bindings, JSON bodies.

use super::binding::{PayloadBody, RequestWriter};
use super::json_error::JsonErrorFields;
use super::{error_code, request_id, HttpBindingProtocol, Protocol, Role};
use crate::codec::json::{JsonReader, JsonShapeReader, JsonShapeWriter};
use crate::error::{BuildError, ErrorMetadata, ParseError};
use crate::http::{HttpRequest, HttpResponse};
use crate::shape::{Member, ReadValue, Shape, WriteValue, ROOT};
use crate::value::Document;

const CONTENT_TYPE: &str = "application/json";

/// AWS restJson1: members bound to the URI, query and headers; the rest a
/// JSON object body.
///
/// Errors: the code is the `x-amzn-ErrorType` header, else the body's
/// `code`, else its `__type`, cut to the shape name
/// ([`error_code::sanitize`]); the message is the body's `message`,
/// `Message` or `errorMessage`; the request id is in the headers
/// ([`request_id`]).
///
/// ```
/// use awsop_runtime::http::HttpResponse;
/// use awsop_runtime::protocol::{Protocol, RestJson1};
/// let mut response = HttpResponse::new(400, r#"{"__type": "ns#ValidationException", "Message": "bad"}"#);
/// response.headers.insert("x-amzn-requestid", "r-1".parse().unwrap());
/// let meta = RestJson1::error_metadata(&response);
/// assert_eq!(meta.code(), Some("ValidationException"));
/// assert_eq!(meta.message(), Some("bad"));
/// assert_eq!(meta.request_id(), Some("r-1"));
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct RestJson1;

/// Writes `value` as a JSON document.
pub(crate) fn write_json<T: WriteValue + ?Sized>(value: &T) -> Result<Vec<u8>, BuildError> {
    let mut w = JsonShapeWriter::with_capacity(value.size_hint());
    value.write(&mut w, &ROOT);
    w.finish()
}

/// Reads a JSON body as `T`; an empty (or all-whitespace) body is an
/// empty object: services send nothing when no member is set. With
/// `lenient`, a body that is not JSON reads as empty too.
pub(crate) fn read_json<T: ReadValue + Shape>(body: &[u8], lenient: bool) -> Result<T, ParseError> {
    const EMPTY: &[u8] = b"{}";
    // Error bodies are read twice when lenient (checked, then read): rare,
    // and it keeps a wrongly shaped JSON error a parse error.
    let not_json = |body: &[u8]| {
        let mut r = JsonReader::new(body);
        r.skip().and_then(|()| r.finish()).is_err()
    };
    let body = if body.iter().all(u8::is_ascii_whitespace) || (lenient && not_json(body)) {
        EMPTY
    } else {
        body
    };
    JsonShapeReader::read_document(body).map_err(|e| e.in_root(T::SCHEMA.name))
}

impl Protocol for RestJson1 {
    const NAME: &'static str = "restJson1";

    fn error_metadata(response: &HttpResponse) -> ErrorMetadata {
        let body = JsonErrorFields::read(&response.body);
        let code = response
            .header("x-amzn-errortype")
            .or(body.code.as_deref())
            .or(body.type_name.as_deref())
            .map(error_code::sanitize)
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

    fn write_shape_payload<T: WriteValue + Shape>(
        value: &T,
        _: &Member,
    ) -> Result<PayloadBody, BuildError> {
        Ok(PayloadBody {
            bytes: write_json(value)?,
            content_type: CONTENT_TYPE,
        })
    }

    fn absent_shape_payload() -> Option<PayloadBody> {
        Some(PayloadBody {
            bytes: b"{}".to_vec(),
            content_type: CONTENT_TYPE,
        })
    }

    fn read_shape_payload<T: ReadValue + Shape>(body: &[u8]) -> Result<T, ParseError> {
        JsonShapeReader::read_document(body)
    }

    fn write_document(value: &Document) -> Result<PayloadBody, BuildError> {
        Ok(PayloadBody {
            bytes: write_json(value)?,
            content_type: CONTENT_TYPE,
        })
    }

    fn read_document(body: &[u8]) -> Result<Document, ParseError> {
        JsonShapeReader::read_document(body)
    }
}

impl HttpBindingProtocol for RestJson1 {
    fn write_body<T: WriteValue + Shape>(
        input: &T,
        request: RequestWriter,
    ) -> Result<HttpRequest, BuildError> {
        Ok(request.body(PayloadBody {
            bytes: write_json(input)?,
            content_type: CONTENT_TYPE,
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with_header(status: u16, body: &str, name: &'static str, value: &str) -> HttpResponse {
        let mut r = HttpResponse::new(status, body.to_string());
        r.headers.insert(name, value.parse().unwrap());
        r
    }

    #[test]
    fn header_wins_over_body() {
        let r = with_header(
            500,
            r#"{"code": "Other"}"#,
            "X-Amzn-Errortype",
            "aws.protocoltests.restjson#FooError:http://internal.amazon.com/coral/com.amazon.coral.validate/",
        );
        assert_eq!(RestJson1::error_metadata(&r).code(), Some("FooError"));
    }

    #[test]
    fn code_then_dunder_type() {
        let r = HttpResponse::new(500, r#"{"code": "a#FooError", "__type": "Bar"}"#);
        assert_eq!(RestJson1::error_metadata(&r).code(), Some("FooError"));
        let r = HttpResponse::new(
            500,
            r#"{"__type": "aws.protocoltests.restjson#FooError:http://x/"}"#,
        );
        assert_eq!(RestJson1::error_metadata(&r).code(), Some("FooError"));
        let r = HttpResponse::new(400, r#"{"errorMessage": "m", "Message": "M"}"#);
        assert_eq!(RestJson1::error_metadata(&r).message(), Some("M"));
    }

    #[test]
    fn unreadable_bodies_are_shown_in_part() {
        let page = format!("<html><body>{}</body></html>", "x".repeat(500));
        let meta = RestJson1::error_metadata(&HttpResponse::new(403, page));
        let excerpt = meta.body_excerpt().unwrap();
        assert!(excerpt.starts_with("<html><body>xxx"), "{excerpt}");
        assert_eq!(excerpt.len(), 200);
        assert!(meta
            .to_string()
            .contains("the body was not understood: <html>"));
        let ok = RestJson1::error_metadata(&HttpResponse::new(400, r#"{"message": "m"}"#));
        assert_eq!(ok.body_excerpt(), None);
        assert_eq!(
            RestJson1::error_metadata(&HttpResponse::new(500, "")).body_excerpt(),
            None
        );
    }

    #[test]
    fn junk_bodies_still_give_status() {
        for body in [
            "",
            "<html>502</html>",
            "[1,2]",
            "{\"code\": 5}",
            "{\"code\": \"X\"",
        ] {
            let meta = RestJson1::error_metadata(&HttpResponse::new(502, body.to_string()));
            assert_eq!(meta.status(), 502);
            assert_eq!(meta.code(), None, "{body}");
        }
    }
}
