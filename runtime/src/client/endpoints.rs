use std::collections::HashMap;
use std::sync::{Arc, RwLock};

use http::HeaderValue;

use crate::endpoint::{self, Endpoint, EndpointConfig, EndpointError};
use crate::env::Env;
use crate::operation::OperationMetadata;
use crate::profile::ProfileSet;
use crate::region::Region;

/// Resolves each service's endpoint once per client and remembers it: the
/// environment, the profile and the region do not change during a client's
/// life, so resolving on every call would only repeat string work.
pub(crate) struct EndpointCache {
    env: Env,
    profile: Option<Arc<ProfileSet>>,
    url_override: Option<String>,
    use_fips: Option<bool>,
    use_dual_stack: Option<bool>,
    resolved: RwLock<HashMap<CacheKey, Result<Arc<Resolved>, EndpointError>>>,
}

/// A resolved endpoint and the `Host` header of its URL, derived once.
pub(crate) struct Resolved {
    pub(crate) endpoint: Endpoint,
    /// `None` only if the URL has no host the signer accepts (it then
    /// reports why).
    pub(crate) host: Option<HeaderValue>,
}

impl Resolved {
    fn new(endpoint: Endpoint) -> Self {
        let host = crate::sigv4::host_header_for(&endpoint.url);
        Resolved { endpoint, host }
    }

    /// The `Host` header for `url`, a request URL routed from this
    /// endpoint: the cached one when the URL keeps the endpoint's host
    /// (the endpoint followed by a path), else derived from `url` (S3's
    /// virtual-hosted buckets, host prefixes).
    pub(crate) fn host_for(&self, url: &str) -> Option<HeaderValue> {
        match url.strip_prefix(self.endpoint.url.as_str()) {
            Some(rest) if rest.is_empty() || rest.starts_with(['/', '?']) => self.host.clone(),
            _ => crate::sigv4::host_header_for(url),
        }
    }
}

/// Service id and endpoint template.
type CacheKey = (&'static str, &'static str);

impl EndpointCache {
    pub(crate) fn new(
        env: Env,
        profile: Option<Arc<ProfileSet>>,
        url_override: Option<String>,
        use_fips: Option<bool>,
        use_dual_stack: Option<bool>,
    ) -> Self {
        EndpointCache {
            env,
            profile,
            url_override,
            use_fips,
            use_dual_stack,
            resolved: RwLock::new(HashMap::new()),
        }
    }

    /// The endpoint for an operation of `meta`'s service in `region`.
    pub(crate) fn resolve(
        &self,
        meta: &OperationMetadata,
        region: &Region,
    ) -> Result<Arc<Resolved>, EndpointError> {
        // Keyed by service and template: operations of one service may carry
        // different endpoint templates.
        let key = (meta.service_id, meta.endpoint.unwrap_or(""));
        if let Some(hit) = self
            .resolved
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .get(&key)
        {
            return hit.clone();
        }
        let resolved = self
            .resolve_uncached(meta, region)
            .map(|endpoint| Arc::new(Resolved::new(endpoint)));
        self.resolved
            .write()
            .unwrap_or_else(|p| p.into_inner())
            .insert(key, resolved.clone());
        resolved
    }

    fn resolve_uncached(
        &self,
        meta: &OperationMetadata,
        region: &Region,
    ) -> Result<Endpoint, EndpointError> {
        let mut config =
            EndpointConfig::from_env(&self.env, self.profile.as_deref(), meta.service_id)?;
        if let Some(url) = &self.url_override {
            config.url_override = Some(url.clone());
        }
        if let Some(fips) = self.use_fips {
            config.use_fips = fips;
        }
        if let Some(dual) = self.use_dual_stack {
            config.use_dual_stack = dual;
        }
        endpoint::resolve(&config, meta, region)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn resolved(url: &str) -> Resolved {
        Resolved::new(Endpoint::parse(url).unwrap())
    }

    #[test]
    fn the_host_is_the_endpoints_unless_routing_changed_it() {
        let host =
            |r: &Resolved, url: &str| r.host_for(url).map(|v| v.to_str().unwrap().to_owned());
        let s3 = resolved("https://s3.us-east-1.amazonaws.com");
        let local = resolved("http://127.0.0.1:8080/prefix");
        for (r, url, expected) in [
            (
                &s3,
                "https://s3.us-east-1.amazonaws.com/b/k",
                "s3.us-east-1.amazonaws.com",
            ),
            (
                &s3,
                "https://s3.us-east-1.amazonaws.com?x",
                "s3.us-east-1.amazonaws.com",
            ),
            (
                &s3,
                "https://b.s3.us-east-1.amazonaws.com/k",
                "b.s3.us-east-1.amazonaws.com",
            ),
            (
                &s3,
                "https://s3.us-east-1.amazonaws.com.evil/k",
                "s3.us-east-1.amazonaws.com.evil",
            ),
            (
                &local,
                "http://127.0.0.1:8080/prefix/v2/x",
                "127.0.0.1:8080",
            ),
            (
                &local,
                "http://data.127.0.0.1:8080/prefix/",
                "data.127.0.0.1:8080",
            ),
        ] {
            assert_eq!(host(r, url).as_deref(), Some(expected), "{url}");
        }
    }
}
