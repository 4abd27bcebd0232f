//! Expanding an operation's endpoint template for a region.

use super::{url, EndpointError, Partition};
use crate::region::Region;

/// The template of operations that declare none.
pub(crate) const DEFAULT_TEMPLATE: &str = "https://{service}.{region}.{dnsSuffix}";

const DUAL_STACK_PLACEHOLDER: &str = "{dualStackDnsSuffix}";
const DNS_SUFFIX_PLACEHOLDER: &str = "{dnsSuffix}";

/// The options that shape a regional endpoint.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Options {
    pub(crate) use_fips: bool,
    pub(crate) use_dual_stack: bool,
}

/// Expands `template` (placeholders `{service}`, `{region}`, `{dnsSuffix}`,
/// `{dualStackDnsSuffix}`) into a checked, normalized URL.
///
/// A host written for the `aws` partition, ending in `{region}.amazonaws.com`
/// or `{region}.api.aws`, is read as `{region}.{dnsSuffix}` or
/// `{region}.{dualStackDnsSuffix}`, so the same template serves every
/// partition (`datazone.cn-north-1.api.amazonwebservices.com.cn`).
///
/// - `{dnsSuffix}` becomes the dual-stack suffix when dual-stack is asked
///   for (an error where the partition has none).
/// - `{dualStackDnsSuffix}` falls back to the plain suffix in partitions
///   without dual-stack, as DataZone's endpoint rules do.
/// - FIPS appends `-fips` to the host's first label
///   (`datazone-fips.us-east-1.api.aws`, as DataZone's endpoint rules).
pub(crate) fn expand(
    template: &str,
    service: &str,
    region: &Region,
    partition: &Partition,
    options: Options,
) -> Result<String, EndpointError> {
    let (scheme, host, path) = split(template)?;
    let host = normalize_suffix(host);

    let mut host = if host.contains(DNS_SUFFIX_PLACEHOLDER) && options.use_dual_stack {
        if !partition.supports_dual_stack() {
            return Err(EndpointError::unsupported(partition.id(), "dual-stack"));
        }
        host.replace(DNS_SUFFIX_PLACEHOLDER, DUAL_STACK_PLACEHOLDER)
    } else {
        host
    };
    if !partition.supports_dual_stack() {
        host = host.replace(DUAL_STACK_PLACEHOLDER, DNS_SUFFIX_PLACEHOLDER);
    }
    if options.use_fips {
        if !partition.supports_fips() {
            return Err(EndpointError::unsupported(partition.id(), "FIPS"));
        }
        let first_label_end = host.find(['.', ':']).unwrap_or(host.len());
        host.insert_str(first_label_end, "-fips");
    }

    let mut out = String::with_capacity(template.len() + 32);
    out.push_str(scheme);
    out.push_str("://");
    substitute(&mut out, &host, template, service, region, partition)?;
    substitute(&mut out, path, template, service, region, partition)?;
    url::normalize(&out).map_err(|e| EndpointError::invalid_template(template, e.to_string()))
}

/// Whether dual-stack changes this template's endpoint; if it does not, the
/// setting is meaningless for it (DataZone is always dual-stack).
pub(crate) fn honors_dual_stack(template: &str) -> bool {
    split(template)
        .is_ok_and(|(_, host, _)| normalize_suffix(host).contains(DNS_SUFFIX_PLACEHOLDER))
}

fn split(template: &str) -> Result<(&str, &str, &str), EndpointError> {
    let (scheme, rest) = template.split_once("://").ok_or_else(|| {
        EndpointError::invalid_template(template, "must start with https:// or http://")
    })?;
    let host_end = rest.find('/').unwrap_or(rest.len());
    let (host, path) = rest.split_at(host_end);
    Ok((scheme, host, path))
}

fn normalize_suffix(host: &str) -> String {
    for (literal, placeholder) in [
        ("{region}.api.aws", "{region}.{dualStackDnsSuffix}"),
        ("{region}.amazonaws.com", "{region}.{dnsSuffix}"),
    ] {
        if let Some(head) = host.strip_suffix(literal) {
            return format!("{head}{placeholder}");
        }
    }
    host.to_owned()
}

fn substitute(
    out: &mut String,
    text: &str,
    template: &str,
    service: &str,
    region: &Region,
    partition: &Partition,
) -> Result<(), EndpointError> {
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let close = after
            .find('}')
            .ok_or_else(|| EndpointError::invalid_template(template, "has an unclosed `{`"))?;
        let value = match &after[..close] {
            "service" => service,
            "region" => region.as_str(),
            "dnsSuffix" => partition.dns_suffix(),
            "dualStackDnsSuffix" => partition.dual_stack_dns_suffix(),
            other => {
                return Err(EndpointError::invalid_template(
                    template,
                    format!(
                        "unknown placeholder {{{other}}} (known: {{service}}, {{region}}, {{dnsSuffix}}, {{dualStackDnsSuffix}})"
                    ),
                ))
            }
        };
        out.push_str(value);
        rest = &after[close + 1..];
    }
    if rest.contains('}') {
        return Err(EndpointError::invalid_template(
            template,
            "has an unmatched `}`",
        ));
    }
    out.push_str(rest);
    Ok(())
}
