//! Which endpoint options the user configured, in code, the environment or
//! the shared config file.

use super::{Endpoint, EndpointError};
use crate::env::Env;
use crate::settings::{self, Origin, ProfileLookup, Setting};

/// Endpoint options for one service.
///
/// `url_override` is the endpoint set in code: it wins over everything,
/// including `AWS_IGNORE_CONFIGURED_ENDPOINT_URLS`. Otherwise the first of
/// these is used, the order of the AWS SDKs reference guide
/// ("Service-specific endpoints"):
///
/// 1. `AWS_ENDPOINT_URL_<SERVICE_ID>` (e.g. `AWS_ENDPOINT_URL_DATAZONE`),
/// 2. `AWS_ENDPOINT_URL`,
/// 3. `endpoint_url` in the profile's `services` section for the service,
/// 4. `endpoint_url` in the profile,
/// 5. the operation's regional endpoint.
///
/// Steps 1–4 are skipped when `AWS_IGNORE_CONFIGURED_ENDPOINT_URLS` (else
/// the profile's `ignore_configured_endpoint_urls`) is `true`.
///
/// ```
/// use awsop_runtime::endpoint::EndpointConfig;
/// use awsop_runtime::env::Env;
/// let env = Env::from_pairs([
///     ("AWS_ENDPOINT_URL", "http://localhost:4566"),
///     ("AWS_ENDPOINT_URL_DATAZONE", "http://localhost:9000/"),
/// ]);
/// let cfg = EndpointConfig::from_env(&env, None, "DataZone").unwrap();
/// assert_eq!(cfg.configured_url(), Some("http://localhost:9000"));
///
/// let mut cfg = EndpointConfig::default();
/// cfg.url_override = Some("http://127.0.0.1:8080".into());
/// cfg.use_fips = false;
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EndpointConfig {
    /// An endpoint URL set in code; wins over all configuration.
    pub url_override: Option<String>,
    /// Use the FIPS endpoint (`AWS_USE_FIPS_ENDPOINT`, `use_fips_endpoint`).
    pub use_fips: bool,
    /// Use the dual-stack endpoint (`AWS_USE_DUALSTACK_ENDPOINT`,
    /// `use_dualstack_endpoint`).
    pub use_dual_stack: bool,
    /// The configured URL that won (checked once, when loaded; an invalid one
    /// is reported only if it is used).
    configured: Option<Configured>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Configured {
    url: Result<Endpoint, EndpointError>,
    origin: Origin,
}

impl EndpointConfig {
    /// Reads the endpoint settings for the service whose service id is
    /// `service_id` (`DataZone`, `Cognito Identity`) from the environment and
    /// the selected profile.
    ///
    /// The service id names `AWS_ENDPOINT_URL_<SERVICE_ID>` (upper case,
    /// spaces and `-` as `_`) and the `services` section key (lower case,
    /// spaces and `-` as `_`). Errors: a FIPS, dual-stack or ignore setting
    /// other than `true`/`false`.
    pub fn from_env(
        env: &Env,
        profile: Option<&crate::profile::ProfileSet>,
        service_id: &str,
    ) -> Result<EndpointConfig, EndpointError> {
        Self::from_settings(env, profile.map(|p| p as &dyn ProfileLookup), service_id)
    }

    pub(crate) fn from_settings(
        env: &Env,
        profile: Option<&dyn ProfileLookup>,
        service_id: &str,
    ) -> Result<EndpointConfig, EndpointError> {
        let flag = |env_name, key| -> Result<bool, EndpointError> {
            match settings::env_then_profile(env, profile, env_name, key) {
                None => Ok(false),
                Some(Setting { value, origin }) => settings::parse_bool(&value)
                    .ok_or_else(|| EndpointError::invalid_bool(value, origin)),
            }
        };
        let use_fips = flag("AWS_USE_FIPS_ENDPOINT", "use_fips_endpoint")?;
        let use_dual_stack = flag("AWS_USE_DUALSTACK_ENDPOINT", "use_dualstack_endpoint")?;
        let ignore = flag(
            "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS",
            "ignore_configured_endpoint_urls",
        )?;

        let configured = if ignore {
            None
        } else {
            let env_name = format!("AWS_ENDPOINT_URL_{}", env_suffix(service_id));
            let service_key = services_key(service_id);
            settings::from_env(env, &env_name)
                .or_else(|| settings::from_env(env, "AWS_ENDPOINT_URL"))
                .or_else(|| settings::from_service_section(profile?, &service_key, "endpoint_url"))
                .or_else(|| settings::from_profile(profile?, "endpoint_url"))
                .map(|Setting { value, origin }| Configured {
                    url: Endpoint::parse(&value).map_err(|e| e.with_origin(origin.clone())),
                    origin,
                })
        };
        Ok(EndpointConfig {
            url_override: None,
            use_fips,
            use_dual_stack,
            configured,
        })
    }

    /// The endpoint URL configured in the environment or profile that
    /// applies (normalized), if any and if valid. `url_override` is not
    /// included.
    pub fn configured_url(&self) -> Option<&str> {
        match &self.configured {
            Some(Configured { url: Ok(e), .. }) => Some(&e.url),
            _ => None,
        }
    }

    /// The custom endpoint to use instead of the regional one, if any:
    /// the override, else the configured URL. `Err` if that URL is invalid.
    pub(crate) fn custom_endpoint(&self) -> Option<(Result<Endpoint, EndpointError>, Origin)> {
        if let Some(url) = &self.url_override {
            let parsed = Endpoint::parse(url).map_err(|e| e.with_origin(Origin::Code));
            return Some((parsed, Origin::Code));
        }
        self.configured
            .as_ref()
            .map(|c| (c.url.clone(), c.origin.clone()))
    }
}

/// `DataZone` → `DATAZONE`, `Cognito Identity` → `COGNITO_IDENTITY`.
fn env_suffix(service_id: &str) -> String {
    service_id
        .chars()
        .map(|c| match c {
            ' ' | '-' => '_',
            c => c.to_ascii_uppercase(),
        })
        .collect()
}

/// `DataZone` → `datazone`, `Cognito Identity` → `cognito_identity`.
fn services_key(service_id: &str) -> String {
    service_id
        .chars()
        .map(|c| match c {
            ' ' | '-' => '_',
            c => c.to_ascii_lowercase(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::settings::test_support::FakeProfile;

    fn load(env: &[(&str, &str)], profile: Option<&FakeProfile>) -> EndpointConfig {
        EndpointConfig::from_settings(
            &Env::from_pairs(env.iter().copied()),
            profile.map(|p| p as &dyn ProfileLookup),
            "DataZone",
        )
        .unwrap()
    }

    fn full_profile() -> FakeProfile {
        FakeProfile::default()
            .with("endpoint_url", "http://profile-global")
            .with_service("datazone", "endpoint_url", "http://profile-service")
            .with_service("s3", "endpoint_url", "http://profile-s3")
    }

    #[test]
    fn names_derive_from_the_service_id() {
        assert_eq!(env_suffix("DataZone"), "DATAZONE");
        assert_eq!(env_suffix("Cognito Identity"), "COGNITO_IDENTITY");
        assert_eq!(env_suffix("Route 53"), "ROUTE_53");
        assert_eq!(services_key("Cognito Identity"), "cognito_identity");
        assert_eq!(services_key("DataZone"), "datazone");
    }

    #[test]
    fn precedence_follows_the_sdk_reference() {
        let p = full_profile();
        let all = [
            ("AWS_ENDPOINT_URL_DATAZONE", "http://env-service"),
            ("AWS_ENDPOINT_URL", "http://env-global"),
        ];
        assert_eq!(
            load(&all, Some(&p)).configured_url(),
            Some("http://env-service")
        );
        assert_eq!(
            load(&all[1..], Some(&p)).configured_url(),
            Some("http://env-global")
        );
        assert_eq!(
            load(&[], Some(&p)).configured_url(),
            Some("http://profile-service")
        );
        let global_only = FakeProfile::default()
            .with("endpoint_url", "http://profile-global")
            .with_service("s3", "endpoint_url", "http://profile-s3");
        assert_eq!(
            load(&[], Some(&global_only)).configured_url(),
            Some("http://profile-global")
        );
        assert_eq!(load(&[], None).configured_url(), None);
        // Another service's variable does not apply.
        assert_eq!(
            load(&[("AWS_ENDPOINT_URL_S3", "http://s3")], None).configured_url(),
            None
        );
        // A blank variable counts as unset.
        let blank = [
            ("AWS_ENDPOINT_URL_DATAZONE", " "),
            ("AWS_ENDPOINT_URL", "http://env-global"),
        ];
        assert_eq!(
            load(&blank, None).configured_url(),
            Some("http://env-global")
        );
    }

    #[test]
    fn ignore_setting_skips_configured_urls() {
        let p = full_profile();
        for value in ["true", "TRUE", "True"] {
            let env = [
                ("AWS_ENDPOINT_URL_DATAZONE", "http://env-service"),
                ("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", value),
            ];
            assert_eq!(load(&env, Some(&p)).configured_url(), None);
        }
        let p_ignores = full_profile().with("ignore_configured_endpoint_urls", "true");
        assert_eq!(
            load(&[("AWS_ENDPOINT_URL", "http://x")], Some(&p_ignores)).configured_url(),
            None
        );
        // The environment variable wins over the profile, also for `false`.
        let env = [
            ("AWS_ENDPOINT_URL", "http://x"),
            ("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "false"),
        ];
        assert_eq!(
            load(&env, Some(&p_ignores)).configured_url(),
            Some("http://x")
        );
        // Code always wins.
        let mut cfg = load(&[("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "true")], None);
        cfg.url_override = Some("http://code/".into());
        let (url, origin) = cfg.custom_endpoint().unwrap();
        assert_eq!(url.unwrap().url, "http://code");
        assert_eq!(origin, Origin::Code);
    }

    #[test]
    fn flags_come_from_env_then_profile() {
        let cfg = load(&[("AWS_USE_FIPS_ENDPOINT", "true")], None);
        assert!(cfg.use_fips && !cfg.use_dual_stack);
        let p = FakeProfile::default()
            .with("use_fips_endpoint", "true")
            .with("use_dualstack_endpoint", "TRUE");
        let cfg = load(&[("AWS_USE_FIPS_ENDPOINT", "false")], Some(&p));
        assert!(!cfg.use_fips && cfg.use_dual_stack);
        assert_eq!(load(&[], None), EndpointConfig::default());
    }

    #[test]
    fn invalid_flags_are_errors_naming_their_source() {
        let env = Env::from_pairs([("AWS_USE_DUALSTACK_ENDPOINT", "yes")]);
        let err = EndpointConfig::from_settings(&env, None, "DataZone").unwrap_err();
        assert_eq!(
            err.to_string(),
            "invalid endpoint setting \"yes\" (from environment variable AWS_USE_DUALSTACK_ENDPOINT): expected true or false"
        );
        let p = FakeProfile::default().with("ignore_configured_endpoint_urls", "1");
        let env = Env::from_pairs::<&str, &str>([]);
        let err = EndpointConfig::from_settings(&env, Some(&p), "DataZone").unwrap_err();
        assert!(
            err.to_string()
                .contains("profile setting `ignore_configured_endpoint_urls`"),
            "{err}"
        );
    }

    #[test]
    fn reads_a_real_profile_file() {
        let config = "[profile dev]\n\
                      region = eu-west-1\n\
                      endpoint_url = http://global:1\n\
                      services = local\n\
                      \n\
                      [services local]\n\
                      datazone =\n  endpoint_url = http://dz:2/\n\
                      cognito_identity =\n  endpoint_url = http://cognito:3\n";
        let profile = crate::profile::ProfileSet::parse(config, "", "dev").unwrap();
        let env = Env::from_pairs::<&str, &str>([]);
        let dz = EndpointConfig::from_env(&env, Some(&profile), "DataZone").unwrap();
        assert_eq!(dz.configured_url(), Some("http://dz:2"));
        let cognito = EndpointConfig::from_env(&env, Some(&profile), "Cognito Identity").unwrap();
        assert_eq!(cognito.configured_url(), Some("http://cognito:3"));
        let sts = EndpointConfig::from_env(&env, Some(&profile), "STS").unwrap();
        assert_eq!(sts.configured_url(), Some("http://global:1"));
        let region = crate::region::region_from_env(&env, Some(&profile)).unwrap();
        assert_eq!(region.unwrap().as_str(), "eu-west-1");
    }

    #[test]
    fn an_invalid_configured_url_is_reported_when_used() {
        let cfg = load(&[("AWS_ENDPOINT_URL_DATAZONE", "localhost:4566")], None);
        assert_eq!(cfg.configured_url(), None);
        let (url, _) = cfg.custom_endpoint().unwrap();
        let err = url.unwrap_err().to_string();
        assert!(err.contains("\"localhost:4566\""), "{err}");
        assert!(
            err.contains("environment variable AWS_ENDPOINT_URL_DATAZONE"),
            "{err}"
        );

        // ... and not at all when code overrides it.
        let mut cfg = cfg;
        cfg.url_override = Some("http://ok".into());
        assert!(cfg.custom_endpoint().unwrap().0.is_ok());
    }
}
