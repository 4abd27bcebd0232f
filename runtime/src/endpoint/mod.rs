//! Where a call goes: the endpoint URL for an operation in a region.
//!
//! [`resolve`] picks, in order: the URL set in code, a URL configured in the
//! environment or shared config file (see [`EndpointConfig`]), else the
//! operation's regional endpoint built from its template and the region's
//! [`Partition`], with FIPS and dual-stack variants.
//!
//! ```
//! use awsop_runtime::endpoint::{resolve, EndpointConfig};
//! use awsop_runtime::operation::{BodyChecksum, OperationMetadata};
//! use awsop_runtime::Region;
//!
//! const META: OperationMetadata = OperationMetadata {
//!     service: "datazone",
//!     service_id: "DataZone",
//!     name: "CreateUserProfile",
//!     endpoint: Some("https://datazone.{region}.api.aws"),
//!     target_prefix: None,
//!     api_version: None,
//!     query_compatible: false,
//!     request_checksum: BodyChecksum::None,
//! };
//! let region = Region::new("us-east-1").unwrap();
//! let endpoint = resolve(&EndpointConfig::default(), &META, &region).unwrap();
//! assert_eq!(endpoint.url, "https://datazone.us-east-1.api.aws");
//!
//! let mut fips = EndpointConfig::default();
//! fips.use_fips = true;
//! assert_eq!(resolve(&fips, &META, &region).unwrap().url, "https://datazone-fips.us-east-1.api.aws");
//! ```

mod config;
mod error;
pub mod host_prefix;
mod partition;
mod template;
mod url;

pub(crate) use url::{parse as parse_url, ParsedUrl, Query, UrlHost};

pub use config::EndpointConfig;
pub use error::EndpointError;
pub use partition::Partition;

use crate::operation::OperationMetadata;
use crate::region::Region;

/// A resolved endpoint: `scheme://host[:port][/path-prefix]`, scheme and
/// host in lower case, never a trailing `/`. The operation's path and
/// query are appended to it ([`Endpoint::join`]).
///
/// ```
/// use awsop_runtime::endpoint::Endpoint;
/// let endpoint = Endpoint::parse("http://LOCALHOST:4566/prefix/").unwrap();
/// assert_eq!(endpoint.url, "http://localhost:4566/prefix");
/// assert_eq!(endpoint.join("/v2/domains?x=1"), "http://localhost:4566/prefix/v2/domains?x=1");
/// assert!(Endpoint::parse("https://user:secret@example.com").is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Endpoint {
    /// The URL, without a trailing `/`.
    pub url: String,
}

impl Endpoint {
    /// Checks and normalizes an endpoint URL: `http` or `https`, a host
    /// (name, IPv4 or `[IPv6]`), an optional port, an optional path prefix;
    /// no user information, query or fragment. Trailing `/` are removed.
    pub fn parse(url: &str) -> Result<Endpoint, EndpointError> {
        url::normalize(url).map(|url| Endpoint { url })
    }

    /// The absolute URL of a request: this endpoint followed by the
    /// operation's path and query (`/v2/...`).
    pub fn join(&self, path_and_query: &str) -> String {
        let slash = if path_and_query.starts_with('/') {
            ""
        } else {
            "/"
        };
        // Exactly as long as needed: the transport turns the `String` into
        // the request's `http::Uri` in place, and a `String` with spare
        // capacity would cost it an allocation there.
        [self.url.as_str(), slash, path_and_query].concat()
    }
}

/// The endpoint for `meta`'s operation in `region`.
///
/// A custom endpoint (code override, else configured URL) is used as is;
/// combining one with FIPS is an error, and with dual-stack too when the
/// operation's endpoint has a dual-stack variant (as the AWS endpoint rules
/// do). Otherwise the operation's template (`meta.endpoint`, default
/// `https://{service}.{region}.{dnsSuffix}`) is expanded for the region's
/// partition. The region is validated ([`Region`]), so it cannot alter the
/// host beyond its own label.
pub fn resolve(
    cfg: &EndpointConfig,
    meta: &OperationMetadata,
    region: &Region,
) -> Result<Endpoint, EndpointError> {
    let template = meta.endpoint.unwrap_or(template::DEFAULT_TEMPLATE);
    if let Some((endpoint, origin)) = cfg.custom_endpoint() {
        if cfg.use_fips {
            return Err(EndpointError::custom_endpoint_with("FIPS", origin));
        }
        if cfg.use_dual_stack && template::honors_dual_stack(template) {
            return Err(EndpointError::custom_endpoint_with("dual-stack", origin));
        }
        return endpoint;
    }
    // S3's own variants (`s3.dualstack.{region}.amazonaws.com`), unless the
    // operation names its endpoint.
    if crate::s3::applies_to(meta.service) && meta.endpoint.is_none() {
        return crate::s3::regional_endpoint(region, cfg.use_fips, cfg.use_dual_stack)
            .map(|url| Endpoint { url });
    }
    let options = template::Options {
        use_fips: cfg.use_fips,
        use_dual_stack: cfg.use_dual_stack,
    };
    template::expand(
        template,
        meta.service,
        region,
        Partition::of(region),
        options,
    )
    .map(|url| Endpoint { url })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::env::Env;
    use crate::operation::BodyChecksum;

    const DATAZONE: OperationMetadata = OperationMetadata {
        service: "datazone",
        service_id: "DataZone",
        name: "CreateUserProfile",
        endpoint: Some("https://datazone.{region}.api.aws"),
        target_prefix: None,
        api_version: None,
        query_compatible: false,
        request_checksum: BodyChecksum::None,
    };
    const GENERIC: OperationMetadata = OperationMetadata {
        service: "sts",
        service_id: "STS",
        name: "GetCallerIdentity",
        endpoint: None,
        target_prefix: None,
        api_version: None,
        query_compatible: false,
        request_checksum: BodyChecksum::None,
    };

    fn cfg(fips: bool, dual: bool) -> EndpointConfig {
        let mut c = EndpointConfig::default();
        c.use_fips = fips;
        c.use_dual_stack = dual;
        c
    }

    fn url(c: &EndpointConfig, meta: &OperationMetadata, region: &str) -> Result<String, String> {
        resolve(c, meta, &Region::new(region).unwrap())
            .map(|e| e.url)
            .map_err(|e| e.to_string())
    }

    #[test]
    fn datazone_matches_its_endpoint_rules() {
        // Expected values from botocore's datazone endpoint-rule-set-1.json:
        // FIPS → datazone-fips.{Region}.{dualStackDnsSuffix} where the
        // partition has dual-stack, {dnsSuffix} otherwise; no UseDualStack.
        for (region, fips, expected) in [
            ("us-east-1", false, "https://datazone.us-east-1.api.aws"),
            ("us-east-1", true, "https://datazone-fips.us-east-1.api.aws"),
            (
                "eu-central-1",
                false,
                "https://datazone.eu-central-1.api.aws",
            ),
            (
                "cn-north-1",
                false,
                "https://datazone.cn-north-1.api.amazonwebservices.com.cn",
            ),
            (
                "cn-north-1",
                true,
                "https://datazone-fips.cn-north-1.api.amazonwebservices.com.cn",
            ),
            (
                "us-gov-west-1",
                false,
                "https://datazone.us-gov-west-1.api.aws",
            ),
            (
                "us-gov-west-1",
                true,
                "https://datazone-fips.us-gov-west-1.api.aws",
            ),
            (
                "us-iso-east-1",
                false,
                "https://datazone.us-iso-east-1.c2s.ic.gov",
            ),
            (
                "us-iso-east-1",
                true,
                "https://datazone-fips.us-iso-east-1.c2s.ic.gov",
            ),
            (
                "us-isob-east-1",
                false,
                "https://datazone.us-isob-east-1.sc2s.sgov.gov",
            ),
            (
                "eu-isoe-west-1",
                false,
                "https://datazone.eu-isoe-west-1.cloud.adc-e.uk",
            ),
            (
                "us-isof-south-1",
                true,
                "https://datazone-fips.us-isof-south-1.csp.hci.ic.gov",
            ),
        ] {
            assert_eq!(url(&cfg(fips, false), &DATAZONE, region).unwrap(), expected);
            // Dual-stack is meaningless for an always-dual-stack service.
            assert_eq!(url(&cfg(fips, true), &DATAZONE, region).unwrap(), expected);
        }
    }

    #[test]
    fn default_template_uses_partition_suffixes() {
        for (region, fips, dual, expected) in [
            (
                "us-east-1",
                false,
                false,
                Ok("https://sts.us-east-1.amazonaws.com"),
            ),
            (
                "us-east-1",
                true,
                false,
                Ok("https://sts-fips.us-east-1.amazonaws.com"),
            ),
            (
                "us-east-1",
                false,
                true,
                Ok("https://sts.us-east-1.api.aws"),
            ),
            (
                "us-east-1",
                true,
                true,
                Ok("https://sts-fips.us-east-1.api.aws"),
            ),
            (
                "cn-northwest-1",
                false,
                false,
                Ok("https://sts.cn-northwest-1.amazonaws.com.cn"),
            ),
            (
                "cn-northwest-1",
                false,
                true,
                Ok("https://sts.cn-northwest-1.api.amazonwebservices.com.cn"),
            ),
            (
                "us-gov-east-1",
                true,
                false,
                Ok("https://sts-fips.us-gov-east-1.amazonaws.com"),
            ),
            (
                "us-iso-east-1",
                false,
                false,
                Ok("https://sts.us-iso-east-1.c2s.ic.gov"),
            ),
            (
                "us-isob-east-1",
                true,
                false,
                Ok("https://sts-fips.us-isob-east-1.sc2s.sgov.gov"),
            ),
            (
                "eu-isoe-west-1",
                false,
                false,
                Ok("https://sts.eu-isoe-west-1.cloud.adc-e.uk"),
            ),
            (
                "us-isof-east-1",
                false,
                false,
                Ok("https://sts.us-isof-east-1.csp.hci.ic.gov"),
            ),
            ("local", false, false, Ok("https://sts.local.amazonaws.com")),
            (
                "us-iso-east-1",
                false,
                true,
                Err("dual-stack is enabled but partition aws-iso does not support it"),
            ),
            ("us-isob-east-1", true, true, Err("partition aws-iso-b")),
        ] {
            let got = url(&cfg(fips, dual), &GENERIC, region);
            match expected {
                Ok(e) => assert_eq!(got.unwrap(), e, "{region} {fips} {dual}"),
                Err(e) => assert!(got.unwrap_err().contains(e), "{region} {fips} {dual}"),
            }
        }
    }

    #[test]
    fn explicit_placeholders_and_paths() {
        let meta = |endpoint| OperationMetadata {
            endpoint: Some(endpoint),
            ..GENERIC
        };
        let c = cfg(false, false);
        assert_eq!(
            url(
                &c,
                &meta("https://{service}.{region}.{dualStackDnsSuffix}/base/"),
                "us-east-1"
            )
            .unwrap(),
            "https://sts.us-east-1.api.aws/base"
        );
        assert_eq!(
            url(&c, &meta("https://iam.amazonaws.com"), "eu-west-1").unwrap(),
            "https://iam.amazonaws.com"
        );
        assert_eq!(
            url(
                &cfg(true, false),
                &meta("https://iam.amazonaws.com"),
                "eu-west-1"
            )
            .unwrap(),
            "https://iam-fips.amazonaws.com"
        );
        for (template, reason) in [
            (
                "https://{service}.{bogus}.aws",
                "unknown placeholder {bogus}",
            ),
            ("https://{service.aws", "unclosed"),
            ("https://service}.aws", "unmatched"),
            ("datazone.{region}.api.aws", "must start with"),
            ("https://{service}..{region}.aws", "empty label"),
        ] {
            let err = url(&c, &meta(template), "us-east-1").unwrap_err();
            assert!(
                err.contains("invalid endpoint template") && err.contains(reason),
                "{err}"
            );
        }
    }

    #[test]
    fn custom_endpoints_win_and_keep_their_path() {
        let env = Env::from_pairs([("AWS_ENDPOINT_URL", "http://localhost:4566/prefix/")]);
        let mut c = EndpointConfig::from_settings(&env, None, "DataZone").unwrap();
        assert_eq!(
            url(&c, &DATAZONE, "us-east-1").unwrap(),
            "http://localhost:4566/prefix"
        );
        c.url_override = Some("https://vpce-1.datazone.us-east-1.vpce.amazonaws.com".into());
        assert_eq!(
            url(&c, &DATAZONE, "us-east-1").unwrap(),
            "https://vpce-1.datazone.us-east-1.vpce.amazonaws.com"
        );
        c.url_override = Some("https://a:b@example.com".into());
        let err = url(&c, &DATAZONE, "us-east-1").unwrap_err();
        assert!(
            err.contains("user information") && err.contains("client configuration"),
            "{err}"
        );
        assert!(!err.contains("a:b"), "{err}");
    }

    #[test]
    fn custom_endpoints_refuse_fips_and_meaningful_dual_stack() {
        let env = Env::from_pairs([
            ("AWS_ENDPOINT_URL", "http://localhost:4566"),
            ("AWS_USE_FIPS_ENDPOINT", "true"),
        ]);
        let c = EndpointConfig::from_settings(&env, None, "DataZone").unwrap();
        let err = url(&c, &DATAZONE, "us-east-1").unwrap_err();
        assert_eq!(
            err,
            "invalid endpoint configuration: FIPS cannot be combined with a custom endpoint URL \
             (from environment variable AWS_ENDPOINT_URL)"
        );
        let env = Env::from_pairs([
            ("AWS_ENDPOINT_URL", "http://localhost:4566"),
            ("AWS_USE_DUALSTACK_ENDPOINT", "true"),
        ]);
        let c = EndpointConfig::from_settings(&env, None, "STS").unwrap();
        assert!(url(&c, &GENERIC, "us-east-1")
            .unwrap_err()
            .contains("dual-stack cannot be combined"));
        // DataZone has no dual-stack variant, so the setting does not conflict.
        let c = EndpointConfig::from_settings(&env, None, "DataZone").unwrap();
        assert_eq!(
            url(&c, &DATAZONE, "us-east-1").unwrap(),
            "http://localhost:4566"
        );
    }

    #[test]
    fn join_appends_path_and_query() {
        let e = Endpoint::parse("https://h").unwrap();
        assert_eq!(e.join("/v2/x?y=z"), "https://h/v2/x?y=z");
        assert_eq!(e.join(""), "https://h/");
        assert_eq!(e.join("v2"), "https://h/v2");
    }
}
