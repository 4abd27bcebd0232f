//! `paginator(...)`: the members it names exist and have the types a
//! paginator needs.

use crate::ast::{Member, Operation};
use crate::ctxt::Ctxt;
use crate::symbol::*;
use crate::types::option_inner;

/// The input member a paginator string names: by wire name, else by
/// field name.
pub(crate) fn input_member<'a>(op: &'a Operation, name: &str) -> Option<&'a Member> {
    op.members.iter().find(|m| m.wire == name).or_else(|| {
        op.members
            .iter()
            .find(|m| syn::ext::IdentExt::unraw(&m.ident) == name)
    })
}

/// A dotted path of member names (`Result.NextToken`): each segment a
/// name of letters, digits and `_`.
pub(crate) fn is_member_path(path: &str) -> bool {
    !path.is_empty()
        && path.split('.').all(|segment| {
            !segment.is_empty()
                && segment
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '_')
                && !segment.starts_with(|c: char| c.is_ascii_digit())
        })
}

pub(super) fn paginator(cx: &Ctxt, op: &Operation, p: &crate::attr::PaginatorAttrs) {
    let members = || {
        op.members
            .iter()
            .map(|m| format!("`{}`", m.wire))
            .collect::<Vec<_>>()
            .join(", ")
    };
    for (key, lit) in [(INPUT_TOKEN, &p.input_token), (PAGE_SIZE, &p.page_size)] {
        let Some(lit) = lit else { continue };
        match input_member(op, &lit.value()) {
            Some(m) if key == INPUT_TOKEN && option_inner(&m.ty).is_none() => cx.error_spanned(
                &m.ty,
                "a paginator's input token is an `Option`: the first page is sent without one",
            ),
            Some(_) => {}
            None => cx.error(
                lit.span(),
                format!(
                    "`{}` is not a member of this operation's input; its members are: {}",
                    lit.value(),
                    members()
                ),
            ),
        }
    }
    for (key, lit) in [
        (INPUT_TOKEN, &p.input_token),
        (OUTPUT_TOKEN, &p.output_token),
    ] {
        if lit.is_none() {
            cx.error(
                p.span,
                format!("paginator(...) needs `{key}`: the member that carries the page token"),
            );
        }
    }
    for lit in [&p.output_token, &p.items, &p.more_results]
        .into_iter()
        .flatten()
    {
        if !is_member_path(&lit.value()) {
            cx.error(
                lit.span(),
                "a paginator names an output member by its wire name, or a dotted path to one (\"Result.NextToken\")",
            );
        }
    }
    if op.args.output.is_none() {
        cx.error(
            p.span,
            "a paginated operation names its `output`, where the token comes from",
        );
    }
    if crate::attr::derives(&op.item.attrs, "Clone").is_none() {
        cx.error(
            p.span,
            "a paginated operation derives `Clone`: each page is sent from a copy of the request",
        );
    }
}
