//! `host_prefix = "..."` against the members marked `host_label`: every
//! `{name}` is a host-label member's wire name, every host-label member is
//! named, and each is a string.

use crate::ast::{Member, Operation};
use crate::ctxt::Ctxt;
use crate::host_prefix::{parse, HostPart};
use crate::types::{is_named, option_inner};

pub(super) fn host_prefix(cx: &Ctxt, op: &Operation) {
    let labels: Vec<&Member> = op
        .members
        .iter()
        .filter(|m| m.host_label.is_some())
        .collect();
    for m in &labels {
        let ty = option_inner(&m.ty).unwrap_or(&m.ty);
        if !is_named(ty, "String") {
            cx.error_spanned(
                &m.ty,
                "a host label must be a `String` (or `Option<String>`, which must be set when sent)",
            );
        }
    }
    let Some(lit) = &op.args.host_prefix else {
        for m in labels {
            if let Some(span) = m.host_label {
                cx.error(
                    span,
                    "`host_label` fills a `{name}` of the operation's `host_prefix = \"...\"`, and it has none",
                );
            }
        }
        return;
    };
    let parts = match parse(&lit.value()) {
        Ok(parts) => parts,
        Err(e) => return cx.error(lit.span(), e),
    };
    let named: Vec<&str> = parts
        .iter()
        .filter_map(|p| match p {
            HostPart::Label(name) => Some(name.as_str()),
            HostPart::Literal(_) => None,
        })
        .collect();
    for name in &named {
        if !labels
            .iter()
            .any(|m| m.host_label_name().as_deref() == Some(*name))
        {
            cx.error(
                lit.span(),
                format!("`{{{name}}}` of the host prefix names no member marked `#[aws(host_label)]` (by its wire name, or `host_label = \"{name}\"`)"),
            );
        }
    }
    for m in labels {
        let Some(name) = m.host_label_name() else {
            continue;
        };
        if let Some(span) = m.host_label.filter(|_| !named.contains(&name.as_str())) {
            cx.error(
                span,
                format!("the host prefix has no `{{{name}}}` for this host label"),
            );
        }
    }
}
