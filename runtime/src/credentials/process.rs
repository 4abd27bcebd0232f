//! `credential_process`: an external command that prints credentials as JSON.

use std::fmt;
use std::process::Stdio;
use std::time::Duration;

use super::json::{parse_credentials, Format};
use super::{Credentials, CredentialsError, ProvideCredentials};
use crate::BoxFuture;

/// Runs a command line through the system shell (`sh -c` on Unix,
/// `cmd.exe /C` on Windows, as the AWS SDKs do) and reads credentials from
/// its standard output:
/// `{"Version": 1, "AccessKeyId", "SecretAccessKey", "SessionToken"?, "Expiration"?}`.
///
/// Standard error and input stay connected to the terminal, so a helper can
/// prompt (e.g. for an MFA code). The command's output is never quoted in
/// errors or logs; its command line is not shown by `Debug` either (it may
/// carry a password).
///
/// ```no_run
/// use awsop_runtime::credentials::{ProcessCredentials, ProvideCredentials};
/// # async fn demo() {
/// let provider = ProcessCredentials::new("/usr/local/bin/my-credential-helper --account dev");
/// let creds = provider.provide_credentials().await.unwrap();
/// # }
/// ```
#[derive(Clone)]
pub struct ProcessCredentials {
    command_line: String,
    timeout: Option<Duration>,
}

impl ProcessCredentials {
    /// Runs `command_line` on every call (wrap it in
    /// [`LazyCachingCredentials`](super::LazyCachingCredentials) to cache).
    pub fn new(command_line: impl Into<String>) -> Self {
        ProcessCredentials {
            command_line: command_line.into(),
            timeout: None,
        }
    }

    /// Kill the command and fail if it runs longer than `timeout`. By
    /// default there is no limit: a helper may wait for the user.
    pub fn with_timeout(mut self, timeout: Duration) -> Self {
        self.timeout = Some(timeout);
        self
    }

    fn command(&self) -> tokio::process::Command {
        let mut command = if cfg!(windows) {
            let mut c = tokio::process::Command::new("cmd.exe");
            c.arg("/C").arg(&self.command_line);
            c
        } else {
            let mut c = tokio::process::Command::new("sh");
            c.arg("-c").arg(&self.command_line);
            c
        };
        command
            .stdin(Stdio::inherit())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .kill_on_drop(true);
        command
    }

    async fn load(&self) -> Result<Credentials, CredentialsError> {
        if self.command_line.trim().is_empty() {
            return Err(CredentialsError::invalid_configuration(
                "credential_process: the command line is empty",
            ));
        }
        let child = self.command().spawn().map_err(|e| {
            CredentialsError::provider_error("credential_process: could not start the shell")
                .with_source(e)
        })?;
        let output = match self.timeout {
            None => child.wait_with_output().await,
            // `kill_on_drop` ends the command when the timeout drops it.
            Some(limit) => match tokio::time::timeout(limit, child.wait_with_output()).await {
                Ok(result) => result,
                Err(_) => {
                    return Err(CredentialsError::timeout(format!(
                        "credential_process: the command did not finish within {limit:?}"
                    )))
                }
            },
        }
        .map_err(|e| {
            CredentialsError::provider_error(
                "credential_process: could not read the command's output",
            )
            .with_source(e)
        })?;
        if !output.status.success() {
            let status = match output.status.code() {
                Some(code) => format!("exit code {code}"),
                None => "a signal".to_owned(),
            };
            return Err(CredentialsError::provider_error(format!(
                "credential_process: the command failed with {status}"
            )));
        }
        let creds = parse_credentials(&output.stdout, Format::Process)?;
        tracing::debug!(
            provider = "process",
            "credentials loaded from credential_process"
        );
        Ok(creds)
    }
}

impl fmt::Debug for ProcessCredentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ProcessCredentials")
            .field("timeout", &self.timeout)
            .finish_non_exhaustive()
    }
}

impl ProvideCredentials for ProcessCredentials {
    fn provide_credentials(&self) -> BoxFuture<'_, Result<Credentials, CredentialsError>> {
        Box::pin(self.load())
    }
}
