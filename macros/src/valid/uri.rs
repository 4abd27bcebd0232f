//! The uri's labels against the members bound to them.

use crate::ast::{Binding, Member, Operation};
use crate::ctxt::Ctxt;

pub(super) fn uri_labels(cx: &Ctxt, op: &Operation) {
    let (Some((uri, uri_span)), true) = (&op.args.uri, op.named) else {
        return;
    };
    let labels: Vec<&Member> = op
        .members
        .iter()
        .filter(|m| m.binding == Binding::Label)
        .collect();
    for (name, _) in uri.labels() {
        if labels.iter().any(|m| m.wire == name) {
            continue;
        }
        match op.members.iter().find(|m| m.wire == name) {
            Some(m) if m.had_errors => {}
            Some(m) => cx.error(
                m.ident.span(),
                format!(
                    "`{}` has the name of the uri label `{{{name}}}` but is not bound to it: add #[aws(label)]",
                    m.ident
                ),
            ),
            None => {
                // A member whose wire name differs only in case is the
                // likely intent: say so, rather than suggest a new field.
                if let Some(m) = op
                    .members
                    .iter()
                    .find(|m| !m.had_errors && m.wire.eq_ignore_ascii_case(name))
                {
                    cx.error(
                        m.ident.span(),
                        format!(
                            "the uri label `{{{name}}}` matches `{}` but for case: its wire name is `{}`; \
                             bind it with `#[aws(label = \"{name}\")]` (or name every member with `rename_all`)",
                            m.ident, m.wire
                        ),
                    );
                    continue;
                }
                let field = crate::case::lower_camel(name);
                cx.error(
                    *uri_span,
                    format!(
                        "the uri label `{{{name}}}` has no member: add a field `#[aws(label)] {}: String` \
                         (its wire name must be `{name}`; use `#[aws(label = \"{name}\")]` to name it)",
                        crate::case::snake(&field)
                    ),
                );
            }
        }
    }
    for m in &labels {
        // A label that matches but for case was reported above.
        if !uri
            .labels()
            .any(|(name, _)| name.eq_ignore_ascii_case(&m.wire))
        {
            cx.error(
                m.binding_span,
                format!(
                    "`{}` is bound to the label `{{{}}}`, which the uri does not have",
                    m.ident, m.wire
                ),
            );
        }
    }
}
