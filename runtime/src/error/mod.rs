//! The one error type a call returns, and the parts it is made of.

mod build;
mod config;
mod metadata;
mod parse;

pub use build::BuildError;
pub use config::ConfigError;
// A transport failure is the transport's own error; calls carry it as is.
pub use crate::transport::{DispatchError, DispatchErrorKind};
pub use metadata::ErrorMetadata;
pub use parse::ParseError;

use std::fmt;

use crate::credentials::CredentialsError;

/// Everything that can go wrong with one call, typed by the operation's
/// modeled errors `E`.
///
/// The kind says where it went wrong ([`ErrorKind`]); a service error also
/// carries the typed modeled error and its [`ErrorMetadata`] (code, message,
/// HTTP status, request id). `Display` reads as one sentence; `source()`
/// chains to the cause. No secret is ever part of either.
///
/// ```
/// use awsop_runtime::error::{BuildError, Error, ErrorKind};
/// let err: Error<()> = Error::construction(BuildError::empty_label("domainIdentifier"));
/// assert_eq!(err.kind(), ErrorKind::Construction);
/// assert!(err.to_string().contains("domainIdentifier"));
/// ```
pub struct Error<E> {
    repr: Box<Repr<E>>,
}

enum Repr<E> {
    Construction(BuildError),
    Configuration(ConfigError),
    Credentials(CredentialsError),
    Dispatch(DispatchError),
    Response(ParseError, Option<ErrorMetadata>),
    Service(E, ErrorMetadata),
}

/// Where a call failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The input was refused before anything was sent.
    Construction,
    /// The client's configuration is unusable (region, endpoint, ...).
    Configuration,
    /// No credentials could be had.
    Credentials,
    /// The request could not be sent or its response not received (IO, connect).
    Dispatch,
    /// An attempt or the whole operation ran out of time.
    Timeout,
    /// A response arrived but could not be understood.
    Response,
    /// The service answered with an error.
    Service,
}

impl<E> Error<E> {
    fn new(repr: Repr<E>) -> Self {
        Error {
            repr: Box::new(repr),
        }
    }

    /// Bad input; nothing was sent.
    pub fn construction(err: BuildError) -> Self {
        Self::new(Repr::Construction(err))
    }

    /// Unusable configuration; nothing was sent.
    pub fn configuration(message: impl Into<String>) -> Self {
        Self::new(Repr::Configuration(ConfigError::new(message, None)))
    }

    /// Unusable configuration, with its cause (an endpoint that cannot be
    /// resolved, a request that cannot be signed); nothing was sent.
    pub fn configuration_error(err: ConfigError) -> Self {
        Self::new(Repr::Configuration(err))
    }

    /// No credentials.
    pub fn credentials(err: CredentialsError) -> Self {
        Self::new(Repr::Credentials(err))
    }

    /// IO, connect or timeout failure.
    pub fn dispatch(err: DispatchError) -> Self {
        Self::new(Repr::Dispatch(err))
    }

    /// An unparseable response, with the metadata that could be read.
    pub fn response(err: ParseError, metadata: Option<ErrorMetadata>) -> Self {
        Self::new(Repr::Response(err, metadata))
    }

    /// A service error: the typed error and its metadata.
    pub fn service(err: E, metadata: ErrorMetadata) -> Self {
        Self::new(Repr::Service(err, metadata))
    }

    /// Where the call failed.
    pub fn kind(&self) -> ErrorKind {
        match &*self.repr {
            Repr::Construction(_) => ErrorKind::Construction,
            Repr::Configuration(_) => ErrorKind::Configuration,
            Repr::Credentials(_) => ErrorKind::Credentials,
            Repr::Dispatch(e) if e.is_timeout() => ErrorKind::Timeout,
            Repr::Dispatch(_) => ErrorKind::Dispatch,
            Repr::Response(..) => ErrorKind::Response,
            Repr::Service(..) => ErrorKind::Service,
        }
    }

    /// The typed modeled error, if the service answered with one.
    pub fn service_error(&self) -> Option<&E> {
        match &*self.repr {
            Repr::Service(e, _) => Some(e),
            _ => None,
        }
    }

    /// Consumes the error into the typed modeled error, if any.
    pub fn into_service_error(self) -> Option<E> {
        match *self.repr {
            Repr::Service(e, _) => Some(e),
            _ => None,
        }
    }

    /// Code, message, status and request id, when a response was received.
    pub fn metadata(&self) -> Option<&ErrorMetadata> {
        match &*self.repr {
            Repr::Service(_, m) => Some(m),
            Repr::Response(_, m) => m.as_ref(),
            _ => None,
        }
    }

    /// The error code (`ValidationException`), if the service sent one.
    pub fn code(&self) -> Option<&str> {
        self.metadata().and_then(ErrorMetadata::code)
    }

    /// The error message, if the service sent one.
    pub fn message(&self) -> Option<&str> {
        self.metadata().and_then(ErrorMetadata::message)
    }

    /// The HTTP status, when a response was received.
    pub fn status(&self) -> Option<u16> {
        self.metadata().map(ErrorMetadata::status)
    }

    /// The `x-amzn-requestid` of the response, if any.
    pub fn request_id(&self) -> Option<&str> {
        self.metadata().and_then(ErrorMetadata::request_id)
    }

    /// The dispatch failure, if that is what happened.
    pub fn as_dispatch(&self) -> Option<&DispatchError> {
        match &*self.repr {
            Repr::Dispatch(e) => Some(e),
            _ => None,
        }
    }

    /// Changes the modeled error type (used when one error type wraps another).
    pub fn map_service_error<F>(self, f: impl FnOnce(E) -> F) -> Error<F> {
        Error::new(match *self.repr {
            Repr::Construction(e) => Repr::Construction(e),
            Repr::Configuration(m) => Repr::Configuration(m),
            Repr::Credentials(e) => Repr::Credentials(e),
            Repr::Dispatch(e) => Repr::Dispatch(e),
            Repr::Response(e, m) => Repr::Response(e, m),
            Repr::Service(e, m) => Repr::Service(f(e), m),
        })
    }
}

impl<E: fmt::Debug> fmt::Debug for Error<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &*self.repr {
            Repr::Construction(e) => f.debug_tuple("Construction").field(e).finish(),
            Repr::Configuration(m) => f.debug_tuple("Configuration").field(m).finish(),
            Repr::Credentials(e) => f.debug_tuple("Credentials").field(e).finish(),
            Repr::Dispatch(e) => f.debug_tuple("Dispatch").field(e).finish(),
            Repr::Response(e, m) => f.debug_tuple("Response").field(e).field(m).finish(),
            Repr::Service(e, m) => f.debug_tuple("Service").field(e).field(m).finish(),
        }
    }
}

impl<E> fmt::Display for Error<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &*self.repr {
            Repr::Construction(e) => write!(f, "invalid input, nothing was sent: {e}"),
            Repr::Configuration(m) => write!(f, "invalid configuration: {m}"),
            Repr::Credentials(e) => write!(f, "failed to load credentials: {e}"),
            Repr::Dispatch(e) => write!(f, "failed to send the request: {e}"),
            Repr::Response(e, _) => write!(f, "failed to read the response: {e}"),
            Repr::Service(_, m) => write!(f, "service error: {m}"),
        }
    }
}

impl<E: fmt::Debug + 'static> std::error::Error for Error<E> {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match &*self.repr {
            Repr::Construction(e) => Some(e),
            Repr::Configuration(e) => Some(e),
            Repr::Credentials(e) => Some(e),
            Repr::Dispatch(e) => Some(e),
            Repr::Response(e, _) => Some(e),
            Repr::Service(..) => None,
        }
    }
}
