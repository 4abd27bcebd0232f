//! The user profiles of every domain, and the idempotency tokens seen.

use std::collections::{BTreeMap, HashMap};

use serde_json::{json, Map, Value};

/// `UserProfileType`: what kind of principal a profile is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum ProfileType {
    Iam,
    Sso,
}

impl ProfileType {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            ProfileType::Iam => "IAM",
            ProfileType::Sso => "SSO",
        }
    }

    pub(crate) fn parse(text: &str) -> Option<ProfileType> {
        match text {
            "IAM" => Some(ProfileType::Iam),
            "SSO" => Some(ProfileType::Sso),
            _ => None,
        }
    }
}

/// One user profile.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Profile {
    /// Creation order within the store: the stable order of search results.
    pub(crate) seq: u64,
    pub(crate) id: String,
    pub(crate) domain_id: String,
    pub(crate) kind: ProfileType,
    pub(crate) status: String,
    /// The ARN (IAM) or user name / identity-store id (SSO).
    pub(crate) user_identifier: String,
    pub(crate) session_name: Option<String>,
    pub(crate) principal_id: Option<String>,
}

impl Profile {
    /// The profile as DataZone returns it (`GetUserProfileOutput` and the
    /// other outputs and summaries share these members).
    pub(crate) fn to_json(&self) -> Value {
        let details = match self.kind {
            ProfileType::Iam => {
                let mut iam = Map::new();
                iam.insert("arn".into(), json!(self.user_identifier));
                if let Some(principal_id) = &self.principal_id {
                    iam.insert("principalId".into(), json!(principal_id));
                }
                if let Some(session_name) = &self.session_name {
                    iam.insert("sessionName".into(), json!(session_name));
                }
                json!({ "iam": iam })
            }
            ProfileType::Sso => json!({ "sso": { "username": self.user_identifier } }),
        };
        json!({
            "domainId": self.domain_id,
            "id": self.id,
            "type": self.kind.as_str(),
            "status": self.status,
            "details": details,
        })
    }

    /// Whether a search text matches (case-insensitive, anywhere in the
    /// identifier, id or session name).
    pub(crate) fn matches_text(&self, needle_lower: &str) -> bool {
        [
            Some(self.user_identifier.as_str()),
            Some(self.id.as_str()),
            self.session_name.as_deref(),
        ]
        .into_iter()
        .flatten()
        .any(|field| field.to_lowercase().contains(needle_lower))
    }
}

/// Who a profile is for; at most one profile per key and domain.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) struct UserKey {
    pub(crate) kind: ProfileType,
    pub(crate) user_identifier: String,
    pub(crate) session_name: Option<String>,
}

/// A remembered `clientToken`: what it was used for and what was answered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct TokenUse {
    pub(crate) fingerprint: String,
    pub(crate) response: Vec<u8>,
}

#[derive(Debug, Default)]
struct Domain {
    profiles: BTreeMap<u64, Profile>,
    by_id: HashMap<String, u64>,
    by_user: HashMap<UserKey, u64>,
}

/// All domains' profiles.
#[derive(Debug, Default)]
pub(crate) struct Store {
    domains: HashMap<String, Domain>,
    tokens: HashMap<String, TokenUse>,
    next_seq: u64,
}

impl Store {
    /// Profiles in all domains.
    pub(crate) fn count(&self) -> usize {
        self.domains.values().map(|d| d.profiles.len()).sum()
    }

    pub(crate) fn by_user(&self, domain: &str, key: &UserKey) -> Option<&Profile> {
        let d = self.domains.get(domain)?;
        d.by_user.get(key).and_then(|seq| d.profiles.get(seq))
    }

    /// A profile by its id or by its user's identifier, optionally of one
    /// type and (IAM role sessions) one session name.
    pub(crate) fn find(
        &self,
        domain: &str,
        identifier: &str,
        kind: Option<ProfileType>,
        session_name: Option<&str>,
    ) -> Option<&Profile> {
        let d = self.domains.get(domain)?;
        let kind_ok = |p: &&Profile| kind.map_or(true, |k| p.kind == k);
        if let Some(profile) = d.by_id.get(identifier).and_then(|s| d.profiles.get(s)) {
            if kind_ok(&profile) {
                return Some(profile);
            }
        }
        d.profiles.values().filter(kind_ok).find(|p| {
            p.user_identifier == identifier
                && (session_name.is_none() || p.session_name.as_deref() == session_name)
        })
    }

    pub(crate) fn set_status(&mut self, domain: &str, seq: u64, status: &str) -> Option<&Profile> {
        let profile = self.domains.get_mut(domain)?.profiles.get_mut(&seq)?;
        profile.status = status.to_owned();
        Some(profile)
    }

    /// Adds a profile; its `seq` is assigned here.
    pub(crate) fn insert(&mut self, mut profile: Profile) -> &Profile {
        self.next_seq += 1;
        let seq = self.next_seq;
        profile.seq = seq;
        let domain = self.domains.entry(profile.domain_id.clone()).or_default();
        domain.by_id.insert(profile.id.clone(), seq);
        domain.by_user.insert(
            UserKey {
                kind: profile.kind,
                user_identifier: profile.user_identifier.clone(),
                session_name: profile.session_name.clone(),
            },
            seq,
        );
        domain.profiles.entry(seq).or_insert(profile)
    }

    /// Up to `limit` profiles of `domain` after `after_seq` that `keep`
    /// accepts, in creation order, and whether more follow.
    pub(crate) fn page(
        &self,
        domain: &str,
        after_seq: u64,
        limit: usize,
        keep: impl Fn(&Profile) -> bool,
    ) -> (Vec<&Profile>, bool) {
        let Some(d) = self.domains.get(domain) else {
            return (Vec::new(), false);
        };
        let mut matching = d
            .profiles
            .range(after_seq.saturating_add(1)..)
            .map(|(_, p)| p)
            .filter(|p| keep(p));
        let page: Vec<&Profile> = matching.by_ref().take(limit).collect();
        let more = matching.next().is_some();
        (page, more)
    }

    pub(crate) fn token(&self, token: &str) -> Option<&TokenUse> {
        self.tokens.get(token)
    }

    pub(crate) fn remember_token(&mut self, token: String, used: TokenUse) {
        self.tokens.insert(token, used);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn profile(domain: &str, id: &str, who: &str, kind: ProfileType) -> Profile {
        Profile {
            seq: 0,
            id: id.into(),
            domain_id: domain.into(),
            kind,
            status: "ASSIGNED".into(),
            user_identifier: who.into(),
            session_name: None,
            principal_id: None,
        }
    }

    #[test]
    fn find_by_id_or_identifier() {
        let mut store = Store::default();
        store.insert(profile(
            "dzd_a",
            "id-1",
            "arn:aws:iam::123456789012:role/R",
            ProfileType::Iam,
        ));
        store.insert(profile("dzd_a", "id-2", "jane", ProfileType::Sso));
        assert_eq!(store.count(), 2);
        assert_eq!(
            store
                .find("dzd_a", "id-2", None, None)
                .unwrap()
                .user_identifier,
            "jane"
        );
        assert_eq!(
            store
                .find("dzd_a", "jane", Some(ProfileType::Sso), None)
                .unwrap()
                .id,
            "id-2"
        );
        assert!(store
            .find("dzd_a", "jane", Some(ProfileType::Iam), None)
            .is_none());
        assert!(store.find("dzd_b", "jane", None, None).is_none());
    }

    #[test]
    fn pages_in_creation_order() {
        let mut store = Store::default();
        for i in 0..5 {
            store.insert(profile(
                "dzd_a",
                &format!("id-{i}"),
                &format!("u{i}"),
                ProfileType::Sso,
            ));
        }
        let (page, more) = store.page("dzd_a", 0, 2, |_| true);
        assert_eq!(
            page.iter().map(|p| p.id.as_str()).collect::<Vec<_>>(),
            ["id-0", "id-1"]
        );
        assert!(more);
        let (page, more) = store.page("dzd_a", page[1].seq, 10, |p| p.id != "id-3");
        assert_eq!(
            page.iter().map(|p| p.id.as_str()).collect::<Vec<_>>(),
            ["id-2", "id-4"]
        );
        assert!(!more);
    }

    #[test]
    fn json_shapes() {
        let mut iam = profile(
            "dzd_a",
            "id",
            "arn:aws:iam::123456789012:role/R",
            ProfileType::Iam,
        );
        iam.session_name = Some("s1".into());
        let v = iam.to_json();
        assert_eq!(v["type"], "IAM");
        assert_eq!(
            v["details"]["iam"]["arn"],
            "arn:aws:iam::123456789012:role/R"
        );
        assert_eq!(v["details"]["iam"]["sessionName"], "s1");
        let v = profile("dzd_a", "id", "jane", ProfileType::Sso).to_json();
        assert_eq!(v["details"]["sso"]["username"], "jane");
        assert!(v["details"].get("iam").is_none());
    }
}
