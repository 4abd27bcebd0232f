//! The IAM Identity Center token cache the aws CLI writes at `aws sso
//! login`: `~/.aws/sso/cache/<sha1 hex of the key>.json`, the key being the
//! `sso-session` name (or, for the legacy form, the start URL).
//!
//! ```json
//! {"startUrl": "https://d-123.awsapps.com/start", "region": "us-east-1",
//!  "accessToken": "...", "expiresAt": "2024-01-01T12:00:00Z",
//!  "clientId": "...", "clientSecret": "...",
//!  "registrationExpiresAt": "2024-03-01T12:00:00Z", "refreshToken": "..."}
//! ```
//!
//! Reading is bounded like every local file; writing is atomic (a
//! temporary file in the same directory, renamed over the old one), so a
//! crash or a concurrent `aws sso login` never leaves half a file. Fields
//! this version does not know are kept when the file is rewritten.

use std::fmt;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use std::collections::HashMap;

use super::CredentialsError;
use crate::codec::json::{JsonShapeReader, JsonShapeWriter};
use crate::env::Env;
use crate::local_file;
use crate::shape::{WriteValue, ROOT};
use crate::text::Escaped;
use crate::time::{format_rfc3339, parse_rfc3339};
use crate::value::Document;

/// A cached SSO token. `Debug` shows when it expires, never the tokens or
/// the client secret.
#[derive(Clone, PartialEq)]
pub struct SsoToken {
    /// `accessToken`: the bearer token `GetRoleCredentials` sends.
    pub access_token: String,
    /// `expiresAt`.
    pub expires_at: SystemTime,
    /// `refreshToken`, for SSO-OIDC `CreateToken`.
    pub refresh_token: Option<String>,
    /// `clientId` of the registered OIDC client.
    pub client_id: Option<String>,
    /// `clientSecret` of the registered OIDC client.
    pub client_secret: Option<String>,
    /// `registrationExpiresAt`: after it the client can refresh no more.
    pub registration_expires_at: Option<SystemTime>,
    /// `region`.
    pub region: Option<String>,
    /// `startUrl`.
    pub start_url: Option<String>,
    /// Every other field, written back unchanged.
    pub other: HashMap<String, Document>,
}

impl fmt::Debug for SsoToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SsoToken")
            .field("expires_at", &self.expires_at)
            .field("refreshable", &self.refresh_token.is_some())
            .field("registration_expires_at", &self.registration_expires_at)
            .field("region", &self.region)
            .field("start_url", &self.start_url)
            .finish_non_exhaustive()
    }
}

impl SsoToken {
    /// Whether it holds what a refresh needs: a refresh token, a client id
    /// and secret, and a registration that has not expired at `now`.
    pub fn can_refresh(&self, now: SystemTime) -> bool {
        self.refresh_token.is_some()
            && self.client_id.is_some()
            && self.client_secret.is_some()
            && self.registration_expires_at.is_some_and(|at| now < at)
    }

    fn from_json(body: &[u8]) -> Result<SsoToken, &'static str> {
        let Ok(Document::Object(mut object)) = JsonShapeReader::read_document::<Document>(body)
        else {
            return Err("it is not a JSON object");
        };
        let mut take = |key: &str| -> Result<Option<String>, &'static str> {
            match object.remove(key) {
                None | Some(Document::Null) => Ok(None),
                Some(Document::String(s)) if s.is_empty() => Ok(None),
                Some(Document::String(s)) => Ok(Some(s)),
                Some(_) => Err("a field is not a string"),
            }
        };
        let access_token = take("accessToken")?.ok_or("it has no accessToken")?;
        let expires_at = take("expiresAt")?.ok_or("it has no expiresAt")?;
        let expires_at = parse_time(&expires_at).ok_or("its expiresAt is not a date-time")?;
        let refresh_token = take("refreshToken")?;
        let client_id = take("clientId")?;
        let client_secret = take("clientSecret")?;
        let registration_expires_at = match take("registrationExpiresAt")? {
            None => None,
            Some(text) => {
                Some(parse_time(&text).ok_or("its registrationExpiresAt is not a date-time")?)
            }
        };
        let region = take("region")?;
        let start_url = take("startUrl")?;
        Ok(SsoToken {
            access_token,
            expires_at,
            refresh_token,
            client_id,
            client_secret,
            registration_expires_at,
            region,
            start_url,
            other: object,
        })
    }

    fn to_json(&self) -> Vec<u8> {
        let mut object = self.other.clone();
        let mut put = |key: &str, value: Option<String>| {
            if let Some(value) = value {
                object.insert(key.to_owned(), Document::String(value));
            }
        };
        put("startUrl", self.start_url.clone());
        put("region", self.region.clone());
        put("accessToken", Some(self.access_token.clone()));
        put("expiresAt", Some(format_time(self.expires_at)));
        put("clientId", self.client_id.clone());
        put("clientSecret", self.client_secret.clone());
        put(
            "registrationExpiresAt",
            self.registration_expires_at.map(format_time),
        );
        put("refreshToken", self.refresh_token.clone());
        let mut writer = JsonShapeWriter::with_capacity(1024);
        Document::Object(object).write(&mut writer, &ROOT);
        // A document of strings, numbers and the like always writes.
        writer.finish().unwrap_or_default()
    }
}

/// RFC 3339; older aws CLI versions wrote `2019-11-14T04:05:45UTC`.
fn parse_time(text: &str) -> Option<SystemTime> {
    match text.strip_suffix("UTC") {
        Some(rest) => parse_rfc3339(&format!("{rest}Z")),
        None => parse_rfc3339(text),
    }
}

/// Whole seconds, as the aws CLI writes them.
fn format_time(time: SystemTime) -> String {
    let secs = time
        .duration_since(SystemTime::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    format_rfc3339(SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(secs))
}

/// The directory of cached SSO tokens.
///
/// ```
/// use awsop_runtime::credentials::SsoTokenCache;
/// use awsop_runtime::env::Env;
/// let cache = SsoTokenCache::from_env(&Env::from_pairs([("HOME", "/home/me")]));
/// let path = cache.path_for("my-sso");
/// assert!(path.starts_with("/home/me/.aws/sso/cache"));
/// assert_eq!(path.file_name().unwrap().to_str().unwrap(), format!("{}.json", SsoTokenCache::file_stem("my-sso")));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SsoTokenCache {
    dir: PathBuf,
}

impl SsoTokenCache {
    /// `~/.aws/sso/cache` of `env`'s home directory.
    pub fn from_env(env: &Env) -> Self {
        SsoTokenCache {
            dir: crate::profile::expand_home_path("~/.aws/sso/cache", env.home_dir().as_deref()),
        }
    }

    /// Tokens in `dir`.
    pub fn in_dir(dir: impl Into<PathBuf>) -> Self {
        SsoTokenCache { dir: dir.into() }
    }

    /// The file name without `.json`: the SHA-1 of `key` in lower-case hex.
    ///
    /// ```
    /// use awsop_runtime::credentials::SsoTokenCache;
    /// assert_eq!(SsoTokenCache::file_stem("abc"), "a9993e364706816aba3e25717850c26c9cd0d89d");
    /// ```
    pub fn file_stem(key: &str) -> String {
        let digest = ring::digest::digest(&ring::digest::SHA1_FOR_LEGACY_USE_ONLY, key.as_bytes());
        let mut hex = String::with_capacity(40);
        crate::encoding::hex::push_lower(&mut hex, digest.as_ref());
        hex
    }

    /// The cache file of `key` (a session name or a legacy start URL).
    pub fn path_for(&self, key: &str) -> PathBuf {
        self.dir.join(format!("{}.json", Self::file_stem(key)))
    }

    /// The token cached for `key`; `Ok(None)` when there is no file. A file
    /// that is not a token is an error naming the file and what is wrong,
    /// never quoting it.
    pub async fn load(&self, key: &str) -> Result<Option<SsoToken>, CredentialsError> {
        let path = self.path_for(key);
        let bytes = match local_file::read(&path, local_file::MAX_TOKEN_FILE).await {
            Ok(bytes) => bytes,
            Err(e) if e.is_not_found() => return Ok(None),
            Err(e) => {
                return Err(CredentialsError::provider_error(format!(
                    "SSO token cache: {e}"
                )))
            }
        };
        SsoToken::from_json(&bytes).map(Some).map_err(|problem| {
            CredentialsError::provider_error(format!(
                "SSO token cache: {} is not a valid token file: {problem}",
                Escaped(&path.display().to_string())
            ))
        })
    }

    /// Writes `token` as `key`'s cache file, atomically, readable by the
    /// owner only.
    pub async fn store(&self, key: &str, token: &SsoToken) -> Result<(), CredentialsError> {
        let path = self.path_for(key);
        let body = token.to_json();
        let shown = Escaped(&path.display().to_string()).to_string();
        let written = tokio::task::spawn_blocking(move || write_atomically(&path, &body))
            .await
            .unwrap_or_else(|join| Err(std::io::Error::other(join)));
        written.map_err(|e| {
            CredentialsError::provider_error(format!(
                "SSO token cache: could not write {shown}: {e}"
            ))
        })
    }
}

fn write_atomically(path: &Path, body: &[u8]) -> std::io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    // Unique per process and call, so two writers never share a temp file.
    static COUNTER: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let n = COUNTER.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let temp = dir.join(format!(
        ".{}.tmp-{}-{n}",
        path.file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        std::process::id()
    ));
    let result = (|| {
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        let mut file = options.open(&temp)?;
        file.write_all(body)?;
        file.sync_all()?;
        std::fs::rename(&temp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_keeps_unknown_fields() {
        let text = br#"{"startUrl":"https://d-1.awsapps.com/start","region":"us-east-1",
            "accessToken":"AT","expiresAt":"2030-01-01T00:00:00UTC","clientId":"CI",
            "clientSecret":"CS","registrationExpiresAt":"2031-01-01T00:00:00Z",
            "refreshToken":"RT","scopes":["sso:account:access"]}"#;
        let token = SsoToken::from_json(text).unwrap();
        assert_eq!(
            token.expires_at,
            parse_rfc3339("2030-01-01T00:00:00Z").unwrap()
        );
        assert!(token.can_refresh(parse_rfc3339("2030-06-01T00:00:00Z").unwrap()));
        assert!(!token.can_refresh(parse_rfc3339("2032-01-01T00:00:00Z").unwrap()));
        let again = SsoToken::from_json(&token.to_json()).unwrap();
        assert_eq!(again, token);
        assert!(again.other.contains_key("scopes"));
        let shown = format!("{token:?}");
        assert!(!shown.contains("AT\"") && !shown.contains("CS") && !shown.contains("RT"));
    }

    #[test]
    fn refuses_what_is_not_a_token() {
        for body in [
            &b"not json"[..],
            b"[]",
            br#"{"expiresAt":"2030-01-01T00:00:00Z"}"#,
            br#"{"accessToken":"SECRET","expiresAt":"soon"}"#,
            br#"{"accessToken":7}"#,
        ] {
            let problem = SsoToken::from_json(body).unwrap_err();
            assert!(!problem.contains("SECRET"));
        }
    }
}
