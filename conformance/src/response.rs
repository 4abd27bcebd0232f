//! Building a case's response, and comparing parsed outputs and errors.

use std::fmt::Debug;

use awsop::__private::protocol::Protocol;
use awsop::runtime::http::HttpResponse;
use awsop::runtime::operation::{ModeledError, Operation};
use http::{HeaderName, HeaderValue};

/// The response a case describes (`response` in the fixture).
pub fn response(status: u16, headers: &[(&str, &str)], body: &str) -> Result<HttpResponse, String> {
    let mut response = HttpResponse::new(status, body.as_bytes().to_vec());
    for (name, value) in headers {
        let name = HeaderName::from_bytes(name.as_bytes())
            .map_err(|e| format!("response header name {name:?}: {e}"))?;
        let value = HeaderValue::from_str(value)
            .map_err(|e| format!("response header value {value:?}: {e}"))?;
        response.headers.append(name, value);
    }
    Ok(response)
}

/// The response a case of a binary protocol describes: its body is base64
/// in the fixture.
pub fn response_base64(
    status: u16,
    headers: &[(&str, &str)],
    body: &str,
) -> Result<HttpResponse, String> {
    let bytes = awsop::runtime::encoding::base64::decode(body)
        .map_err(|e| format!("the case's base64 body: {e}"))?;
    let mut response = response(status, headers, "")?;
    response.body = bytes.into();
    Ok(response)
}

/// `Ok` when the values are equal; otherwise both, pretty-printed.
pub fn expect_eq<T: PartialEq + Debug>(actual: &T, expected: &T) -> Result<(), String> {
    if actual == expected {
        Ok(())
    } else {
        Err(format!("expected:\n{expected:#?}\nactual:\n{actual:#?}"))
    }
}

/// `f32` and `f64`, for [`take_nan`].
pub trait Float: Copy + Debug {
    /// Whether the value is NaN.
    fn is_nan_value(self) -> bool;
}

impl Float for f32 {
    fn is_nan_value(self) -> bool {
        self.is_nan()
    }
}

impl Float for f64 {
    fn is_nan_value(self) -> bool {
        self.is_nan()
    }
}

/// Checks that a parsed member is NaN, then clears it: NaN never equals
/// itself, so the rest of the output is compared with `PartialEq` after.
pub fn take_nan<F: Float>(member: &mut Option<F>, name: &str) -> Result<(), String> {
    match member.take() {
        Some(v) if v.is_nan_value() => Ok(()),
        other => Err(format!("`{name}`: expected NaN, got {other:?}")),
    }
}

/// Reads an error response the way a call of `O` does (code and message
/// from the headers and body, then `O::Error`) and compares it with the
/// case. A case with no `errorMessage` (`message: None`) says nothing
/// about the message, which is then not compared (the XML `ComplexError`
/// cases send `<Message>Hi</Message>` and name no message).
pub fn check_error<O>(
    response: &HttpResponse,
    code: &str,
    message: Option<&str>,
    expected: &O::Error,
) -> Result<(), String>
where
    O: Operation,
    O::Error: PartialEq,
{
    let metadata = <O::Protocol as Protocol>::error_metadata(response);
    let mut problems = Vec::new();
    if metadata.code() != Some(code) {
        problems.push(format!(
            "code: expected {code:?}, got {:?}",
            metadata.code()
        ));
    }
    if message.is_some() && metadata.message() != message {
        problems.push(format!(
            "message: expected {message:?}, got {:?}",
            metadata.message()
        ));
    }
    match O::Error::from_response::<O::Protocol>(response, &metadata) {
        Ok(actual) => {
            if let Err(diff) = expect_eq(&actual, expected) {
                problems.push(diff);
            }
        }
        Err(e) => problems.push(format!("from_response failed: {e}")),
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("\n"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builds_responses_with_repeated_headers() {
        let r = response(201, &[("X-A", "1"), ("x-a", "2")], "{}").unwrap();
        assert_eq!(r.status, 201);
        assert_eq!(r.headers.get_all("x-a").iter().count(), 2);
        assert_eq!(r.body.as_ref(), b"{}");
        assert!(response(200, &[("bad header", "v")], "").is_err());
    }

    #[test]
    fn nan_members_are_checked_then_cleared() {
        let mut v = Some(f32::NAN);
        assert!(take_nan(&mut v, "floatValue").is_ok());
        assert_eq!(v, None);
        assert!(take_nan(&mut Some(1.0_f64), "doubleValue").is_err());
        assert!(take_nan::<f64>(&mut None, "doubleValue").is_err());
    }

    #[test]
    fn equality_failures_show_both_values() {
        assert!(expect_eq(&1, &1).is_ok());
        let why = expect_eq(&"got", &"want").unwrap_err();
        assert!(why.contains("got") && why.contains("want"));
    }
}
