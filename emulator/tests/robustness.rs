//! Garbage in: random and mutated requests must get a 4xx/5xx answer or a
//! closed connection, and never a panic in the emulator. Alone in its test
//! binary so a panic hook can count panics from any thread.

mod common;

use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use awsop_emulator::{Emulator, EmulatorConfig};
use common::{Harness, Req, DOMAIN, ROLE_ARN};
use serde_json::json;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

static PANICS: AtomicUsize = AtomicUsize::new(0);

/// A tiny deterministic generator for the test's own choices.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Sends `bytes`, half-closes, and returns what came back (or nothing).
async fn exchange(h: &Harness, bytes: &[u8]) -> Vec<u8> {
    let mut stream = h.connect().await;
    let _ = stream.write_all(bytes).await;
    let _ = stream.shutdown().await;
    let mut out = Vec::new();
    let read = tokio::time::timeout(Duration::from_secs(5), stream.read_to_end(&mut out)).await;
    assert!(
        read.is_ok(),
        "the emulator hung on {:?}",
        String::from_utf8_lossy(bytes)
    );
    out
}

fn mutate(rng: &mut Lcg, base: &[u8]) -> Vec<u8> {
    let mut bytes = base.to_vec();
    match rng.below(6) {
        0 => bytes.truncate(rng.below(base.len() + 1)),
        1 => {
            for _ in 0..=rng.below(8) {
                let i = rng.below(bytes.len());
                bytes[i] = rng.next() as u8;
            }
        }
        2 => {
            let i = rng.below(bytes.len());
            let junk: Vec<u8> = (0..rng.below(64)).map(|_| rng.next() as u8).collect();
            bytes.splice(i..i, junk);
        }
        3 => {
            let i = rng.below(bytes.len());
            let j = (i + rng.below(32)).min(bytes.len());
            bytes.drain(i..j);
        }
        4 => bytes = (0..rng.below(512)).map(|_| rng.next() as u8).collect(),
        _ => {
            let copy = bytes.clone();
            bytes.extend_from_slice(&copy);
        }
    }
    bytes
}

#[tokio::test]
async fn garbage_never_panics_or_hangs() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        PANICS.fetch_add(1, Ordering::SeqCst);
        previous(info);
    }));

    let config = EmulatorConfig::builder()
        .idle_timeout(Duration::from_secs(2))
        .max_header_bytes(4096)
        .max_body_bytes(4096)
        .build();
    let h = Harness::with(Emulator::start_with(config).await.unwrap()).await;
    let signer = h.signer();
    let bases: Vec<Vec<u8>> = vec![
        h.encode(
            &Req::new("POST", &format!("/v2/domains/{DOMAIN}/user-profiles")).json(
                &json!({"userIdentifier": ROLE_ARN, "userType": "IAM_ROLE", "clientToken": "x"}),
            ),
            Some(&signer),
        ),
        h.encode(
            &Req::new(
                "POST",
                &format!("/v2/domains/{DOMAIN}/search-user-profiles"),
            )
            .json(&json!({"userType": "DATAZONE_USER", "maxResults": 2, "searchText": "é😀"})),
            Some(&signer),
        ),
        h.encode(
            &Req::new(
                "GET",
                &format!("/v2/domains/{DOMAIN}/user-profiles/a%2Fb?type=IAM&sessionName=s1"),
            ),
            Some(&signer),
        ),
        h.encode(
            &Req::new("PUT", &format!("/v2/domains/{DOMAIN}/user-profiles/jane"))
                .json(&json!({"status": "ACTIVATED", "type": "SSO"})),
            Some(&signer),
        ),
    ];
    let crafted: Vec<Vec<u8>> = vec![
        b"GET / HTTP/1.1\r\nHost: h\r\nContent-Length: 18446744073709551616\r\n\r\n".to_vec(),
        b"GET /%%%%%% HTTP/1.1\r\nHost: h\r\n\r\n".to_vec(),
        b"\0\0\0\0\r\n\r\n".to_vec(),
        b"GET / HTTP/1.1\r\nHost: h\r\nAuthorization: AWS4-HMAC-SHA256 \r\n\r\n".to_vec(),
        b"GET / HTTP/1.1\r\nHost: h\r\nAuthorization: AWS4-HMAC-SHA256 Credential=a/b/c/d/aws4_request, SignedHeaders=host, Signature=0000000000000000000000000000000000000000000000000000000000000000\r\nX-Amz-Date: 99999999T999999Z\r\n\r\n".to_vec(),
        format!("GET /{} HTTP/1.1\r\nHost: h\r\n\r\n", "%E2%82".repeat(200)).into_bytes(),
    ];

    let mut rng = Lcg(2024);
    let mut answered = 0;
    for i in 0..400 {
        let bytes = if i < crafted.len() {
            crafted[i].clone()
        } else {
            let base = &bases[rng.below(bases.len())];
            mutate(&mut rng, base)
        };
        let out = exchange(&h, &bytes).await;
        if !out.is_empty() {
            answered += 1;
            assert!(
                out.starts_with(b"HTTP/1.1 "),
                "not an HTTP response: {:?}",
                String::from_utf8_lossy(&out)
            );
        }
    }
    assert!(answered > 100, "only {answered} answers");

    // Still healthy.
    let reply = h.create(json!({"userIdentifier": "after-the-storm"})).await;
    assert_eq!(reply.status, 201);
    assert_eq!(PANICS.load(Ordering::SeqCst), 0, "the emulator panicked");
}
