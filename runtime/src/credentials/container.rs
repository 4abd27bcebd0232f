//! Credentials from the container endpoint: ECS task roles and EKS Pod
//! Identity.

use std::net::IpAddr;
use std::path::Path;
use std::time::Duration;

use super::http_fetch::{FetchError, HttpFetcher};
use super::json::{parse_credentials, Format};
use super::{Credentials, CredentialsError, ProvideCredentials};
use crate::endpoint::{parse_url, ParsedUrl, Query, UrlHost};
use crate::env::Env;
use crate::local_file;
use crate::settings::Origin;
use crate::BoxFuture;

/// Where `AWS_CONTAINER_CREDENTIALS_RELATIVE_URI` is resolved.
const ECS_ENDPOINT: &str = "http://169.254.170.2";

/// Fetches credentials from the endpoint a container runtime announces:
///
/// - `AWS_CONTAINER_CREDENTIALS_RELATIVE_URI`: a path on `http://169.254.170.2` (ECS).
/// - else `AWS_CONTAINER_CREDENTIALS_FULL_URI`: any `https` URL, or an `http`
///   URL whose host is loopback, `169.254.170.2`, `169.254.170.23` or
///   `fd00:ec2::23` (EKS Pod Identity).
/// - `AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE` (read on every call, as the
///   token rotates), else `AWS_CONTAINER_AUTHORIZATION_TOKEN`, is sent as
///   the `Authorization` header.
///
/// Neither URI set: not loaded. Set but failing: an error that stops the chain.
///
/// ```
/// use awsop_runtime::credentials::{ContainerCredentials, ProvideCredentials};
/// use awsop_runtime::credentials::CredentialsErrorKind;
/// use awsop_runtime::env::Env;
/// # tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(async {
/// let provider = ContainerCredentials::new(Env::from_pairs([("AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://10.0.0.1/creds")]));
/// let err = provider.provide_credentials().await.unwrap_err();
/// assert_eq!(err.kind(), CredentialsErrorKind::InvalidConfiguration);
/// # });
/// ```
#[derive(Debug)]
pub struct ContainerCredentials {
    env: Env,
    relative_base: String,
    http: HttpFetcher,
}

impl ContainerCredentials {
    /// Reads the configuration from `env` on every call; 2 s connect and
    /// 5 s read timeouts.
    pub fn new(env: Env) -> Self {
        Self::with_timeouts(env, Duration::from_secs(2), Duration::from_secs(5))
    }

    /// Like [`new`](Self::new) with other timeouts.
    pub fn with_timeouts(env: Env, connect: Duration, read: Duration) -> Self {
        ContainerCredentials {
            env,
            relative_base: ECS_ENDPOINT.to_owned(),
            http: HttpFetcher::new(connect, read),
        }
    }

    /// Resolve `AWS_CONTAINER_CREDENTIALS_RELATIVE_URI` against `base`
    /// (`scheme://host[:port]`) instead of `http://169.254.170.2`; for tests.
    pub fn with_relative_uri_base(mut self, base: impl Into<String>) -> Self {
        self.relative_base = base.into().trim_end_matches('/').to_owned();
        self
    }

    async fn uri(&self) -> Result<ParsedUrl, CredentialsError> {
        if let Some(relative) = self
            .env
            .get_non_empty("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI")
        {
            let separator = if relative.starts_with('/') { "" } else { "/" };
            let url = format!("{}{separator}{relative}", self.relative_base);
            return parse_url(&url, Query::Allowed).map_err(|e| {
                CredentialsError::invalid_configuration(format!(
                    "container: AWS_CONTAINER_CREDENTIALS_RELATIVE_URI does not form a valid URL: {}",
                    e.reason().unwrap_or("invalid")
                ))
            });
        }
        let Some(full) = self.env.get_non_empty("AWS_CONTAINER_CREDENTIALS_FULL_URI") else {
            return Err(CredentialsError::not_loaded(
                "container: AWS_CONTAINER_CREDENTIALS_RELATIVE_URI and AWS_CONTAINER_CREDENTIALS_FULL_URI are not set",
            ));
        };
        // The same strict routine as every endpoint: a port over 65535 or a
        // bracketed IPv4 address is refused here rather than sending the
        // authorization token to port 80 or to another host.
        let url = parse_url(&full, Query::Allowed).map_err(|e| {
            let e = e.with_origin(Origin::Env("AWS_CONTAINER_CREDENTIALS_FULL_URI".into()));
            CredentialsError::invalid_configuration(format!("container: {e}"))
        })?;
        match url.scheme {
            "https" => Ok(url),
            _ if host_is_allowed(&url).await => Ok(url),
            _ => Err(CredentialsError::invalid_configuration(
                "container: AWS_CONTAINER_CREDENTIALS_FULL_URI uses http with a host that is not \
                 loopback, 169.254.170.2, 169.254.170.23 or fd00:ec2::23 (use https)",
            )),
        }
    }

    async fn authorization(&self) -> Result<Option<String>, CredentialsError> {
        let token = if let Some(path) = self
            .env
            .get_non_empty("AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE")
        {
            // Bounded and never blocking: a FIFO or a huge file here is an
            // error at once, not a hang or an out-of-memory.
            let text = local_file::read_token(Path::new(&path))
                .await
                .map_err(|e| {
                    CredentialsError::invalid_configuration(format!(
                        "container: AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE: {e}"
                    ))
                })?;
            Some(text)
        } else {
            self.env.get_non_empty("AWS_CONTAINER_AUTHORIZATION_TOKEN")
        };
        match token {
            Some(t) if t.bytes().any(|b| b == b'\r' || b == b'\n' || b == 0) => {
                Err(CredentialsError::invalid_configuration(
                    "container: the authorization token contains a line break",
                ))
            }
            Some(t) if t.is_empty() => Ok(None),
            other => Ok(other),
        }
    }

    async fn load(&self) -> Result<Credentials, CredentialsError> {
        let url = self.uri().await?;
        let token = self.authorization().await?;
        let mut headers = vec![("accept", "application/json")];
        if let Some(token) = &token {
            headers.push(("authorization", token.as_str()));
        }
        let response = self
            .http
            .fetch(http::Method::GET, &url.to_request_url(), &headers)
            .await
            .map_err(|e| {
                // Without the query: it may carry a secret.
                let message = format!("container: {} ({})", e.describe(), url.shown());
                match e {
                    FetchError::Timeout(source) => {
                        CredentialsError::timeout(message).with_source(source)
                    }
                    FetchError::Connect(source) if source.is_timeout() => {
                        CredentialsError::timeout(message).with_source(source)
                    }
                    FetchError::Connect(source) => {
                        CredentialsError::provider_error(message).with_source(source)
                    }
                    FetchError::Other(_) => CredentialsError::provider_error(message),
                }
            })?;
        if response.status != 200 {
            return Err(CredentialsError::provider_error(format!(
                "container: the credentials endpoint answered HTTP {}",
                response.status
            )));
        }
        let creds = parse_credentials(&response.body, Format::Container)?;
        tracing::debug!(
            provider = "container",
            "credentials loaded from the container endpoint"
        );
        Ok(creds)
    }
}

/// Plain http is trusted only inside the host or on the container agents'
/// link-local addresses. Names are resolved and every address must be
/// loopback, so `localhost` works and `evil.example` does not.
async fn host_is_allowed(url: &ParsedUrl) -> bool {
    match &url.host {
        UrlHost::Ip(ip) => ip_is_allowed(*ip),
        UrlHost::Name(name) => {
            match tokio::net::lookup_host((name.as_str(), url.port_or_default())).await {
                Ok(addrs) => {
                    let addrs: Vec<_> = addrs.collect();
                    !addrs.is_empty() && addrs.iter().all(|a| a.ip().is_loopback())
                }
                Err(_) => false,
            }
        }
    }
}

fn ip_is_allowed(ip: IpAddr) -> bool {
    const ECS: IpAddr = IpAddr::V4(std::net::Ipv4Addr::new(169, 254, 170, 2));
    const EKS_V4: IpAddr = IpAddr::V4(std::net::Ipv4Addr::new(169, 254, 170, 23));
    const EKS_V6: IpAddr = IpAddr::V6(std::net::Ipv6Addr::new(0xfd00, 0x0ec2, 0, 0, 0, 0, 0, 0x23));
    ip.is_loopback() || ip == ECS || ip == EKS_V4 || ip == EKS_V6
}

impl ProvideCredentials for ContainerCredentials {
    fn provide_credentials(&self) -> BoxFuture<'_, Result<Credentials, CredentialsError>> {
        Box::pin(self.load())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn allowed_addresses() {
        for ok in [
            "127.0.0.1",
            "127.1.2.3",
            "::1",
            "169.254.170.2",
            "169.254.170.23",
            "fd00:ec2::23",
        ] {
            assert!(ip_is_allowed(ok.parse().unwrap()), "{ok}");
        }
        for bad in ["169.254.169.254", "10.0.0.1", "fd00:ec2::254", "8.8.8.8"] {
            assert!(!ip_is_allowed(bad.parse().unwrap()), "{bad}");
        }
    }
}
