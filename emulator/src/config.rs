//! How an emulator is set up: which keys it accepts, its region and clock,
//! its limits and its random seed.

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::sync::Arc;
use std::time::Duration;

use awsop_runtime::time::{SystemClock, TimeSource};
use awsop_runtime::Credentials;

/// The access key id the emulator accepts by default: AWS's documented
/// example key, also used by DESIGN's golden request and the SigV4 suite.
pub const DEFAULT_ACCESS_KEY_ID: &str = "AKIDEXAMPLE";

/// The secret key paired with [`DEFAULT_ACCESS_KEY_ID`] (a public test value).
pub const DEFAULT_SECRET_ACCESS_KEY: &str = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";

/// The region the emulator serves by default.
pub const DEFAULT_REGION: &str = "us-east-1";

/// The settings of an [`Emulator`](crate::Emulator).
///
/// ```
/// use std::time::Duration;
/// use awsop_emulator::EmulatorConfig;
///
/// let config = EmulatorConfig::builder()
///     .region("eu-west-1")
///     .max_clock_skew(Duration::from_secs(60))
///     .page_size(10)
///     .seed(42)
///     .build();
/// assert_eq!(config.region(), "eu-west-1");
/// assert_eq!(config.credentials()[0].access_key_id(), "AKIDEXAMPLE");
/// ```
#[derive(Debug, Clone)]
pub struct EmulatorConfig {
    pub(crate) credentials: Vec<Credentials>,
    pub(crate) region: String,
    pub(crate) max_clock_skew: Duration,
    pub(crate) time_source: Arc<dyn TimeSource>,
    pub(crate) page_size: usize,
    pub(crate) seed: u64,
    pub(crate) bind: SocketAddr,
    pub(crate) max_header_bytes: usize,
    pub(crate) max_body_bytes: usize,
    pub(crate) max_connections: usize,
    pub(crate) idle_timeout: Duration,
    pub(crate) request_timeout: Duration,
    pub(crate) fault_rate: f64,
}

impl Default for EmulatorConfig {
    fn default() -> Self {
        EmulatorConfig {
            credentials: vec![Credentials::new(
                DEFAULT_ACCESS_KEY_ID,
                DEFAULT_SECRET_ACCESS_KEY,
                None,
                None,
                "awsop-emulator",
            )],
            region: DEFAULT_REGION.to_owned(),
            // AWS accepts requests signed up to 5 minutes from its clock.
            max_clock_skew: Duration::from_secs(300),
            time_source: Arc::new(SystemClock),
            page_size: 50,
            seed: 0x00A5_0E70,
            bind: SocketAddr::new(IpAddr::V4(Ipv4Addr::LOCALHOST), 0),
            max_header_bytes: 16 * 1024,
            max_body_bytes: 1024 * 1024,
            max_connections: 1024,
            idle_timeout: Duration::from_secs(60),
            request_timeout: Duration::from_secs(10),
            fault_rate: 0.0,
        }
    }
}

impl EmulatorConfig {
    /// A builder starting from the defaults: key pair
    /// [`DEFAULT_ACCESS_KEY_ID`] / [`DEFAULT_SECRET_ACCESS_KEY`], region
    /// `us-east-1`, 5 minutes of allowed clock skew, the system clock,
    /// 50 results per page, a fixed seed, `127.0.0.1:0`, 16 KiB of request
    /// head, 1 MiB of body, 1024 connections, 60 s idle timeout, 10 s
    /// request timeout, no faults.
    pub fn builder() -> EmulatorConfigBuilder {
        EmulatorConfigBuilder {
            config: EmulatorConfig::default(),
        }
    }

    /// The credentials the emulator accepts (the first is the one it
    /// advertises).
    pub fn credentials(&self) -> &[Credentials] {
        &self.credentials
    }

    /// The region requests must be signed for.
    pub fn region(&self) -> &str {
        &self.region
    }

    /// How far a request's `X-Amz-Date` may be from the emulator's clock.
    pub fn max_clock_skew(&self) -> Duration {
        self.max_clock_skew
    }

    /// Results per `SearchUserProfiles` page when `maxResults` is absent.
    pub fn page_size(&self) -> usize {
        self.page_size
    }

    /// The seed of every random choice (ids, request ids, faults).
    pub fn seed(&self) -> u64 {
        self.seed
    }

    /// Where the emulator listens.
    pub fn bind_addr(&self) -> SocketAddr {
        self.bind
    }
}

/// Builds an [`EmulatorConfig`]; see [`EmulatorConfig::builder`].
#[derive(Debug, Clone)]
pub struct EmulatorConfigBuilder {
    config: EmulatorConfig,
}

impl EmulatorConfigBuilder {
    /// Replaces the accepted credentials. A credential with a session token
    /// requires requests to carry that token in `X-Amz-Security-Token`.
    /// An empty list keeps the defaults (an emulator must accept something).
    pub fn credentials(mut self, credentials: impl IntoIterator<Item = Credentials>) -> Self {
        let credentials: Vec<Credentials> = credentials.into_iter().collect();
        if !credentials.is_empty() {
            self.config.credentials = credentials;
        }
        self
    }

    /// The region requests must be signed for.
    pub fn region(mut self, region: impl Into<String>) -> Self {
        self.config.region = region.into();
        self
    }

    /// How far a request's `X-Amz-Date` may be from the emulator's clock.
    pub fn max_clock_skew(mut self, skew: Duration) -> Self {
        self.config.max_clock_skew = skew;
        self
    }

    /// The emulator's clock (see also [`Emulator::set_clock_offset_secs`](crate::Emulator::set_clock_offset_secs)).
    pub fn time_source(mut self, time_source: impl TimeSource + 'static) -> Self {
        self.config.time_source = Arc::new(time_source);
        self
    }

    /// Results per `SearchUserProfiles` page when `maxResults` is absent
    /// (at least 1).
    pub fn page_size(mut self, page_size: usize) -> Self {
        self.config.page_size = page_size.max(1);
        self
    }

    /// The seed of every random choice: the same seed and the same requests
    /// in the same order give the same ids, request ids and faults.
    pub fn seed(mut self, seed: u64) -> Self {
        self.config.seed = seed;
        self
    }

    /// The address to listen on (default `127.0.0.1:0`, a free loopback port).
    pub fn bind(mut self, addr: SocketAddr) -> Self {
        self.config.bind = addr;
        self
    }

    /// The largest request line plus headers accepted (431 beyond).
    pub fn max_header_bytes(mut self, bytes: usize) -> Self {
        self.config.max_header_bytes = bytes.max(64);
        self
    }

    /// The largest request body accepted (413 beyond).
    pub fn max_body_bytes(mut self, bytes: usize) -> Self {
        self.config.max_body_bytes = bytes;
        self
    }

    /// How many connections are served at once; further ones wait to be
    /// accepted.
    pub fn max_connections(mut self, connections: usize) -> Self {
        self.config.max_connections = connections.max(1);
        self
    }

    /// How long a connection may sit idle, or a request take to arrive,
    /// before the emulator closes it.
    pub fn idle_timeout(mut self, timeout: Duration) -> Self {
        self.config.idle_timeout = timeout;
        self
    }

    /// How long one request may take to arrive, head and body, from its
    /// first byte (never longer than the idle timeout), and a response to
    /// be written. One deadline for the whole request, not a timeout per
    /// read: clients that send a byte every second cannot hold every
    /// connection slot. Default 10 s.
    ///
    /// ```
    /// use std::time::Duration;
    /// use awsop_emulator::EmulatorConfig;
    /// let config = EmulatorConfig::builder()
    ///     .request_timeout(Duration::from_secs(2))
    ///     .build();
    /// # drop(config);
    /// ```
    pub fn request_timeout(mut self, timeout: Duration) -> Self {
        self.config.request_timeout = timeout;
        self
    }

    /// The probability (0 to 1) that a request meets a random fault; see
    /// [`Faults::set_rate`](crate::Faults::set_rate).
    pub fn fault_rate(mut self, rate: f64) -> Self {
        self.config.fault_rate = crate::fault::clamp_rate(rate);
        self
    }

    /// The finished configuration.
    pub fn build(self) -> EmulatorConfig {
        self.config
    }
}
