//! The service's protocol and the facts every `#[aws_operation]` repeats:
//! signing name, service id, target prefix, API version, endpoint.

use crate::json::Json;

/// The protocols the macros speak, by botocore's names, in no particular
/// preference: a model lists its own preference in `protocols`.
fn macro_protocol(name: &str, json_version: Option<&str>) -> Option<&'static str> {
    Some(match name {
        "rest-json" => "restJson1",
        "json" if json_version == Some("1.1") => "awsJson1_1",
        "json" => "awsJson1_0",
        "smithy-rpc-v2-cbor" => "rpcv2Cbor",
        "rest-xml" => "restXml",
        "query" => "awsQuery",
        "ec2" => "ec2Query",
        _ => return None,
    })
}

/// What the declarations of one service share.
pub(crate) struct Service {
    /// The macros' protocol name (`restJson1`, ...).
    pub(crate) protocol: &'static str,
    /// Whether members bind to HTTP (restJson1, restXml).
    pub(crate) http_bindings: bool,
    /// The SigV4 signing name (`service = ...`).
    pub(crate) signing_name: String,
    /// `serviceId` (`DataZone`), which names `AWS_ENDPOINT_URL_<SERVICE_ID>`.
    pub(crate) service_id: String,
    pub(crate) target_prefix: Option<String>,
    pub(crate) api_version: Option<String>,
    pub(crate) query_compatible: bool,
    /// The endpoint template, when the macros' default would be wrong.
    pub(crate) endpoint: Option<String>,
    /// The macros' default template (the signing name, every partition's suffix).
    default_endpoint: String,
}

impl Service {
    /// From the model's `metadata`; `endpoint` is the aws partition's
    /// template from the rule set, if one was given.
    pub(crate) fn new(metadata: &Json, endpoint: Option<String>) -> Result<Service, String> {
        let text = |key: &str| metadata.str(key);
        let listed: Vec<&str> = match metadata.get("protocols") {
            Json::Array(items) => items.iter().filter_map(Json::as_str).collect(),
            _ => text("protocol").into_iter().collect(),
        };
        let protocol = listed
            .iter()
            .find_map(|p| macro_protocol(p, text("jsonVersion")))
            .ok_or_else(|| format!("no protocol the macros support in {listed:?}"))?;
        let endpoint_prefix = text("endpointPrefix").ok_or("the model has no endpointPrefix")?;
        let signing_name = text("signingName").unwrap_or(endpoint_prefix).to_string();
        let service_id = text("serviceId")
            .or(text("serviceAbbreviation"))
            .ok_or("the model has no serviceId")?
            .to_string();
        let needs_target = matches!(protocol, "awsJson1_0" | "awsJson1_1" | "rpcv2Cbor");
        let needs_version = matches!(protocol, "awsQuery" | "ec2Query");
        let default = format!("https://{signing_name}.{{region}}.amazonaws.com");
        let endpoint = endpoint
            .unwrap_or_else(|| format!("https://{endpoint_prefix}.{{region}}.amazonaws.com"));
        Ok(Service {
            protocol,
            http_bindings: matches!(protocol, "restJson1" | "restXml"),
            signing_name,
            service_id,
            target_prefix: if needs_target {
                Some(
                    text("targetPrefix")
                        .ok_or("the model has no targetPrefix")?
                        .to_string(),
                )
            } else {
                None
            },
            api_version: if needs_version {
                Some(
                    text("apiVersion")
                        .ok_or("the model has no apiVersion")?
                        .to_string(),
                )
            } else {
                None
            },
            query_compatible: metadata.has("awsQueryCompatible")
                && matches!(protocol, "awsJson1_0" | "awsJson1_1" | "rpcv2Cbor"),
            // The macros' default (the signing name, with every partition's
            // suffix) is kept unless the model says otherwise.
            endpoint: (endpoint != default).then_some(endpoint),
            default_endpoint: default,
        })
    }

    /// `Some(url)` when an operation's template is not the macros' default.
    pub(crate) fn endpoint_arg(&self, url: String) -> Option<String> {
        (url != self.default_endpoint).then_some(url)
    }

    /// Whether the protocol reads or writes XML (or XML-named forms).
    pub(crate) fn is_xml(&self) -> bool {
        matches!(self.protocol, "restXml" | "awsQuery" | "ec2Query")
    }

    /// The `#[aws_operation(...)]` arguments every operation repeats, with
    /// the operation's `endpoint` template (`None`: the macros' default).
    pub(crate) fn operation_args(&self, endpoint: Option<&str>) -> Vec<String> {
        use crate::naming::str_lit;
        let mut args = vec![
            format!("service = {}", str_lit(&self.signing_name)),
            format!("service_id = {}", str_lit(&self.service_id)),
        ];
        if let Some(endpoint) = endpoint {
            args.push(format!("endpoint = {}", str_lit(endpoint)));
        }
        if self.protocol != "restJson1" {
            args.push(format!("protocol = {}", str_lit(self.protocol)));
        }
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
