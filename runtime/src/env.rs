//! The process environment, injectable so tests never mutate the real one.

use std::collections::HashMap;
use std::sync::Arc;

/// A view of environment variables: the real process environment, or a
/// fixed map (tests).
///
/// ```
/// use awsop_runtime::env::Env;
/// let env = Env::from_pairs([("AWS_REGION", "eu-west-1")]);
/// assert_eq!(env.get("AWS_REGION").as_deref(), Some("eu-west-1"));
/// assert_eq!(env.get("AWS_PROFILE"), None);
/// ```
#[derive(Debug, Clone, Default)]
pub struct Env {
    fixed: Option<Arc<HashMap<String, String>>>,
}

impl Env {
    /// The real process environment.
    pub fn real() -> Self {
        Env { fixed: None }
    }

    /// A fixed set of variables; nothing else is visible.
    pub fn from_pairs<K: Into<String>, V: Into<String>>(
        pairs: impl IntoIterator<Item = (K, V)>,
    ) -> Self {
        Env {
            fixed: Some(Arc::new(
                pairs
                    .into_iter()
                    .map(|(k, v)| (k.into(), v.into()))
                    .collect(),
            )),
        }
    }

    /// A variable's value; unset and non-UTF-8 are both `None`.
    pub fn get(&self, key: &str) -> Option<String> {
        match &self.fixed {
            Some(map) => map.get(key).cloned(),
            None => std::env::var(key).ok(),
        }
    }

    /// A variable's value, treating empty or whitespace-only as unset.
    pub fn get_non_empty(&self, key: &str) -> Option<String> {
        self.get(key)
            .map(|v| v.trim().to_owned())
            .filter(|v| !v.is_empty())
    }

    /// The user's home directory (`HOME`, else `USERPROFILE`).
    pub fn home_dir(&self) -> Option<String> {
        self.get_non_empty("HOME")
            .or_else(|| self.get_non_empty("USERPROFILE"))
    }
}
