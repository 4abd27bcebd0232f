//! Where the bucket goes: in the host (virtual-hosted style,
//! `https://bucket.s3.us-east-1.amazonaws.com/key`) or in the path
//! (path style, `https://s3.us-east-1.amazonaws.com/bucket/key`).

use std::fmt;
use std::str::FromStr;

use crate::endpoint::{Endpoint, EndpointError};

/// How requests address their bucket: the `s3 =` section's
/// `addressing_style` of the shared config file, or
/// `ClientBuilder::s3_addressing_style`.
///
/// ```
/// use awsop_runtime::s3::AddressingStyle;
/// assert_eq!("virtual".parse::<AddressingStyle>().unwrap(), AddressingStyle::Virtual);
/// assert!("Path".parse::<AddressingStyle>().is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum AddressingStyle {
    /// Virtual-hosted style when the bucket name can be a host label
    /// (and the endpoint's host is not an IP address), else path style.
    #[default]
    Auto,
    /// The bucket in the host, always: a name that cannot be a host label
    /// is an error.
    Virtual,
    /// The bucket as the first path segment.
    Path,
}

impl FromStr for AddressingStyle {
    type Err = InvalidAddressingStyle;

    fn from_str(value: &str) -> Result<Self, Self::Err> {
        match value {
            "auto" => Ok(AddressingStyle::Auto),
            "virtual" => Ok(AddressingStyle::Virtual),
            "path" => Ok(AddressingStyle::Path),
            _ => Err(InvalidAddressingStyle(
                crate::text::escape(value).into_owned(),
            )),
        }
    }
}

/// An `addressing_style` other than `auto`, `virtual` or `path`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvalidAddressingStyle(String);

impl fmt::Display for InvalidAddressingStyle {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "invalid S3 addressing_style {:?} (expected auto, virtual or path)",
            self.0
        )
    }
}

impl std::error::Error for InvalidAddressingStyle {}

/// The absolute URL of an S3 request whose serialized path starts with
/// its bucket (`/{Bucket}/{Key+}`): the bucket moves into the host unless
/// the style or the name says path style.
pub(crate) fn route(
    endpoint: &Endpoint,
    path_and_query: &str,
    style: AddressingStyle,
) -> Result<String, EndpointError> {
    if style == AddressingStyle::Path {
        return Ok(endpoint.join(path_and_query));
    }
    let Some((bucket, rest)) = split_bucket(path_and_query) else {
        // No bucket (ListBuckets): nothing to move.
        return Ok(endpoint.join(path_and_query));
    };
    let Some((scheme, authority_and_prefix)) = endpoint.url.split_once("://") else {
        return Ok(endpoint.join(path_and_query));
    };
    let host = authority_and_prefix
        .split(['/', ':'])
        .next()
        .unwrap_or_default();
    let ip_host = host.starts_with('[') || host.parse::<std::net::Ipv4Addr>().is_ok();
    // A bucket with dots matches no wildcard certificate: over TLS it
    // cannot be a host label.
    let virtual_ok = !ip_host && is_virtual_hostable(bucket, scheme != "https");
    if !virtual_ok {
        return match style {
            AddressingStyle::Virtual => Err(EndpointError::not_virtual_hostable(
                crate::text::escape(bucket).into_owned(),
            )),
            _ => Ok(endpoint.join(path_and_query)),
        };
    }
    let mut out = String::with_capacity(endpoint.url.len() + path_and_query.len() + 1);
    out.push_str(scheme);
    out.push_str("://");
    out.push_str(bucket);
    out.push('.');
    out.push_str(authority_and_prefix);
    if !rest.starts_with('/') {
        out.push('/');
    }
    out.push_str(rest);
    Ok(out)
}

/// `/bucket/rest?q` → (`bucket`, `/rest?q`); `/bucket?q` → (`bucket`, `?q`).
/// The bucket is still percent-encoded, so a name with characters a host
/// cannot hold fails [`is_virtual_hostable`].
fn split_bucket(path_and_query: &str) -> Option<(&str, &str)> {
    let path = path_and_query.strip_prefix('/')?;
    let end = path.find(['/', '?']).unwrap_or(path.len());
    let (bucket, rest) = path.split_at(end);
    (!bucket.is_empty()).then_some((bucket, rest))
}

/// Whether `bucket` can be a DNS label (or, with `allow_dots`, several):
/// 3 to 63 lower-case letters, digits and hyphens (and dots), starting and
/// ending with a letter or digit, and not shaped like an IP address. The
/// rule of the S3 endpoint rules' `isVirtualHostableS3Bucket`.
fn is_virtual_hostable(bucket: &str, allow_dots: bool) -> bool {
    if !(3..=63).contains(&bucket.len()) {
        return false;
    }
    let labels_ok = |label: &str| {
        let bytes = label.as_bytes();
        !bytes.is_empty()
            && bytes
                .iter()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || *b == b'-')
            && bytes[0] != b'-'
            && bytes[bytes.len() - 1] != b'-'
    };
    if bucket.contains('.') {
        allow_dots
            && bucket.split('.').all(labels_ok)
            && bucket.parse::<std::net::Ipv4Addr>().is_err()
    } else {
        labels_ok(bucket)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn url(endpoint: &str, path: &str, style: AddressingStyle) -> Result<String, String> {
        route(&Endpoint::parse(endpoint).unwrap(), path, style).map_err(|e| e.to_string())
    }

    #[test]
    fn virtual_hosted_by_default() {
        let regional = "https://s3.us-west-2.amazonaws.com";
        // The S3 developer guide's examples ("Virtual hosting of buckets").
        assert_eq!(
            url(
                regional,
                "/amzn-s3-demo-bucket/puppy.png",
                AddressingStyle::Auto
            )
            .unwrap(),
            "https://amzn-s3-demo-bucket.s3.us-west-2.amazonaws.com/puppy.png"
        );
        assert_eq!(
            url(
                regional,
                "/amzn-s3-demo-bucket/puppy.png",
                AddressingStyle::Path
            )
            .unwrap(),
            "https://s3.us-west-2.amazonaws.com/amzn-s3-demo-bucket/puppy.png"
        );
        assert_eq!(
            url(regional, "/bucket?list-type=2", AddressingStyle::Auto).unwrap(),
            "https://bucket.s3.us-west-2.amazonaws.com/?list-type=2"
        );
        assert_eq!(
            url(regional, "/bucket", AddressingStyle::Virtual).unwrap(),
            "https://bucket.s3.us-west-2.amazonaws.com/"
        );
        assert_eq!(
            url(regional, "/", AddressingStyle::Auto).unwrap(),
            "https://s3.us-west-2.amazonaws.com/"
        );
    }

    #[test]
    fn names_that_cannot_be_host_labels_fall_back_to_path_style() {
        let regional = "https://s3.us-east-1.amazonaws.com";
        for bucket in [
            "My-Bucket",
            "my.bucket",
            "ab",
            "-bucket",
            "bucket-",
            "my_bucket",
        ] {
            let path = format!("/{bucket}/k");
            assert_eq!(
                url(regional, &path, AddressingStyle::Auto).unwrap(),
                format!("{regional}{path}"),
                "{bucket}"
            );
            let err = url(regional, &path, AddressingStyle::Virtual).unwrap_err();
            assert!(err.contains("virtual-hosted"), "{err}");
        }
        // Dots are fine without TLS.
        assert_eq!(
            url(
                "http://s3.local:9000",
                "/my.bucket/k",
                AddressingStyle::Auto
            )
            .unwrap(),
            "http://my.bucket.s3.local:9000/k"
        );
        assert!(!is_virtual_hostable("192.168.1.1", true));
        assert!(!is_virtual_hostable("a..b", true));
    }

    #[test]
    fn custom_endpoints_keep_both_styles() {
        assert_eq!(
            url(
                "http://localhost:5000",
                "/bucket/a%20b",
                AddressingStyle::Auto
            )
            .unwrap(),
            "http://bucket.localhost:5000/a%20b"
        );
        assert_eq!(
            url(
                "http://localhost:5000/prefix",
                "/bucket/k",
                AddressingStyle::Virtual
            )
            .unwrap(),
            "http://bucket.localhost:5000/prefix/k"
        );
        assert_eq!(
            url("http://localhost:5000", "/bucket/k", AddressingStyle::Path).unwrap(),
            "http://localhost:5000/bucket/k"
        );
        // An IP address has no subdomains.
        assert_eq!(
            url("http://127.0.0.1:5000", "/bucket/k", AddressingStyle::Auto).unwrap(),
            "http://127.0.0.1:5000/bucket/k"
        );
        assert!(url("http://[::1]:5000", "/bucket/k", AddressingStyle::Virtual).is_err());
    }
}
