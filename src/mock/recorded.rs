//! One switch between recording against the real service and replaying
//! the recording: what a test that commits its recording starts from.

use std::path::Path;

use awsop_runtime::time::InstantSleep;
use awsop_runtime::token::SequentialTokens;
use awsop_runtime::transport::{HyperClient, Recorder, ReplayClient, TransportSettings};
use awsop_runtime::{Client, ClientBuilder, Credentials};

/// The environment variable that makes [`record_or_replay`] record: set to
/// anything but empty or `0`.
///
/// ```
/// assert_eq!(awsop::mock::RECORD_ENV, "AWSOP_RECORD");
/// ```
pub const RECORD_ENV: &str = "AWSOP_RECORD";

/// A client builder for a test that replays the recording at `path`, or,
/// with `AWSOP_RECORD=1` in the environment, records it.
///
/// - Replaying (the default): the client serves `path` with
///   [`ReplayClient::from_file`], so nothing leaves the process. It signs
///   with stand-in credentials (the replay does not compare signatures),
///   calls region `us-east-1` (the host is not compared either), and does
///   not wait between retries. A missing or unreadable file is an error.
/// - Recording: the client is configured like [`ClientBuilder::from_env`]
///   (your credentials, region and endpoint) and sends through a
///   [`Recorder`] that writes `path`.
///
/// Both count idempotency tokens up from a fixed start
/// ([`SequentialTokens`]), so the tokens recorded are the ones replayed.
/// What is set on the returned builder applies to both, except the
/// built-in transport's settings (`connect_timeout`, `read_timeout`, ...):
/// the recorder sends through a default [`HyperClient`].
///
/// ```no_run
/// use awsop::datazone::GetUserProfile;
///
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
/// // AWSOP_RECORD=1 cargo test  (once, against AWS)  then commit the file.
/// let client = awsop::mock::record_or_replay("tests/recordings/get_profile.json").await?.build()?;
/// let profile = GetUserProfile { domain_identifier: "dzd_1".into(), user_identifier: "u-1".into(), ..Default::default() }
///     .send(&client)
///     .await?;
/// # Ok(()) }
/// ```
pub async fn record_or_replay(
    path: impl AsRef<Path>,
) -> Result<ClientBuilder, Box<dyn std::error::Error + Send + Sync>> {
    let path = path.as_ref();
    let recording = std::env::var_os(RECORD_ENV).is_some_and(|v| !v.is_empty() && v != "0");
    let builder = if recording {
        let real = HyperClient::new(TransportSettings::default())?;
        ClientBuilder::from_env()
            .await?
            .http_client(Recorder::new(real, path))
    } else {
        let replay = ReplayClient::from_file(path).map_err(|e| {
            format!("{e} (to record it, run the test once with {RECORD_ENV}=1 against the real service)")
        })?;
        Client::builder()
            .region("us-east-1")
            .credentials(Credentials::new(
                "AKIDREPLAY",
                "replay-secret",
                None,
                None,
                "replay",
            ))
            .http_client(replay)
            .sleep(InstantSleep::new())
    };
    Ok(builder.token_generator(SequentialTokens::new()))
}
