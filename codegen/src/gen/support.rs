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

/// An operation's input or output: its HTTP payload may be a streaming
/// blob (a `ByteStream`); everything else as [`walk`].
fn walk_top(ctx: &Ctx<'_>, shape: &str, seen: &mut BTreeSet<String>) -> Result<(), String> {
    let s = ctx.model.shape(shape)?;
    let payload = s.str("payload").filter(|_| ctx.service.http_bindings);
    if let (Some(payload), Kind::Struct) = (payload, ctx.kind(shape)?) {
        let streamed = ctx.members(shape)?.iter().find(|(member, reference)| {
            member.as_str() == payload
                && target(reference, "a payload")
                    .is_ok_and(|t| ctx.is_streaming_blob(reference, &t))
        });
        if let Some((member, _)) = streamed {
            seen.insert(shape.to_string());
            for (other, other_ref) in ctx.members(shape)? {
                if other == member {
                    continue;
                }
                let t = target(other_ref, &format!("member `{shape}.{other}`"))?;
                if other_ref.flag("streaming") {
                    return Err(format!(
                        "`{shape}.{other}` is a streaming body, which the macros do not support yet"
                    ));
                }
                walk(ctx, &t, seen)?;
            }
            // The blob itself is the stream: nothing to declare.
            return Ok(());
        }
    }
    walk(ctx, shape, seen)
}

/// Every shape reachable from `shape` is one the macros can declare.
fn walk(ctx: &Ctx<'_>, shape: &str, seen: &mut BTreeSet<String>) -> Result<(), String> {
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
