//! The XML traits of botocore models → the macros' `xml_*` and `ec2_name`
//! options: `flattened`, `xmlAttribute`, `xmlNamespace`, list and map
//! member names, structure root names, ec2Query's `queryName`. The same
//! reading as the conformance generator's (`conformance/build/shapes/xml.rs`),
//! whose protocol cases pin it.

use super::{Ctx, Kind};
use crate::json::Json;
use crate::naming::str_lit;

/// `xmlNamespace` is a URI, or `{"uri": ..., "prefix": ...}`.
fn namespace(value: &Json) -> Option<(String, Option<String>)> {
    match value {
        Json::String(uri) => Some((uri.clone(), None)),
        Json::Object(_) => Some((
            value.str("uri")?.to_string(),
            value.str("prefix").map(str::to_string),
        )),
        _ => None,
    }
}

/// `key = "uri"` (and `prefix_key = "p"`) for a namespace.
fn namespace_args(value: &Json, key: &str, prefix_key: &str, out: &mut Vec<String>) {
    if let Some((uri, prefix)) = namespace(value) {
        out.push(format!("{key} = {}", str_lit(&uri)));
        if let Some(prefix) = prefix {
            out.push(format!("{prefix_key} = {}", str_lit(&prefix)));
        }
    }
}

impl Ctx<'_> {
    /// The XML options of a body member (its `reference`) targeting `member_shape`.
    pub(crate) fn xml_member_args(
        &self,
        reference: &Json,
        member_shape: &str,
    ) -> Result<Vec<String>, String> {
        let mut out = Vec::new();
        if !self.service.is_xml() {
            return Ok(out);
        }
        let target = self.model.shape(member_shape)?;
        if reference.flag("xmlAttribute") {
            out.push("xml_attribute".to_string());
        }
        let collection = matches!(
            self.kind(member_shape)?,
            Kind::List { .. } | Kind::Map { .. }
        );
        if collection && (reference.flag("flattened") || target.flag("flattened")) {
            out.push("xml_flattened".to_string());
        }
        // A member's namespace, else (for lists and maps, which have no
        // element of their own to declare it) its target's.
        let ns = match reference.get("xmlNamespace") {
            Json::Null if collection => target.get("xmlNamespace"),
            ns => ns,
        };
        namespace_args(ns, "xml_namespace", "xml_prefix", &mut out);
        out.extend(self.element_names(member_shape)?);
        if self.service.protocol == "ec2Query" {
            // ec2 keys: `queryName`, else the wire name capitalized (the
            // macros' default).
            if let Some(key) = reference.str("queryName") {
                out.push(format!("ec2_name = {}", str_lit(key)));
            }
        }
        Ok(out)
    }

    /// The names inside list or map shape `shape`: its items', or its keys'
    /// and values', and (`xml_inner(...)`) those inside its items or values
    /// when they are lists or maps too.
    fn element_names(&self, shape: &str) -> Result<Vec<String>, String> {
        let target = self.model.shape(shape)?;
        let mut out = Vec::new();
        let mut names = |part: &str, name_key: &str, ns_key: &str| {
            let part = target.get(part);
            if let Some(name) = part.str("locationName") {
                out.push(format!("{name_key} = {}", str_lit(name)));
            }
            if let Some((uri, _)) = namespace(part.get("xmlNamespace")) {
                out.push(format!("{ns_key} = {}", str_lit(&uri)));
            }
        };
        let element = match self.kind(shape)? {
            Kind::List { member, .. } => {
                names("member", "xml_item", "xml_item_namespace");
                member
            }
            Kind::Map { value, .. } => {
                names("key", "xml_key", "xml_key_namespace");
                names("value", "xml_value", "xml_value_namespace");
                value
            }
            _ => return Ok(out),
        };
        if matches!(self.kind(&element)?, Kind::List { .. } | Kind::Map { .. }) {
            let inner = self.element_names(&element)?;
            if !inner.is_empty() {
                out.push(format!("xml_inner({})", inner.join(", ")));
            }
        }
        Ok(out)
    }

    /// The `#[aws_shape(...)]` XML arguments of structure `shape`: its root
    /// name and namespace.
    pub(crate) fn xml_shape_args(&self, shape: &str) -> Result<Vec<String>, String> {
        let mut out = Vec::new();
        if !self.service.is_xml() {
            return Ok(out);
        }
        let s = self.model.shape(shape)?;
        if let Some(name) = s.str("locationName") {
            out.push(format!("xml_name = {}", str_lit(name)));
        }
        namespace_args(
            s.get("xmlNamespace"),
            "xml_namespace",
            "xml_prefix",
            &mut out,
        );
        Ok(out)
    }

    /// The `#[aws_operation(...)]` arguments of a restXml input: its root
    /// element is the shape's `locationName`, else the operation's
    /// `input.locationName`, else the shape's name (the struct is named
    /// after the operation).
    pub(crate) fn xml_operation_args(
        &self,
        input: &str,
        input_ref: &Json,
    ) -> Result<Vec<String>, String> {
        let mut out = Vec::new();
        if self.service.protocol != "restXml" {
            return Ok(out);
        }
        let shape = self.model.shape(input)?;
        let name = shape
            .str("locationName")
            .or(input_ref.str("locationName"))
            .unwrap_or(input);
        out.push(format!("xml_name = {}", str_lit(name)));
        let ns = match input_ref.get("xmlNamespace") {
            Json::Null => shape.get("xmlNamespace"),
            ns => ns,
        };
        namespace_args(ns, "xml_namespace", "xml_prefix", &mut out);
        Ok(out)
    }
}
