//! What a profile's credentials are made of, as data: a base source and the
//! roles assumed on top of it, resolved from the shared config files with
//! the AWS SDKs' rules. No IO and no service calls: the description is
//! turned into providers by [`super::sources`].

use std::fmt;
use std::path::PathBuf;
use std::time::Duration;

use super::{Credentials, CredentialsError};
use crate::profile::{ProfileSet, Section};
use crate::region::Region;
use crate::text::Escaped;

/// The shortest and longest role session STS grants (`duration_seconds`).
pub const ROLE_DURATION_RANGE: (u64, u64) = (900, 43_200);

/// How a profile's credentials are obtained: a base, then roles assumed one
/// after the other (the first with the base's credentials, each next one
/// with the previous role's).
///
/// ```
/// use awsop_runtime::credentials::{BaseSource, ProfileChain};
/// use awsop_runtime::profile::ProfileSet;
/// let config = "[profile dev]\nrole_arn = arn:aws:iam::123456789012:role/Dev\nsource_profile = base\n";
/// let credentials = "[base]\naws_access_key_id = AKID\naws_secret_access_key = SECRET\n";
/// let set = ProfileSet::parse(config, credentials, "dev").unwrap();
/// let chain = ProfileChain::resolve(&set).unwrap().unwrap();
/// assert!(matches!(chain.base, BaseSource::StaticKeys { ref profile, .. } if profile == "base"));
/// assert_eq!(chain.roles[0].role_arn, "arn:aws:iam::123456789012:role/Dev");
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct ProfileChain {
    /// Where the first credentials come from.
    pub base: BaseSource,
    /// Roles to assume in order, the first with the base's credentials.
    pub roles: Vec<AssumeRoleConfig>,
}

/// The first link of a [`ProfileChain`].
#[derive(Clone)]
#[non_exhaustive]
pub enum BaseSource {
    /// `aws_access_key_id` / `aws_secret_access_key` (/ `aws_session_token`).
    StaticKeys {
        /// The profile holding them.
        profile: String,
        /// The keys.
        credentials: Credentials,
    },
    /// `credential_process`.
    Process {
        /// The profile naming it.
        profile: String,
        /// The command line (not shown by `Debug`: it may hold a password).
        command_line: String,
    },
    /// `credential_source` of a role profile.
    Named {
        /// The profile naming it.
        profile: String,
        /// Which source.
        source: NamedSource,
    },
    /// `web_identity_token_file` + `role_arn` in a profile, or
    /// `AWS_WEB_IDENTITY_TOKEN_FILE` + `AWS_ROLE_ARN`.
    WebIdentity(WebIdentityConfig),
    /// IAM Identity Center: `sso_session` (or the legacy `sso_start_url`),
    /// `sso_account_id`, `sso_role_name`.
    Sso(SsoConfig),
}

impl fmt::Debug for BaseSource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BaseSource::StaticKeys {
                profile,
                credentials,
            } => f
                .debug_struct("StaticKeys")
                .field("profile", profile)
                .field("credentials", credentials)
                .finish(),
            BaseSource::Process { profile, .. } => f
                .debug_struct("Process")
                .field("profile", profile)
                .finish_non_exhaustive(),
            BaseSource::Named { profile, source } => f
                .debug_struct("Named")
                .field("profile", profile)
                .field("source", source)
                .finish(),
            BaseSource::WebIdentity(config) => f.debug_tuple("WebIdentity").field(config).finish(),
            BaseSource::Sso(config) => f.debug_tuple("Sso").field(config).finish(),
        }
    }
}

// By value (credentials compared by their parts): two resolutions of
// unchanged files compare equal, so providers built for the first are reused.
impl PartialEq for BaseSource {
    fn eq(&self, other: &Self) -> bool {
        use BaseSource::*;
        match (self, other) {
            (
                StaticKeys {
                    profile,
                    credentials,
                },
                StaticKeys {
                    profile: p,
                    credentials: c,
                },
            ) => {
                profile == p
                    && credentials.access_key_id() == c.access_key_id()
                    && credentials.secret_access_key() == c.secret_access_key()
                    && credentials.session_token() == c.session_token()
            }
            (
                Process {
                    profile,
                    command_line,
                },
                Process {
                    profile: p,
                    command_line: c,
                },
            ) => profile == p && command_line == c,
            (
                Named { profile, source },
                Named {
                    profile: p,
                    source: s,
                },
            ) => profile == p && source == s,
            (WebIdentity(a), WebIdentity(b)) => a == b,
            (Sso(a), Sso(b)) => a == b,
            _ => false,
        }
    }
}

/// The values of `credential_source`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NamedSource {
    /// `Environment`: `AWS_ACCESS_KEY_ID` / `AWS_SECRET_ACCESS_KEY`.
    Environment,
    /// `Ec2InstanceMetadata`: the instance role, from IMDS.
    Ec2InstanceMetadata,
    /// `EcsContainer`: the container endpoint.
    EcsContainer,
}

impl NamedSource {
    fn parse(value: &str) -> Option<Self> {
        match value {
            "Environment" => Some(NamedSource::Environment),
            "Ec2InstanceMetadata" => Some(NamedSource::Ec2InstanceMetadata),
            "EcsContainer" => Some(NamedSource::EcsContainer),
            _ => None,
        }
    }
}

/// One `AssumeRole` step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AssumeRoleConfig {
    /// The profile that names the role.
    pub profile: String,
    /// `role_arn`.
    pub role_arn: String,
    /// `role_session_name`; `None`: one is generated per session.
    pub session_name: Option<String>,
    /// `external_id`.
    pub external_id: Option<String>,
    /// `duration_seconds` (900 to 43200); `None`: STS's default, one hour.
    pub duration: Option<Duration>,
    /// `mfa_serial`: the MFA device whose code `AssumeRole` must carry.
    pub mfa_serial: Option<String>,
}

/// An `AssumeRoleWithWebIdentity` source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WebIdentityConfig {
    /// The profile naming it; `None` when it comes from the environment.
    pub profile: Option<String>,
    /// The file holding the token (an OIDC JWT), read again at every refresh.
    pub token_file: PathBuf,
    /// The role to assume.
    pub role_arn: String,
    /// `role_session_name` / `AWS_ROLE_SESSION_NAME`; `None`: generated.
    pub session_name: Option<String>,
}

/// An IAM Identity Center (SSO) source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SsoConfig {
    /// The profile naming it.
    pub profile: String,
    /// The `[sso-session name]` section; `None` for the legacy form
    /// (`sso_start_url` and `sso_region` in the profile, no refresh).
    pub session_name: Option<String>,
    /// `sso_start_url`.
    pub start_url: String,
    /// `sso_region`: where the portal and the OIDC service are called.
    pub region: Region,
    /// `sso_account_id`.
    pub account_id: String,
    /// `sso_role_name`.
    pub role_name: String,
    /// `sso_registration_scopes`, comma-separated in the file.
    pub registration_scopes: Vec<String>,
}

impl SsoConfig {
    /// The name the token cache file is keyed by: the session name, or for
    /// the legacy form the start URL (the file is `<sha1 of it>.json`).
    pub fn cache_key(&self) -> &str {
        self.session_name.as_deref().unwrap_or(&self.start_url)
    }
}

impl ProfileChain {
    /// The chain of the selected profile; `Ok(None)` when the selected
    /// profile does not exist or names no credentials (the default chain
    /// moves on). A broken configuration is an error that names the
    /// profile: a `source_profile` cycle (listing the profiles), a missing
    /// source profile, `source_profile` together with `credential_source`,
    /// an unknown `credential_source`, a `duration_seconds` outside
    /// 900–43200, an incomplete SSO setup.
    ///
    /// The rules are the AWS SDKs': a profile with `role_arn` assumes that
    /// role with the credentials of its `source_profile` (or its
    /// `credential_source`), even if it has static keys itself; but a
    /// *source* profile's own static keys end the chain, so its
    /// `role_arn` is then not assumed. `web_identity_token_file` next to
    /// `role_arn` ends the chain with web identity.
    pub fn resolve(set: &ProfileSet) -> Result<Option<ProfileChain>, CredentialsError> {
        let Some(top) = set.selected_profile() else {
            return Ok(None);
        };
        let mut visited: Vec<&str> = Vec::new();
        let mut roles = Vec::new();
        let mut profile = top;
        let base = loop {
            if visited.contains(&profile.name()) {
                visited.push(profile.name());
                let cycle: Vec<String> = visited.iter().map(|p| Escaped(p).to_string()).collect();
                return Err(invalid(format!(
                    "profile: source_profile forms a cycle: {}",
                    cycle.join(" -> ")
                )));
            }
            visited.push(profile.name());
            let is_source = visited.len() > 1;
            if is_source {
                if let Some(keys) = static_keys(profile)? {
                    break keys;
                }
            }
            let Some(role_arn) = non_empty(profile, "role_arn") else {
                match base_of(set, profile)? {
                    Some(base) => break base,
                    None if !is_source => return Ok(None),
                    None => {
                        return Err(invalid(format!(
                        "profile: profile `{}` is named as source_profile but has no credentials",
                        Escaped(profile.name())
                    )))
                    }
                }
            };
            if let Some(token_file) = non_empty(profile, "web_identity_token_file") {
                break BaseSource::WebIdentity(WebIdentityConfig {
                    profile: Some(profile.name().to_owned()),
                    token_file: PathBuf::from(token_file),
                    role_arn: role_arn.to_owned(),
                    session_name: session_name(profile)?,
                });
            }
            roles.push(role(profile, role_arn)?);
            let name = Escaped(profile.name());
            match (
                non_empty(profile, "source_profile"),
                non_empty(profile, "credential_source"),
            ) {
                (Some(_), Some(_)) => {
                    return Err(invalid(format!(
                        "profile: profile `{name}` sets both source_profile and credential_source; \
                         set only one"
                    )))
                }
                (None, Some(source)) => {
                    let source = NamedSource::parse(source).ok_or_else(|| {
                        invalid(format!(
                            "profile: profile `{name}` has an unknown credential_source \
                             (expected Environment, Ec2InstanceMetadata or EcsContainer)"
                        ))
                    })?;
                    break BaseSource::Named {
                        profile: profile.name().to_owned(),
                        source,
                    };
                }
                (Some(source), None) if source == profile.name() => {
                    // A profile that is its own source uses its own keys.
                    match static_keys(profile)? {
                        Some(keys) => break keys,
                        None => {
                            return Err(invalid(format!(
                                "profile: profile `{name}` is its own source_profile but has no static keys"
                            )))
                        }
                    }
                }
                (Some(source), None) => {
                    profile = set.profile(source).ok_or_else(|| {
                        invalid(format!(
                            "profile: profile `{name}` names source_profile `{}`, which is not defined",
                            Escaped(source)
                        ))
                    })?;
                }
                (None, None) => {
                    return Err(invalid(format!(
                        "profile: profile `{name}` sets role_arn but neither source_profile nor \
                         credential_source"
                    )))
                }
            }
        };
        roles.reverse();
        Ok(Some(ProfileChain { base, roles }))
    }
}

/// A profile's own source, when it assumes no role: SSO, then
/// `credential_process`, then static keys (the SDKs' order). Web identity
/// needs `role_arn`, so it is handled with the roles.
fn base_of(set: &ProfileSet, profile: &Section) -> Result<Option<BaseSource>, CredentialsError> {
    if let Some(sso) = sso(set, profile)? {
        return Ok(Some(BaseSource::Sso(sso)));
    }
    if let Some(keys) = static_keys(profile)? {
        return Ok(Some(keys));
    }
    if let Some(command_line) = non_empty(profile, "credential_process") {
        return Ok(Some(BaseSource::Process {
            profile: profile.name().to_owned(),
            command_line: command_line.to_owned(),
        }));
    }
    if non_empty(profile, "web_identity_token_file").is_some() {
        return Err(invalid(format!(
            "profile: profile `{}` sets web_identity_token_file but not role_arn",
            Escaped(profile.name())
        )));
    }
    Ok(None)
}

fn static_keys(profile: &Section) -> Result<Option<BaseSource>, CredentialsError> {
    let name = Escaped(profile.name());
    match (
        non_empty(profile, "aws_access_key_id"),
        non_empty(profile, "aws_secret_access_key"),
    ) {
        (Some(id), Some(secret)) => Ok(Some(BaseSource::StaticKeys {
            profile: profile.name().to_owned(),
            credentials: Credentials::new(
                id,
                secret,
                non_empty(profile, "aws_session_token").map(str::to_owned),
                None,
                "profile",
            ),
        })),
        (Some(_), None) => Err(invalid(format!(
            "profile: profile `{name}` sets aws_access_key_id but not aws_secret_access_key"
        ))),
        (None, Some(_)) => Err(invalid(format!(
            "profile: profile `{name}` sets aws_secret_access_key but not aws_access_key_id"
        ))),
        (None, None) => Ok(None),
    }
}

fn role(profile: &Section, role_arn: &str) -> Result<AssumeRoleConfig, CredentialsError> {
    let name = Escaped(profile.name());
    let duration = match non_empty(profile, "duration_seconds") {
        None => None,
        Some(text) => {
            let (min, max) = ROLE_DURATION_RANGE;
            match text.parse::<u64>() {
                Ok(secs) if (min..=max).contains(&secs) => Some(Duration::from_secs(secs)),
                _ => {
                    return Err(invalid(format!(
                        "profile: profile `{name}` has duration_seconds `{}`; it must be a number \
                         of seconds from {min} to {max}",
                        Escaped(text)
                    )))
                }
            }
        }
    };
    Ok(AssumeRoleConfig {
        profile: profile.name().to_owned(),
        role_arn: role_arn.to_owned(),
        session_name: session_name(profile)?,
        external_id: non_empty(profile, "external_id").map(str::to_owned),
        duration,
        mfa_serial: non_empty(profile, "mfa_serial").map(str::to_owned),
    })
}

fn session_name(profile: &Section) -> Result<Option<String>, CredentialsError> {
    let Some(name) = non_empty(profile, "role_session_name") else {
        return Ok(None);
    };
    check_session_name(name).map_err(|problem| {
        invalid(format!(
            "profile: profile `{}` has role_session_name `{}`: {problem}",
            Escaped(profile.name()),
            Escaped(name)
        ))
    })?;
    Ok(Some(name.to_owned()))
}

/// STS's rule for role session names: 2 to 64 of `[A-Za-z0-9+=,.@_-]`.
pub fn check_session_name(name: &str) -> Result<(), &'static str> {
    if !(2..=64).contains(&name.len()) {
        return Err("a role session name has 2 to 64 characters");
    }
    if !name
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b"+=,.@_-".contains(&b))
    {
        return Err("a role session name has only letters, digits and +=,.@_-");
    }
    Ok(())
}

/// `sso_session` (with its `[sso-session]` section) or the legacy
/// `sso_start_url` in the profile, with `sso_account_id` and `sso_role_name`.
fn sso(set: &ProfileSet, profile: &Section) -> Result<Option<SsoConfig>, CredentialsError> {
    let name = Escaped(profile.name());
    let account = non_empty(profile, "sso_account_id");
    let role = non_empty(profile, "sso_role_name");
    let session_name = non_empty(profile, "sso_session");
    let legacy_url = non_empty(profile, "sso_start_url");
    if session_name.is_none() && legacy_url.is_none() {
        if account.is_some() || role.is_some() {
            return Err(invalid(format!(
                "profile: profile `{name}` sets sso_account_id or sso_role_name but neither \
                 sso_session nor sso_start_url"
            )));
        }
        return Ok(None);
    }
    let (Some(account), Some(role)) = (account, role) else {
        return Err(invalid(format!(
            "profile: profile `{name}` uses IAM Identity Center but does not set both \
             sso_account_id and sso_role_name"
        )));
    };
    let (start_url, region, scopes) = match session_name {
        Some(session) => {
            let shown = Escaped(session);
            let section = set.sso_session(session).ok_or_else(|| {
                invalid(format!(
                    "profile: profile `{name}` names sso_session `{shown}`, but there is no \
                     [sso-session {shown}] section"
                ))
            })?;
            let get = |key: &str| {
                non_empty(section, key).ok_or_else(|| {
                    invalid(format!("profile: [sso-session {shown}] does not set {key}"))
                })
            };
            let url = get("sso_start_url")?;
            // A profile repeating the session's values must agree with them.
            for key in ["sso_start_url", "sso_region"] {
                if let Some(own) = non_empty(profile, key) {
                    if Some(own) != non_empty(section, key) {
                        return Err(invalid(format!(
                            "profile: profile `{name}` sets {key} differently from [sso-session {shown}]"
                        )));
                    }
                }
            }
            (
                url,
                get("sso_region")?,
                non_empty(section, "sso_registration_scopes"),
            )
        }
        None => {
            let region = non_empty(profile, "sso_region").ok_or_else(|| {
                invalid(format!(
                    "profile: profile `{name}` sets sso_start_url but not sso_region"
                ))
            })?;
            (legacy_url.unwrap_or_default(), region, None)
        }
    };
    let region = Region::new(region).map_err(|e| invalid(format!("profile: sso_region: {e}")))?;
    Ok(Some(SsoConfig {
        profile: profile.name().to_owned(),
        session_name: session_name.map(str::to_owned),
        start_url: start_url.to_owned(),
        region,
        account_id: account.to_owned(),
        role_name: role.to_owned(),
        registration_scopes: scopes
            .map(|s| {
                s.split(',')
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(str::to_owned)
                    .collect()
            })
            .unwrap_or_default(),
    }))
}

fn non_empty<'a>(profile: &'a Section, key: &str) -> Option<&'a str> {
    profile.get(key).map(str::trim).filter(|v| !v.is_empty())
}

fn invalid(message: String) -> CredentialsError {
    CredentialsError::invalid_configuration(message)
}
