//! The shared AWS `config` and `credentials` files.
//!
//! [`ProfileSet::load`] reads both files the way every AWS SDK does
//! (`AWS_CONFIG_FILE`, `AWS_SHARED_CREDENTIALS_FILE`, `AWS_PROFILE`, `~`
//! expansion, missing files are empty); [`ProfileSet::parse`] is the pure
//! parser underneath, for tests and fuzzing.

mod error;
mod files;
mod normalize;
mod parser;
mod section;

use std::fmt;

pub use error::ProfileFileError;
pub(crate) use files::expand_home as expand_home_path;
pub use section::Section;

use crate::env::Env;
use normalize::{merge_in, FileKind, Sections};

/// The profile used when `AWS_PROFILE` is unset.
pub const DEFAULT_PROFILE: &str = "default";

/// Every profile, SSO session and services section of the shared files,
/// and which profile is selected.
///
/// The credentials file is merged after the config file, so for a key set in
/// both, the credentials file wins. `Debug` shows names and keys, never
/// values.
///
/// ```
/// use awsop_runtime::profile::ProfileSet;
/// let config = "[default]\nregion = us-east-1\n\n[profile dev] # mine\nregion = eu-west-1\nservices = dev-svc\n\n\
///               [services dev-svc]\ndatazone =\n  endpoint_url = http://localhost:4566\n";
/// let credentials = "[dev]\naws_access_key_id = AKID\naws_secret_access_key = SECRET\n";
/// let set = ProfileSet::parse(config, credentials, "dev").unwrap();
/// assert_eq!(set.profile_name(), "dev");
/// assert_eq!(set.get("region"), Some("eu-west-1"));
/// assert_eq!(set.get("aws_access_key_id"), Some("AKID"));
/// assert_eq!(set.service_setting("datazone", "endpoint_url"), Some("http://localhost:4566"));
/// assert!(!format!("{set:?}").contains("SECRET"));
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct ProfileSet {
    selected: String,
    sections: Sections,
}

impl ProfileSet {
    /// Reads the shared files named by `env` and selects `AWS_PROFILE`
    /// (else `default`). Missing files count as empty; unreadable or
    /// malformed ones are an error.
    pub async fn load(env: &Env) -> Result<ProfileSet, ProfileFileError> {
        let profile = env
            .get_non_empty("AWS_PROFILE")
            .unwrap_or_else(|| DEFAULT_PROFILE.to_owned());
        let [config, credentials] = files::read_files(
            files::config_file_path(env),
            files::credentials_file_path(env),
        )
        .await?;
        Self::parse_files(
            (&config.path, &config.contents),
            (&credentials.path, &credentials.contents),
            &profile,
        )
    }

    /// Parses the two files' text and selects `profile_name`. Pure: no IO,
    /// no environment, never panics.
    pub fn parse(
        config_text: &str,
        credentials_text: &str,
        profile_name: &str,
    ) -> Result<ProfileSet, ProfileFileError> {
        Self::parse_files(
            ("<config>", config_text),
            ("<credentials>", credentials_text),
            profile_name,
        )
    }

    fn parse_files(
        (config_path, config_text): (&str, &str),
        (credentials_path, credentials_text): (&str, &str),
        profile_name: &str,
    ) -> Result<ProfileSet, ProfileFileError> {
        let mut sections = Sections::default();
        merge_in(
            &mut sections,
            parser::parse_file(config_text, config_path)?,
            FileKind::Config,
        );
        merge_in(
            &mut sections,
            parser::parse_file(credentials_text, credentials_path)?,
            FileKind::Credentials,
        );
        Ok(ProfileSet {
            selected: profile_name.to_owned(),
            sections,
        })
    }

    /// An empty set selecting `profile_name`.
    pub fn empty(profile_name: &str) -> ProfileSet {
        ProfileSet {
            selected: profile_name.to_owned(),
            sections: Sections::default(),
        }
    }

    /// The selected profile's name.
    pub fn profile_name(&self) -> &str {
        &self.selected
    }

    /// The selected profile, if either file defines it.
    pub fn selected_profile(&self) -> Option<&Section> {
        self.profile(&self.selected)
    }

    /// A property of the selected profile (keys are case-insensitive).
    pub fn get(&self, key: &str) -> Option<&str> {
        self.selected_profile()?.get(key)
    }

    /// Any profile by name.
    pub fn profile(&self, name: &str) -> Option<&Section> {
        self.sections.profiles.get(name)
    }

    /// The names of all profiles, sorted.
    pub fn profile_names(&self) -> impl Iterator<Item = &str> {
        self.sections.profiles.keys().map(String::as_str)
    }

    /// An `[sso-session name]` section.
    pub fn sso_session(&self, name: &str) -> Option<&Section> {
        self.sections.sso_sessions.get(name)
    }

    /// A `[services name]` section.
    pub fn services_section(&self, name: &str) -> Option<&Section> {
        self.sections.services.get(name)
    }

    /// A per-service setting: the selected profile's `services = X` names a
    /// `[services X]` section, whose `service_key =` block holds `key = value`
    /// sub-properties. `service_key` is the service id in snake case,
    /// lowercased (`datazone`, `elastic_beanstalk`).
    pub fn service_setting(&self, service_key: &str, key: &str) -> Option<&str> {
        let services = self.get("services")?;
        self.services_section(services)?
            .sub_property(service_key, key)
    }

    /// True when no file defines any profile.
    pub fn is_empty(&self) -> bool {
        self.sections.profiles.is_empty()
    }
}

impl fmt::Debug for ProfileSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ProfileSet")
            .field("selected", &self.selected)
            .field(
                "profiles",
                &self.sections.profiles.values().collect::<Vec<_>>(),
            )
            .field(
                "sso_sessions",
                &self.sections.sso_sessions.values().collect::<Vec<_>>(),
            )
            .field(
                "services",
                &self.sections.services.values().collect::<Vec<_>>(),
            )
            .finish()
    }
}
