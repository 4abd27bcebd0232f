//! A [moto](https://github.com/getmoto/moto) server (a real AWS emulator) on
//! loopback, for end-to-end tests: started on a free port, optionally with
//! its SigV4 checking on, and killed when dropped.
//!
//! ```no_run
//! use awsop_moto::{require_moto, MotoServer};
//!
//! #[test]
//! fn calls_dynamodb() {
//!     require_moto!(); // prints one "skipped: ..." line and returns when moto is not installed
//!     let moto = MotoServer::with_sigv4_auth().unwrap();
//!     let endpoint = moto.endpoint(); // http://127.0.0.1:<port>
//!     // sign with moto.access_key_id() / moto.secret_access_key(), region us-east-1
//! #   let _ = endpoint;
//! }
//! ```
//!
//! # Running it locally
//!
//! `.ci/run` installs moto into `target/moto-venv` and exports
//! `AWSOP_MOTO_SERVER`. By hand:
//!
//! ```sh
//! python3 -m venv target/moto-venv
//! target/moto-venv/bin/pip install 'moto[server]==5.2.5'
//! export AWSOP_MOTO_SERVER=$PWD/target/moto-venv/bin/moto_server   # optional for this path
//! cargo test -p awsop-moto
//! ```
//!
//! Where moto is looked for, first match wins:
//!
//! 1. `AWSOP_MOTO_PYTHON`: a Python interpreter that can `import moto.server, boto3`;
//! 2. `AWSOP_MOTO_SERVER`: a `moto_server` script; the interpreter beside it
//!    (a venv's `bin/python`) or the one its `#!` line names is used;
//! 3. `target/moto-venv/bin/python` in this repository (where `.ci/run` installs it).
//!
//! When neither variable is set and the default venv is missing,
//! [`require_moto!`] skips the test. When a variable *is* set but moto cannot
//! run there, it fails the test instead: asking for moto and silently not
//! getting it would hide a broken setup.
//!
//! # How it works
//!
//! moto is run through its interpreter (`python -c <wrapper> -H 127.0.0.1 -p
//! <port>`, the wrapper calling `moto.server.main`, which is what `moto_server`
//! does) rather than as the `moto_server` script, so the wrapper can also
//! watch its stdin: the pipe closes when the test process dies, however it
//! dies (a panic that aborts, SIGKILL), and the server exits then instead of
//! lingering. A normal drop kills the child and waits for it.
//!
//! [`MotoServer::enable_sigv4_auth`] creates an IAM user with an inline
//! policy allowing `*` on `*` and an access key for it, through moto's own
//! IAM (a short boto3 snippet in the same interpreter), then `POST
//! /moto-api/reset-auth` with body `0`: moto's `INITIAL_NO_AUTH_ACTION_COUNT`
//! becomes 0 and its request counter is reset, so from then on every request
//! is authenticated (its SigV4 signature recomputed with the key's secret;
//! `SignatureDoesNotMatch`, 403, on a mismatch; `InvalidClientTokenId`, 403,
//! for an unknown key) and authorized against the user's IAM policies.
#![warn(missing_docs, unreachable_pub, rust_2018_idioms)]
#![forbid(unsafe_code)]

mod client;
pub use client::shared_with_sigv4_auth;

// Operations the end-to-end tests call, declared from botocore's models.
pub mod cloudwatch;
pub mod dynamodb;
pub mod ec2;
pub mod iam;
pub mod kms;
pub mod secretsmanager;
pub mod sns;
pub mod sqs;

use std::collections::VecDeque;
use std::fmt;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{Ipv4Addr, SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::{Arc, Mutex, OnceLock};
use std::thread;
use std::time::{Duration, Instant};

/// The line a test prints when it skips for want of moto.
pub const SKIP_LINE: &str = "skipped: moto not installed (run .ci/run, or set AWSOP_MOTO_SERVER)";

/// The account moto puts every resource in (its default).
pub const ACCOUNT_ID: &str = "123456789012";

/// The region the harness creates its IAM user in; moto accepts any.
pub const REGION: &str = "us-east-1";

/// The name of the IAM user [`MotoServer::enable_sigv4_auth`] creates.
pub const USER_NAME: &str = "awsop-test";

/// Credentials moto accepts while its auth is off (any would do).
const DUMMY_KEY: &str = "testing";

/// How long moto may take to answer after it is spawned. Importing moto
/// takes 1–3 s; a loaded two-core CI machine can take much longer.
const START_TIMEOUT: Duration = Duration::from_secs(60);

/// Lines of the server's output kept for error messages.
const LOG_LINES: usize = 40;

/// Runs moto's server and exits when stdin closes (the parent died).
/// `os._exit` because moto's threads would otherwise keep it alive.
const WRAPPER: &str = r#"
import os, sys, threading
def watch():
    try:
        while sys.stdin.buffer.read(4096):
            pass
    finally:
        os._exit(0)
threading.Thread(target=watch, daemon=True).start()
from moto.server import main
main(sys.argv[1:])
"#;

/// Creates the IAM user, its admin policy and an access key; prints them as JSON.
const CREATE_USER: &str = r#"
import json, sys, boto3
iam = boto3.client("iam", endpoint_url=sys.argv[1], region_name=sys.argv[2],
                   aws_access_key_id="testing", aws_secret_access_key="testing")
user = iam.create_user(UserName=sys.argv[3])["User"]
iam.put_user_policy(UserName=sys.argv[3], PolicyName="allow-everything", PolicyDocument=json.dumps(
    {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}))
key = iam.create_access_key(UserName=sys.argv[3])["AccessKey"]
print(json.dumps({"arn": user["Arn"], "access_key_id": key["AccessKeyId"],
                  "secret_access_key": key["SecretAccessKey"]}))
"#;

/// Why moto could not be started or configured.
#[derive(Debug)]
pub struct MotoError {
    message: String,
}

impl MotoError {
    fn new(message: impl Into<String>) -> Self {
        MotoError {
            message: message.into(),
        }
    }
}

impl fmt::Display for MotoError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for MotoError {}

/// Where moto was found, and whether the user asked for it explicitly.
struct Install {
    python: Result<PathBuf, String>,
    explicit: bool,
}

fn install() -> &'static Install {
    static INSTALL: OnceLock<Install> = OnceLock::new();
    INSTALL.get_or_init(|| {
        let (python, explicit) = locate_python();
        let python = python.and_then(|python| check_python(&python).map(|()| python));
        Install { python, explicit }
    })
}

fn locate_python() -> (Result<PathBuf, String>, bool) {
    if let Some(python) = std::env::var_os("AWSOP_MOTO_PYTHON").filter(|v| !v.is_empty()) {
        return (Ok(PathBuf::from(python)), true);
    }
    if let Some(server) = std::env::var_os("AWSOP_MOTO_SERVER").filter(|v| !v.is_empty()) {
        return (python_of_script(Path::new(&server)), true);
    }
    // testing/moto -> the repository root. Only the directory is made
    // canonical: resolving the venv's `python` symlink would lose the venv.
    let manifest_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let root = manifest_dir
        .join("../..")
        .canonicalize()
        .unwrap_or_else(|_| manifest_dir.join("../.."));
    let venv = root.join("target/moto-venv/bin/python");
    if venv.exists() {
        (Ok(venv), false)
    } else {
        (Err(format!("no {}", venv.display())), false)
    }
}

/// The interpreter of a `moto_server` script: its venv's, else its `#!` line's.
fn python_of_script(server: &Path) -> Result<PathBuf, String> {
    if let Some(dir) = server.parent() {
        for name in ["python", "python3"] {
            let candidate = dir.join(name);
            if candidate.exists() {
                return Ok(candidate);
            }
        }
    }
    let mut first_line = String::new();
    std::fs::File::open(server)
        .map(BufReader::new)
        .and_then(|mut reader| reader.read_line(&mut first_line))
        .map_err(|e| format!("AWSOP_MOTO_SERVER={}: {e}", server.display()))?;
    let mut words = first_line
        .strip_prefix("#!")
        .ok_or_else(|| format!("AWSOP_MOTO_SERVER={} has no #! line", server.display()))?
        .split_whitespace();
    match (words.next(), words.next()) {
        (Some(env), Some(python)) if env.ends_with("/env") => Ok(PathBuf::from(python)),
        (Some(python), _) => Ok(PathBuf::from(python)),
        _ => Err(format!(
            "AWSOP_MOTO_SERVER={} has an empty #! line",
            server.display()
        )),
    }
}

fn check_python(python: &Path) -> Result<(), String> {
    let output = Command::new(python)
        .args(["-c", "import moto.server, boto3"])
        .stdin(Stdio::null())
        .output()
        .map_err(|e| format!("cannot run {}: {e}", python.display()))?;
    if output.status.success() {
        Ok(())
    } else {
        let stderr = String::from_utf8_lossy(&output.stderr);
        let last = stderr.lines().last().unwrap_or("").trim();
        Err(format!(
            "{} cannot import moto.server and boto3: {last}",
            python.display()
        ))
    }
}

/// Whether moto can run here: `Ok` when an interpreter that imports
/// `moto.server` and `boto3` was found (see the [crate docs](crate) for where
/// it is looked for), else why not.
///
/// ```
/// match awsop_moto::available() {
///     Ok(()) => println!("moto is installed"),
///     Err(why) => println!("no moto: {why}"),
/// }
/// ```
pub fn available() -> Result<(), String> {
    install().python.as_ref().map(|_| ()).map_err(Clone::clone)
}

/// What [`require_moto!`] calls: `true` to run the test; `false` after
/// printing [`SKIP_LINE`]. Panics when moto was asked for (an
/// `AWSOP_MOTO_*` variable is set) but cannot run.
#[doc(hidden)]
pub fn __require() -> bool {
    let install = install();
    match &install.python {
        Ok(_) => true,
        Err(why) if install.explicit => panic!("moto was asked for but cannot run: {why}"),
        Err(_) => {
            // Straight to the process's stdout, not through println!, which
            // the test harness captures and shows only for failed tests: the
            // skip must be visible in a passing run.
            let mut out = std::io::stdout().lock();
            let _ = writeln!(out, "{SKIP_LINE}");
            let _ = out.flush();
            false
        }
    }
}

/// Returns early from the calling test, printing [`SKIP_LINE`], when moto
/// is not installed. `require_moto!(value)` returns `value` instead of `()`
/// (for tests returning `Result`).
///
/// ```
/// # use awsop_moto::require_moto;
/// fn a_test() -> Result<(), String> {
///     require_moto!(Ok(()));
///     let moto = awsop_moto::MotoServer::start().map_err(|e| e.to_string())?;
///     assert!(moto.endpoint().starts_with("http://127.0.0.1:"));
///     Ok(())
/// }
/// # a_test().unwrap();
/// ```
#[macro_export]
macro_rules! require_moto {
    () => {
        if !$crate::__require() {
            return;
        }
    };
    ($skipped:expr) => {
        if !$crate::__require() {
            return $skipped;
        }
    };
}

/// An IAM user's access key, created through moto's IAM.
#[derive(Clone)]
struct AccessKey {
    user_arn: String,
    access_key_id: String,
    secret_access_key: String,
}

type Log = Arc<Mutex<VecDeque<String>>>;

/// A running moto server on `127.0.0.1`, killed on drop.
///
/// `Debug` shows the endpoint and the access key id, never the secret.
pub struct MotoServer {
    child: Child,
    // Held open so the wrapper's stdin watchdog sees EOF only when we go.
    _stdin: Option<ChildStdin>,
    addr: SocketAddr,
    key: Option<AccessKey>,
    log: Log,
}

impl fmt::Debug for MotoServer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("MotoServer")
            .field("endpoint", &self.endpoint())
            .field("pid", &self.child.id())
            .field("sigv4_auth", &self.key.is_some())
            .field("access_key_id", &self.access_key_id())
            .finish_non_exhaustive()
    }
}

impl MotoServer {
    /// Spawns moto on a free loopback port and waits until it answers
    /// `GET /moto-api/`. Its auth is off: any credentials are accepted
    /// ([`MotoServer::access_key_id`] gives dummy ones).
    ///
    /// Blocks for the start-up (a few seconds).
    pub fn start() -> Result<MotoServer, MotoError> {
        let python = install()
            .python
            .as_ref()
            .map_err(|why| MotoError::new(format!("moto is not available: {why}")))?;
        // The port is free when we look but could be taken before moto binds
        // it; moto then exits at once and another port is tried.
        let mut last_error = None;
        for _ in 0..3 {
            let port = free_port()?;
            match spawn(python, port) {
                Ok(server) => return Ok(server),
                Err(e) => last_error = Some(e),
            }
        }
        Err(last_error.unwrap_or_else(|| MotoError::new("moto did not start")))
    }

    /// [`MotoServer::start`], then [`MotoServer::enable_sigv4_auth`].
    pub fn with_sigv4_auth() -> Result<MotoServer, MotoError> {
        let mut server = MotoServer::start()?;
        server.enable_sigv4_auth()?;
        Ok(server)
    }

    /// Creates the IAM user [`USER_NAME`] with a policy allowing `*` on `*`
    /// and an access key, then turns moto's authentication on: every later
    /// request must be signed (SigV4) with that key. Does nothing when
    /// already on.
    pub fn enable_sigv4_auth(&mut self) -> Result<(), MotoError> {
        if self.key.is_some() {
            return Ok(());
        }
        let key = self.create_user()?;
        // text/plain: a form content type would make moto's framework
        // consume the body as form fields, leaving reset-auth an empty body.
        let (status, body) = http(
            self.addr,
            "POST",
            "/moto-api/reset-auth",
            "text/plain",
            b"0",
        )
        .map_err(|e| MotoError::new(format!("POST /moto-api/reset-auth: {e}")))?;
        let body = String::from_utf8_lossy(&body);
        if status != 200 || !body.contains(r#""status": "ok""#) {
            return Err(MotoError::new(format!(
                "POST /moto-api/reset-auth answered {status}: {body}"
            )));
        }
        self.key = Some(key);
        Ok(())
    }

    fn create_user(&self) -> Result<AccessKey, MotoError> {
        let python = install()
            .python
            .as_ref()
            .map_err(|why| MotoError::new(why.clone()))?;
        let output = Command::new(python)
            .args(["-c", CREATE_USER, &self.endpoint(), REGION, USER_NAME])
            // boto3 must not pick up the developer's profiles or endpoints.
            .env("AWS_CONFIG_FILE", "/dev/null")
            .env("AWS_SHARED_CREDENTIALS_FILE", "/dev/null")
            .env_remove("AWS_PROFILE")
            .env_remove("AWS_ENDPOINT_URL")
            .env_remove("AWS_ENDPOINT_URL_IAM")
            .stdin(Stdio::null())
            .output()
            .map_err(|e| MotoError::new(format!("cannot run {}: {e}", python.display())))?;
        if !output.status.success() {
            let stderr = String::from_utf8_lossy(&output.stderr);
            return Err(MotoError::new(format!(
                "creating the IAM user failed: {}",
                stderr.lines().last().unwrap_or("").trim()
            )));
        }
        let json: serde_json::Value = serde_json::from_slice(&output.stdout)
            // The output holds the secret: say only that it did not parse.
            .map_err(|_| MotoError::new("the IAM snippet printed no JSON"))?;
        let field = |name: &str| {
            json.get(name)
                .and_then(|v| v.as_str())
                .map(str::to_owned)
                .ok_or_else(|| MotoError::new(format!("the IAM snippet printed no {name}")))
        };
        Ok(AccessKey {
            user_arn: field("arn")?,
            access_key_id: field("access_key_id")?,
            secret_access_key: field("secret_access_key")?,
        })
    }

    /// `http://127.0.0.1:<port>`, the endpoint URL to send requests to.
    pub fn endpoint(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// The loopback address moto listens on.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// Whether [`MotoServer::enable_sigv4_auth`] has turned signature checking on.
    pub fn sigv4_auth(&self) -> bool {
        self.key.is_some()
    }

    /// The access key id to sign with: the IAM user's once auth is on,
    /// else a dummy one moto accepts.
    pub fn access_key_id(&self) -> &str {
        self.key.as_ref().map_or(DUMMY_KEY, |k| &k.access_key_id)
    }

    /// The secret access key matching [`MotoServer::access_key_id`].
    pub fn secret_access_key(&self) -> &str {
        self.key
            .as_ref()
            .map_or(DUMMY_KEY, |k| &k.secret_access_key)
    }

    /// The ARN of the IAM user, once auth is on
    /// (`arn:aws:iam::123456789012:user/awsop-test`).
    pub fn user_arn(&self) -> Option<&str> {
        self.key.as_ref().map(|k| k.user_arn.as_str())
    }

    /// The last lines moto printed (one per request it served), for
    /// failure messages.
    pub fn log_tail(&self) -> String {
        let log = self.log.lock().unwrap_or_else(|e| e.into_inner());
        log.iter().map(|line| format!("{line}\n")).collect()
    }
}

impl Drop for MotoServer {
    fn drop(&mut self) {
        // moto keeps nothing worth flushing: kill it outright, then reap it
        // so no zombie is left behind.
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn free_port() -> Result<u16, MotoError> {
    TcpListener::bind((Ipv4Addr::LOCALHOST, 0))
        .and_then(|listener| listener.local_addr())
        .map(|addr| addr.port())
        .map_err(|e| MotoError::new(format!("no free loopback port: {e}")))
}

fn spawn(python: &Path, port: u16) -> Result<MotoServer, MotoError> {
    let mut child = Command::new(python)
        .args(["-c", WRAPPER, "-H", "127.0.0.1", "-p", &port.to_string()])
        .env("PYTHONUNBUFFERED", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| MotoError::new(format!("cannot run {}: {e}", python.display())))?;
    let log: Log = Arc::new(Mutex::new(VecDeque::with_capacity(LOG_LINES)));
    // Drain both pipes all along: moto logs every request, and a full pipe
    // would stall it.
    if let Some(stdout) = child.stdout.take() {
        drain(stdout, log.clone());
    }
    if let Some(stderr) = child.stderr.take() {
        drain(stderr, log.clone());
    }
    let mut server = MotoServer {
        _stdin: child.stdin.take(),
        child,
        addr: SocketAddr::from((Ipv4Addr::LOCALHOST, port)),
        key: None,
        log,
    };
    // On error `server` is dropped here, which kills the child.
    server.wait_until_ready()?;
    Ok(server)
}

fn drain(pipe: impl Read + Send + 'static, log: Log) {
    thread::spawn(move || {
        for line in BufReader::new(pipe).lines() {
            let Ok(line) = line else { break };
            let mut log = log.lock().unwrap_or_else(|e| e.into_inner());
            if log.len() == LOG_LINES {
                log.pop_front();
            }
            log.push_back(line);
        }
    });
}

impl MotoServer {
    fn wait_until_ready(&mut self) -> Result<(), MotoError> {
        let deadline = Instant::now() + START_TIMEOUT;
        loop {
            if let Ok(Some(status)) = self.child.try_wait() {
                // Let the drain threads catch the last words.
                thread::sleep(Duration::from_millis(100));
                return Err(MotoError::new(format!(
                    "moto exited ({status}) before answering:\n{}",
                    self.log_tail()
                )));
            }
            if let Ok((200, _)) = http(self.addr, "GET", "/moto-api/", "", b"") {
                return Ok(());
            }
            if Instant::now() >= deadline {
                return Err(MotoError::new(format!(
                    "moto did not answer within {START_TIMEOUT:?}:\n{}",
                    self.log_tail()
                )));
            }
            thread::sleep(Duration::from_millis(50));
        }
    }
}

/// A minimal HTTP/1.1 exchange (`Connection: close`): the status and the
/// bytes after the headers. Enough for moto's own API, whose answers are
/// small and not chunked.
fn http(
    addr: SocketAddr,
    method: &str,
    path: &str,
    content_type: &str,
    body: &[u8],
) -> std::io::Result<(u16, Vec<u8>)> {
    let timeout = Duration::from_secs(10);
    let mut stream = TcpStream::connect_timeout(&addr, Duration::from_secs(1))?;
    stream.set_read_timeout(Some(timeout))?;
    stream.set_write_timeout(Some(timeout))?;
    let mut request = format!(
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\nContent-Length: {}\r\n",
        body.len()
    );
    if !content_type.is_empty() {
        request.push_str(&format!("Content-Type: {content_type}\r\n"));
    }
    request.push_str("\r\n");
    stream.write_all(request.as_bytes())?;
    stream.write_all(body)?;
    let mut response = Vec::new();
    stream.read_to_end(&mut response)?;
    let bad = || std::io::Error::new(std::io::ErrorKind::InvalidData, "not an HTTP response");
    let head_end = response
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .ok_or_else(bad)?;
    let status = std::str::from_utf8(&response[..head_end])
        .ok()
        .and_then(|head| head.split(' ').nth(1))
        .and_then(|code| code.parse().ok())
        .ok_or_else(bad)?;
    Ok((status, response[head_end + 4..].to_vec()))
}
