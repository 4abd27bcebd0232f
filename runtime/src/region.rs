//! The AWS Region a call goes to, validated so that no region string can
//! change the host it is put into.

use std::fmt;
use std::str::FromStr;

use crate::env::Env;
use crate::settings::{self, Origin, ProfileLookup};

/// The longest region accepted: one DNS label.
const MAX_LEN: usize = 63;

/// An AWS Region such as `us-east-1`.
///
/// A region becomes one label of the endpoint's host name
/// (`datazone.{region}.api.aws`) and part of the SigV4 scope, so only
/// lowercase ASCII letters, digits and inner `-` are accepted, at most 63
/// of them: a region can never add a label, a port, a path or a user to a URL.
///
/// ```
/// use awsop_runtime::region::Region;
/// let region = Region::new("eu-west-1").unwrap();
/// assert_eq!(region.as_str(), "eu-west-1");
///
/// let err = Region::new("us-east-1.evil.example").unwrap_err();
/// assert!(err.to_string().contains("region"));
/// assert!(err.to_string().contains("\"us-east-1.evil.example\""));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Region(String);

impl Region {
    /// A region, if `name` is a valid region name.
    pub fn new(name: impl Into<String>) -> Result<Region, InvalidRegion> {
        let name = name.into();
        match check(&name) {
            None => Ok(Region(name)),
            Some(problem) => Err(InvalidRegion {
                value: name,
                problem,
                origin: None,
            }),
        }
    }

    /// The region name.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

fn check(name: &str) -> Option<Problem> {
    if name.is_empty() {
        return Some(Problem::Empty);
    }
    if let Some(c) = name
        .chars()
        .find(|c| !matches!(c, 'a'..='z' | '0'..='9' | '-'))
    {
        return Some(Problem::Character(c));
    }
    if name.starts_with('-') || name.ends_with('-') {
        return Some(Problem::EdgeHyphen);
    }
    if name.len() > MAX_LEN {
        return Some(Problem::TooLong);
    }
    None
}

impl fmt::Display for Region {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl AsRef<str> for Region {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl FromStr for Region {
    type Err = InvalidRegion;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Region::new(s)
    }
}

impl TryFrom<&str> for Region {
    type Error = InvalidRegion;

    fn try_from(s: &str) -> Result<Self, Self::Error> {
        Region::new(s)
    }
}

impl TryFrom<String> for Region {
    type Error = InvalidRegion;

    fn try_from(s: String) -> Result<Self, Self::Error> {
        Region::new(s)
    }
}

/// A region name that was refused. `Display` names the refused value
/// escaped (`"x\ny"`), what is wrong with it, and where it came from.
///
/// ```
/// use awsop_runtime::region::Region;
/// let err = Region::new("US-EAST-1").unwrap_err();
/// assert_eq!(err.value(), "US-EAST-1");
/// assert_eq!(
///     err.to_string(),
///     "invalid region \"US-EAST-1\": only lowercase letters, digits and '-' are allowed, found 'U'"
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvalidRegion {
    value: String,
    problem: Problem,
    origin: Option<Origin>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Problem {
    Empty,
    Character(char),
    EdgeHyphen,
    TooLong,
}

impl InvalidRegion {
    /// The refused value, as given.
    pub fn value(&self) -> &str {
        &self.value
    }

    fn with_origin(mut self, origin: Origin) -> Self {
        self.origin = Some(origin);
        self
    }
}

impl fmt::Display for InvalidRegion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Debug-quoting escapes control characters and quotes, so a hostile
        // value cannot forge log lines.
        write!(f, "invalid region {:?}", self.value)?;
        if let Some(origin) = &self.origin {
            write!(f, " (from {origin})")?;
        }
        match self.problem {
            Problem::Empty => f.write_str(": must not be empty"),
            Problem::Character(c) => write!(
                f,
                ": only lowercase letters, digits and '-' are allowed, found {c:?}"
            ),
            Problem::EdgeHyphen => f.write_str(": must not start or end with '-'"),
            Problem::TooLong => write!(f, ": longer than {MAX_LEN} characters"),
        }
    }
}

impl std::error::Error for InvalidRegion {}

/// The region configured outside the code: `AWS_REGION`, else
/// `AWS_DEFAULT_REGION`, else the selected profile's `region`. Blank values
/// count as unset; `Ok(None)` means no region is configured anywhere.
///
/// An invalid value is an error naming where it came from, rather than
/// silently falling through to the next source.
///
/// ```
/// use awsop_runtime::{env::Env, region::region_from_env};
/// let env = Env::from_pairs([("AWS_DEFAULT_REGION", "eu-central-1")]);
/// let region = region_from_env(&env, None).unwrap().unwrap();
/// assert_eq!(region.as_str(), "eu-central-1");
///
/// let env = Env::from_pairs([("AWS_REGION", "x/y")]);
/// assert!(region_from_env(&env, None).unwrap_err().to_string().contains("AWS_REGION"));
/// ```
pub fn region_from_env(
    env: &Env,
    profile: Option<&crate::profile::ProfileSet>,
) -> Result<Option<Region>, InvalidRegion> {
    region_from_settings(env, profile.map(|p| p as &dyn ProfileLookup))
}

pub(crate) fn region_from_settings(
    env: &Env,
    profile: Option<&dyn ProfileLookup>,
) -> Result<Option<Region>, InvalidRegion> {
    let setting = settings::from_env(env, "AWS_REGION")
        .or_else(|| settings::env_then_profile(env, profile, "AWS_DEFAULT_REGION", "region"));
    match setting {
        None => Ok(None),
        Some(s) => Region::new(s.value)
            .map(Some)
            .map_err(|e| e.with_origin(s.origin)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::settings::test_support::FakeProfile;

    #[test]
    fn accepts_real_regions() {
        for name in [
            "us-east-1",
            "eu-west-3",
            "cn-northwest-1",
            "us-gov-west-1",
            "us-isob-east-1",
            "eu-isoe-west-1",
            "aws-global",
            "local",
            "a",
            "9",
        ] {
            assert_eq!(Region::new(name).unwrap().as_str(), name);
        }
        assert!(Region::new("a".repeat(63)).is_ok());
    }

    #[test]
    fn refuses_anything_that_could_change_a_host() {
        for bad in [
            "us-east-1.evil.example",
            "x/y",
            "x@y",
            "",
            "US-EAST-1",
            "Us-east-1",
            "us-east-1:443",
            "us-east-1 ",
            " us-east-1",
            "us-east-1\n",
            "us-east-1?x",
            "us-east-1#x",
            "us_east_1",
            "us-east-1%2e",
            "-us-east-1",
            "us-east-1-",
            "ús-east-1",
            "\u{0}",
        ] {
            let err = Region::new(bad).unwrap_err();
            let text = err.to_string();
            assert!(text.contains("region"), "{text}");
            assert!(text.contains(&format!("{bad:?}")), "{text}");
            assert!(!text.contains('\n'), "{text}");
            assert_eq!(err.value(), bad);
        }
        assert!(Region::new("a".repeat(64)).is_err());
    }

    #[test]
    fn messages_say_what_is_wrong() {
        assert_eq!(
            Region::new("").unwrap_err().to_string(),
            "invalid region \"\": must not be empty"
        );
        assert_eq!(
            Region::new("x@y").unwrap_err().to_string(),
            "invalid region \"x@y\": only lowercase letters, digits and '-' are allowed, found '@'"
        );
        assert_eq!(
            Region::new("us-east-1\r\nHost: evil").unwrap_err().to_string(),
            "invalid region \"us-east-1\\r\\nHost: evil\": only lowercase letters, digits and '-' are allowed, found '\\r'"
        );
        assert_eq!(
            Region::new("-a").unwrap_err().to_string(),
            "invalid region \"-a\": must not start or end with '-'"
        );
    }

    #[test]
    fn conversions() {
        let r: Region = "us-west-2".parse().unwrap();
        assert_eq!(r.to_string(), "us-west-2");
        assert_eq!(Region::try_from("us-west-2").unwrap(), r);
        assert_eq!(Region::try_from(String::from("us-west-2")).unwrap(), r);
        assert_eq!(r.as_ref(), "us-west-2");
        assert!("x.y".parse::<Region>().is_err());
    }

    #[test]
    fn env_order_is_aws_region_then_default_then_profile() {
        let profile = FakeProfile::default().with("region", "eu-west-1");
        let p = Some(&profile as &dyn ProfileLookup);
        let both = Env::from_pairs([
            ("AWS_REGION", "us-east-1"),
            ("AWS_DEFAULT_REGION", "us-west-2"),
        ]);
        let get = |env: &Env, p| region_from_settings(env, p).unwrap().map(|r| r.0);
        assert_eq!(get(&both, p).as_deref(), Some("us-east-1"));
        let default_only = Env::from_pairs([("AWS_DEFAULT_REGION", "us-west-2")]);
        assert_eq!(get(&default_only, p).as_deref(), Some("us-west-2"));
        let blank = Env::from_pairs([("AWS_REGION", ""), ("AWS_DEFAULT_REGION", " ")]);
        assert_eq!(get(&blank, p).as_deref(), Some("eu-west-1"));
        assert_eq!(get(&blank, None), None);
        assert_eq!(get(&Env::from_pairs::<&str, &str>([]), None), None);
    }

    #[test]
    fn invalid_configured_region_names_its_source() {
        let env = Env::from_pairs([("AWS_REGION", "us-east-1.evil.example")]);
        let err = region_from_settings(&env, None).unwrap_err();
        assert_eq!(
            err.to_string(),
            "invalid region \"us-east-1.evil.example\" (from environment variable AWS_REGION): \
             only lowercase letters, digits and '-' are allowed, found '.'"
        );

        let profile = FakeProfile::default().with("region", "EU-WEST-1");
        let env = Env::from_pairs::<&str, &str>([]);
        let err = region_from_settings(&env, Some(&profile)).unwrap_err();
        assert!(
            err.to_string().contains("profile setting `region`"),
            "{err}"
        );
    }
}
