//! The XML traits of botocore models → the macros' `xml_*` and `ec2_name`
//! options: `flattened`, `xmlAttribute`, `xmlNamespace`, list and map
//! member names, structure root names, ec2Query's `queryName`.

use serde_json::{Map, Value};

use super::{Ctx, Kind};
use crate::model::Gen;
use crate::naming::str_lit;

/// `xmlNamespace` is a URI, or `{"uri": ..., "prefix": ...}`.
fn namespace(value: Option<&Value>) -> Option<(String, Option<String>)> {
    match value? {
        Value::String(uri) => Some((uri.clone(), None)),
        Value::Object(ns) => Some((
            ns.get("uri")?.as_str()?.to_string(),
            ns.get("prefix").and_then(Value::as_str).map(str::to_string),
        )),
        _ => None,
    }
}

/// `key = "uri"` (and `prefix_key = "p"`) for a namespace.
fn namespace_args(value: Option<&Value>, key: &str, prefix_key: &str, out: &mut Vec<String>) {
    if let Some((uri, prefix)) = namespace(value) {
        out.push(format!("{key} = {}", str_lit(&uri)));
        if let Some(prefix) = prefix {
            out.push(format!("{prefix_key} = {}", str_lit(&prefix)));
        }
    }
}

impl Ctx<'_> {
    /// Whether the suite's protocol reads or writes XML (or XML-named forms).
    pub fn is_xml(&self) -> bool {
        matches!(self.protocol.name, "restXml" | "awsQuery" | "ec2Query")
    }

    /// The member options of a member (its `reference`), targeting
    /// `member_shape`.
    pub fn xml_member_args(&self, reference: &Value, member_shape: &str) -> Gen<Vec<String>> {
        let mut out = Vec::new();
        if !self.is_xml() {
            return Ok(out);
        }
        let flag = |v: &Value, k: &str| v.get(k).and_then(Value::as_bool) == Some(true);
        let target = self.shape(member_shape)?;
        let target_value = Value::Object(target.clone());
        if flag(reference, "xmlAttribute") {
            out.push("xml_attribute".to_string());
        }
        let kind = self.kind(member_shape)?;
        let collection = matches!(kind, Kind::List { .. } | Kind::Map { .. });
        if collection && (flag(reference, "flattened") || flag(&target_value, "flattened")) {
            out.push("xml_flattened".to_string());
        }
        // A member's namespace, else (for lists and maps, which have no
        // element of their own to declare it) its target's.
        let ns = reference
            .get("xmlNamespace")
            .or_else(|| collection.then(|| target.get("xmlNamespace")).flatten());
        namespace_args(ns, "xml_namespace", "xml_prefix", &mut out);
        out.extend(self.element_names(member_shape)?);
        if self.protocol.name == "ec2Query" {
            // ec2 keys: `queryName`, else the wire name capitalized (the
            // macros' default).
            if let Some(key) = reference.get("queryName").and_then(Value::as_str) {
                out.push(format!("ec2_name = {}", str_lit(key)));
            }
        }
        Ok(out)
    }

    /// The names inside list or map shape `shape`: its items', or its
    /// keys' and values', and (`xml_inner(...)`) those inside its items or
    /// values when they are lists or maps too.
    fn element_names(&self, shape: &str) -> Gen<Vec<String>> {
        let target = self.shape(shape)?;
        let mut out = Vec::new();
        let mut names = |part: &str, name_key: &str, ns_key: &str| {
            let Some(part) = target.get(part) else { return };
            if let Some(name) = part.get("locationName").and_then(Value::as_str) {
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

    /// The XML element names under which map entries appear, anywhere in
    /// the input: a wrapped map's element (its entries are its children),
    /// a flattened map's (each is an entry). A map has no order, so the
    /// comparison of request bodies lets these come in any order.
    pub fn xml_map_elements(&self) -> Gen<Vec<String>> {
        let mut names = std::collections::BTreeSet::new();
        let mut seen = std::collections::BTreeSet::new();
        if let Some(input) = self.input() {
            self.collect_map_elements(input, &mut names, &mut seen)?;
        }
        Ok(names.into_iter().collect())
    }

    fn collect_map_elements(
        &self,
        shape: &str,
        names: &mut std::collections::BTreeSet<String>,
        seen: &mut std::collections::BTreeSet<String>,
    ) -> Gen<()> {
        if !seen.insert(shape.to_string()) {
            return Ok(());
        }
        for (member, reference) in self.members(shape)? {
            let target = crate::model::target(reference, "member")?;
            let wire = reference
                .get("locationName")
                .and_then(Value::as_str)
                .unwrap_or(member);
            self.collect_in_value(&target, wire, names, seen)?;
        }
        Ok(())
    }

    /// `shape`, found as element `element`.
    fn collect_in_value(
        &self,
        shape: &str,
        element: &str,
        names: &mut std::collections::BTreeSet<String>,
        seen: &mut std::collections::BTreeSet<String>,
    ) -> Gen<()> {
        let part_name = |part: &str, default: &str| {
            self.shape(shape)
                .ok()
                .and_then(|s| s.get(part))
                .and_then(|p| p.get("locationName"))
                .and_then(Value::as_str)
                .unwrap_or(default)
                .to_string()
        };
        match self.kind(shape)? {
            Kind::Struct | Kind::Union => self.collect_map_elements(shape, names, seen),
            Kind::List { member, .. } => {
                let item = part_name("member", "member");
                self.collect_in_value(&member, &item, names, seen)
            }
            Kind::Map { value, .. } => {
                names.insert(element.to_string());
                let value_name = part_name("value", "value");
                self.collect_in_value(&value, &value_name, names, seen)
            }
            _ => Ok(()),
        }
    }

    /// The `#[aws_shape(...)]` arguments of structure `shape`: its root
    /// name and namespace.
    pub fn xml_shape_args(&self, shape: &str) -> Gen<Vec<String>> {
        let mut out = Vec::new();
        if !self.is_xml() {
            return Ok(out);
        }
        let s = self.shape(shape)?;
        if let Some(name) = s.get("locationName").and_then(Value::as_str) {
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
    /// element is the shape's `locationName` (Smithy's `xmlName`), else the
    /// operation's `input.locationName`, else the shape's name (the struct
    /// is named after the operation).
    pub fn xml_operation_args(&self, input_ref: Option<&Map<String, Value>>) -> Gen<Vec<String>> {
        let mut out = Vec::new();
        let (Some(input), "restXml") = (self.input(), self.protocol.name) else {
            return Ok(out);
        };
        let shape = self.shape(input)?;
        let reference = input_ref.cloned().unwrap_or_default();
        let name = shape
            .get("locationName")
            .or(reference.get("locationName"))
            .and_then(Value::as_str)
            .unwrap_or(input);
        out.push(format!("xml_name = {}", str_lit(name)));
        let ns = reference.get("xmlNamespace").or(shape.get("xmlNamespace"));
        namespace_args(ns, "xml_namespace", "xml_prefix", &mut out);
        Ok(out)
    }
}
