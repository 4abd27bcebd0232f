//! The four user-profile operations, over the validated input members.

mod create;
mod get;
mod search;
mod update;

use serde_json::{Map, Value};

use crate::error::ServiceError;
use crate::model::Operation;
use crate::server::response::Response;
use crate::state::Shared;

/// Runs `op` on validated `params`; answers with the model's status code.
pub(crate) fn dispatch(
    shared: &Shared,
    op: &Operation,
    params: &Map<String, Value>,
) -> Result<Response, ServiceError> {
    let body = match op.name.as_str() {
        "CreateUserProfile" => create::handle(shared, params)?,
        "GetUserProfile" => get::handle(shared, params)?,
        "UpdateUserProfile" => update::handle(shared, params)?,
        "SearchUserProfiles" => search::handle(shared, params)?,
        _ => return Err(ServiceError::unknown_operation()),
    };
    Ok(Response::json(op.status, body))
}

/// A string member (validation has already checked its type).
fn text<'a>(params: &'a Map<String, Value>, name: &str) -> Option<&'a str> {
    params.get(name).and_then(Value::as_str)
}

/// A member that validation guarantees is present (required, or a label).
fn required<'a>(params: &'a Map<String, Value>, name: &str) -> Result<&'a str, ServiceError> {
    text(params, name).ok_or_else(|| {
        ServiceError::validation(format!(
            "1 validation error detected: Value null at '{name}' failed to satisfy constraint: \
             Member must not be null"
        ))
    })
}

fn not_found(identifier: &str, domain: &str) -> ServiceError {
    ServiceError::not_found(format!(
        "User profile '{identifier}' was not found in domain '{domain}'."
    ))
}
