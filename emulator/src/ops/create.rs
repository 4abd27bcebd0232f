//! CreateUserProfile: `POST /v2/domains/{domainIdentifier}/user-profiles` → 201.

use serde_json::{json, Map, Value};

use super::{required, text};
use crate::error::ServiceError;
use crate::state::Shared;
use crate::store::{Profile, ProfileType, TokenUse, UserKey};

/// `arn:aws:iam::<12 digits>:<something>`, the form the model's
/// `UserIdentifier` pattern allows for IAM principals.
fn is_iam_arn(identifier: &str) -> bool {
    identifier
        .strip_prefix("arn:aws:iam::")
        .and_then(|rest| rest.split_once(':'))
        .is_some_and(|(account, resource)| {
            account.len() == 12
                && account.bytes().all(|b| b.is_ascii_digit())
                && !resource.is_empty()
        })
}

pub(super) fn handle(
    shared: &Shared,
    params: &Map<String, Value>,
) -> Result<Vec<u8>, ServiceError> {
    let domain = required(params, "domainIdentifier")?;
    let user = required(params, "userIdentifier")?;
    let user_type = text(params, "userType");
    let session_name = text(params, "sessionName");
    let token = text(params, "clientToken");

    let kind = match user_type {
        Some("SSO_USER") => ProfileType::Sso,
        Some(_) => ProfileType::Iam,
        // DataZone infers the type from the identifier when none is given.
        None if is_iam_arn(user) => ProfileType::Iam,
        None => ProfileType::Sso,
    };
    if kind == ProfileType::Iam && !is_iam_arn(user) {
        return Err(ServiceError::validation(format!(
            "userIdentifier must be an IAM principal ARN (arn:aws:iam::<account-id>:...) for userType {}",
            user_type.unwrap_or("IAM")
        )));
    }
    let session = if user_type == Some("IAM_ROLE_SESSION") {
        Some(session_name.ok_or_else(|| {
            ServiceError::validation("sessionName is required when userType is IAM_ROLE_SESSION")
        })?)
    } else {
        None
    };

    // What the token promises: the same call, byte for byte in its members.
    let fingerprint = json!([domain, user, user_type, session_name]).to_string();
    let mut store = shared.store();
    if let Some(token) = token {
        if let Some(used) = store.token(token) {
            return if used.fingerprint == fingerprint {
                Ok(used.response.clone())
            } else {
                Err(ServiceError::conflict(format!(
                    "The client token '{token}' was already used with different parameters."
                )))
            };
        }
    }

    let key = UserKey {
        kind,
        user_identifier: user.to_owned(),
        session_name: session.map(str::to_owned),
    };
    // Creating a profile that exists answers with that profile, as DataZone does.
    let response = match store.by_user(domain, &key) {
        Some(existing) => existing.to_json(),
        None => {
            let profile = {
                let mut rng = shared.rng();
                Profile {
                    seq: 0,
                    id: rng.uuid(),
                    domain_id: domain.to_owned(),
                    kind,
                    status: match kind {
                        ProfileType::Iam => "ACTIVATED",
                        ProfileType::Sso => "ASSIGNED",
                    }
                    .to_owned(),
                    user_identifier: user.to_owned(),
                    session_name: key.session_name.clone(),
                    principal_id: (kind == ProfileType::Iam)
                        .then(|| principal_id(&mut rng, user_type, user, session)),
                }
            };
            store.insert(profile).to_json()
        }
    }
    .to_string()
    .into_bytes();
    if let Some(token) = token {
        store.remember_token(
            token.to_owned(),
            TokenUse {
                fingerprint,
                response: response.clone(),
            },
        );
    }
    Ok(response)
}

/// An IAM unique id: `AIDA…` for users, `AROA…` for roles, and
/// `AROA…:session` for a role session, as STS reports them.
fn principal_id(
    rng: &mut crate::rng::Rng,
    user_type: Option<&str>,
    arn: &str,
    session: Option<&str>,
) -> String {
    const ALPHABET: &[u8; 32] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    let is_user = match user_type {
        Some(t) => t == "IAM_USER",
        None => arn.contains(":user/"),
    };
    let mut id = String::from(if is_user { "AIDA" } else { "AROA" });
    for _ in 0..17 {
        id.push(char::from(ALPHABET[rng.below(ALPHABET.len())]));
    }
    if let Some(session) = session {
        id.push(':');
        id.push_str(session);
    }
    id
}

#[cfg(test)]
mod tests {
    use super::is_iam_arn;

    #[test]
    fn iam_arns() {
        assert!(is_iam_arn("arn:aws:iam::123456789012:role/DataScientist"));
        assert!(is_iam_arn("arn:aws:iam::123456789012:user/jane"));
        assert!(!is_iam_arn("arn:aws:iam::1234:role/x"));
        assert!(!is_iam_arn("arn:aws:iam::123456789012:"));
        assert!(!is_iam_arn("arn:aws:s3:::bucket"));
        assert!(!is_iam_arn("jane"));
    }
}
