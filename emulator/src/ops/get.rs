//! GetUserProfile: `GET /v2/domains/{domainIdentifier}/user-profiles/{userIdentifier}?type=&sessionName=`.

use serde_json::{Map, Value};

use super::{not_found, required, text};
use crate::error::ServiceError;
use crate::state::Shared;
use crate::store::ProfileType;

pub(super) fn handle(
    shared: &Shared,
    params: &Map<String, Value>,
) -> Result<Vec<u8>, ServiceError> {
    let domain = required(params, "domainIdentifier")?;
    let user = required(params, "userIdentifier")?;
    let kind = text(params, "type").and_then(ProfileType::parse);
    let session = text(params, "sessionName");
    let store = shared.store();
    let profile = store
        .find(domain, user, kind, session)
        .ok_or_else(|| not_found(user, domain))?;
    Ok(profile.to_json().to_string().into_bytes())
}
