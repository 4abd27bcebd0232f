//! What S3 responses mean beyond their status: errors inside a 200, the
//! second request id, the bucket's region on a wrong-region answer, and
//! errors of HEAD requests (which have no body to name them).

#[cfg(feature = "xml")]
use crate::codec::xml::{XmlEvent, XmlReader};
use crate::error::ErrorMetadata;
use crate::http::HttpResponse;

/// Operations that may answer 200 and then fail while copying or
/// assembling, with an `<Error>` document as the body (the S3 API
/// reference of each, and botocore's `handle_200_error`).
const ERRORS_IN_200: [&str; 3] = ["CopyObject", "CompleteMultipartUpload", "UploadPartCopy"];

/// Makes a 200 whose body is an `<Error>` document the error it is, with
/// status 500 as botocore does: S3 asks clients to retry these, and the
/// retry policy retries 5xx.
pub(crate) fn promote_200_error(response: &mut HttpResponse, operation: &str) {
    if response.status == 200
        && ERRORS_IN_200.contains(&operation)
        && root_element(&response.body) == Some("Error")
    {
        response.status = 500;
    }
}

/// S3's additions to an error's metadata: the extended request id
/// (`x-amz-id-2`), the bucket's region (`x-amz-bucket-region`, else the
/// `<Region>` of an `AuthorizationHeaderMalformed` body), and for a body-less
/// 404 (every HEAD error) the code `NotFound`.
pub(crate) fn enrich_metadata(metadata: ErrorMetadata, response: &HttpResponse) -> ErrorMetadata {
    let mut metadata = metadata;
    if metadata.code().is_none() && response.status == 404 && response.body.is_empty() {
        metadata = metadata.with_code_if_missing("NotFound");
    }
    if let Some(id) = response.header("x-amz-id-2") {
        metadata = metadata.with_extended_request_id(id.to_owned());
    }
    let region = response
        .header("x-amz-bucket-region")
        .map(str::to_owned)
        .or_else(|| element_under_error(&response.body, "Region"));
    if let Some(region) = region {
        metadata = metadata.with_bucket_region(region);
    }
    metadata
}

// Without the feature `xml` no restXml operation (so no S3 one) can be
// declared, and S3's bodies are never read.
#[cfg(not(feature = "xml"))]
fn root_element(_body: &[u8]) -> Option<&str> {
    None
}

#[cfg(not(feature = "xml"))]
fn element_under_error(_body: &[u8], _name: &str) -> Option<String> {
    None
}

/// The name of the document's root element, if the body is XML.
#[cfg(feature = "xml")]
fn root_element(body: &[u8]) -> Option<&str> {
    let mut reader = XmlReader::new(body).ok()?;
    match reader.next().ok()? {
        XmlEvent::Start { name, .. } => Some(name),
        _ => None,
    }
}

/// The text of `<Error><name>` (a direct child of the root `<Error>`).
#[cfg(feature = "xml")]
fn element_under_error(body: &[u8], name: &str) -> Option<String> {
    if body.is_empty() {
        return None;
    }
    let mut reader = XmlReader::new(body).ok()?;
    let mut depth = 0usize;
    let mut inside = false;
    let mut text = String::new();
    loop {
        match reader.next().ok()? {
            XmlEvent::Start { name: element, .. } => {
                depth += 1;
                if depth == 1 && element != "Error" {
                    return None;
                }
                inside = depth == 2 && element == name;
                text.clear();
            }
            XmlEvent::Text(t) => {
                if inside && text.len() < 64 {
                    text.push_str(&t);
                }
            }
            XmlEvent::End => {
                if inside {
                    let value = text.trim();
                    return (!value.is_empty()).then(|| value.to_owned());
                }
                depth = depth.saturating_sub(1);
            }
            XmlEvent::Eof => return None,
        }
    }
}

#[cfg(all(test, feature = "xml"))]
mod tests {
    use super::*;

    // The bodies are the S3 API reference's examples ("Error responses";
    // CopyObject: "a 200 OK response can contain either a success or an
    // error").
    const COPY_FAILED: &str =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>InternalError</Code>\
        <Message>We encountered an internal error. Please try again.</Message>\
        <RequestId>656c76696e6727732072657175657374</RequestId>\
        <HostId>Uuag1LuByRx9e6j5Onimru9pO4ZVKnJ2Qz7/C1NPcfTWAtRPfTaOFg==</HostId></Error>";

    #[test]
    fn an_error_document_in_a_200_is_an_error_for_the_three_operations() {
        for operation in ERRORS_IN_200 {
            let mut response = HttpResponse::new(200, COPY_FAILED);
            promote_200_error(&mut response, operation);
            assert_eq!(response.status, 500, "{operation}");
        }
        let success = "<?xml version=\"1.0\"?><CopyObjectResult><ETag>\"9b2cf535f27731c974343645a3985328\"</ETag></CopyObjectResult>";
        let mut response = HttpResponse::new(200, success);
        promote_200_error(&mut response, "CopyObject");
        assert_eq!(response.status, 200);
        // Another operation's object may well be an XML document named Error.
        let mut response = HttpResponse::new(200, COPY_FAILED);
        promote_200_error(&mut response, "GetObject");
        assert_eq!(response.status, 200);
    }

    #[test]
    fn metadata_keeps_both_request_ids_and_names_the_region() {
        let body = "<Error><Code>AuthorizationHeaderMalformed</Code><Message>The authorization header is malformed; \
            the region 'us-east-1' is wrong; expecting 'us-west-2'</Message><Region>us-west-2</Region>\
            <RequestId>R1</RequestId><HostId>H1</HostId></Error>";
        let response = HttpResponse::new(400, body)
            .with_header("x-amz-request-id", "R1")
            .with_header("x-amz-id-2", "H1");
        let meta = ErrorMetadata::new(
            Some("AuthorizationHeaderMalformed".into()),
            None,
            400,
            Some("R1".into()),
        );
        let meta = enrich_metadata(meta, &response);
        assert_eq!(meta.request_id(), Some("R1"));
        assert_eq!(meta.extended_request_id(), Some("H1"));
        assert_eq!(meta.bucket_region(), Some("us-west-2"));

        let redirect = HttpResponse::new(301, "<Error><Code>PermanentRedirect</Code></Error>")
            .with_header("x-amz-bucket-region", "eu-west-1");
        let meta = ErrorMetadata::new(Some("PermanentRedirect".into()), None, 301, None);
        let meta = enrich_metadata(meta, &redirect);
        assert_eq!(meta.bucket_region(), Some("eu-west-1"));
        assert!(
            meta.to_string().contains("bucket region eu-west-1"),
            "{meta}"
        );
    }

    #[test]
    fn a_bodyless_404_is_not_found() {
        let response = HttpResponse::new(404, "").with_header("x-amz-request-id", "R2");
        let meta = ErrorMetadata::new(None, None, 404, Some("R2".into()));
        let meta = enrich_metadata(meta, &response);
        assert_eq!(meta.code(), Some("NotFound"));
        // A 404 with a body keeps the body's code.
        let meta = ErrorMetadata::new(Some("NoSuchKey".into()), None, 404, None);
        let with_body = HttpResponse::new(404, "<Error><Code>NoSuchKey</Code></Error>");
        let meta = enrich_metadata(meta, &with_body);
        assert_eq!(meta.code(), Some("NoSuchKey"));
    }
}
