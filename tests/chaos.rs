//! Exactly-once under faults: many `CreateUserProfile` calls, many at once,
//! against the emulator injecting 20% faults of every kind a network and a
//! service can produce. Every call must succeed, with the profile its own
//! idempotency token created, and the emulator must hold exactly one profile
//! per call.
//!
//! Runs 2,000 calls at concurrency 64 in `cargo test`. The soak is the same
//! test with more calls (figures printed with `--nocapture`):
//!
//! ```text
//! AWSOP_CHAOS_CALLS=100000 cargo test --release --test chaos -- --nocapture
//! ```
//!
//! `AWSOP_CHAOS_CONCURRENCY` changes the concurrency (default 64).

use std::collections::{BTreeMap, HashMap, HashSet};
use std::error::Error as _;
use std::sync::atomic::{AtomicBool, AtomicU32, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use awsop::datazone::{
    CreateUserProfile, SearchUserProfiles, UserProfileDetails, UserSearchType, UserType,
};
use awsop::runtime::error::DispatchError;
use awsop::runtime::http::{HttpRequest, HttpResponse};
use awsop::runtime::retry::{RetryConfig, INITIAL_RETRY_TOKENS};
use awsop::runtime::transport::{HttpClient, HyperClient, TransportSettings};
use awsop::runtime::BoxFuture;
use awsop::Client;
use awsop_emulator::{Emulator, EmulatorConfig, Fault};

const DOMAIN: &str = "dzd_chaos";
const FAULT_RATE: f64 = 0.2;
const MAX_ATTEMPTS: u32 = 12;
/// Far above a loopback round trip even in a debug build on a busy
/// machine, so only the injected delays time out.
const ATTEMPT_TIMEOUT: Duration = Duration::from_millis(2_000);
/// Longer than the attempt timeout: the client gives up, then the emulator
/// processes the request anyway (the retry must not create a second profile).
const INJECTED_DELAY: Duration = Duration::from_millis(2_500);

fn env_usize(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .filter(|&n| n > 0)
        .unwrap_or(default)
}

fn user(i: usize) -> String {
    format!("arn:aws:iam::123456789012:role/chaos-{i}")
}

/// How one attempt ended, as the transport saw it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Seen {
    Status(u16),
    /// The connection failed before a response head arrived.
    Reset,
    /// A response head arrived, its body did not.
    Truncated,
    /// The orchestrator dropped the attempt at its timeout.
    TimedOut,
    OtherDispatch(String),
}

#[derive(Debug)]
struct Attempt {
    invocation: String,
    number: u32,
    max: u32,
    token: String,
    seen: Seen,
}

/// Wraps the real transport and records every attempt: which call it
/// belongs to (`amz-sdk-invocation-id`), its number (`amz-sdk-request`),
/// the idempotency token it carried, and how it ended.
#[derive(Debug)]
struct Recorder {
    inner: HyperClient,
    attempts: Mutex<Vec<Attempt>>,
}

/// Records the attempt when dropped: a future dropped before completion was
/// cut off by the attempt timeout.
struct Pending<'a> {
    recorder: &'a Recorder,
    attempt: Option<Attempt>,
}

impl Drop for Pending<'_> {
    fn drop(&mut self) {
        if let Some(attempt) = self.attempt.take() {
            self.recorder.attempts.lock().unwrap().push(attempt);
        }
    }
}

fn header(request: &HttpRequest, name: &str) -> String {
    request
        .headers
        .get(name)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned()
}

fn classify(error: &DispatchError) -> Seen {
    let mut chain = error.to_string();
    let mut source = error.source();
    while let Some(s) = source {
        chain.push_str(" / ");
        chain.push_str(&s.to_string());
        source = s.source();
    }
    // hyper reports a body cut short as a body error and a
    // connection that died before the head as a request error.
    if chain.contains("body") {
        Seen::Truncated
    } else if chain.contains("sending request")
        || chain.contains("reset")
        || chain.contains("closed")
    {
        Seen::Reset
    } else {
        Seen::OtherDispatch(chain)
    }
}

impl HttpClient for Recorder {
    fn call(&self, request: HttpRequest) -> BoxFuture<'_, Result<HttpResponse, DispatchError>> {
        let attempt_header = header(&request, "amz-sdk-request");
        let parse = |key: &str| -> u32 {
            attempt_header
                .split(';')
                .filter_map(|part| part.trim().strip_prefix(key))
                .find_map(|n| n.parse().ok())
                .unwrap_or(0)
        };
        let body: serde_json::Value =
            serde_json::from_slice(&request.body).unwrap_or(serde_json::Value::Null);
        let attempt = Attempt {
            invocation: header(&request, "amz-sdk-invocation-id"),
            number: parse("attempt="),
            max: parse("max="),
            token: body["clientToken"].as_str().unwrap_or_default().to_owned(),
            seen: Seen::TimedOut,
        };
        Box::pin(async move {
            let mut pending = Pending {
                recorder: self,
                attempt: Some(attempt),
            };
            let result = self.inner.call(request).await;
            if let Some(attempt) = pending.attempt.as_mut() {
                attempt.seen = match &result {
                    Ok(response) => Seen::Status(response.status),
                    Err(error) => classify(error),
                };
            }
            drop(pending);
            result
        })
    }
}

// Read through `Debug`: the figures are printed after `run` asserted
// their bounds.
#[allow(dead_code)]
#[derive(Debug)]
struct Figures {
    calls: usize,
    concurrency: usize,
    elapsed: Duration,
    requests_served: u64,
    faults_injected: u64,
    seen: BTreeMap<Seen, usize>,
    attempts: usize,
    retries: usize,
    max_attempts_of_one_call: u32,
    quota_min: u32,
    quota_max: u32,
    duplicates: usize,
    lost: usize,
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn exactly_once_creates_under_twenty_percent_faults() {
    let calls = env_usize("AWSOP_CHAOS_CALLS", 2_000);
    let concurrency = env_usize("AWSOP_CHAOS_CONCURRENCY", 64);
    // Generous: the default run takes a few seconds; this only stops a hang.
    let limit = Duration::from_secs(120 + calls as u64 / 100);
    let figures = tokio::time::timeout(limit, run(calls, concurrency))
        .await
        .unwrap_or_else(|_| panic!("{calls} calls did not finish within {limit:?}"));
    println!("chaos figures: {figures:#?}");
}

async fn run(calls: usize, concurrency: usize) -> Figures {
    let emulator = Emulator::start_with(
        EmulatorConfig::builder()
            .page_size(1_000)
            .max_connections(4 * concurrency)
            .build(),
    )
    .await
    .expect("emulator");
    emulator.faults().set_random_kinds([
        Fault::Status500,
        Fault::Status503,
        Fault::Status429,
        Fault::Reset,
        Fault::ResetAfterProcessing,
        Fault::Delay(INJECTED_DELAY),
        Fault::Truncated,
        Fault::TruncatedAfterProcessing,
    ]);
    emulator.faults().set_rate(FAULT_RATE);

    let recorder = Arc::new(Recorder {
        inner: HyperClient::new(TransportSettings::default()).expect("transport"),
        attempts: Mutex::new(Vec::new()),
    });
    let client = Client::builder()
        .region(emulator.region())
        .credentials(emulator.credentials())
        .endpoint_url(emulator.endpoint_url())
        .retry_config(RetryConfig {
            max_attempts: MAX_ATTEMPTS,
            initial_backoff: Duration::from_millis(1),
            throttling_backoff: Duration::from_millis(1),
            max_backoff: Duration::from_millis(20),
            ..RetryConfig::default()
        })
        .attempt_timeout(ATTEMPT_TIMEOUT)
        .shared_http_client(recorder.clone())
        .build()
        .expect("client");

    // Watch the retry quota while the calls run.
    let quota_min = Arc::new(AtomicU32::new(u32::MAX));
    let quota_max = Arc::new(AtomicU32::new(0));
    let done = Arc::new(AtomicBool::new(false));
    let watcher = {
        let (client, min, max, done) = (
            client.clone(),
            quota_min.clone(),
            quota_max.clone(),
            done.clone(),
        );
        tokio::spawn(async move {
            while !done.load(Ordering::Relaxed) {
                let now = client.retry_quota_available();
                min.fetch_min(now, Ordering::Relaxed);
                max.fetch_max(now, Ordering::Relaxed);
                tokio::time::sleep(Duration::from_millis(1)).await;
            }
        })
    };

    let started = Instant::now();
    let next = Arc::new(AtomicUsize::new(0));
    let mut workers = tokio::task::JoinSet::new();
    for _ in 0..concurrency {
        let (client, next) = (client.clone(), next.clone());
        workers.spawn(async move {
            let mut results = Vec::new();
            loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                if i >= calls {
                    return results;
                }
                let result = CreateUserProfile {
                    domain_identifier: DOMAIN.into(),
                    user_identifier: user(i),
                    user_type: Some(UserType::IamRole),
                    ..Default::default()
                }
                .send(&client)
                .await;
                results.push((i, result));
            }
        });
    }
    let mut returned: HashMap<usize, String> = HashMap::with_capacity(calls);
    let mut failures = Vec::new();
    while let Some(worker) = workers.join_next().await {
        for (i, result) in worker.expect("worker task") {
            match result {
                Ok(output) => {
                    // The call's answer is about its own user...
                    let arn = match &output.details {
                        Some(UserProfileDetails::Iam(iam)) => iam.arn.clone(),
                        other => panic!("call {i}: IAM details expected, got {other:?}"),
                    };
                    assert_eq!(arn.as_deref(), Some(user(i).as_str()), "call {i}");
                    returned.insert(i, output.id.expect("an id"));
                }
                Err(e) => failures.push(format!("call {i}: {e} ({e:?})")),
            }
        }
    }
    let elapsed = started.elapsed();
    done.store(true, Ordering::Relaxed);
    watcher.await.expect("quota watcher");
    emulator.faults().clear();
    assert!(
        failures.is_empty(),
        "{} of {calls} calls failed, first: {}",
        failures.len(),
        failures[0]
    );

    // ...and is the one profile the emulator holds for that user.
    let mut held: HashMap<String, String> = HashMap::new();
    let mut duplicates = 0;
    let mut next_token = None;
    loop {
        let mut search = SearchUserProfiles::new(DOMAIN, UserSearchType::DatazoneIamUser);
        search.next_token = next_token;
        let page = search.send(&client).await.expect("search");
        for item in page.items.unwrap_or_default() {
            let arn = match item.details {
                Some(UserProfileDetails::Iam(iam)) => iam.arn.unwrap_or_default(),
                other => panic!("IAM details expected, got {other:?}"),
            };
            if held.insert(arn, item.id.unwrap_or_default()).is_some() {
                duplicates += 1;
            }
        }
        next_token = page.next_token;
        if next_token.is_none() {
            break;
        }
    }
    let lost = (0..calls).filter(|i| !held.contains_key(&user(*i))).count();
    assert_eq!(duplicates, 0, "profiles created twice");
    assert_eq!(lost, 0, "profiles lost");
    assert_eq!(
        emulator.profile_count(),
        calls,
        "exactly one profile per call"
    );
    assert_eq!(held.len(), calls);
    for (i, id) in &returned {
        assert_eq!(
            held.get(&user(*i)),
            Some(id),
            "call {i} returned a profile that is not its user's"
        );
    }

    // Attempts: grouped by call, numbered 1..=n, n within max_attempts, one
    // idempotency token per call, every call's token different.
    let attempts = std::mem::take(&mut *recorder.attempts.lock().unwrap());
    let creates: Vec<&Attempt> = attempts.iter().filter(|a| !a.token.is_empty()).collect();
    let mut by_call: HashMap<&str, Vec<&Attempt>> = HashMap::new();
    for attempt in &creates {
        by_call
            .entry(&attempt.invocation)
            .or_default()
            .push(attempt);
    }
    assert_eq!(by_call.len(), calls, "one invocation id per call");
    let mut tokens = HashSet::new();
    let mut max_attempts_of_one_call = 0;
    for (invocation, list) in &mut by_call {
        list.sort_by_key(|a| a.number);
        let numbers: Vec<u32> = list.iter().map(|a| a.number).collect();
        let expected: Vec<u32> = (1..=list.len() as u32).collect();
        assert_eq!(numbers, expected, "attempt numbers of {invocation}");
        assert!(
            list.len() as u32 <= MAX_ATTEMPTS,
            "{invocation}: {numbers:?}"
        );
        assert!(list.iter().all(|a| a.max == MAX_ATTEMPTS));
        assert!(
            list.iter().all(|a| a.token == list[0].token),
            "{invocation} changed its idempotency token between attempts"
        );
        assert!(
            tokens.insert(list[0].token.clone()),
            "a token reused across calls"
        );
        // Only the last attempt of a successful call succeeded.
        assert_eq!(list.last().map(|a| &a.seen), Some(&Seen::Status(201)));
        assert!(list[..list.len() - 1]
            .iter()
            .all(|a| a.seen != Seen::Status(201)));
        max_attempts_of_one_call = max_attempts_of_one_call.max(list.len() as u32);
    }

    let mut seen: BTreeMap<Seen, usize> = BTreeMap::new();
    for attempt in &creates {
        *seen.entry(attempt.seen.clone()).or_default() += 1;
    }
    let retries = creates.len() - calls;
    let failed_attempts = creates.len() - seen.get(&Seen::Status(201)).copied().unwrap_or(0);
    assert_eq!(retries, failed_attempts, "every failed attempt was retried");
    let unexpected: Vec<&Seen> = seen
        .keys()
        .filter(|s| {
            matches!(s, Seen::OtherDispatch(_))
                || matches!(s, Seen::Status(s) if ![201, 429, 500, 503].contains(s))
        })
        .collect();
    assert!(unexpected.is_empty(), "unexpected outcomes: {unexpected:?}");
    // Each injected fault cost one attempt; a failed attempt without one
    // could only be a spurious timeout on a loaded machine.
    let faults_injected = emulator.faults_injected();
    assert!(faults_injected > 0);
    assert!(
        failed_attempts as u64 >= faults_injected,
        "{failed_attempts} failed attempts but {faults_injected} faults injected"
    );

    let (quota_min, quota_max) = (
        quota_min.load(Ordering::Relaxed),
        quota_max.load(Ordering::Relaxed),
    );
    assert!(
        quota_max <= INITIAL_RETRY_TOKENS,
        "quota above capacity: {quota_max}"
    );
    assert!(client.retry_quota_available() <= INITIAL_RETRY_TOKENS);
    // Retries spent tokens, and ~20% faults (refunded by successes) never
    // drained the quota: no retry was refused for want of one.
    assert!(
        quota_min < INITIAL_RETRY_TOKENS,
        "no retry spent quota: {quota_min}"
    );
    assert!(quota_min > 0, "the retry quota ran out");
    // One call may need several tries, never more than it is allowed; on
    // average a 20% fault rate costs about 1.25 attempts per call.
    assert!(
        (2..=MAX_ATTEMPTS).contains(&max_attempts_of_one_call),
        "most attempts of one call: {max_attempts_of_one_call}"
    );
    let per_call = creates.len() as f64 / calls as f64;
    assert!(
        (1.05..=1.6).contains(&per_call),
        "{per_call:.3} attempts per call"
    );

    Figures {
        calls,
        concurrency,
        elapsed,
        requests_served: emulator.requests_served(),
        faults_injected,
        seen,
        attempts: creates.len(),
        retries,
        max_attempts_of_one_call,
        quota_min,
        quota_max,
        duplicates,
        lost,
    }
}
