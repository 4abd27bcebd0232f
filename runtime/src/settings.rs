//! Settings read the way every AWS SDK reads them: the environment variable
//! first, then the selected profile of the shared config file.

use std::fmt;

use crate::env::Env;
use crate::profile::ProfileSet;

/// Read access to the selected profile. [`ProfileSet`] implements it; tests
/// use a map, so the config readers are tested apart from the file parser.
pub(crate) trait ProfileLookup {
    /// A key of the selected profile.
    fn get(&self, key: &str) -> Option<&str>;
    /// A key of the selected profile's `services` section for one service.
    fn service_setting(&self, service_key: &str, key: &str) -> Option<&str>;
}

impl ProfileLookup for ProfileSet {
    fn get(&self, key: &str) -> Option<&str> {
        ProfileSet::get(self, key)
    }

    fn service_setting(&self, service_key: &str, key: &str) -> Option<&str> {
        ProfileSet::service_setting(self, service_key, key)
    }
}

/// A setting's value and where it came from (named in error messages, so a
/// user knows which variable or file line to fix).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Setting {
    pub(crate) value: String,
    pub(crate) origin: Origin,
}

/// Where a setting was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Origin {
    /// An environment variable.
    Env(String),
    /// A key of the selected profile.
    Profile(String),
    /// A key of the profile's `services` section for one service.
    Service {
        /// The service key (`datazone`).
        service: String,
        /// The key (`endpoint_url`).
        key: String,
    },
    /// Set in code.
    Code,
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Origin::Env(name) => write!(f, "environment variable {name}"),
            Origin::Profile(key) => write!(f, "profile setting `{key}`"),
            Origin::Service { service, key } => {
                write!(
                    f,
                    "`{key}` of the profile's services section for `{service}`"
                )
            }
            Origin::Code => f.write_str("client configuration"),
        }
    }
}

/// The environment variable's value if set and not blank, else the profile
/// key's value if set and not blank (both trimmed).
pub(crate) fn env_then_profile(
    env: &Env,
    profile: Option<&dyn ProfileLookup>,
    env_name: &str,
    profile_key: &str,
) -> Option<Setting> {
    from_env(env, env_name).or_else(|| from_profile(profile?, profile_key))
}

/// How a setting that was not understood is reported:
/// `invalid retry_mode "eager" (from environment variable AWS_RETRY_MODE): expected ...`.
pub(crate) fn invalid(setting: &str, value: &str, origin: &Origin, expected: &str) -> String {
    format!("invalid {setting} {value:?} (from {origin}): expected {expected}")
}

/// An environment variable, if set and not blank (trimmed).
pub(crate) fn from_env(env: &Env, name: &str) -> Option<Setting> {
    env.get_non_empty(name).map(|value| Setting {
        value,
        origin: Origin::Env(name.to_owned()),
    })
}

/// A key of the selected profile, if set and not blank (trimmed).
pub(crate) fn from_profile(profile: &dyn ProfileLookup, key: &str) -> Option<Setting> {
    non_blank(profile.get(key)).map(|value| Setting {
        value,
        origin: Origin::Profile(key.to_owned()),
    })
}

/// A key of the profile's `services` section for `service`, if set and not blank.
pub(crate) fn from_service_section(
    profile: &dyn ProfileLookup,
    service: &str,
    key: &str,
) -> Option<Setting> {
    non_blank(profile.service_setting(service, key)).map(|value| Setting {
        value,
        origin: Origin::Service {
            service: service.to_owned(),
            key: key.to_owned(),
        },
    })
}

fn non_blank(value: Option<&str>) -> Option<String> {
    value
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .map(str::to_owned)
}

/// `true` / `false`, any case, as the AWS SDKs accept them.
pub(crate) fn parse_bool(value: &str) -> Option<bool> {
    if value.eq_ignore_ascii_case("true") {
        Some(true)
    } else if value.eq_ignore_ascii_case("false") {
        Some(false)
    } else {
        None
    }
}

#[cfg(test)]
pub(crate) mod test_support {
    use std::collections::HashMap;

    use super::ProfileLookup;

    /// A profile as two maps: keys, and `(service, key)` pairs.
    #[derive(Debug, Default)]
    pub(crate) struct FakeProfile {
        pub(crate) keys: HashMap<String, String>,
        pub(crate) services: HashMap<(String, String), String>,
    }

    impl FakeProfile {
        pub(crate) fn with(mut self, key: &str, value: &str) -> Self {
            self.keys.insert(key.into(), value.into());
            self
        }

        pub(crate) fn with_service(mut self, service: &str, key: &str, value: &str) -> Self {
            self.services
                .insert((service.into(), key.into()), value.into());
            self
        }
    }

    impl ProfileLookup for FakeProfile {
        fn get(&self, key: &str) -> Option<&str> {
            self.keys.get(key).map(String::as_str)
        }

        fn service_setting(&self, service_key: &str, key: &str) -> Option<&str> {
            self.services
                .get(&(service_key.to_owned(), key.to_owned()))
                .map(String::as_str)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::test_support::FakeProfile;
    use super::*;

    #[test]
    fn env_wins_over_profile_and_blank_is_unset() {
        let profile = FakeProfile::default().with("region", "eu-west-1");
        let env = Env::from_pairs([("AWS_REGION", " us-east-1 ")]);
        let got = env_then_profile(&env, Some(&profile), "AWS_REGION", "region").unwrap();
        assert_eq!(got.value, "us-east-1");
        assert_eq!(got.origin.to_string(), "environment variable AWS_REGION");

        let env = Env::from_pairs([("AWS_REGION", "  ")]);
        let got = env_then_profile(&env, Some(&profile), "AWS_REGION", "region").unwrap();
        assert_eq!(got.value, "eu-west-1");
        assert_eq!(got.origin.to_string(), "profile setting `region`");

        let blank = FakeProfile::default().with("region", "");
        assert_eq!(
            env_then_profile(&env, Some(&blank), "AWS_REGION", "region"),
            None
        );
        assert_eq!(env_then_profile(&env, None, "AWS_REGION", "region"), None);
    }

    #[test]
    fn booleans() {
        assert_eq!(parse_bool("true"), Some(true));
        assert_eq!(parse_bool("TRUE"), Some(true));
        assert_eq!(parse_bool("False"), Some(false));
        assert_eq!(parse_bool("1"), None);
        assert_eq!(parse_bool("yes"), None);
    }
}
