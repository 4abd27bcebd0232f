//! One rule: which calls of an operation it answers, and with what, in
//! order.

use std::fmt::{self, Debug};
use std::panic::Location;
use std::sync::{Arc, Mutex, MutexGuard};

use awsop_runtime::http::HttpResponse;
use awsop_runtime::mock_hook::Answer;
use awsop_runtime::operation::Operation;
use awsop_runtime::transport::{DispatchError, DispatchErrorKind};

use super::error::metadata_for;
use super::registry::Registry;

pub(super) type Matcher<O> = Arc<dyn Fn(&O) -> bool + Send + Sync>;
type Respond<O> = Arc<dyn Fn(&O) -> Answer<O> + Send + Sync>;

/// How many attempts one answer serves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Count {
    Times(u32),
    Forever,
}

/// What a rule holds once registered.
pub(super) struct RuleState<O: Operation> {
    pub(super) matcher: Option<Matcher<O>>,
    answers: Vec<Scripted<O>>,
    pub(super) calls: Vec<O>,
    pub(super) at: &'static Location<'static>,
}

/// One answer of a rule and how often it has been given.
struct Scripted<O: Operation> {
    respond: Respond<O>,
    count: Count,
    used: u32,
    what: &'static str,
    at: &'static Location<'static>,
}

impl<O: Operation> Scripted<O> {
    fn has_more(&self) -> bool {
        match self.count {
            Count::Times(n) => self.used < n,
            Count::Forever => true,
        }
    }

    /// "`fails_with` at tests/x.rs:3:9", and how much of it was used.
    fn describe(&self) -> String {
        let used = match self.count {
            Count::Times(n) => format!("used {} of {n} times", self.used),
            Count::Forever if self.used == 0 => "repeatedly, never used".to_owned(),
            Count::Forever => format!("repeatedly, used {} times", self.used),
        };
        format!("`{}` at {} ({used})", self.what, self.at)
    }
}

impl<O: Operation> RuleState<O> {
    /// Takes the rule's current answer, if it has one left.
    pub(super) fn take(&mut self) -> Option<Respond<O>> {
        let answer = self.answers.iter_mut().find(|a| a.has_more())?;
        answer.used += 1;
        Some(Arc::clone(&answer.respond))
    }

    /// Why the rule had nothing left for a call it matched.
    pub(super) fn used_up(&self) -> String {
        let answers: Vec<String> = self.answers.iter().map(Scripted::describe).collect();
        format!("its answers are used up: {}", answers.join(", "))
    }

    /// Its answers a test set up and the code under test never used.
    pub(super) fn leftovers(&self) -> impl Iterator<Item = String> + '_ {
        self.answers
            .iter()
            .filter(|a| match a.count {
                Count::Times(n) => a.used < n,
                Count::Forever => a.used == 0,
            })
            .map(Scripted::describe)
    }
}

pub(super) fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    // A poisoned lock means a matcher or a test thread panicked; the rules
    // are still consistent, and the panic is what the test reports.
    m.lock().unwrap_or_else(|p| p.into_inner())
}

/// A rule being set up, from [`Mock::on`](super::Mock::on): which calls of
/// `O` it answers ([`matching`](Self::matching)), how many times
/// ([`times`](Self::times), [`repeatedly`](Self::repeatedly); once by
/// default), and with what: [`answers`](Self::answers),
/// [`answers_with`](Self::answers_with), [`fails_with`](Self::fails_with),
/// [`responds`](Self::responds) or [`fails_to_send`](Self::fails_to_send),
/// which register the rule.
///
/// ```
/// use awsop::datazone::{DataZoneError, GetUserProfile, GetUserProfileOutput};
/// use awsop::mock::Mock;
///
/// let mock = Mock::new();
/// mock.on::<GetUserProfile>()
///     .matching(|input| input.user_identifier == "ghost")
///     .repeatedly()
///     .fails_with(DataZoneError::ResourceNotFoundException(Default::default()));
/// mock.on::<GetUserProfile>().answers(GetUserProfileOutput::default());
/// ```
#[must_use = "a rule takes effect once it is given an answer (`answers`, `fails_with`, ...)"]
pub struct RuleBuilder<O: Operation> {
    registry: Arc<Registry>,
    /// Set when the builder adds the next answer of a registered rule.
    rule: Option<Arc<Mutex<RuleState<O>>>>,
    matcher: Option<Matcher<O>>,
    count: Count,
    at: &'static Location<'static>,
}

impl<O: Operation + Clone + Debug> RuleBuilder<O> {
    pub(super) fn new(registry: Arc<Registry>, at: &'static Location<'static>) -> Self {
        RuleBuilder {
            registry,
            rule: None,
            matcher: None,
            count: Count::Times(1),
            at,
        }
    }

    /// Answers only calls whose input satisfies `predicate` (by default a
    /// rule answers every call of its operation). The input is seen as the
    /// attempt sends it, idempotency tokens filled.
    ///
    /// # Panics
    ///
    /// After [`Rule::then`]: a matcher belongs to the whole rule.
    ///
    /// ```
    /// use awsop::datazone::{GetUserProfile, GetUserProfileOutput};
    /// let mock = awsop::mock::Mock::new();
    /// mock.on::<GetUserProfile>()
    ///     .matching(|input| input.domain_identifier == "dzd_1")
    ///     .answers(GetUserProfileOutput { domain_id: Some("dzd_1".into()), ..Default::default() });
    /// ```
    pub fn matching(mut self, predicate: impl Fn(&O) -> bool + Send + Sync + 'static) -> Self {
        assert!(
            self.rule.is_none(),
            "matching() applies to a whole rule: call it before the rule's first answer, not after then()"
        );
        self.matcher = Some(Arc::new(predicate));
        self
    }

    /// The next answer serves `n` attempts (1 unless told).
    ///
    /// # Panics
    ///
    /// If `n` is 0: such an answer would never be given.
    ///
    /// ```
    /// use awsop::datazone::{DataZoneError, GetUserProfile};
    /// let mock = awsop::mock::Mock::new();
    /// mock.on::<GetUserProfile>().times(2).fails_with(DataZoneError::InternalServerException(Default::default()));
    /// ```
    pub fn times(mut self, n: u32) -> Self {
        assert!(n > 0, "times(0): an answer must serve at least one attempt");
        self.count = Count::Times(n);
        self
    }

    /// The next answer serves every attempt it is asked for, however many.
    /// [`Mock::assert_done`](super::Mock::assert_done) only asks that it
    /// was used at least once.
    ///
    /// ```
    /// use awsop::datazone::{GetUserProfile, GetUserProfileOutput};
    /// let mock = awsop::mock::Mock::new();
    /// mock.on::<GetUserProfile>().repeatedly().answers(GetUserProfileOutput::default());
    /// ```
    pub fn repeatedly(mut self) -> Self {
        self.count = Count::Forever;
        self
    }

    /// Succeeds with `output`.
    ///
    /// ```
    /// use awsop::datazone::{GetUserProfile, GetUserProfileOutput};
    /// let mock = awsop::mock::Mock::new();
    /// mock.on::<GetUserProfile>().answers(GetUserProfileOutput { id: Some("up_1".into()), ..Default::default() });
    /// ```
    #[track_caller]
    pub fn answers(self, output: O::Output) -> Rule<O>
    where
        O::Output: Clone + Sync,
    {
        self.finish("answers", Arc::new(move |_| Answer::Output(output.clone())))
    }

    /// Succeeds with what `respond` makes of the input (an echo of what was
    /// asked, say).
    ///
    /// ```
    /// use awsop::datazone::{GetUserProfile, GetUserProfileOutput};
    /// let mock = awsop::mock::Mock::new();
    /// mock.on::<GetUserProfile>().repeatedly().answers_with(|input| GetUserProfileOutput {
    ///     id: Some(input.user_identifier.clone()),
    ///     ..Default::default()
    /// });
    /// ```
    #[track_caller]
    pub fn answers_with(
        self,
        respond: impl Fn(&O) -> O::Output + Send + Sync + 'static,
    ) -> Rule<O> {
        self.finish(
            "answers_with",
            Arc::new(move |input| Answer::Output(respond(input))),
        )
    }

    /// Fails with the modeled `error`, as if the service had sent it: its
    /// code is the error's code, its status a plausible one for that code
    /// (429 for throttling, 404 for `...NotFound...`, 500 for internal and
    /// other retryable errors, 400 otherwise), and the client retries it as
    /// it would the real response (`ModeledError::is_retryable`,
    /// `is_throttling`, the throttling codes). For a particular status or
    /// headers, use [`responds`](Self::responds).
    ///
    /// ```
    /// use awsop::datazone::{DataZoneError, GetUserProfile, ThrottlingException};
    /// let mock = awsop::mock::Mock::new();
    /// mock.on::<GetUserProfile>().fails_with(DataZoneError::ThrottlingException(ThrottlingException {
    ///     message: "Rate exceeded".into(),
    /// }));
    /// ```
    #[track_caller]
    pub fn fails_with(self, error: O::Error) -> Rule<O>
    where
        O::Error: Clone,
    {
        let metadata = metadata_for(&error);
        self.finish(
            "fails_with",
            Arc::new(move |_| Answer::Error(error.clone(), metadata.clone())),
        )
    }

    /// Answers with an HTTP response, which then goes through the
    /// operation's real parsing: a 2xx body into the output, anything else
    /// into the error's code, message and request id and the typed error,
    /// and the client's retry decision (`Retry-After` included).
    ///
    /// ```
    /// use awsop::datazone::GetUserProfile;
    /// use awsop::runtime::http::HttpResponse;
    /// let mock = awsop::mock::Mock::new();
    /// mock.on::<GetUserProfile>().responds(
    ///     HttpResponse::new(404, r#"{"message":"no such profile"}"#)
    ///         .with_header("x-amzn-ErrorType", "ResourceNotFoundException")
    ///         .with_header("x-amzn-RequestId", "req-1"),
    /// );
    /// ```
    #[track_caller]
    pub fn responds(self, response: HttpResponse) -> Rule<O> {
        self.finish(
            "responds",
            Arc::new(move |_| Answer::Http(response.clone())),
        )
    }

    /// Fails without any response: a timeout, a refused or reset
    /// connection (retried as the real ones are), or another dispatch
    /// failure (not retried).
    ///
    /// ```
    /// use awsop::datazone::GetUserProfile;
    /// use awsop::runtime::transport::DispatchErrorKind;
    /// let mock = awsop::mock::Mock::new();
    /// mock.on::<GetUserProfile>().times(3).fails_to_send(DispatchErrorKind::Timeout);
    /// ```
    #[track_caller]
    pub fn fails_to_send(self, kind: DispatchErrorKind) -> Rule<O> {
        let name = O::METADATA.name;
        self.finish(
            "fails_to_send",
            Arc::new(move |_| {
                Answer::Dispatch(DispatchError::new(
                    kind,
                    format!("mocked {kind:?} failure of {name}"),
                ))
            }),
        )
    }

    #[track_caller]
    fn finish(self, what: &'static str, respond: Respond<O>) -> Rule<O> {
        let answer = Scripted {
            respond,
            count: self.count,
            used: 0,
            what,
            at: Location::caller(),
        };
        let state = match self.rule {
            Some(state) => {
                lock(&state).answers.push(answer);
                state
            }
            None => {
                let state = Arc::new(Mutex::new(RuleState {
                    matcher: self.matcher,
                    answers: vec![answer],
                    calls: Vec::new(),
                    at: self.at,
                }));
                self.registry.register(Arc::clone(&state));
                state
            }
        };
        Rule {
            registry: self.registry,
            state,
        }
    }
}

impl<O: Operation> Debug for RuleBuilder<O> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RuleBuilder")
            .field("operation", &O::METADATA.name)
            .field("at", &self.at)
            .finish_non_exhaustive()
    }
}

/// A registered rule: read the inputs it answered with
/// [`calls`](Self::calls), or give it a next answer with
/// [`then`](Self::then).
///
/// ```
/// use awsop::datazone::{DataZoneError, GetUserProfile, GetUserProfileOutput};
/// let mock = awsop::mock::Mock::new();
/// let rule = mock
///     .on::<GetUserProfile>()
///     .matching(|input| input.user_identifier == "u-1")
///     .times(2)
///     .fails_with(DataZoneError::ThrottlingException(Default::default()))
///     .then()
///     .answers(GetUserProfileOutput::default());
/// assert!(rule.calls().is_empty());
/// ```
pub struct Rule<O: Operation> {
    registry: Arc<Registry>,
    state: Arc<Mutex<RuleState<O>>>,
}

impl<O: Operation + Clone + Debug> Rule<O> {
    /// Adds the answer given once this one is used up, to the same rule
    /// (same matcher): a sequence such as "throttled twice, then a page".
    ///
    /// # Panics
    ///
    /// After a [`repeatedly`](RuleBuilder::repeatedly) answer, which is
    /// never used up.
    #[must_use = "the next answer takes effect once given (`answers`, `fails_with`, ...)"]
    #[track_caller]
    pub fn then(self) -> RuleBuilder<O> {
        let endless = lock(&self.state)
            .answers
            .last()
            .is_some_and(|a| a.count == Count::Forever);
        assert!(
            !endless,
            "then() after repeatedly(): an answer after an endless one would never be given"
        );
        RuleBuilder {
            registry: self.registry,
            rule: Some(self.state),
            matcher: None,
            count: Count::Times(1),
            at: Location::caller(),
        }
    }

    /// The inputs this rule answered, one per attempt, in order, as sent
    /// (idempotency tokens filled).
    pub fn calls(&self) -> Vec<O> {
        lock(&self.state).calls.clone()
    }
}

impl<O: Operation> Debug for Rule<O> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Rule")
            .field("operation", &O::METADATA.name)
            .field("at", &lock(&self.state).at)
            .finish_non_exhaustive()
    }
}
