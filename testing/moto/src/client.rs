//! awsop clients for a running moto, and one moto shared by a test binary.

use std::sync::OnceLock;

use awsop::{Client, ClientBuilder, ConfigError, Credentials};

use crate::{MotoServer, REGION};

impl MotoServer {
    /// An `awsop::Client` for this server: region [`REGION`], endpoint
    /// [`MotoServer::endpoint`], signing with [`MotoServer::access_key_id`]
    /// and its secret. Nothing comes from the environment, so no profile,
    /// `AWS_ENDPOINT_URL` or IMDS can change where it goes.
    ///
    /// ```no_run
    /// # async fn demo() -> Result<(), Box<dyn std::error::Error>> {
    /// let moto = awsop_moto::MotoServer::with_sigv4_auth()?;
    /// let me = awsop::sts::GetCallerIdentity.send(&moto.client()?).await?;
    /// assert_eq!(me.arn.as_deref(), moto.user_arn());
    /// # Ok(()) }
    /// ```
    pub fn client(&self) -> Result<Client, ConfigError> {
        self.client_with(Credentials::new(
            self.access_key_id(),
            self.secret_access_key(),
            None,
            None,
            "moto",
        ))
    }

    /// An `awsop::Client` for this server signing with `credentials`
    /// (a wrong secret, a role session's keys).
    pub fn client_with(&self, credentials: Credentials) -> Result<Client, ConfigError> {
        ClientBuilder::new()
            .region(REGION)
            .endpoint_url(self.endpoint())
            .credentials(credentials)
            // A refused request is the answer a test wants to see, not
            // something to retry through.
            .max_attempts(1)
            .build()
    }
}

/// One moto with SigV4 checking on, started by the first test of a test
/// binary that asks and shared by the rest (each test names its resources
/// apart). It is never dropped: its stdin watchdog ends it when the test
/// process exits. Panics when it cannot start (call [`require_moto!`]
/// first, which skips the test when moto is not installed).
///
/// [`require_moto!`]: crate::require_moto
///
/// ```no_run
/// awsop_moto::require_moto!();
/// let moto = awsop_moto::shared_with_sigv4_auth();
/// assert!(moto.sigv4_auth());
/// ```
pub fn shared_with_sigv4_auth() -> &'static MotoServer {
    static SHARED: OnceLock<MotoServer> = OnceLock::new();
    SHARED
        .get_or_init(|| MotoServer::with_sigv4_auth().expect("moto starts with SigV4 checking on"))
}
