//! The JSON documents that carry credentials: `credential_process` output,
//! the container endpoint's and IMDS's responses.
//!
//! Errors name the field and never quote the document: it holds secrets.
//! (The document is read as a [`Document`] by the runtime's own JSON codec,
//! whose nesting and size limits hold here too, and the fields are checked
//! by hand.)

use std::collections::HashMap;

use crate::codec::json::JsonShapeReader;
use crate::value::{Document, Number};

use super::{Credentials, CredentialsError};
use crate::time::parse_rfc3339;

/// Which document is being read; they differ in field names and checks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Format {
    /// `{"Version": 1, "AccessKeyId", "SecretAccessKey", "SessionToken", "Expiration"}`.
    Process,
    /// `{"AccessKeyId", "SecretAccessKey", "Token", "Expiration"}` (ECS, EKS Pod Identity).
    Container,
    /// The container format plus `"Code": "Success"`.
    Imds,
}

impl Format {
    fn what(self) -> &'static str {
        match self {
            Format::Process => "credential_process output",
            Format::Container => "container credentials response",
            Format::Imds => "IMDS credentials response",
        }
    }

    fn provider_name(self) -> &'static str {
        match self {
            Format::Process => "process",
            Format::Container => "container",
            Format::Imds => "imds",
        }
    }

    fn token_field(self) -> &'static str {
        match self {
            Format::Process => "SessionToken",
            Format::Container | Format::Imds => "Token",
        }
    }
}

/// Reads credentials from `body` in `format`.
pub(crate) fn parse_credentials(
    body: &[u8],
    format: Format,
) -> Result<Credentials, CredentialsError> {
    let what = format.what();
    let fail = |detail: String| CredentialsError::provider_error(format!("{what}: {detail}"));
    let value = JsonShapeReader::read_document::<Document>(body)
        .map_err(|_| fail("not valid JSON".to_owned()))?;
    let Document::Object(object) = value else {
        return Err(fail("not a JSON object".to_owned()));
    };
    match format {
        Format::Process => match object.get("Version") {
            Some(Document::Number(Number::PosInt(1))) => {}
            Some(_) => {
                return Err(fail(
                    "unsupported `Version` (only 1 is supported)".to_owned(),
                ))
            }
            None => return Err(fail("missing `Version`".to_owned())),
        },
        Format::Imds => match object.get("Code") {
            None => {}
            Some(Document::String(code)) if code == "Success" => {}
            Some(Document::String(code)) if is_plain_word(code) => {
                return Err(fail(format!("`Code` is `{code}`, not `Success`")))
            }
            Some(_) => return Err(fail("`Code` is not `Success`".to_owned())),
        },
        Format::Container => {}
    }
    let access_key_id = required_string(&object, "AccessKeyId").map_err(fail)?;
    let secret_access_key = required_string(&object, "SecretAccessKey").map_err(fail)?;
    let session_token = optional_string(&object, format.token_field()).map_err(fail)?;
    let expiry = match optional_string(&object, "Expiration").map_err(fail)? {
        None => None,
        Some(text) => Some(
            parse_rfc3339(&text)
                .ok_or_else(|| fail("`Expiration` is not an RFC 3339 date-time".to_owned()))?,
        ),
    };
    Ok(Credentials::new(
        access_key_id,
        secret_access_key,
        session_token,
        expiry,
        format.provider_name(),
    ))
}

fn required_string(object: &HashMap<String, Document>, field: &str) -> Result<String, String> {
    optional_string(object, field)?.ok_or_else(|| format!("missing `{field}`"))
}

/// Absent, `null` and `""` all mean "not given".
fn optional_string(
    object: &HashMap<String, Document>,
    field: &str,
) -> Result<Option<String>, String> {
    match object.get(field) {
        None | Some(Document::Null) => Ok(None),
        Some(Document::String(s)) if s.is_empty() => Ok(None),
        Some(Document::String(s)) => Ok(Some(s.clone())),
        Some(_) => Err(format!("`{field}` is not a string")),
    }
}

/// Status codes such as `AssumeRoleUnauthorizedAccess` are safe to show;
/// anything else is not echoed.
fn is_plain_word(s: &str) -> bool {
    s.len() <= 64
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn process_document() {
        let creds = parse_credentials(
            br#"{"Version":1,"AccessKeyId":"AKID","SecretAccessKey":"S3CR3T","SessionToken":"TOK","Expiration":"2030-01-01T00:00:00Z"}"#,
            Format::Process,
        )
        .unwrap();
        assert_eq!(creds.session_token(), Some("TOK"));
        assert!(creds.expiry().is_some());
        assert_eq!(creds.provider_name(), "process");
    }

    #[test]
    fn errors_never_echo_the_document() {
        for (body, format) in [
            (
                &br#"{"Version":1,"AccessKeyId":"AKID","SecretAccessKey":"S3CR3T","#[..],
                Format::Process,
            ),
            (
                br#"{"Version":2,"AccessKeyId":"AKID","SecretAccessKey":"S3CR3T"}"#,
                Format::Process,
            ),
            (
                br#"{"Version":1,"AccessKeyId":"AKID","SecretAccessKey":7}"#,
                Format::Process,
            ),
            (
                br#"{"AccessKeyId":"AKID","SecretAccessKey":"S3CR3T","Expiration":"S3CR3T"}"#,
                Format::Container,
            ),
            (
                br#"{"Code":"S3CR3T!","AccessKeyId":"AKID","SecretAccessKey":"S3CR3T"}"#,
                Format::Imds,
            ),
            (br#"["S3CR3T"]"#, Format::Container),
        ] {
            let err = parse_credentials(body, format).unwrap_err();
            assert!(!err.to_string().contains("S3CR3T"), "{err}");
            assert!(!format!("{err:?}").contains("S3CR3T"), "{err:?}");
        }
    }

    #[test]
    fn imds_code_must_be_success() {
        let err = parse_credentials(
            br#"{"Code":"AssumeRoleUnauthorizedAccess","AccessKeyId":"A","SecretAccessKey":"B"}"#,
            Format::Imds,
        )
        .unwrap_err();
        assert!(err.to_string().contains("AssumeRoleUnauthorizedAccess"));
    }
}
