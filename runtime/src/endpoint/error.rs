//! Why no endpoint could be resolved.

use std::fmt;

use crate::settings::Origin;

/// No usable endpoint: a configured URL was refused, a setting was not
/// understood, or the options ask for an endpoint that does not exist.
///
/// `Display` names the offending value (escaped), where it came from and
/// what is wrong. A URL with user information is never echoed, since the
/// part before `@` may hold a password, and query values are shown as `***`
/// (a presigned URL's `X-Amz-Security-Token` is a secret).
///
/// ```
/// use awsop_runtime::endpoint::Endpoint;
/// let err = Endpoint::parse("ftp://example.com").unwrap_err();
/// assert_eq!(err.to_string(), "invalid endpoint URL \"ftp://example.com\": the scheme must be http or https");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EndpointError {
    kind: Kind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Kind {
    InvalidUrl {
        /// `None` when echoing the value could leak a secret.
        value: Option<String>,
        origin: Option<Origin>,
        reason: &'static str,
    },
    InvalidBool {
        value: String,
        origin: Origin,
    },
    InvalidTemplate {
        template: String,
        reason: String,
    },
    Unsupported {
        partition: &'static str,
        what: &'static str,
    },
    CustomEndpointWith {
        what: &'static str,
        origin: Origin,
    },
    NotVirtualHostable {
        bucket: String,
    },
}

impl EndpointError {
    /// A refused URL, shown only as far as [`super::url::safe_to_show`]
    /// allows: never its user information or query values.
    pub(crate) fn invalid_url(value: &str, reason: &'static str) -> Self {
        EndpointError {
            kind: Kind::InvalidUrl {
                value: super::url::safe_to_show(value),
                origin: None,
                reason,
            },
        }
    }

    pub(crate) fn invalid_bool(value: String, origin: Origin) -> Self {
        EndpointError {
            kind: Kind::InvalidBool { value, origin },
        }
    }

    pub(crate) fn invalid_template(template: &str, reason: impl Into<String>) -> Self {
        EndpointError {
            kind: Kind::InvalidTemplate {
                template: template.to_owned(),
                reason: reason.into(),
            },
        }
    }

    /// An S3 bucket name that cannot be a host label, with the
    /// virtual-hosted style required.
    pub(crate) fn not_virtual_hostable(bucket: String) -> Self {
        EndpointError {
            kind: Kind::NotVirtualHostable { bucket },
        }
    }

    pub(crate) fn unsupported(partition: &'static str, what: &'static str) -> Self {
        EndpointError {
            kind: Kind::Unsupported { partition, what },
        }
    }

    pub(crate) fn custom_endpoint_with(what: &'static str, origin: Origin) -> Self {
        EndpointError {
            kind: Kind::CustomEndpointWith { what, origin },
        }
    }

    /// The reason a URL was refused, without the URL: for callers that
    /// word their own message.
    pub(crate) fn reason(&self) -> Option<&'static str> {
        match &self.kind {
            Kind::InvalidUrl { reason, .. } => Some(reason),
            _ => None,
        }
    }

    /// Records where a refused URL came from.
    pub(crate) fn with_origin(mut self, from: Origin) -> Self {
        if let Kind::InvalidUrl { origin, .. } = &mut self.kind {
            *origin = Some(from);
        }
        self
    }
}

impl fmt::Display for EndpointError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            Kind::InvalidUrl {
                value,
                origin,
                reason,
            } => {
                f.write_str("invalid endpoint URL")?;
                if let Some(value) = value {
                    write!(f, " {value:?}")?;
                }
                if let Some(origin) = origin {
                    write!(f, " (from {origin})")?;
                }
                write!(f, ": {reason}")
            }
            Kind::InvalidBool { value, origin } => write!(
                f,
                "invalid endpoint setting {value:?} (from {origin}): expected true or false"
            ),
            Kind::InvalidTemplate { template, reason } => {
                write!(f, "invalid endpoint template {template:?}: {reason}")
            }
            Kind::Unsupported { partition, what } => write!(
                f,
                "no endpoint: {what} is enabled but partition {partition} does not support it"
            ),
            Kind::CustomEndpointWith { what, origin } => write!(
                f,
                "invalid endpoint configuration: {what} cannot be combined with a custom endpoint URL (from {origin})"
            ),
            Kind::NotVirtualHostable { bucket } => write!(
                f,
                "bucket {bucket:?} cannot be addressed virtual-hosted style (it is no DNS name, \
                 has dots over TLS, or the endpoint is an IP address): use addressing_style path or auto"
            ),
        }
    }
}

impl std::error::Error for EndpointError {}
