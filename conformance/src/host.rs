//! Comparing an operation's host prefix, put in front of the suite's
//! client endpoint as the client does, with a case's `serialized.host`.

use awsop::runtime::endpoint::host_prefix;
use awsop::runtime::operation::Operation;

/// `Ok` when `input`'s host prefix in front of `client_endpoint`'s host
/// gives `expected` (`foo.bar.example.com`).
pub fn check_host<O: Operation>(
    input: &O,
    client_endpoint: &str,
    expected: &str,
) -> Result<(), String> {
    let prefix = input
        .host_prefix()
        .map_err(|e| format!("host_prefix refused the input: {e}"))?
        .unwrap_or_default();
    let url = host_prefix::apply(client_endpoint, &prefix);
    let host = url.split_once("://").map_or(url.as_str(), |(_, rest)| rest);
    if host == expected {
        Ok(())
    } else {
        Err(format!("host: expected {expected:?}, got {host:?}"))
    }
}
