//! The arguments of `#[aws_operation(...)]`: each value, and what the
//! protocol needs and refuses.

use proc_macro2::Span;
use syn::LitStr;

use super::{non_empty, rename_all};
use crate::ast::Operation;
use crate::ctxt::Ctxt;
use crate::protocol::{self, PROTOCOLS};
use crate::symbol::*;

pub(super) fn operation_args(cx: &Ctxt, op: &Operation) {
    let args = &op.args;
    rename_all(cx, &args.rename_all);
    non_empty(cx, &args.service, SERVICE);
    non_empty(cx, &args.service_id, SERVICE_ID);
    non_empty(cx, &args.name, NAME);
    if let Some(lit) = &args.method {
        let value = lit.value();
        if METHODS.contains(&value.as_str()) {
        } else if METHODS.contains(&value.to_ascii_uppercase().as_str()) {
            cx.error(
                lit.span(),
                format!(
                    "write the method in upper case: \"{}\"",
                    value.to_ascii_uppercase()
                ),
            );
        } else {
            cx.error(
                lit.span(),
                format!(
                    "unknown HTTP method \"{value}\"; use one of: {}",
                    METHODS.join(", ")
                ),
            );
        }
    }
    if let Some(lit) = &args.status {
        if !matches!(lit.base10_parse::<u16>(), Ok(200..=299)) {
            cx.error(
                lit.span(),
                "`status` is the operation's success code and must be 2xx (200..=299)",
            );
        }
    }
    let mut known = true;
    if let Some(lit) = &args.protocol {
        let value = lit.value();
        if protocol::find(&value).is_none() {
            known = false;
            let all: Vec<&str> = PROTOCOLS.iter().map(|p| p.name).collect();
            // `restxml`, `awsJson1.1`: the intended one, spelled otherwise.
            let simple = |s: &str| s.replace(['.', '_', '-'], "").to_ascii_lowercase();
            let hint = PROTOCOLS
                .iter()
                .find(|p| simple(p.name) == simple(&value))
                .map(|p| format!("did you mean \"{}\"? ", p.name))
                .unwrap_or_default();
            cx.error(
                lit.span(),
                format!(
                    "unknown protocol \"{value}\"; {hint}AWS protocols are {}",
                    all.join(", ")
                ),
            );
        }
    }
    // An unknown protocol's own checks would only guess at what was meant.
    if known {
        protocol_arguments(cx, op);
    }
    if let Some(lit) = &args.endpoint {
        if !is_endpoint_template(&lit.value()) {
            cx.error(
                lit.span(),
                "`endpoint` is a URL template such as \"https://datazone.{region}.api.aws\"",
            );
        }
    }
    if let Some(lit) = &args.name {
        let value = lit.value();
        if !value.is_empty() && !value.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
            cx.error(
                lit.span(),
                "`name` is an operation name such as \"CreateUserProfile\"",
            );
        }
    }
    // RPC protocols fix the method and path themselves.
    let rest = args.protocol().http_bindings;
    for (key, hint, required) in [
        (
            SERVICE,
            "service = \"datazone\" (the SigV4 signing name)",
            true,
        ),
        (METHOD, "method = \"POST\"", rest),
        (
            URI,
            "uri = \"/v2/domains/{domainIdentifier}/user-profiles\"",
            rest,
        ),
    ] {
        if required && !args.given.contains(&key) {
            cx.error(
                Span::call_site(),
                format!("#[aws_operation] is missing `{key}`: add {hint}"),
            );
        }
    }
}

/// The service arguments the protocol needs, and none it cannot use; an
/// RPC protocol's method and path, when given, are its own.
fn protocol_arguments(cx: &Ctxt, op: &Operation) {
    let args = &op.args;
    let protocol = args.protocol();
    let given = |lit: &Option<LitStr>| lit.is_some();
    for (key, lit) in [
        (TARGET_PREFIX, &args.target_prefix),
        (API_VERSION, &args.api_version),
    ] {
        let needed = protocol.needs == Some(key);
        if needed && !given(lit) && !args.given.contains(&key) {
            let at = args
                .protocol
                .as_ref()
                .map_or_else(Span::call_site, LitStr::span);
            cx.error(
                at,
                format!(
                    "protocol \"{}\" needs `{key}`: the service's {}",
                    protocol.name,
                    if key == TARGET_PREFIX {
                        "target prefix (botocore `metadata.targetPrefix`, e.g. \"DynamoDB_20120810\")"
                    } else {
                        "API version (botocore `metadata.apiVersion`, e.g. \"2011-06-15\")"
                    }
                ),
            );
        }
        if let (false, Some(lit)) = (needed, lit) {
            cx.error(
                lit.span(),
                format!("protocol \"{}\" has no use for `{key}`", protocol.name),
            );
        }
        non_empty(cx, lit, key);
    }
    if let Some(lit) = &args.request_checksum {
        if !REQUEST_CHECKSUM_VALUES.contains(&lit.value().as_str()) {
            cx.error(
                lit.span(),
                format!(
                    "`request_checksum` is one of: {}",
                    REQUEST_CHECKSUM_VALUES.join(", ")
                ),
            );
        }
    }
    if let (Some(span), true) = (args.query_compatible, protocol.http_bindings) {
        cx.error(
            span,
            "`query_compatible` is for services that moved from awsQuery to awsJson or rpcv2Cbor",
        );
    }
    if protocol.http_bindings {
        return;
    }
    if let Some(lit) = &args.method {
        if lit.value() != "POST" {
            cx.error(
                lit.span(),
                format!("protocol \"{}\" always sends POST", protocol.name),
            );
        }
    }
    if let Some((uri, span)) = &args.uri {
        let root = matches!(uri.parts.as_slice(), [crate::uri::UriPart::Literal(l)] if l == "/");
        if !root || uri.query.is_some() {
            cx.error(
                *span,
                format!(
                    "protocol \"{}\" chooses the path itself: write uri = \"/\" or leave it out",
                    protocol.name
                ),
            );
        }
    }
}

/// `http://` or `https://` and a host part.
fn is_endpoint_template(value: &str) -> bool {
    let rest = value
        .strip_prefix("https://")
        .or_else(|| value.strip_prefix("http://"));
    rest.is_some_and(|host| !host.is_empty() && !host.starts_with('/'))
}
