//! Which protocol a fixture's suite speaks, and the operation arguments
//! that follow from its metadata.

use serde_json::{Map, Value};

use crate::model::Gen;
use crate::naming::str_lit;

/// A suite's protocol, as `#[aws_operation(protocol = ...)]` names it, with
/// the service facts it needs.
pub struct Protocol {
    pub name: &'static str,
    /// Whether members bind to HTTP (REST protocols).
    pub http_bindings: bool,
    pub target_prefix: Option<String>,
    pub api_version: Option<String>,
    pub query_compatible: bool,
    /// The signing name the declarations use.
    pub service: String,
}

impl Protocol {
    /// From a suite's `metadata`.
    pub fn from_metadata(metadata: &Map<String, Value>) -> Gen<Protocol> {
        let text = |key: &str| metadata.get(key).and_then(Value::as_str);
        let (name, http_bindings) = match text("protocol") {
            Some("rest-json") => ("restJson1", true),
            Some("json") => match text("jsonVersion") {
                Some("1.0") => ("awsJson1_0", false),
                Some("1.1") => ("awsJson1_1", false),
                other => return Err(format!("awsJson without a known jsonVersion: {other:?}")),
            },
            Some("smithy-rpc-v2-cbor") => ("rpcv2Cbor", false),
            Some("rest-xml") => ("restXml", true),
            Some("query") => ("awsQuery", false),
            Some("ec2") => ("ec2Query", false),
            other => return Err(format!("unknown protocol {other:?}")),
        };
        let needs_target = matches!(name, "awsJson1_0" | "awsJson1_1" | "rpcv2Cbor");
        let needs_version = matches!(name, "awsQuery" | "ec2Query");
        Ok(Protocol {
            name,
            http_bindings,
            target_prefix: if needs_target {
                Some(text("targetPrefix").ok_or("no targetPrefix")?.to_string())
            } else {
                None
            },
            api_version: if needs_version {
                Some(text("apiVersion").ok_or("no apiVersion")?.to_string())
            } else {
                None
            },
            query_compatible: metadata.contains_key("awsQueryCompatible"),
            service: text("signingName")
                .or(text("endpointPrefix"))
                .unwrap_or("conformance")
                .to_string(),
        })
    }

    /// The `#[aws_operation(...)]` arguments this protocol adds.
    pub fn operation_args(&self) -> Vec<String> {
        let mut args = vec![format!("protocol = {}", str_lit(self.name))];
        if let Some(prefix) = &self.target_prefix {
            args.push(format!("target_prefix = {}", str_lit(prefix)));
        }
        if let Some(version) = &self.api_version {
            args.push(format!("api_version = {}", str_lit(version)));
        }
        if self.query_compatible {
            args.push("query_compatible".to_string());
        }
        args
    }
}
