//! UpdateUserProfile: `PUT /v2/domains/{domainIdentifier}/user-profiles/{userIdentifier}`
//! sets a profile's status.

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
    let status = required(params, "status")?;
    let kind = text(params, "type").and_then(ProfileType::parse);
    let session = text(params, "sessionName");
    let mut store = shared.store();
    let seq = store
        .find(domain, user, kind, session)
        .map(|p| p.seq)
        .ok_or_else(|| not_found(user, domain))?;
    let profile = store
        .set_status(domain, seq, status)
        .ok_or_else(|| not_found(user, domain))?;
    Ok(profile.to_json().to_string().into_bytes())
}
