//! Error codes as services send them, and the shape name they stand for.

/// Cuts an error code to its shape name: at the first `:` (a URI suffix
/// some services add), then after the last `#` (a Smithy namespace).
///
/// ```
/// use awsop_runtime::protocol::error_code::sanitize;
/// assert_eq!(sanitize("aws.protocoltests.restjson#FooError:http://internal.amazon.com/"), "FooError");
/// assert_eq!(sanitize("FooError"), "FooError");
/// ```
pub fn sanitize(raw: &str) -> &str {
    let code = raw.split(':').next().unwrap_or(raw);
    let code = code.rsplit('#').next().unwrap_or(code);
    code.trim()
}
