//! One request in, one response out: authenticate, route by the model,
//! gather and validate the input, run the operation.

use crate::error::ServiceError;
use crate::server::request::Request;
use crate::server::response::Response;
use crate::state::Shared;
use crate::{auth, ops, params, validate};

/// The emulator's answer to `request` (never fails: errors become responses).
pub(crate) fn handle(shared: &Shared, request: &Request) -> Response {
    process(shared, request).unwrap_or_else(ServiceError::into_response)
}

fn process(shared: &Shared, request: &Request) -> Result<Response, ServiceError> {
    // Authentication comes first, as at AWS's front door: an unsigned request
    // learns nothing about which paths exist.
    auth::verify(shared, request)?;
    let route = match shared.model.route(&request.method, request.path()) {
        None => return Err(ServiceError::unknown_operation()),
        Some(Err(label)) => {
            return Err(ServiceError::validation(format!(
                "The URI label '{label}' is not valid percent-encoded UTF-8"
            )))
        }
        Some(Ok(found)) => found,
    };
    let params = params::gather(&shared.model, route.op, &route.labels, request)?;
    validate::validate(&shared.model, &route.op.input, &params)?;
    ops::dispatch(shared, route.op, &params)
}
