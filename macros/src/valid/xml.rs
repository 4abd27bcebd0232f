//! The XML options (`xml_*`) and ec2Query's `ec2_name`: each only where
//! it means something, and each pair complete.

use syn::LitStr;

use super::non_empty;
use crate::ast::{Binding, Member, Operation, Structure};
use crate::attr::XmlRootAttrs;
use crate::ctxt::Ctxt;
use crate::symbol::*;
use crate::types::{collection, strip_option, Collection};

/// The protocols whose requests or responses are XML or XML-named forms.
const XML_PROTOCOLS: &[&str] = &["restXml", "awsQuery", "ec2Query"];

/// `xml_prefix` declares a prefix for a namespace, so it needs one.
fn prefix_needs_namespace(cx: &Ctxt, namespace: &Option<LitStr>, prefix: &Option<LitStr>) {
    if let (None, Some(prefix)) = (namespace, prefix) {
        cx.error(
            prefix.span(),
            "`xml_prefix` is the prefix `xml_namespace` is declared with: give the namespace too",
        );
    }
    non_empty(cx, namespace, XML_NAMESPACE);
    non_empty(cx, prefix, XML_PREFIX);
}

fn root(cx: &Ctxt, root: &XmlRootAttrs) {
    non_empty(cx, &root.name, XML_NAME);
    prefix_needs_namespace(cx, &root.namespace, &root.prefix);
}

/// The checks of one member's XML options on their own.
fn member(cx: &Ctxt, m: &Member) {
    let xml = &m.xml;
    prefix_needs_namespace(cx, &xml.namespace, &xml.prefix);
    for (lit, key) in [
        (&xml.item, XML_ITEM),
        (&xml.key, XML_KEY),
        (&xml.value, XML_VALUE),
        (&m.ec2_name, EC2_NAME),
    ] {
        non_empty(cx, lit, key);
    }
    let kind = collection(strip_option(&m.ty));
    if let Some(span) = xml.attribute {
        if kind.is_some() {
            cx.error(
                span,
                "an XML attribute holds one value: a list or map cannot be one",
            );
        } else if m.binding != Binding::Body {
            cx.error(
                span,
                format!(
                    "`xml_attribute` places a body member on its structure's element; this one is bound as `{}`",
                    m.binding.key()
                ),
            );
        }
    }
    if let Some(span) = xml.inner_span {
        if kind.is_none() {
            cx.error(span, "`xml_inner(...)` names what a list's items or a map's values hold: it applies to list (`Vec`) and map (`HashMap`) members");
        }
    }
    if let Some(span) = xml.flattened {
        if kind.is_none() {
            cx.error(
                span,
                "`xml_flattened` applies to list (`Vec`) and map (`HashMap`) members",
            );
        }
    }
    let list_only = [&xml.item, &xml.item_namespace];
    if kind != Some(Collection::List) {
        for lit in list_only.into_iter().flatten() {
            cx.error(
                lit.span(),
                "`xml_item...` names the items of a list (`Vec`) member",
            );
        }
    }
    let map_only = [
        &xml.key,
        &xml.key_namespace,
        &xml.value,
        &xml.value_namespace,
    ];
    if kind != Some(Collection::Map) {
        for lit in map_only.into_iter().flatten() {
            cx.error(
                lit.span(),
                "`xml_key...` and `xml_value...` name the entries of a map (`HashMap`) member",
            );
        }
    }
}

/// A structure's root options and its members' options.
pub(super) fn structure(cx: &Ctxt, s: &Structure) {
    root(cx, &s.xml_root);
    for m in &s.members {
        member(cx, m);
    }
}

/// The root options where an operation's protocol has an XML input body,
/// the member options where it has XML or forms, `ec2_name` in ec2Query.
pub(super) fn operation(cx: &Ctxt, op: &Operation) {
    let protocol = op.args.protocol();
    root(cx, &op.args.xml_root);
    let root_lits = [
        (&op.args.xml_root.name, XML_NAME),
        (&op.args.xml_root.namespace, XML_NAMESPACE),
        (&op.args.xml_root.prefix, XML_PREFIX),
    ];
    if protocol.name != "restXml" {
        for (lit, key) in root_lits {
            if let Some(lit) = lit {
                cx.error(
                    lit.span(),
                    format!(
                        "`{key}` names the XML root of a restXml input; protocol \"{}\" sends no XML",
                        protocol.name
                    ),
                );
            }
        }
    }
    for m in &op.members {
        member(cx, m);
        if let (Some(lit), false) = (&m.ec2_name, protocol.name == "ec2Query") {
            cx.error(
                lit.span(),
                format!(
                    "`ec2_name` is the form key of an ec2Query input; protocol \"{}\" has none",
                    protocol.name
                ),
            );
        }
        if let (Some(span), false) = (m.xml.first_span(), XML_PROTOCOLS.contains(&protocol.name)) {
            cx.error(
                span,
                format!(
                    "the `xml_...` options shape XML and query forms; protocol \"{}\" has neither",
                    protocol.name
                ),
            );
        }
    }
}
