//! Credentials of the EC2 instance's role, from the instance metadata
//! service (IMDSv2).

use std::time::Duration;

use super::http_fetch::{FetchError, HttpFetcher};
use super::json::{parse_credentials, Format};
use super::{Credentials, CredentialsError, ProvideCredentials};
use crate::env::Env;
use crate::settings::Origin;
use crate::BoxFuture;

const IPV4_ENDPOINT: &str = "http://169.254.169.254";
const IPV6_ENDPOINT: &str = "http://[fd00:ec2::254]";
const TOKEN_PATH: &str = "/latest/api/token";
const ROLE_PATH: &str = "/latest/meta-data/iam/security-credentials/";
const REGION_PATH: &str = "/latest/meta-data/placement/region";
/// Six hours, the longest a session token may live.
const TOKEN_TTL_SECONDS: &str = "21600";

/// Fetches the instance role's credentials from IMDSv2: a session token
/// (`PUT /latest/api/token`), the role name
/// (`GET /latest/meta-data/iam/security-credentials/`), then the role's
/// credentials.
///
/// - `AWS_EC2_METADATA_DISABLED=true` turns it off (not loaded).
/// - `AWS_EC2_METADATA_SERVICE_ENDPOINT` replaces `http://169.254.169.254`;
///   `AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE=IPv6` selects `http://[fd00:ec2::254]`.
/// - Connect and read timeouts are 1 s each, so off EC2 (a laptop) the
///   chain gives up quickly: an unreachable IMDS, a refused token or an
///   instance without a role are "not loaded", not errors.
///
/// ```
/// use awsop_runtime::credentials::{CredentialsErrorKind, ImdsCredentials, ProvideCredentials};
/// use awsop_runtime::env::Env;
/// # tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(async {
/// let imds = ImdsCredentials::new(Env::from_pairs([("AWS_EC2_METADATA_DISABLED", "true")]));
/// let err = imds.provide_credentials().await.unwrap_err();
/// assert_eq!(err.kind(), CredentialsErrorKind::NotLoaded);
/// # });
/// ```
#[derive(Debug)]
pub struct ImdsCredentials {
    env: Env,
    endpoint: Option<String>,
    http: HttpFetcher,
}

impl ImdsCredentials {
    /// Reads the configuration from `env` on every call; 1 s connect and read timeouts.
    pub fn new(env: Env) -> Self {
        Self::with_timeouts(env, Duration::from_secs(1), Duration::from_secs(1))
    }

    /// Like [`new`](Self::new) with other timeouts.
    pub fn with_timeouts(env: Env, connect: Duration, read: Duration) -> Self {
        ImdsCredentials {
            env,
            endpoint: None,
            http: HttpFetcher::new(connect, read),
        }
    }

    /// Use `endpoint` (`http://host[:port]`), whatever the environment says.
    pub fn with_endpoint(mut self, endpoint: impl Into<String>) -> Self {
        self.endpoint = Some(endpoint.into());
        self
    }

    fn endpoint(&self) -> Result<String, CredentialsError> {
        let endpoint = match (
            self.endpoint.clone(),
            self.env.get_non_empty("AWS_EC2_METADATA_SERVICE_ENDPOINT"),
        ) {
            (Some(endpoint), _) | (None, Some(endpoint)) => endpoint,
            (None, None) => match self
                .env
                .get_non_empty("AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE")
            {
                None => IPV4_ENDPOINT.to_owned(),
                Some(mode) if mode.eq_ignore_ascii_case("ipv4") => IPV4_ENDPOINT.to_owned(),
                Some(mode) if mode.eq_ignore_ascii_case("ipv6") => IPV6_ENDPOINT.to_owned(),
                Some(_) => {
                    return Err(CredentialsError::invalid_configuration(
                        "IMDS: AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE must be IPv4 or IPv6",
                    ))
                }
            },
        };
        // The same strict routine as every endpoint (no user information,
        // a port of at most 65535, real IPv6 literals only, no query).
        let origin = match &self.endpoint {
            Some(_) => Origin::Code,
            None => Origin::Env("AWS_EC2_METADATA_SERVICE_ENDPOINT".into()),
        };
        crate::endpoint::Endpoint::parse(&endpoint)
            .map(|e| e.url)
            .map_err(|e| {
                CredentialsError::invalid_configuration(format!("IMDS: {}", e.with_origin(origin)))
            })
    }

    fn disabled(&self) -> bool {
        self.env
            .get_non_empty("AWS_EC2_METADATA_DISABLED")
            .is_some_and(|v| v.eq_ignore_ascii_case("true"))
    }

    /// The IMDSv2 session token, after the checks every request needs.
    async fn session(&self) -> Result<(String, String), CredentialsError> {
        if self.disabled() {
            return Err(CredentialsError::not_loaded(
                "IMDS: disabled by AWS_EC2_METADATA_DISABLED",
            ));
        }
        let endpoint = self.endpoint()?;

        let token = self
            .http
            .fetch(
                http::Method::PUT,
                &format!("{endpoint}{TOKEN_PATH}"),
                &[("x-aws-ec2-metadata-token-ttl-seconds", TOKEN_TTL_SECONDS)],
            )
            .await
            // Not on EC2 (or IMDS firewalled off): the common case on a laptop.
            .map_err(|e| {
                CredentialsError::not_loaded(format!("IMDS: not reachable ({})", e.describe()))
            })?;
        let token = match token.status {
            200 => String::from_utf8(token.body)
                .ok()
                .map(|t| t.trim().to_owned())
                .filter(|t| !t.is_empty() && t.bytes().all(|b| b.is_ascii_graphic()))
                .ok_or_else(|| {
                    CredentialsError::provider_error("IMDS: the session token is malformed")
                })?,
            // IMDS answers 403 when it is turned off for the instance.
            403 => {
                return Err(CredentialsError::not_loaded(
                    "IMDS: disabled for this instance (token request forbidden)",
                ))
            }
            status => {
                return Err(CredentialsError::provider_error(format!(
                    "IMDS: the token request answered HTTP {status}"
                )))
            }
        };
        Ok((endpoint, token))
    }

    /// The instance's region (`/latest/meta-data/placement/region`), what a
    /// client on EC2 uses when nothing else names one. `Ok(None)` when IMDS
    /// is disabled, unreachable (not on EC2) or names no valid region.
    ///
    /// ```
    /// use awsop_runtime::credentials::ImdsCredentials;
    /// use awsop_runtime::env::Env;
    /// # tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(async {
    /// let imds = ImdsCredentials::new(Env::from_pairs([("AWS_EC2_METADATA_DISABLED", "true")]));
    /// assert_eq!(imds.region().await.unwrap(), None);
    /// # });
    /// ```
    pub async fn region(&self) -> Result<Option<crate::Region>, CredentialsError> {
        let (endpoint, token) = match self.session().await {
            Ok(session) => session,
            Err(e) if e.kind() == super::CredentialsErrorKind::NotLoaded => return Ok(None),
            Err(e) => return Err(e),
        };
        let auth = [("x-aws-ec2-metadata-token", token.as_str())];
        let answer = self
            .get(&format!("{endpoint}{REGION_PATH}"), &auth, "region")
            .await?;
        if answer.status != 200 {
            return Ok(None);
        }
        let region = String::from_utf8(answer.body)
            .ok()
            .and_then(|text| crate::Region::new(text.trim()).ok());
        tracing::debug!(region = ?region.as_ref().map(|r| r.as_str()), "region from IMDS");
        Ok(region)
    }

    async fn load(&self) -> Result<Credentials, CredentialsError> {
        let (endpoint, token) = self.session().await?;
        let auth = [("x-aws-ec2-metadata-token", token.as_str())];

        let roles = self
            .get(&format!("{endpoint}{ROLE_PATH}"), &auth, "role name")
            .await?;
        let role = match roles.status {
            200 => String::from_utf8(roles.body).ok().and_then(|text| {
                text.lines()
                    .map(str::trim)
                    .find(|l| !l.is_empty())
                    .map(str::to_owned)
            }),
            404 => None,
            status => {
                return Err(CredentialsError::provider_error(format!(
                    "IMDS: the role name request answered HTTP {status}"
                )))
            }
        };
        let Some(role) = role.filter(|r| is_role_name(r)) else {
            return Err(CredentialsError::not_loaded(
                "IMDS: no IAM role is attached to this instance",
            ));
        };

        let creds = self
            .get(
                &format!("{endpoint}{ROLE_PATH}{role}"),
                &auth,
                "credentials",
            )
            .await?;
        if creds.status != 200 {
            return Err(CredentialsError::provider_error(format!(
                "IMDS: the credentials request answered HTTP {}",
                creds.status
            )));
        }
        let creds = parse_credentials(&creds.body, Format::Imds)?;
        tracing::debug!(provider = "imds", role = %role, "credentials loaded from IMDS");
        Ok(creds)
    }

    async fn get(
        &self,
        url: &str,
        headers: &[(&str, &str)],
        what: &str,
    ) -> Result<super::http_fetch::Fetched, CredentialsError> {
        self.http
            .fetch(http::Method::GET, url, headers)
            .await
            .map_err(|e| {
                let message = format!("IMDS: the {what} request failed ({})", e.describe());
                match e {
                    FetchError::Timeout(source) => {
                        CredentialsError::timeout(message).with_source(source)
                    }
                    FetchError::Connect(source) => {
                        CredentialsError::provider_error(message).with_source(source)
                    }
                    FetchError::Other(_) => CredentialsError::provider_error(message),
                }
            })
    }
}

/// IAM role names are `[\w+=,.@-]+`; anything else would change the URL.
fn is_role_name(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 128
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"_+=,.@-".contains(&b))
}

impl ProvideCredentials for ImdsCredentials {
    fn provide_credentials(&self) -> BoxFuture<'_, Result<Credentials, CredentialsError>> {
        Box::pin(self.load())
    }
}
