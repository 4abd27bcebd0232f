//! What the `*-s3` drivers and `loopback-s3-server` share: the bucket and
//! key, the object's size (`SIZE_MB`), the one `ListObjectsV2` page the
//! server answers with (1,000 keys, as S3 writes it), and the driver side
//! of the transfer benchmarks (`OP=get|put`: one object moved `REPEAT`
//! times, the best kept, reported on one line).
//!
//! A transfer is measured once, whole (request to last byte), rather than
//! in the closed loop of [`crate::drive`]: what matters for a large object
//! is bytes per second and the memory a client needs to move it, not calls
//! per second.

use std::fmt::Write as _;
use std::future::Future;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use crate::{peak_rss_kb, process_cpu, runtime, LoadConfig};

/// The bucket every call addresses (path style: `/bench/...`).
pub const BUCKET: &str = "bench";
/// The key of the object GET and PUT move.
pub const KEY: &str = "object.bin";
/// How many keys the listing page holds (S3's most per page).
pub const LIST_KEYS: usize = 1000;
/// The `x-amz-request-id` the server answers with (S3's are 16 hex digits).
pub const S3_REQUEST_ID: &str = "4442587FB7D0A2F9";
/// The `x-amz-id-2` the server answers with (S3's extended request id).
pub const S3_ID_2: &str =
    "vlR7PnpV2Ce81l0PRw6jlUpck7Jo5ZsQjryTjKlc5aLWGVHPZLj5NeC6qMa0emYBDXOo6QBU0Wo=";
/// The ETag of the object, quoted as S3 sends it.
pub const OBJECT_ETAG: &str = "\"bench\"";
/// The object's `Last-Modified` (an HTTP date).
pub const OBJECT_LAST_MODIFIED: &str = "Wed, 02 Dec 2026 10:15:30 GMT";

/// The object's size in bytes: env `SIZE_MB` MiB (default 1024, 1 GiB), or
/// exits with a message.
pub fn object_size() -> u64 {
    let mib: u64 = match std::env::var("SIZE_MB") {
        Err(_) => 1024,
        Ok(text) => text.trim().parse().unwrap_or_else(|_| {
            eprintln!("SIZE_MB must be a whole number of MiB, got {text:?}");
            std::process::exit(2)
        }),
    };
    mib * 1024 * 1024
}

/// A 64-bit mixer (splitmix64's finalizer): the page's ETags, sizes and
/// token vary from key to key like real ones, yet every build writes the
/// same page.
fn mix(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
}

/// The `NextContinuationToken` of the page: an opaque base64 string of the
/// length S3's have (44 characters).
pub fn next_continuation_token() -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut token: String = (0..43)
        .map(|i| ALPHABET[(mix(0x70_6b_65_6e + i) % 64) as usize] as char)
        .collect();
    token.push('=');
    token
}

/// The `ListObjectsV2` answer for [`BUCKET`]: the first of many pages
/// (`IsTruncated` true), [`LIST_KEYS`] objects under
/// `logs/2026/12/02/`, each with its key, `LastModified`, quoted ETag
/// (`&quot;` as S3 escapes it), size, storage class and checksum
/// algorithm, in S3's element order. About 250 KB.
pub fn list_objects_v2_page() -> String {
    let mut xml = String::with_capacity(LIST_KEYS * 260 + 512);
    xml.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    xml.push_str("<ListBucketResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">");
    // The request names no prefix, and S3 then sends an empty Prefix.
    let _ = write!(
        xml,
        "<Name>{BUCKET}</Name><Prefix></Prefix><NextContinuationToken>{}</NextContinuationToken>\
         <KeyCount>{LIST_KEYS}</KeyCount><MaxKeys>1000</MaxKeys><IsTruncated>true</IsTruncated>",
        next_continuation_token()
    );
    for i in 0..LIST_KEYS as u64 {
        let (a, b) = (mix(2 * i), mix(2 * i + 1));
        // One part every 37 seconds from 00:00:00: all on 2026-12-02.
        let at = i * 37;
        let (h, m, s) = (at / 3600, at / 60 % 60, at % 60);
        // Compressed log parts of 64 KiB to 8 MiB.
        let size = 65_536 + a % (8 * 1024 * 1024 - 65_536);
        let _ = write!(
            xml,
            "<Contents><Key>logs/2026/12/02/part-{i:06}.json.gz</Key>\
             <LastModified>2026-12-02T{h:02}:{m:02}:{s:02}.{:03}Z</LastModified>\
             <ETag>&quot;{a:016x}{b:016x}&quot;</ETag><ChecksumAlgorithm>CRC32</ChecksumAlgorithm>\
             <Size>{size}</Size><StorageClass>STANDARD</StorageClass></Contents>",
            b % 1000
        );
    }
    xml.push_str("</ListBucketResult>");
    xml
}

/// What an `*-s3` driver does: env `OP` = `get`, `put` or `list`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum S3Op {
    /// `GetObject` of [`KEY`], the body streamed and counted.
    Get,
    /// `PutObject` of [`KEY`] from the file at `FILE`.
    Put,
    /// `ListObjectsV2` of [`BUCKET`] in the closed loop of [`crate::main_with`].
    List,
}

impl S3Op {
    /// Reads `OP`, or exits with a message.
    pub fn from_env() -> S3Op {
        match std::env::var("OP").as_deref() {
            Ok("get") => S3Op::Get,
            Ok("put") => S3Op::Put,
            Ok("list") => S3Op::List,
            other => {
                eprintln!("OP must be get, put or list, got {other:?}");
                std::process::exit(2)
            }
        }
    }

    /// `get`, `put` or `list`.
    pub fn name(self) -> &'static str {
        match self {
            S3Op::Get => "get",
            S3Op::Put => "put",
            S3Op::List => "list",
        }
    }
}

/// The interface of a transfer run: `ENDPOINT`, `SIZE_MB`, `REPEAT`
/// (default 3) and, for `put`, `FILE` (a file of exactly `SIZE_MB` MiB).
#[derive(Debug, Clone)]
pub struct TransferConfig {
    /// The base URL of the server.
    pub endpoint: String,
    /// `get` or `put`.
    pub op: S3Op,
    /// The object's size in bytes.
    pub size: u64,
    /// The file a `put` uploads.
    pub file: PathBuf,
    /// How many transfers; the fastest is reported.
    pub repeat: usize,
}

impl TransferConfig {
    /// Reads the environment, or exits with a message.
    pub fn from_env(op: S3Op) -> TransferConfig {
        let endpoint = LoadConfig::from_env().endpoint;
        let size = object_size();
        let repeat = match std::env::var("REPEAT") {
            Err(_) => 3,
            Ok(text) => text.trim().parse().unwrap_or_else(|_| {
                eprintln!("REPEAT must be a positive integer, got {text:?}");
                std::process::exit(2)
            }),
        };
        let file = PathBuf::from(std::env::var_os("FILE").unwrap_or_default());
        if op == S3Op::Put {
            // Reported bytes are the file's: it must be the object the
            // other drivers move, or the comparison is of different work.
            match std::fs::metadata(&file) {
                Ok(meta) if meta.len() == size => {}
                Ok(meta) => {
                    eprintln!(
                        "FILE {} has {} bytes, SIZE_MB says {size}",
                        file.display(),
                        meta.len()
                    );
                    std::process::exit(2)
                }
                Err(e) => {
                    eprintln!("set FILE to a file of SIZE_MB MiB ({:?}: {e})", file);
                    std::process::exit(2)
                }
            }
        }
        TransferConfig {
            endpoint,
            op,
            size,
            file,
            repeat: repeat.max(1),
        }
    }
}

/// Runs a transfer driver end to end: reads the config, builds the
/// two-worker runtime, builds the client with `setup` (inside the runtime),
/// runs `REPEAT` transfers one after another (each must move exactly the
/// object's size), and prints `peak_rss_kb=<VmHWM>`, `cpu_ms=<the process's
/// CPU over the fastest transfer>` and the final line
/// `<name> op=<op> bytes=<b> secs=<s> mb_per_s=<x>` (MB = 10^6 bytes).
/// Exits 1 at the first failure.
pub fn transfer_main<S, F, Fut>(name: &str, op: S3Op, setup: S)
where
    S: FnOnce(&TransferConfig) -> F,
    F: Fn() -> Fut,
    Fut: Future<Output = Result<u64, String>>,
{
    let config = TransferConfig::from_env(op);
    let rt = runtime();
    let (best, cpu) = rt.block_on(async {
        let transfer = setup(&config);
        let mut best: Option<(Duration, Option<Duration>)> = None;
        for attempt in 1..=config.repeat {
            let cpu_before = process_cpu();
            let started = Instant::now();
            let result = transfer().await;
            let elapsed = started.elapsed();
            let cpu = match (cpu_before, process_cpu()) {
                (Some(before), Some(after)) => after.checked_sub(before),
                _ => None,
            };
            match result {
                Ok(bytes) if bytes == config.size => {}
                Ok(bytes) => {
                    eprintln!(
                        "{name}: transfer {attempt} moved {bytes} bytes, not {}",
                        config.size
                    );
                    std::process::exit(1)
                }
                Err(e) => {
                    eprintln!("{name}: transfer {attempt} failed: {e}");
                    std::process::exit(1)
                }
            }
            if best.is_none_or(|(fastest, _)| elapsed < fastest) {
                best = Some((elapsed, cpu));
            }
        }
        best.expect("at least one transfer")
    });
    drop(rt);
    if let Some(kb) = peak_rss_kb() {
        println!("peak_rss_kb={kb}");
    }
    if let Some(cpu) = cpu {
        println!("cpu_ms={}", cpu.as_millis());
    }
    let secs = best.as_secs_f64();
    let rate = if secs > 0.0 {
        config.size as f64 / 1e6 / secs
    } else {
        0.0
    };
    println!(
        "{name} op={} bytes={} secs={secs:.4} mb_per_s={rate:.1}",
        op.name(),
        config.size
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_is_deterministic_and_holds_1000_keys() {
        let page = list_objects_v2_page();
        assert_eq!(page, list_objects_v2_page());
        assert_eq!(page.matches("<Contents>").count(), LIST_KEYS);
        assert_eq!(page.matches("&quot;").count(), 2 * LIST_KEYS);
        assert!(page.contains("<Key>logs/2026/12/02/part-000123.json.gz</Key>"));
        assert!(page.contains("<LastModified>2026-12-02T00:00:00."));
        assert!(!page.contains("<ETag>\""));
        assert_eq!(next_continuation_token().len(), 44);
    }
}
