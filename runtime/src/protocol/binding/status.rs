/// An output member bound with `#[aws(response_code)]`: receives the HTTP
/// status code.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot hold the HTTP status code",
    label = "response_code members must be i32, u16, i64 or an Option of one"
)]
pub trait StatusCodeBinding {
    /// The member for `status`.
    fn from_status(status: u16) -> Self;
}

impl StatusCodeBinding for i32 {
    fn from_status(status: u16) -> Self {
        i32::from(status)
    }
}

impl StatusCodeBinding for i64 {
    fn from_status(status: u16) -> Self {
        i64::from(status)
    }
}

impl StatusCodeBinding for u16 {
    fn from_status(status: u16) -> Self {
        status
    }
}

impl<T: StatusCodeBinding> StatusCodeBinding for Option<T> {
    fn from_status(status: u16) -> Self {
        Some(T::from_status(status))
    }
}
