//! Where STS calls go: the region, and `sts_regional_endpoints`.

use std::sync::Arc;

use awsop_runtime::credentials::{CredentialsError, ProvideCredentials, SourceContext};
use awsop_runtime::endpoint::EndpointConfig;
use awsop_runtime::redact::Secrets;
use awsop_runtime::text::Escaped;
use awsop_runtime::Client;

use super::support::new_transport;

/// The region STS is called in when nothing names one: STS is in every
/// region, and `us-east-1` is where the global endpoint signs.
pub(crate) const DEFAULT_STS_REGION: &str = "us-east-1";

/// The global endpoint `sts_regional_endpoints = legacy` keeps for these
/// regions (the AWS SDKs' list).
const LEGACY_GLOBAL_REGIONS: &[&str] = &[
    "ap-northeast-1",
    "ap-south-1",
    "ap-southeast-1",
    "ap-southeast-2",
    "aws-global",
    "ca-central-1",
    "eu-central-1",
    "eu-north-1",
    "eu-west-1",
    "eu-west-2",
    "eu-west-3",
    "sa-east-1",
    "us-east-1",
    "us-east-2",
    "us-west-1",
    "us-west-2",
];
const GLOBAL_ENDPOINT: &str = "https://sts.amazonaws.com";

/// A client for STS calls, signed with `credentials` (or unsigned for
/// `None`): the context's configuration and region (else `us-east-1`), the
/// regional endpoint `https://sts.{region}.amazonaws.com` unless
/// `sts_regional_endpoints` / `AWS_STS_REGIONAL_ENDPOINTS` is `legacy` and
/// the region one of those that used the global endpoint. An
/// `AWS_ENDPOINT_URL_STS` (or any configured endpoint) wins over both.
/// Error responses lose `secrets` before anything reads them.
pub(crate) fn sts_client(
    cx: &SourceContext,
    credentials: Option<Arc<dyn ProvideCredentials>>,
    secrets: &Arc<Secrets>,
) -> Result<Client, CredentialsError> {
    let config =
        |e: &dyn std::fmt::Display| CredentialsError::invalid_configuration(format!("STS: {e}"));
    let region = cx
        .region()
        .map(|r| r.as_str().to_owned())
        .unwrap_or_else(|| DEFAULT_STS_REGION.to_owned());
    let transport = new_transport()?;
    let mut builder = cx
        .client_builder()
        .map_err(|e| config(&e))?
        .region(region.clone())
        .shared_http_client(transport)
        .redact_secrets(Arc::clone(secrets));
    if uses_global_endpoint(cx, &region)? {
        builder = builder
            .endpoint_url(GLOBAL_ENDPOINT)
            .region(DEFAULT_STS_REGION);
    }
    builder = match credentials {
        Some(credentials) => builder.credentials_provider(credentials),
        None => builder.unsigned(),
    };
    builder.build().map_err(|e| config(&e))
}

/// Whether STS is called at the global endpoint: `legacy` mode, a region
/// that used it, and no endpoint configured for STS (which would win).
fn uses_global_endpoint(cx: &SourceContext, region: &str) -> Result<bool, CredentialsError> {
    if !legacy_endpoints(cx)? || !LEGACY_GLOBAL_REGIONS.contains(&region) {
        return Ok(false);
    }
    let configured = EndpointConfig::from_env(cx.env(), cx.profile_set().map(|p| &**p), "STS")
        .map_err(|e| CredentialsError::invalid_configuration(format!("STS: {e}")))?;
    Ok(configured.configured_url().is_none())
}

fn legacy_endpoints(cx: &SourceContext) -> Result<bool, CredentialsError> {
    let value = cx
        .env()
        .get_non_empty("AWS_STS_REGIONAL_ENDPOINTS")
        .or_else(|| {
            cx.profile_set()
                .and_then(|p| p.get("sts_regional_endpoints"))
                .map(|v| v.trim().to_owned())
                .filter(|v| !v.is_empty())
        });
    match value.as_deref() {
        None | Some("regional") => Ok(false),
        Some("legacy") => Ok(true),
        Some(other) => Err(CredentialsError::invalid_configuration(format!(
            "STS: sts_regional_endpoints is `{}`; it must be `regional` or `legacy`",
            Escaped(other)
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use awsop_runtime::env::Env;

    fn global(vars: &[(&str, &str)], region: &str) -> Result<bool, CredentialsError> {
        uses_global_endpoint(
            &SourceContext::new(Env::from_pairs(vars.iter().copied()), None),
            region,
        )
    }

    #[test]
    fn regional_unless_legacy_for_an_old_region_without_an_override() {
        assert!(!global(&[], "us-east-1").unwrap(), "regional by default");
        assert!(!global(&[("AWS_STS_REGIONAL_ENDPOINTS", "regional")], "us-east-1").unwrap());
        assert!(global(&[("AWS_STS_REGIONAL_ENDPOINTS", "legacy")], "us-east-1").unwrap());
        assert!(global(&[("AWS_STS_REGIONAL_ENDPOINTS", "legacy")], "eu-west-1").unwrap());
        assert!(
            !global(&[("AWS_STS_REGIONAL_ENDPOINTS", "legacy")], "ap-east-1").unwrap(),
            "newer regions never had it"
        );
        let overridden = [
            ("AWS_STS_REGIONAL_ENDPOINTS", "legacy"),
            ("AWS_ENDPOINT_URL_STS", "http://127.0.0.1:1"),
        ];
        assert!(
            !global(&overridden, "us-east-1").unwrap(),
            "a configured endpoint wins"
        );
        let err = global(&[("AWS_STS_REGIONAL_ENDPOINTS", "global")], "us-east-1").unwrap_err();
        assert!(err.to_string().contains("`regional` or `legacy`"), "{err}");
    }
}
