//! Issue 17, attack 4: a `credential_process` helper that hangs, forks or
//! floods. On timeout every process the helper started is killed (no
//! orphans), its output is capped at 1 MiB, and helpers named by a profile
//! get a time limit too.

mod credentials_support;

use std::time::{Duration, Instant};

use awsop_runtime::credentials::{
    CredentialsErrorKind, ProcessCredentials, ProfileCredentials, ProvideCredentials,
    DEFAULT_PROCESS_TIMEOUT, MAX_PROCESS_OUTPUT,
};
use awsop_runtime::env::Env;
use credentials_support::TempDir;

/// Whether the process `pid` has ended: gone from /proc, or a zombie
/// waiting for a parent (init, once its own parent was killed) to reap it.
fn has_ended(pid: u32) -> bool {
    match std::fs::read_to_string(format!("/proc/{pid}/stat")) {
        Err(_) => true,
        // `pid (comm) S ...`: the state follows the last `)`.
        Ok(stat) => stat
            .rsplit_once(')')
            .map(|(_, rest)| rest.trim_start())
            .is_some_and(|rest| rest.starts_with('Z') || rest.starts_with('X')),
    }
}

/// Reads the pids the helper wrote, once it has written them all.
async fn pids_in(file: &str, count: usize) -> Vec<u32> {
    for _ in 0..200 {
        if let Ok(text) = std::fs::read_to_string(file) {
            let pids: Vec<u32> = text.lines().filter_map(|l| l.trim().parse().ok()).collect();
            if pids.len() == count {
                return pids;
            }
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    panic!("the helper did not write {count} pids to {file}");
}

async fn assert_all_ended(pids: &[u32]) {
    for _ in 0..200 {
        if pids.iter().all(|&pid| has_ended(pid)) {
            return;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    let alive: Vec<_> = pids.iter().filter(|&&pid| !has_ended(pid)).collect();
    panic!("orphans still running: {alive:?}");
}

/// A helper that starts a long-lived child, and a grandchild whose parent
/// exits at once (so it is reparented away from the shell), records their
/// pids and then hangs.
fn forking_helper(pid_file: &str) -> String {
    format!(
        "sleep 60 & echo $! >> {pid_file}; \
         (sleep 60 & echo $! >> {pid_file}); \
         sleep 60"
    )
}

#[cfg(unix)]
#[tokio::test]
async fn a_timed_out_helper_leaves_no_orphans() {
    let dir = TempDir::new("orphans");
    let pid_file = dir.missing("pids");
    let started = Instant::now();
    let err = ProcessCredentials::new(forking_helper(&pid_file))
        .interactive(false)
        .with_timeout(Duration::from_millis(500))
        .provide_credentials()
        .await
        .unwrap_err();
    assert_eq!(err.kind(), CredentialsErrorKind::Timeout);
    assert!(started.elapsed() < Duration::from_secs(5));
    let pids = pids_in(&pid_file, 2).await;
    assert_all_ended(&pids).await;
}

/// The caller giving up (an attempt or operation timeout drops the
/// credentials future) kills the helper's group as well.
#[cfg(unix)]
#[tokio::test]
async fn a_cancelled_helper_leaves_no_orphans() {
    let dir = TempDir::new("cancelled");
    let pid_file = dir.missing("pids");
    let provider = ProcessCredentials::new(forking_helper(&pid_file))
        .interactive(false)
        .without_timeout();
    let load = provider.provide_credentials();
    let gave_up = tokio::time::timeout(Duration::from_millis(500), load).await;
    assert!(gave_up.is_err(), "the helper cannot have finished");
    let pids = pids_in(&pid_file, 2).await;
    assert_all_ended(&pids).await;
}

/// Whether the process `pid` is gone for good: reaped, not even a zombie.
/// The shell running a helper is this process's child, so only we can reap
/// it; a zombie left behind would hold its pid until the program exits.
fn is_reaped(pid: u32) -> bool {
    !std::path::Path::new(&format!("/proc/{pid}")).exists()
}

async fn assert_reaped(pid: u32) {
    for _ in 0..200 {
        if is_reaped(pid) {
            return;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    panic!("the helper's shell {pid} was never reaped");
}

/// Killed helpers' shells are reaped, interactive or not, timed out or
/// cancelled: nothing is left as a zombie. (`exec`: the shell becomes the
/// sleeper, so even the interactive case, where only the shell is killed,
/// leaves nothing running.)
#[cfg(unix)]
#[tokio::test]
async fn killed_helpers_are_reaped() {
    let dir = TempDir::new("reaped");
    for (case, interactive) in [("timeout", false), ("timeout-interactive", true)] {
        let pid_file = dir.missing(case);
        let err = ProcessCredentials::new(format!("echo $$ > {pid_file}; exec sleep 60"))
            .interactive(interactive)
            .with_timeout(Duration::from_millis(300))
            .provide_credentials()
            .await
            .unwrap_err();
        assert_eq!(err.kind(), CredentialsErrorKind::Timeout, "{case}");
        assert_reaped(pids_in(&pid_file, 1).await[0]).await;
    }
    let pid_file = dir.missing("cancelled");
    let provider = ProcessCredentials::new(format!("echo $$ > {pid_file}; exec sleep 60"))
        .interactive(false)
        .without_timeout();
    let gave_up =
        tokio::time::timeout(Duration::from_millis(300), provider.provide_credentials()).await;
    assert!(gave_up.is_err(), "the helper cannot have finished");
    assert_reaped(pids_in(&pid_file, 1).await[0]).await;
}

/// A helper that closes its output and goes on running is still waited
/// for, and its status still decides.
#[cfg(unix)]
#[tokio::test]
async fn a_helper_is_waited_for_after_closing_its_output() {
    let json = r#"{"Version":1,"AccessKeyId":"AKIDLATE","SecretAccessKey":"S"}"#;
    let started = Instant::now();
    let err = ProcessCredentials::new(format!("printf '%s' '{json}'; exec >&-; sleep 0.3; exit 3"))
        .interactive(false)
        .provide_credentials()
        .await
        .unwrap_err();
    assert!(err.to_string().contains("exit code 3"), "{err}");
    assert!(started.elapsed() >= Duration::from_millis(300));
    let creds = ProcessCredentials::new(format!("printf '%s' '{json}'; exec >&-; sleep 0.2"))
        .interactive(false)
        .provide_credentials()
        .await
        .unwrap();
    assert_eq!(creds.access_key_id(), "AKIDLATE");
}

/// Peak resident memory of this test process, from /proc.
fn peak_rss_bytes() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap();
    let line = status.lines().find(|l| l.starts_with("VmHWM:")).unwrap();
    let kib: u64 = line.split_whitespace().nth(1).unwrap().parse().unwrap();
    kib * 1024
}

#[cfg(unix)]
#[tokio::test]
async fn a_helper_printing_400_mb_is_cut_off_at_1_mib() {
    let started = Instant::now();
    let err = ProcessCredentials::new("head -c 400000000 /dev/zero")
        .interactive(false)
        .provide_credentials()
        .await
        .unwrap_err();
    assert_eq!(err.kind(), CredentialsErrorKind::ProviderError);
    let message = err.to_string();
    assert!(
        message.contains(&format!("more than {MAX_PROCESS_OUTPUT} bytes")),
        "{message}"
    );
    assert!(started.elapsed() < Duration::from_secs(10));
    // Before the cap, reading it all peaked at ~387 MiB.
    let peak = peak_rss_bytes();
    assert!(peak < 128 * 1024 * 1024, "peak RSS {peak} bytes");
}

#[tokio::test]
async fn output_of_exactly_the_cap_is_not_too_much() {
    // 1 MiB of spaces before the JSON: within the cap, so it is parsed.
    let json = r#"{"Version":1,"AccessKeyId":"AKIDBIG","SecretAccessKey":"S"}"#;
    let padding = MAX_PROCESS_OUTPUT - json.len();
    let command = format!("head -c {padding} /dev/zero | tr '\\0' ' '; printf '%s' '{json}'");
    let creds = ProcessCredentials::new(command)
        .interactive(false)
        .provide_credentials()
        .await
        .unwrap();
    assert_eq!(creds.access_key_id(), "AKIDBIG");
}

#[tokio::test]
async fn a_helper_named_by_a_profile_times_out_too() {
    let dir = TempDir::new("profile-timeout");
    let config = dir.write("config", "[default]\ncredential_process = sleep 30\n");
    let env = Env::from_pairs([
        ("HOME", dir.path().to_string_lossy().as_ref()),
        ("AWS_CONFIG_FILE", config.as_str()),
        ("AWS_SHARED_CREDENTIALS_FILE", dir.missing("none").as_str()),
    ]);
    // Profiles get the default limit unless told otherwise.
    let provider = ProfileCredentials::new(env.clone());
    assert!(
        format!("{provider:?}").contains(&format!("process_timeout: {DEFAULT_PROCESS_TIMEOUT:?}")),
        "{provider:?}"
    );
    let started = Instant::now();
    let err = ProfileCredentials::new(env)
        .with_process_timeout(Duration::from_millis(300))
        .provide_credentials()
        .await
        .unwrap_err();
    assert_eq!(err.kind(), CredentialsErrorKind::Timeout, "{err}");
    assert!(started.elapsed() < Duration::from_secs(5));
}

#[test]
fn helpers_have_a_time_limit_by_default() {
    assert_eq!(DEFAULT_PROCESS_TIMEOUT, Duration::from_secs(120));
    let provider = ProcessCredentials::new("true");
    assert!(
        format!("{provider:?}").contains("timeout: Some(120s)"),
        "{provider:?}"
    );
}
