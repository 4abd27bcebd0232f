//! Test doubles for code that calls AWS (cargo feature `test-util`): a
//! [`Mock`] whose client answers from rules you set up per operation, with
//! no network; and [`Recorder`] / [`ReplayClient`] to record real
//! exchanges once and replay them from a file.
//!
//! ```
//! use awsop::datazone::{DataZoneError, GetUserProfile, GetUserProfileOutput};
//! use awsop::mock::Mock;
//!
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> Result<(), awsop::Error<DataZoneError>> {
//! let mock = Mock::new();
//! mock.on::<GetUserProfile>().fails_with(DataZoneError::ThrottlingException(Default::default()));
//! mock.on::<GetUserProfile>().answers(GetUserProfileOutput { id: Some("up_1".into()), ..Default::default() });
//!
//! let input = GetUserProfile { domain_identifier: "dzd_1".into(), user_identifier: "u-1".into(), ..Default::default() };
//! let profile = input.send(&mock.client()).await?; // throttled, retried, answered
//! assert_eq!(profile.id.as_deref(), Some("up_1"));
//! assert_eq!(mock.calls::<GetUserProfile>().len(), 2);
//! mock.assert_done();
//! # Ok(()) }
//! ```
//!
//! # Rules
//!
//! [`Mock::on`] starts a rule for one operation type. A rule answers every
//! call of it, or those its [`matching`](RuleBuilder::matching) predicate
//! accepts, with an output ([`answers`](RuleBuilder::answers),
//! [`answers_with`](RuleBuilder::answers_with)), a modeled error
//! ([`fails_with`](RuleBuilder::fails_with)), an HTTP response that goes
//! through the operation's real parsing ([`responds`](RuleBuilder::responds)),
//! or no response at all ([`fails_to_send`](RuleBuilder::fails_to_send)).
//!
//! An answer serves one attempt unless [`times(n)`](RuleBuilder::times) or
//! [`repeatedly()`](RuleBuilder::repeatedly) says otherwise; once used up,
//! the rule's next answer ([`Rule::then`]) or the next matching rule, in
//! the order they were set up, takes over.
//!
//! # What runs for real
//!
//! Everything but the network: the input is validated and serialized (a
//! missing label still fails before any rule is asked), the idempotency
//! token is filled once, and each attempt takes one answer, so the
//! client's retry policy (classification, retry quota, backoff) and
//! paginators run over the answers. The backoff does not wait: the mock's
//! client sleeps through an [`InstantSleep`], and [`Mock::slept`] says
//! how long it would have waited.
//!
//! A call no rule answers fails with a configuration error naming the
//! operation and showing its input (or, in a [`strict`](Mock::strict)
//! mock, panics). [`Mock::assert_done`] panics, naming them, if answers
//! were set up that no call used.
//!
//! # Record and replay
//!
//! [`Recorder`] wraps the real HTTP client and writes every exchange to a
//! JSON file, secrets left out; [`ReplayClient::from_file`] serves such a
//! file, matching requests by method, path, query and body. Record once
//! against the real service, commit the file, and replay it in every run
//! after: [`record_or_replay`] switches between the two.

mod error;
mod recorded;
mod registry;
mod rule;

pub use awsop_runtime::time::InstantSleep;
pub use awsop_runtime::transport::{Recorder, ReplayClient};
pub use recorded::{record_or_replay, RECORD_ENV};
pub use rule::{Rule, RuleBuilder};

use std::fmt::Debug;
use std::panic::Location;
use std::sync::Arc;
use std::time::Duration;

use awsop_runtime::http::{HttpRequest, HttpResponse};
use awsop_runtime::operation::Operation;
use awsop_runtime::transport::{DispatchError, DispatchErrorKind, HttpClient};
use awsop_runtime::{BoxFuture, Client, ClientBuilder};

use registry::Registry;

/// Rules that answer calls in place of AWS, and the clients that use them.
///
/// Clones share the rules, the calls seen and the clients' sleep record.
///
/// ```
/// use awsop::datazone::{CreateUserProfile, CreateUserProfileOutput, DataZoneError};
/// use awsop::mock::Mock;
///
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() {
/// let mock = Mock::new();
/// mock.on::<CreateUserProfile>()
///     .times(2)
///     .fails_with(DataZoneError::InternalServerException(Default::default()))
///     .then()
///     .answers(CreateUserProfileOutput { id: Some("up_1".into()), ..Default::default() });
///
/// let created = CreateUserProfile { domain_identifier: "dzd_1".into(), user_identifier: "u-1".into(), ..Default::default() }
///     .send(&mock.client())
///     .await
///     .unwrap();
/// assert_eq!(created.id.as_deref(), Some("up_1"));
/// // Three attempts, one idempotency token:
/// let calls = mock.calls::<CreateUserProfile>();
/// assert_eq!(calls.len(), 3);
/// assert!(calls[0].client_token.is_some());
/// assert!(calls.iter().all(|c| c.client_token == calls[0].client_token));
/// assert_eq!(mock.slept().len(), 2); // two backoffs, not waited
/// mock.assert_done();
/// # }
/// ```
#[derive(Debug, Clone, Default)]
pub struct Mock {
    registry: Arc<Registry>,
    sleep: InstantSleep,
}

impl Mock {
    /// A mock with no rules.
    pub fn new() -> Self {
        Self::default()
    }

    /// Makes a call that no rule answers panic (with the same message as
    /// the error it would otherwise fail with), so the test stops where
    /// the unexpected call is made, even if the code under test swallows
    /// errors.
    ///
    /// ```should_panic
    /// use awsop::datazone::GetUserProfile;
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() {
    /// let mock = awsop::mock::Mock::new().strict();
    /// let _ = GetUserProfile { domain_identifier: "d".into(), user_identifier: "u".into(), ..Default::default() }
    ///     .send(&mock.client())
    ///     .await; // panics: the mock has no rule for DataZone GetUserProfile
    /// # }
    /// ```
    pub fn strict(self) -> Self {
        self.registry.set_strict();
        self
    }

    /// Starts a rule for calls of operation `O`; it takes effect once given
    /// an answer. See [`RuleBuilder`].
    ///
    /// ```
    /// use awsop::datazone::{GetUserProfile, GetUserProfileOutput};
    /// let mock = awsop::mock::Mock::new();
    /// mock.on::<GetUserProfile>().answers(GetUserProfileOutput::default());
    /// ```
    #[track_caller]
    pub fn on<O: Operation + Clone + Debug>(&self) -> RuleBuilder<O> {
        RuleBuilder::new(Arc::clone(&self.registry), Location::caller())
    }

    /// The inputs of every attempt of `O` a rule answered, in order, as
    /// sent (idempotency tokens filled). A retried call appears once per
    /// attempt. [`Rule::calls`] has one rule's.
    ///
    /// ```
    /// use awsop::datazone::GetUserProfile;
    /// let mock = awsop::mock::Mock::new();
    /// assert!(mock.calls::<GetUserProfile>().is_empty());
    /// ```
    pub fn calls<O: Operation + Clone>(&self) -> Vec<O> {
        self.registry.calls::<O>()
    }

    /// Panics if any answer set up was not used up: one given `times(n)`
    /// served fewer than `n` attempts, or one given `repeatedly()` none.
    /// The message names each, with where it was set up.
    ///
    /// ```should_panic
    /// use awsop::datazone::{GetUserProfile, GetUserProfileOutput};
    /// let mock = awsop::mock::Mock::new();
    /// mock.on::<GetUserProfile>().answers(GetUserProfileOutput::default());
    /// mock.assert_done(); // panics: GetUserProfile: `answers` at src/..., used 0 of 1 times
    /// ```
    #[track_caller]
    pub fn assert_done(&self) {
        let leftovers = self.registry.leftovers();
        if !leftovers.is_empty() {
            panic!(
                "{} mock answer(s) set up but not used up:\n  {}",
                leftovers.len(),
                leftovers.join("\n  ")
            );
        }
    }

    /// A client whose every attempt is answered by this mock's rules; it
    /// never opens a socket. Region `us-east-1`; retries as
    /// [`Client::builder`] sets them; no waiting between attempts.
    ///
    /// ```
    /// let mock = awsop::mock::Mock::new();
    /// let client = mock.client();
    /// assert_eq!(client.region().unwrap().as_str(), "us-east-1");
    /// ```
    pub fn client(&self) -> Client {
        // A builder with a region and nothing else always builds.
        self.client_builder()
            .build()
            .expect("a mock client's configuration is valid")
    }

    /// The builder [`client`](Self::client) uses, to change the region,
    /// the retry settings or the token generator of a mock client.
    ///
    /// ```
    /// use awsop::runtime::token::FixedToken;
    /// let mock = awsop::mock::Mock::new();
    /// let client = mock
    ///     .client_builder()
    ///     .max_attempts(5)
    ///     .token_generator(FixedToken("00000000-0000-4000-8000-000000000000".into()))
    ///     .build()
    ///     .unwrap();
    /// assert_eq!(client.retry_config().max_attempts, 5);
    /// ```
    pub fn client_builder(&self) -> ClientBuilder {
        Client::builder()
            .region("us-east-1")
            .http_client(NoNetwork)
            .sleep(self.sleep.clone())
            .attempt_hook(Arc::clone(&self.registry) as _)
    }

    /// How long the mock's clients would have waited, wait by wait (retry
    /// backoffs, adaptive rate limiting), had they not been instant.
    ///
    /// ```
    /// let mock = awsop::mock::Mock::new();
    /// assert!(mock.slept().is_empty());
    /// ```
    pub fn slept(&self) -> Vec<Duration> {
        self.sleep.slept()
    }
}

/// The transport of a mock client. Every attempt is answered by the mock
/// before it would be sent, so this is never called; it is there so the
/// client builds no real transport (and could reach nothing if it did).
#[derive(Debug)]
struct NoNetwork;

impl HttpClient for NoNetwork {
    fn call(&self, _request: HttpRequest) -> BoxFuture<'_, Result<HttpResponse, DispatchError>> {
        Box::pin(async {
            Err(DispatchError::new(
                DispatchErrorKind::Other,
                "a mock client sends nothing",
            ))
        })
    }
}
