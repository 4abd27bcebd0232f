//! What the load drivers and the loopback server share: the fixed DataZone
//! `CreateUserProfile` exchange, the `ENDPOINT`/`N`/`C` interface, the
//! closed-loop driver and its one-line report.
#![warn(missing_docs, unreachable_pub, rust_2018_idioms)]

pub mod dynamodb;
pub mod server;
pub mod s3;

use std::future::Future;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// The domain every call creates its profile in.
pub const DOMAIN: &str = "dzd_4p9n6sw4qt9xgn";
/// The principal every call creates a profile for.
pub const USER: &str = "arn:aws:iam::123456789012:role/DataScientist";
/// The request path of `CreateUserProfile` in [`DOMAIN`].
pub const PATH: &str = "/v2/domains/dzd_4p9n6sw4qt9xgn/user-profiles";
/// The request body the raw driver sends (what an SDK sends, token fixed).
pub const REQUEST_BODY: &str =
    "{\"userIdentifier\":\"arn:aws:iam::123456789012:role/DataScientist\",\
\"userType\":\"IAM_ROLE\",\"clientToken\":\"6f1a3c2e-1b7d-4c55-9a0e-2f3b4c5d6e7f\"}";
/// The request id the server answers with.
pub const REQUEST_ID: &str = "0c0ffee0-1111-4222-8333-944445555666";
/// The 201 body the loopback server answers every request with: a real
/// `CreateUserProfileOutput`, with every member set, nested union included.
pub const RESPONSE_BODY: &str = "{\"domainId\":\"dzd_4p9n6sw4qt9xgn\",\
\"id\":\"5f3e8c2a-6b1d-4e9f-8a7c-0d2b4e6f8a1c\",\"type\":\"IAM\",\"status\":\"ASSIGNED\",\
\"details\":{\"iam\":{\"arn\":\"arn:aws:iam::123456789012:role/DataScientist\",\
\"principalId\":\"AROA123456789EXAMPLE\"}}}";

/// The static access key the drivers sign with.
pub const ACCESS_KEY: &str = "AKIDEXAMPLE";
/// The static secret key the drivers sign with.
pub const SECRET_KEY: &str = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
/// The region the drivers sign for.
pub const REGION: &str = "us-east-1";

/// The one interface of every load driver: environment variables
/// `ENDPOINT` (e.g. `http://127.0.0.1:8080`), `N` (calls) and `C`
/// (concurrency), plus `WARMUP` (untimed calls first; default `min(C, 1000)`).
#[derive(Debug, Clone)]
pub struct LoadConfig {
    /// The base URL of the server.
    pub endpoint: String,
    /// How many timed calls.
    pub n: usize,
    /// How many calls are in flight at once.
    pub c: usize,
    /// How many untimed calls open the connections first.
    pub warmup: usize,
}

impl LoadConfig {
    /// Reads `ENDPOINT`, `N`, `C` and `WARMUP`, or exits with a message.
    pub fn from_env() -> LoadConfig {
        let endpoint = std::env::var("ENDPOINT").unwrap_or_else(|_| {
            eprintln!("set ENDPOINT, e.g. ENDPOINT=http://127.0.0.1:8080");
            std::process::exit(2)
        });
        let n = env_usize("N", 20_000);
        let c = env_usize("C", 32).max(1);
        let warmup = env_usize("WARMUP", c.min(1000));
        LoadConfig {
            endpoint: endpoint.trim_end_matches('/').to_owned(),
            n,
            c,
            warmup,
        }
    }
}

fn env_usize(name: &str, default: usize) -> usize {
    match std::env::var(name) {
        Err(_) => default,
        Ok(text) => text.trim().parse().unwrap_or_else(|_| {
            eprintln!("{name} must be a non-negative integer, got {text:?}");
            std::process::exit(2)
        }),
    }
}

/// The drivers' runtime: multi-threaded tokio with two workers, the same for
/// every client so only the client differs.
pub fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("tokio runtime")
}

/// What a run measured.
#[derive(Debug, Clone)]
pub struct Report {
    /// Calls that succeeded.
    pub ok: usize,
    /// Calls attempted.
    pub n: usize,
    /// Wall-clock time of the timed calls.
    pub elapsed: Duration,
    /// Latency of every timed call, in microseconds, sorted.
    pub latencies_us: Vec<u32>,
    /// CPU time (user + system, all threads) this process spent on the timed
    /// calls, if `/proc` told: unlike calls/s, barely disturbed by other load.
    pub cpu: Option<Duration>,
}

impl Report {
    /// The latency at quantile `q` (0..=1), in microseconds.
    pub fn quantile_us(&self, q: f64) -> u32 {
        if self.latencies_us.is_empty() {
            return 0;
        }
        let rank = ((self.latencies_us.len() as f64) * q).ceil() as usize;
        self.latencies_us[rank.clamp(1, self.latencies_us.len()) - 1]
    }

    /// The final line: `<name> ok=<ok>/<N> secs=<s> calls_per_s=<x> p50_us=<x> p99_us=<x>`.
    pub fn line(&self, name: &str) -> String {
        let secs = self.elapsed.as_secs_f64();
        let rate = if secs > 0.0 {
            self.ok as f64 / secs
        } else {
            0.0
        };
        format!(
            "{name} ok={}/{} secs={secs:.3} calls_per_s={rate:.0} p50_us={} p99_us={}",
            self.ok,
            self.n,
            self.quantile_us(0.50),
            self.quantile_us(0.99),
        )
    }
}

/// Runs `config.warmup` untimed calls, then `config.n` timed calls, keeping
/// `config.c` in flight (closed loop: each of `c` tasks starts its next call
/// when its last one ends). `call` returns whether the call succeeded; the
/// first failure's text goes to stderr.
pub async fn drive<F, Fut>(config: &LoadConfig, call: F) -> Report
where
    F: Fn() -> Fut + Send + Sync + 'static,
    Fut: Future<Output = Result<(), String>> + Send + 'static,
{
    let call = Arc::new(call);
    if config.warmup > 0 {
        run_phase(config.warmup, config.c, call.clone()).await;
    }
    let cpu_before = process_cpu();
    let started = Instant::now();
    let (ok, mut latencies_us) = run_phase(config.n, config.c, call).await;
    let elapsed = started.elapsed();
    let cpu = match (cpu_before, process_cpu()) {
        (Some(before), Some(after)) => after.checked_sub(before),
        _ => None,
    };
    latencies_us.sort_unstable();
    Report {
        ok,
        n: config.n,
        elapsed,
        latencies_us,
        cpu,
    }
}

async fn run_phase<F, Fut>(n: usize, c: usize, call: Arc<F>) -> (usize, Vec<u32>)
where
    F: Fn() -> Fut + Send + Sync + 'static,
    Fut: Future<Output = Result<(), String>> + Send + 'static,
{
    let next = Arc::new(AtomicUsize::new(0));
    let failed = Arc::new(AtomicUsize::new(0));
    let mut tasks = Vec::with_capacity(c.min(n));
    for _ in 0..c.min(n) {
        let (next, failed, call) = (next.clone(), failed.clone(), call.clone());
        tasks.push(tokio::spawn(async move {
            let mut latencies = Vec::with_capacity(n / c + 1);
            let mut ok = 0usize;
            // Bounded: each index below n is taken exactly once.
            while next.fetch_add(1, Ordering::Relaxed) < n {
                let t0 = Instant::now();
                let result = call().await;
                latencies.push(t0.elapsed().as_micros().min(u32::MAX as u128) as u32);
                match result {
                    Ok(()) => ok += 1,
                    Err(e) => {
                        if failed.fetch_add(1, Ordering::Relaxed) == 0 {
                            eprintln!("first failure: {e}");
                        }
                    }
                }
            }
            (ok, latencies)
        }));
    }
    let mut ok = 0;
    let mut latencies = Vec::with_capacity(n);
    for task in tasks {
        let (task_ok, task_latencies) = task.await.expect("driver task panicked");
        ok += task_ok;
        latencies.extend(task_latencies);
    }
    (ok, latencies)
}

/// The CPU time of this process so far (user + system, all threads), from
/// `/proc/self/stat` (in clock ticks, assumed 100 per second as on Linux).
pub fn process_cpu() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the parenthesized command name; utime and stime are the
    // 14th and 15th fields of the whole line.
    let rest = &stat[stat.rfind(')')? + 2..];
    let mut fields = rest.split_ascii_whitespace().skip(11);
    let utime: u64 = fields.next()?.parse().ok()?;
    let stime: u64 = fields.next()?.parse().ok()?;
    Some(Duration::from_millis((utime + stime) * 10))
}

/// The process's peak resident set size (`VmHWM`), in KiB, if readable.
pub fn peak_rss_kb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    status
        .lines()
        .find_map(|line| line.strip_prefix("VmHWM:"))
        .and_then(|rest| rest.trim().trim_end_matches("kB").trim().parse().ok())
}

/// Runs a driver end to end: reads the config, builds the two-worker runtime,
/// builds the client with `setup` (inside the runtime), drives it, and prints
/// `peak_rss_kb=<x>` and `cpu_us_per_call=<x>` (the client process's CPU time
/// over the timed calls), then the final report line. Exits 1 unless every call
/// succeeded.
pub fn main_with<S, F, Fut>(name: &str, setup: S)
where
    S: FnOnce(&LoadConfig) -> F,
    F: Fn() -> Fut + Send + Sync + 'static,
    Fut: Future<Output = Result<(), String>> + Send + 'static,
{
    let config = LoadConfig::from_env();
    let rt = runtime();
    let report = rt.block_on(async {
        let call = setup(&config);
        drive(&config, call).await
    });
    drop(rt);
    if let Some(kb) = peak_rss_kb() {
        println!("peak_rss_kb={kb}");
    }
    if let Some(cpu) = report.cpu {
        let per_call = cpu.as_secs_f64() * 1e6 / report.n.max(1) as f64;
        println!("cpu_us_per_call={per_call:.1}");
    }
    println!("{}", report.line(name));
    if report.ok != report.n {
        std::process::exit(1);
    }
}
