//! `credential_process`: an external command that prints credentials as JSON.

use std::fmt;
use std::io;
use std::process::{Child, ChildStdout, ExitStatus, Stdio};
use std::time::Duration;

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

    fn command(&self) -> std::process::Command {
        let mut command = if cfg!(windows) {
            let mut c = std::process::Command::new("cmd.exe");
            c.arg("/C").arg(&self.command_line);
            c
        } else {
            let mut c = std::process::Command::new("sh");
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
            .stderr(Stdio::inherit());
        #[cfg(unix)]
        if !self.interactive {
            use std::os::unix::process::CommandExt;
            // Its pid becomes the group id, which `Helper::kill` signals.
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
        let stdout = child.stdout.take();
        // Armed until the helper has exited on its own: a timeout, too much
        // output, or the caller dropping this future (an attempt timeout)
        // all kill it (its whole group, when it has one of its own).
        let mut helper = Helper::new(child, !self.interactive);
        let run = async {
            let output = match stdout {
                Some(stdout) => read_capped(stdout).await?,
                None => Vec::new(),
            };
            if output.len() > MAX_PROCESS_OUTPUT {
                return Ok(Err(output.len()));
            }
            let status = helper.exited().await?;
            Ok::<_, io::Error>(Ok((status, output)))
        };
        let finished = match crate::time::within(self.timeout, run).await {
            Ok(result) => result,
            Err(limit) => {
                return Err(CredentialsError::timeout(format!(
                    "credential_process: the command did not finish within {limit:?}"
                )));
            }
        };
        let (status, stdout) = match finished {
            Ok(Ok(done)) => done,
            Ok(Err(_too_much)) => {
                return Err(CredentialsError::provider_error(format!(
                    "credential_process: the command printed more than {MAX_PROCESS_OUTPUT} bytes \
                     (credentials are a few hundred)"
                )));
            }
            Err(e) => {
                return Err(CredentialsError::provider_error(
                    "credential_process: could not read the command's output",
                )
                .with_source(e));
            }
        };
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

/// Reads the helper's standard output, at most one byte over
/// [`MAX_PROCESS_OUTPUT`] (which tells "too much" from "exactly the cap").
///
/// On Unix the pipe is read on the runtime's reactor, so a helper that never
/// closes it costs no thread; elsewhere one blocking-pool thread reads it
/// until the helper, killed or done, closes it.
async fn read_capped(stdout: ChildStdout) -> io::Result<Vec<u8>> {
    let limit = MAX_PROCESS_OUTPUT as u64 + 1;
    let mut output = Vec::new();
    #[cfg(unix)]
    {
        use tokio::io::AsyncReadExt;
        let pipe =
            tokio::net::unix::pipe::Receiver::from_owned_fd(std::os::fd::OwnedFd::from(stdout))?;
        pipe.take(limit).read_to_end(&mut output).await?;
        Ok(output)
    }
    #[cfg(not(unix))]
    {
        use std::io::Read;
        tokio::task::spawn_blocking(move || {
            stdout.take(limit).read_to_end(&mut output)?;
            Ok(output)
        })
        .await
        .map_err(io::Error::other)?
    }
}

/// A started helper, killed once unless it exits on its own first.
///
/// `std::process` rather than `tokio::process`: tokio's needs its process
/// driver, which installs a `SIGCHLD` handler and a signal registry in
/// every program that builds a runtime, for a helper most programs never
/// run. The price is that nothing signals the helper's exit, so
/// [`exited`](Self::exited) polls for it; it is only asked once the
/// helper has closed its output, when it is ending anyway.
///
/// Killing a group: the runtime forbids `unsafe`, and `libc::kill(-pgid,
/// ..)` is an unsafe call; `Child::kill` signals the leader (the shell)
/// only. So the group is killed by `sh -c 'kill -s KILL -- -<pgid>'`: the
/// shell is already required to run the helper at all, and its `kill`
/// built-in takes a negative pid as a process group everywhere (POSIX). It
/// runs only on the failure paths, where a millisecond of fork and exec is
/// nothing.
struct Helper {
    /// The shell while it has not been reaped: until then its pid, and so
    /// the group id, cannot be reused, and signalling it is safe.
    child: Option<Child>,
    /// Whether it leads a process group of its own, killed as a whole.
    own_group: bool,
}

impl Helper {
    fn new(child: Child, own_group: bool) -> Self {
        Helper {
            child: Some(child),
            own_group: own_group && cfg!(unix),
        }
    }

    /// Waits for the helper's exit status (and so reaps it: from then on it
    /// is not killed).
    async fn exited(&mut self) -> io::Result<ExitStatus> {
        let Some(child) = self.child.as_mut() else {
            return Err(io::Error::other("the helper was already reaped"));
        };
        let mut pause = Duration::from_millis(1);
        loop {
            if let Some(status) = child.try_wait()? {
                self.child = None;
                return Ok(status);
            }
            tokio::time::sleep(pause).await;
            pause = (pause * 2).min(Duration::from_millis(50));
        }
    }

    fn kill(child: &mut Child, own_group: bool) {
        if own_group {
            let pgid = child.id();
            let killed = std::process::Command::new("sh")
                .arg("-c")
                .arg(format!("kill -s KILL -- -{pgid}"))
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status();
            if matches!(killed, Ok(status) if status.success()) {
                return;
            }
            tracing::debug!(
                pgid,
                "credential_process: could not kill the helper's process group"
            );
        }
        // The shell itself: the whole of an interactive helper we may kill,
        // and the fallback should its group not be killed.
        let _ = child.kill();
    }
}

impl Drop for Helper {
    fn drop(&mut self) {
        let Some(mut child) = self.child.take() else {
            return;
        };
        Helper::kill(&mut child, self.own_group);
        // SIGKILL ends it at once, but reaping may block for that instant:
        // off this thread, which may be a runtime worker.
        if !matches!(child.try_wait(), Ok(Some(_))) {
            let reap = move || {
                let _ = child.wait();
            };
            match tokio::runtime::Handle::try_current() {
                Ok(runtime) => drop(runtime.spawn_blocking(reap)),
                Err(_) => drop(std::thread::spawn(reap)),
            }
        }
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
