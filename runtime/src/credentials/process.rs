//! `credential_process`: an external command that prints credentials as JSON.

use std::fmt;
use std::process::Stdio;
use std::time::Duration;

use tokio::io::AsyncReadExt;

use super::json::{parse_credentials, Format};
use super::{Credentials, CredentialsError, ProvideCredentials};
use crate::BoxFuture;

/// How long a helper may run by default: long enough to type an MFA code or
/// finish a browser sign-in, short enough that a hung helper surfaces.
pub const DEFAULT_PROCESS_TIMEOUT: Duration = Duration::from_secs(120);

/// The most a helper may print. Credentials are a few hundred bytes (a
/// session token ~1 KiB); a helper printing megabytes is broken, and must not
/// make the program buffer all of it.
pub const MAX_PROCESS_OUTPUT: usize = 1024 * 1024;

/// Runs a command line through the system shell (`sh -c` on Unix,
/// `cmd.exe /C` on Windows, as the AWS SDKs do) and reads credentials from
/// its standard output:
/// `{"Version": 1, "AccessKeyId", "SecretAccessKey", "SessionToken"?, "Expiration"?}`.
///
/// Limits:
///
/// - **Time**: [`DEFAULT_PROCESS_TIMEOUT`] (2 minutes) unless changed with
///   [`with_timeout`](Self::with_timeout) or removed with
///   [`without_timeout`](Self::without_timeout). Helpers named by a
///   profile's `credential_process` get it too.
/// - **Output**: at most [`MAX_PROCESS_OUTPUT`] (1 MiB) of standard output;
///   more is an error (and the helper is killed).
/// - **No orphans** (Unix): unless it is [interactive](Self::interactive),
///   the helper runs in a process group of its own, and on timeout, too much
///   output or cancellation the whole group is killed, so the shell's
///   children (the actual helper, and whatever it started) do not linger.
///
/// A terminal lets only its foreground process group read from it, so a
/// helper that prompts (e.g. for an MFA code) must stay in ours: when the
/// program's standard input is a terminal the helper is interactive by
/// default, inherits standard input, and on timeout only the shell is
/// killed. Otherwise (services, CI, containers) its standard input is
/// empty. Standard error always stays connected to ours.
///
/// The command's output is never quoted in errors or logs; its command line
/// is not shown by `Debug` either (it may carry a password).
///
/// ```no_run
/// use std::time::Duration;
/// use awsop_runtime::credentials::{ProcessCredentials, ProvideCredentials};
/// # async fn demo() {
/// let provider = ProcessCredentials::new("/usr/local/bin/my-credential-helper --account dev")
///     .with_timeout(Duration::from_secs(10))
///     .interactive(false);
/// let creds = provider.provide_credentials().await.unwrap();
/// # }
/// ```
#[derive(Clone)]
pub struct ProcessCredentials {
    command_line: String,
    timeout: Option<Duration>,
    interactive: bool,
}

impl ProcessCredentials {
    /// Runs `command_line` on every call (wrap it in
    /// [`LazyCachingCredentials`](super::LazyCachingCredentials) to cache),
    /// with a [`DEFAULT_PROCESS_TIMEOUT`] limit.
    pub fn new(command_line: impl Into<String>) -> Self {
        use std::io::IsTerminal;
        ProcessCredentials {
            command_line: command_line.into(),
            timeout: Some(DEFAULT_PROCESS_TIMEOUT),
            interactive: std::io::stdin().is_terminal(),
        }
    }

    /// Kill the command and fail if it runs longer than `timeout`.
    pub fn with_timeout(mut self, timeout: Duration) -> Self {
        self.timeout = Some(timeout);
        self
    }

    /// No time limit: the helper may wait for the user as long as it likes.
    pub fn without_timeout(mut self) -> Self {
        self.timeout = None;
        self
    }

    /// Whether the helper may prompt on the terminal: it inherits standard
    /// input and stays in the program's process group (so only the shell
    /// can be killed on timeout). Not interactive, it gets an empty
    /// standard input and a process group of its own, killed as a whole.
    /// Default: interactive when standard input is a terminal.
    pub fn interactive(mut self, interactive: bool) -> Self {
        self.interactive = interactive;
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
            .stdin(if self.interactive {
                Stdio::inherit()
            } else {
                Stdio::null()
            })
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            // The shell itself, should anything below fail to kill its group.
            .kill_on_drop(true);
        #[cfg(unix)]
        if !self.interactive {
            // Its pid becomes the group id, which `GroupKiller` signals.
            command.process_group(0);
        }
        command
    }

    async fn load(&self) -> Result<Credentials, CredentialsError> {
        if self.command_line.trim().is_empty() {
            return Err(CredentialsError::invalid_configuration(
                "credential_process: the command line is empty",
            ));
        }
        let mut child = self.command().spawn().map_err(|e| {
            CredentialsError::provider_error("credential_process: could not start the shell")
                .with_source(e)
        })?;
        // Armed until the helper has exited on its own: a timeout, too much
        // output, or the caller dropping this future (an attempt timeout)
        // all kill the whole group.
        let mut group = GroupKiller::new(&child, !self.interactive);
        let stdout = child.stdout.take();
        let run = async {
            let mut output = Vec::new();
            if let Some(stdout) = stdout {
                // One byte over the cap tells "too much" from "exactly the cap".
                stdout
                    .take(MAX_PROCESS_OUTPUT as u64 + 1)
                    .read_to_end(&mut output)
                    .await?;
            }
            if output.len() > MAX_PROCESS_OUTPUT {
                return Ok(Err(output.len()));
            }
            let status = child.wait().await?;
            Ok::<_, std::io::Error>(Ok((status, output)))
        };
        let finished = match crate::time::within(self.timeout, run).await {
            Ok(result) => result,
            Err(limit) => {
                group.kill();
                return Err(CredentialsError::timeout(format!(
                    "credential_process: the command did not finish within {limit:?}"
                )));
            }
        };
        let (status, stdout) = match finished {
            Ok(Ok(done)) => done,
            Ok(Err(_too_much)) => {
                group.kill();
                return Err(CredentialsError::provider_error(format!(
                    "credential_process: the command printed more than {MAX_PROCESS_OUTPUT} bytes \
                     (credentials are a few hundred)"
                )));
            }
            Err(e) => {
                group.kill();
                return Err(CredentialsError::provider_error(
                    "credential_process: could not read the command's output",
                )
                .with_source(e));
            }
        };
        // Exited by itself: its pid may be reused from now on, so the group
        // must not be signalled any more.
        group.disarm();
        if !status.success() {
            let status = match status.code() {
                Some(code) => format!("exit code {code}"),
                None => "a signal".to_owned(),
            };
            return Err(CredentialsError::provider_error(format!(
                "credential_process: the command failed with {status}"
            )));
        }
        let creds = parse_credentials(&stdout, Format::Process)?;
        tracing::debug!(
            provider = "process",
            "credentials loaded from credential_process"
        );
        Ok(creds)
    }
}

/// Kills a helper's process group once, when told to or when dropped armed.
///
/// The runtime forbids `unsafe`, and `libc::kill(-pgid, ..)` is an unsafe
/// call; tokio's `Child::kill` signals the leader (the shell) only. So the
/// group is killed by `sh -c 'kill -s KILL -- -<pgid>'`: the shell is
/// already required to run the helper at all, and its `kill` built-in
/// takes a negative pid as a process group everywhere (POSIX). It runs only
/// on the failure paths, where a millisecond of fork and exec is nothing.
struct GroupKiller {
    /// The group id (the shell's pid) while the group may need killing.
    pgid: Option<u32>,
}

impl GroupKiller {
    fn new(child: &tokio::process::Child, own_group: bool) -> Self {
        GroupKiller {
            pgid: child.id().filter(|_| own_group && cfg!(unix)),
        }
    }

    fn disarm(&mut self) {
        self.pgid = None;
    }

    fn kill(&mut self) {
        let Some(pgid) = self.pgid.take() else {
            return;
        };
        // The leader has not been reaped (it is ours to wait for, and we have
        // not), so its pid, and the group id, cannot have been reused.
        let killed = std::process::Command::new("sh")
            .arg("-c")
            .arg(format!("kill -s KILL -- -{pgid}"))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status();
        if !matches!(killed, Ok(status) if status.success()) {
            tracing::debug!(
                pgid,
                "credential_process: could not kill the helper's process group"
            );
        }
    }
}

impl Drop for GroupKiller {
    fn drop(&mut self) {
        self.kill();
    }
}

impl fmt::Debug for ProcessCredentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ProcessCredentials")
            .field("timeout", &self.timeout)
            .field("interactive", &self.interactive)
            .finish_non_exhaustive()
    }
}

impl ProvideCredentials for ProcessCredentials {
    fn provide_credentials(&self) -> BoxFuture<'_, Result<Credentials, CredentialsError>> {
        Box::pin(self.load())
    }
}
