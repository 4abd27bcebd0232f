//! The running emulator: its address, what it accepts, and its controls.

use std::fmt;
use std::io;
use std::net::SocketAddr;
use std::sync::Arc;

use awsop_runtime::Credentials;
use tokio::net::TcpListener;
use tokio::sync::watch;
use tokio::task::JoinHandle;

use crate::config::EmulatorConfig;
use crate::fault::Faults;
use crate::model::Model;
use crate::state::Shared;

/// A DataZone-compatible endpoint serving the four user-profile operations
/// on a local port, in this process. Stops when dropped or on
/// [`shutdown`](Emulator::shutdown).
///
/// ```
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() {
/// use awsop_emulator::{Emulator, Fault};
///
/// let emulator = Emulator::start().await;
/// assert!(emulator.endpoint_url().starts_with("http://127.0.0.1:"));
/// assert_eq!(emulator.credentials().access_key_id(), "AKIDEXAMPLE");
/// assert_eq!(emulator.region(), "us-east-1");
/// assert_eq!(emulator.profile_count(), 0);
///
/// // The next request is answered 503, before anything is processed.
/// emulator.faults().push_back(Fault::Status503);
/// emulator.shutdown().await;
/// # }
/// ```
pub struct Emulator {
    shared: Arc<Shared>,
    addr: SocketAddr,
    stop: watch::Sender<bool>,
    task: Option<JoinHandle<()>>,
}

impl Emulator {
    /// Starts an emulator with the default configuration on a free loopback
    /// port, on the current tokio runtime.
    ///
    /// # Panics
    ///
    /// If no loopback port can be bound (the machine has no loopback
    /// interface or no free port); [`start_with`](Emulator::start_with)
    /// returns that error instead.
    pub async fn start() -> Emulator {
        match Emulator::start_with(EmulatorConfig::default()).await {
            Ok(emulator) => emulator,
            Err(error) => panic!("awsop-emulator: cannot listen on 127.0.0.1: {error}"),
        }
    }

    /// Starts an emulator with `config` on the current tokio runtime.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use awsop_emulator::{Emulator, EmulatorConfig};
    /// let emulator = Emulator::start_with(EmulatorConfig::builder().region("eu-west-1").build()).await?;
    /// assert_eq!(emulator.region(), "eu-west-1");
    /// # Ok(())
    /// # }
    /// ```
    pub async fn start_with(config: EmulatorConfig) -> io::Result<Emulator> {
        let model = Model::embedded().map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))?;
        let listener = TcpListener::bind(config.bind).await?;
        let addr = listener.local_addr()?;
        let shared = Arc::new(Shared::new(config, model));
        let (stop, stopped) = watch::channel(false);
        let task = tokio::spawn(crate::server::run(listener, Arc::clone(&shared), stopped));
        Ok(Emulator {
            shared,
            addr,
            stop,
            task: Some(task),
        })
    }

    /// The URL clients use: `http://127.0.0.1:<port>` (a wildcard bind
    /// address is reported as loopback).
    pub fn endpoint_url(&self) -> String {
        let ip = if self.addr.ip().is_unspecified() {
            match self.addr {
                SocketAddr::V4(_) => "127.0.0.1".to_owned(),
                SocketAddr::V6(_) => "[::1]".to_owned(),
            }
        } else {
            match self.addr {
                SocketAddr::V4(v4) => v4.ip().to_string(),
                SocketAddr::V6(v6) => format!("[{}]", v6.ip()),
            }
        };
        format!("http://{ip}:{}", self.addr.port())
    }

    /// The port listened on.
    pub fn port(&self) -> u16 {
        self.addr.port()
    }

    /// The address listened on.
    pub fn local_addr(&self) -> SocketAddr {
        self.addr
    }

    /// Credentials the emulator accepts (the first configured ones).
    pub fn credentials(&self) -> Credentials {
        self.shared.config.credentials[0].clone()
    }

    /// The region requests must be signed for.
    pub fn region(&self) -> &str {
        &self.shared.config.region
    }

    /// The configuration it runs with.
    pub fn config(&self) -> &EmulatorConfig {
        &self.shared.config
    }

    /// How many user profiles exist, over all domains.
    pub fn profile_count(&self) -> usize {
        self.shared.store().count()
    }

    /// The fault plan: schedule faults or set a random rate.
    pub fn faults(&self) -> &Faults {
        &self.shared.faults
    }

    /// Faults injected so far.
    pub fn faults_injected(&self) -> u64 {
        self.shared.faults.injected()
    }

    /// Requests received so far: every one answered (successfully or with
    /// an error, including HTTP-level rejections such as 400 or 431) or met
    /// by a fault.
    pub fn requests_served(&self) -> u64 {
        self.shared.requests()
    }

    /// Shifts the emulator's clock by `seconds` (positive: ahead of the
    /// configured time source). Requests signed more than the allowed skew
    /// away from this clock are rejected, and every response's `Date`
    /// header reports it, so clients can correct their own skew.
    pub fn set_clock_offset_secs(&self, seconds: i64) {
        self.shared
            .set_clock_offset_ms(seconds.saturating_mul(1000));
    }

    /// Stops accepting, closes every connection and waits until done.
    pub async fn shutdown(mut self) {
        let _ = self.stop.send(true);
        if let Some(task) = self.task.take() {
            let _ = task.await;
        }
    }
}

impl fmt::Debug for Emulator {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The state (profiles, model) is too big to be useful here.
        f.debug_struct("Emulator")
            .field("addr", &self.addr)
            .field("region", &self.region())
            .finish_non_exhaustive()
    }
}

impl Drop for Emulator {
    fn drop(&mut self) {
        let _ = self.stop.send(true);
        if let Some(task) = self.task.take() {
            // Cannot wait in drop; aborting the server drops its connection
            // set, which aborts every connection task.
            task.abort();
        }
    }
}
