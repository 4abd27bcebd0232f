//! restXml: HTTP bindings, XML bodies.

use super::binding::{PayloadBody, RequestWriter};
use super::xml_body::{read_xml, OutputAt};
use super::xml_error::XmlErrorFields;
use super::{HttpBindingProtocol, Protocol, Role};
use crate::codec::xml::{XmlShapeReader, XmlShapeWriter};
use crate::error::{BuildError, ErrorMetadata, ParseError};
use crate::http::{HttpRequest, HttpResponse};
use crate::shape::{Member, ReadValue, Shape, WriteValue, ROOT};

const CONTENT_TYPE: &str = "application/xml";

/// AWS restXml (S3, CloudFront, Route 53): members bound to the URI, query
/// and headers; the rest an XML body whose root is the input (named by
/// `xml_name`, else the input's name).
///
/// Errors: `<ErrorResponse><Error><Code>` and `<Message>`, or an unwrapped
/// `<Error>` root (S3); the request id from the headers, else the body's
/// `<RequestId>`.
///
/// ```
/// use awsop_runtime::http::HttpResponse;
/// use awsop_runtime::protocol::{Protocol, RestXml};
/// let body = "<ErrorResponse><Error><Type>Sender</Type><Code>NoSuchHostedZone</Code>\
///             <Message>No zone</Message></Error><RequestId>r-1</RequestId></ErrorResponse>";
/// let meta = RestXml::error_metadata(&HttpResponse::new(404, body));
/// assert_eq!(meta.code(), Some("NoSuchHostedZone"));
/// assert_eq!(meta.message(), Some("No zone"));
/// assert_eq!(meta.request_id(), Some("r-1"));
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct RestXml;

/// Writes `value` as an XML document whose root is member `m` (a
/// structure given [`ROOT`] is named by its schema); `None` when the root
/// has nothing in it, which restXml sends as no body at all.
fn write_xml<T: WriteValue + ?Sized>(value: &T, m: &Member) -> Result<Option<Vec<u8>>, BuildError> {
    let mut w = XmlShapeWriter::with_capacity(value.size_hint() * 2);
    value.write(&mut w, m);
    let empty = w.is_bare_root();
    let xml = w.finish()?;
    Ok((!empty).then(|| xml.into_bytes()))
}

impl Protocol for RestXml {
    const NAME: &'static str = "restXml";

    fn error_metadata(response: &HttpResponse) -> ErrorMetadata {
        XmlErrorFields::read(&response.body).metadata(response)
    }

    fn read_body<T: ReadValue + Shape>(body: &[u8], role: Role<'_>) -> Result<T, ParseError> {
        read_xml(body, role, OutputAt::Root)
    }

    fn write_shape_payload<T: WriteValue + Shape>(
        value: &T,
        m: &Member,
    ) -> Result<PayloadBody, BuildError> {
        // A payload is sent whole, even with nothing in it.
        let mut w = XmlShapeWriter::with_capacity(value.size_hint() * 2);
        value.write(&mut w, m);
        Ok(PayloadBody {
            bytes: w.finish()?.into_bytes(),
            content_type: CONTENT_TYPE,
        })
    }

    fn read_shape_payload<T: ReadValue + Shape>(body: &[u8]) -> Result<T, ParseError> {
        XmlShapeReader::read_document(body)
    }
}

impl HttpBindingProtocol for RestXml {
    fn write_body<T: WriteValue + Shape>(
        input: &T,
        request: RequestWriter,
    ) -> Result<HttpRequest, BuildError> {
        Ok(match write_xml(input, &ROOT)? {
            Some(bytes) => request.body(PayloadBody {
                bytes,
                content_type: CONTENT_TYPE,
            }),
            None => request.finish(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unwrapped_errors_and_header_request_ids() {
        let mut r = HttpResponse::new(
            404,
            "<?xml version=\"1.0\"?><Error><Code>NoSuchKey</Code><Message>gone</Message>\
             <RequestId>body-id</RequestId></Error>",
        );
        let meta = RestXml::error_metadata(&r);
        assert_eq!(meta.code(), Some("NoSuchKey"));
        assert_eq!(meta.request_id(), Some("body-id"));
        r.headers
            .insert("x-amz-request-id", "header-id".parse().unwrap());
        assert_eq!(RestXml::error_metadata(&r).request_id(), Some("header-id"));
    }

    #[test]
    fn junk_bodies_still_give_status() {
        for body in [
            "",
            "<html>502",
            "{\"code\": \"X\"}",
            "<a><Code>X</Code></a>",
        ] {
            let meta = RestXml::error_metadata(&HttpResponse::new(502, body));
            assert_eq!((meta.status(), meta.code()), (502, None), "{body}");
        }
        let meta = RestXml::error_metadata(&HttpResponse::new(502, "<html>bad gateway"));
        assert!(meta.body_excerpt().is_some());
    }
}
