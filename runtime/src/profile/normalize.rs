//! From raw sections to named profiles, SSO sessions and services sections,
//! with the AWS SDKs' naming rules.

use std::collections::BTreeMap;

use super::parser::{RawSection, WHITESPACE};
use super::section::Section;
use crate::text::Escaped;

const DEFAULT: &str = "default";
const PROFILE_PREFIX: &str = "profile";
const SSO_SESSION_PREFIX: &str = "sso-session";
const SERVICES_PREFIX: &str = "services";

/// Which of the two shared files a text came from: they name sections differently.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum FileKind {
    /// `~/.aws/config`: `[default]`, `[profile x]`, `[sso-session x]`, `[services x]`.
    Config,
    /// `~/.aws/credentials`: `[x]` only.
    Credentials,
}

/// Every section of both files, merged.
#[derive(Clone, Default, PartialEq, Eq)]
pub(crate) struct Sections {
    pub(crate) profiles: BTreeMap<String, Section>,
    pub(crate) sso_sessions: BTreeMap<String, Section>,
    pub(crate) services: BTreeMap<String, Section>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Target {
    Profile,
    SsoSession,
    Services,
}

/// `[<prefix> <name>]` or `[<name>]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct SectionKey<'a> {
    prefix: Option<&'a str>,
    name: &'a str,
}

impl<'a> SectionKey<'a> {
    fn parse(header: &'a str) -> Self {
        let header = header.trim_matches(WHITESPACE);
        match header.split_once(WHITESPACE) {
            Some((prefix, name)) => SectionKey {
                prefix: Some(prefix),
                name: name.trim_matches(WHITESPACE),
            },
            None => SectionKey {
                prefix: None,
                name: header,
            },
        }
    }

    fn is_prefixed_default(&self) -> bool {
        self.prefix == Some(PROFILE_PREFIX) && self.name == DEFAULT
    }

    fn is_unprefixed_default(&self) -> bool {
        self.prefix.is_none() && self.name == DEFAULT
    }

    /// Where this section goes, or why it is ignored (a warning, as in the
    /// AWS SDKs: one odd section must not make the whole file unusable).
    fn target(&self, kind: FileKind) -> Result<Target, String> {
        // Names and prefixes are shown escaped: a section header may hold
        // any byte but a line break, ESC and `\r` included, and these
        // warnings reach terminals and log files.
        let name = Escaped(self.name);
        if !is_identifier(self.name) {
            return Err(format!("section `{name}` ignored: not a valid name"));
        }
        match (kind, self.prefix) {
            (FileKind::Config, Some(PROFILE_PREFIX)) => Ok(Target::Profile),
            (FileKind::Config, Some(SSO_SESSION_PREFIX)) => Ok(Target::SsoSession),
            (FileKind::Config, Some(SERVICES_PREFIX)) => Ok(Target::Services),
            (FileKind::Config, Some(prefix)) => Err(format!(
                "section `[{prefix} {name}]` ignored: unknown section type `{prefix}`",
                prefix = Escaped(prefix)
            )),
            (FileKind::Config, None) if self.name == DEFAULT => Ok(Target::Profile),
            (FileKind::Config, None) => Err(format!(
                "profile `[{name}]` ignored: profiles in the config file other than [default] are written [profile {name}]"
            )),
            (FileKind::Credentials, None) => Ok(Target::Profile),
            (FileKind::Credentials, Some(prefix)) => Err(format!(
                "section `[{prefix} {name}]` ignored: sections in the credentials file have no prefix",
                prefix = Escaped(prefix)
            )),
        }
    }
}

/// Merges one file's sections into `base`; later definitions win.
pub(crate) fn merge_in(base: &mut Sections, raw: Vec<RawSection>, kind: FileKind) {
    // `[profile default]` fully replaces `[default]` in the same file,
    // wherever each appears.
    let ignore_unprefixed_default = kind == FileKind::Config
        && raw
            .iter()
            .any(|s| SectionKey::parse(&s.header).is_prefixed_default());
    for section in raw {
        let key = SectionKey::parse(&section.header);
        if ignore_unprefixed_default && key.is_unprefixed_default() {
            tracing::warn!(
                "profile `[default]` ignored because `[profile default]` takes priority"
            );
            continue;
        }
        let map = match key.target(kind) {
            Ok(Target::Profile) => &mut base.profiles,
            Ok(Target::SsoSession) => &mut base.sso_sessions,
            Ok(Target::Services) => &mut base.services,
            Err(warning) => {
                tracing::warn!("{warning}");
                continue;
            }
        };
        let target = map
            .entry(key.name.to_owned())
            .or_insert_with(|| Section::new(key.name));
        for (k, v) in section.properties {
            if is_identifier(&k) {
                target.insert(k, v);
            } else {
                tracing::warn!(
                    section = %Escaped(key.name),
                    "a property with an invalid name was ignored"
                );
            }
        }
    }
}

/// Names match `[A-Za-z0-9_\-/.%@:+]+`.
fn is_identifier(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || "_-/.%@:+".contains(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn section_keys() {
        let k = SectionKey::parse(" profile \t foo ");
        assert_eq!((k.prefix, k.name), (Some("profile"), "foo"));
        let k = SectionKey::parse("profilefoo");
        assert_eq!((k.prefix, k.name), (None, "profilefoo"));
        let k = SectionKey::parse("sso-session\tx");
        assert_eq!((k.prefix, k.name), (Some("sso-session"), "x"));
    }

    #[test]
    fn identifiers() {
        assert!(is_identifier("some-thing:long/the_one%only.foo@bar+"));
        assert!(!is_identifier("foo!bar"));
        assert!(!is_identifier("in valid"));
        assert!(!is_identifier(""));
    }
}
