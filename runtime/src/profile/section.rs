//! One named group of properties: a profile, an `[sso-session x]` or a
//! `[services x]` section.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fmt;

use super::parser::{prepare_line, WHITESPACE};

/// The properties of one section, keyed case-insensitively.
///
/// `Debug` lists the keys only: values such as `aws_secret_access_key` are
/// secrets.
///
/// ```
/// use awsop_runtime::profile::ProfileSet;
/// let set = ProfileSet::parse("[profile dev]\nRegion = eu-west-1\ns3 =\n  addressing_style = path\n", "", "dev").unwrap();
/// let dev = set.profile("dev").unwrap();
/// assert_eq!(dev.get("region"), Some("eu-west-1"));
/// assert_eq!(dev.sub_property("s3", "addressing_style"), Some("path"));
/// ```
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Section {
    name: String,
    properties: BTreeMap<String, String>,
}

impl Section {
    pub(crate) fn new(name: impl Into<String>) -> Self {
        Section {
            name: name.into(),
            properties: BTreeMap::new(),
        }
    }

    pub(crate) fn insert(&mut self, key: String, value: String) {
        self.properties.insert(key, value);
    }

    /// The section's name (`dev` for `[profile dev]`).
    pub fn name(&self) -> &str {
        &self.name
    }

    /// A property's value. Keys are case-insensitive; a property with
    /// sub-properties has the raw block (starting with a newline) as value.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.properties
            .get(lowercase(key).as_ref())
            .map(String::as_str)
    }

    /// One sub-property of a property written as
    /// `key =` followed by indented `sub_key = value` lines.
    pub fn sub_property(&self, key: &str, sub_key: &str) -> Option<&str> {
        let block = self.get(key)?;
        // The last definition wins, as for ordinary properties.
        block.split('\n').rev().find_map(|line| {
            let (k, v) = prepare_line(line, true).split_once('=')?;
            k.trim_matches(WHITESPACE)
                .eq_ignore_ascii_case(sub_key)
                .then(|| v.trim_matches(WHITESPACE))
        })
    }

    /// The property keys (lowercase), in sorted order.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.properties.keys().map(String::as_str)
    }

    /// True when the section has no properties.
    pub fn is_empty(&self) -> bool {
        self.properties.is_empty()
    }
}

fn lowercase(key: &str) -> Cow<'_, str> {
    if key.bytes().any(|b| b.is_ascii_uppercase()) {
        Cow::Owned(key.to_ascii_lowercase())
    } else {
        Cow::Borrowed(key)
    }
}

impl fmt::Debug for Section {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Section")
            .field("name", &self.name)
            .field("keys", &self.properties.keys().collect::<Vec<_>>())
            .finish()
    }
}
