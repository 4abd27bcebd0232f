//! Which operations the macros can express yet. An operation that needs
//! more is left out with the reason, never generated half-right.

use std::collections::BTreeSet;

use super::{Ctx, Kind};
use crate::json::Json;
use crate::model::target;

/// The HTTP methods the macros accept.
const METHODS: &[&str] = &["GET", "PUT", "POST", "DELETE", "PATCH", "HEAD", "OPTIONS"];

/// `Err(why)` when operation `name` cannot be declared.
pub(crate) fn check(ctx: &Ctx<'_>, op: &Json) -> Result<(), String> {
    if ctx.service.http_bindings {
        let method = op.get("http").str("method").unwrap_or("");
        if !METHODS.contains(&method) {
            return Err(format!(
                "its HTTP method `{method}` is not one the macros accept"
            ));
        }
        if op.get("http").str("requestUri").is_none() {
            return Err("the model gives no requestUri".to_string());
        }
    }
    let mut seen = BTreeSet::new();
    for key in ["input", "output"] {
        if let Some(shape) = op.get(key).str("shape") {
            walk_top(ctx, shape, &mut seen).map_err(|e| format!("its {key}: {e}"))?;
        }
    }
    for error in op.get("errors").items() {
        let shape = target(error, "an error reference")?;
        walk(ctx, &shape, &mut seen).map_err(|e| format!("its error `{shape}`: {e}"))?;
    }
    Ok(())
}

/// An operation's input or output: as [`walk`], except that its HTTP
/// payload may be a streaming blob (declared as a `ByteStream`).
fn walk_top(ctx: &Ctx<'_>, shape: &str, seen: &mut BTreeSet<String>) -> Result<(), String> {
    let payload = ctx
        .model
        .shape(shape)?
        .str("payload")
        .filter(|_| ctx.service.http_bindings);
    walk_inner(ctx, shape, seen, payload)
}

/// Every shape reachable from `shape` is one the macros can declare.
fn walk(ctx: &Ctx<'_>, shape: &str, seen: &mut BTreeSet<String>) -> Result<(), String> {
    walk_inner(ctx, shape, seen, None)
}

/// [`walk`], with `payload` the member that may stream.
fn walk_inner(
    ctx: &Ctx<'_>,
    shape: &str,
    seen: &mut BTreeSet<String>,
    payload: Option<&str>,
) -> Result<(), String> {
    if !seen.insert(shape.to_string()) {
        return Ok(());
    }
    let s = ctx.model.shape(shape)?;
    if s.flag("eventstream") {
        return Err(format!(
            "`{shape}` is an event stream, which the macros do not support yet"
        ));
    }
    if s.flag("streaming") {
        return Err(format!(
            "`{shape}` is a streaming body, which the macros do not support yet"
        ));
    }
    match ctx.kind(shape)? {
        Kind::Struct | Kind::Union => {
            for (member, reference) in ctx.members(shape)? {
                let t = target(reference, &format!("member `{shape}.{member}`"))?;
                // The stream itself: nothing to declare.
                if payload == Some(member.as_str()) && ctx.is_streaming_blob(reference, &t) {
                    continue;
                }
                if reference.flag("streaming") {
                    return Err(format!(
                        "`{shape}.{member}` is a streaming body, which the macros do not support yet"
                    ));
                }
                walk(ctx, &t, seen)?;
            }
            Ok(())
        }
        Kind::List { member, .. } => walk(ctx, &member, seen),
        Kind::Map { value, .. } => walk(ctx, &value, seen),
        _ => Ok(()),
    }
}
