//! SearchUserProfiles: `POST /v2/domains/{domainIdentifier}/search-user-profiles`,
//! filtered by user type and text, paginated with opaque tokens.

use serde_json::{json, Map, Value};

use super::{required, text};
use crate::error::ServiceError;
use crate::page_token;
use crate::state::Shared;
use crate::store::ProfileType;

pub(super) fn handle(
    shared: &Shared,
    params: &Map<String, Value>,
) -> Result<Vec<u8>, ServiceError> {
    let domain = required(params, "domainIdentifier")?;
    let user_type = required(params, "userType")?;
    let search_text = text(params, "searchText").unwrap_or("");
    let limit = params
        .get("maxResults")
        .and_then(Value::as_u64)
        .and_then(|n| usize::try_from(n).ok())
        .unwrap_or(shared.config.page_size);

    // A token is only good for the search that produced it.
    let search = page_token::fingerprint(&[domain, user_type, search_text]);
    let after_seq = match text(params, "nextToken") {
        None => 0,
        Some(token) => page_token::decode(shared.token_key, token, search).ok_or_else(|| {
            ServiceError::validation(
                "The nextToken is not valid: it is malformed or belongs to a different request.",
            )
        })?,
    };

    // The emulator has no identity-store directory, so SSO_USER searches the
    // SSO profiles it holds.
    let kind = match user_type {
        "DATAZONE_IAM_USER" => Some(ProfileType::Iam),
        "DATAZONE_SSO_USER" | "SSO_USER" => Some(ProfileType::Sso),
        _ => None,
    };
    let needle = search_text.to_lowercase();
    let store = shared.store();
    let (page, more) = store.page(domain, after_seq, limit, |p| {
        kind.map_or(true, |k| p.kind == k) && (needle.is_empty() || p.matches_text(&needle))
    });
    let mut output = json!({ "items": page.iter().map(|p| p.to_json()).collect::<Vec<_>>() });
    if let (true, Some(last)) = (more, page.last()) {
        output["nextToken"] = json!(page_token::encode(shared.token_key, last.seq, search));
    }
    Ok(output.to_string().into_bytes())
}
