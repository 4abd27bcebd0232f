use std::collections::HashMap;
use std::sync::{Arc, RwLock};

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
    resolved: RwLock<HashMap<CacheKey, Result<Arc<Endpoint>, EndpointError>>>,
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
    ) -> Result<Arc<Endpoint>, EndpointError> {
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
        let resolved = self.resolve_uncached(meta, region).map(Arc::new);
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
