//! Clock skew: when the service refuses a request as signed at the wrong
//! time (`RequestTimeTooSkewed`, `InvalidSignatureException`,
//! `SignatureDoesNotMatch`) and its `Date` header is far from our clock, the
//! client learns the offset, signs again with the corrected time and
//! succeeds, as the AWS SDKs do. A refusal that the clock cannot explain is
//! not retried.

use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime};

use awsop::datazone::{CreateUserProfile, UserType};
use awsop::runtime::error::{DispatchError, ErrorKind};
use awsop::runtime::http::{HttpRequest, HttpResponse};
use awsop::runtime::retry::INITIAL_RETRY_TOKENS;
use awsop::runtime::time::{format_http_date, TimeSource};
use awsop::runtime::transport::{HttpClient, HyperClient, ReplayClient, TransportSettings};
use awsop::runtime::BoxFuture;
use awsop::{Client, Credentials};
use awsop_emulator::Emulator;

const HOUR: i64 = 3_600;

/// One exchange as the transport saw it.
#[derive(Debug, Clone)]
struct Exchange {
    amz_date: String,
    status: Option<u16>,
    code: Option<String>,
    date: Option<String>,
}

/// Wraps the real transport and records each request's `x-amz-date` and
/// the status, error code and `Date` of its answer.
#[derive(Debug)]
struct Tap {
    inner: Arc<dyn HttpClient>,
    log: Arc<Mutex<Vec<Exchange>>>,
}

impl HttpClient for Tap {
    fn call(&self, request: HttpRequest) -> BoxFuture<'_, Result<HttpResponse, DispatchError>> {
        let amz_date = request
            .headers
            .get("x-amz-date")
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned();
        Box::pin(async move {
            let result = self.inner.call(request).await;
            let response = result.as_ref().ok();
            let header = |name: &str| response.and_then(|r| r.header(name)).map(str::to_owned);
            self.log.lock().unwrap().push(Exchange {
                amz_date,
                status: response.map(|r| r.status),
                code: header("x-amzn-errortype")
                    .map(|c| c.split(':').next().unwrap_or_default().to_owned()),
                date: header("date"),
            });
            result
        })
    }
}

/// `YYYYMMDDTHHMMSSZ` as seconds since the epoch.
fn amz_seconds(text: &str) -> i64 {
    let n = |range: std::ops::Range<usize>| -> i64 { text[range].parse().unwrap() };
    let (y, m, d) = (n(0..4), n(4..6), n(6..8));
    let (hh, mm, ss) = (n(9..11), n(11..13), n(13..15));
    // Days from civil (Howard Hinnant's algorithm).
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * ((m + 9) % 12) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe - 719_468;
    days * 86_400 + hh * 3_600 + mm * 60 + ss
}

fn create(user: &str) -> CreateUserProfile {
    CreateUserProfile {
        domain_identifier: "dzd_skew".into(),
        user_identifier: format!("arn:aws:iam::123456789012:role/{user}"),
        user_type: Some(UserType::IamRole),
        ..Default::default()
    }
}

fn tapped_client(emulator: &Emulator, log: &Arc<Mutex<Vec<Exchange>>>) -> Client {
    Client::builder()
        .region(emulator.region())
        .credentials(emulator.credentials())
        .endpoint_url(emulator.endpoint_url())
        .http_client(Tap {
            inner: Arc::new(HyperClient::new(TransportSettings::default()).unwrap()),
            log: log.clone(),
        })
        .build()
        .unwrap()
}

async fn corrects(offset_secs: i64) {
    let emulator = Emulator::start().await;
    emulator.set_clock_offset_secs(offset_secs);
    let log = Arc::new(Mutex::new(Vec::new()));
    let client = tapped_client(&emulator, &log);

    let created = create("first").send(&client).await;
    assert!(created.is_ok(), "{created:?}");
    let exchanges = log.lock().unwrap().clone();
    assert_eq!(
        exchanges.len(),
        2,
        "one refusal, one success: {exchanges:#?}"
    );
    let (refused, accepted) = (&exchanges[0], &exchanges[1]);
    assert_eq!(refused.status, Some(403));
    assert_eq!(refused.code.as_deref(), Some("InvalidSignatureException"));
    assert!(
        refused.date.is_some(),
        "the refusal carries the server's Date"
    );
    assert_eq!(accepted.status, Some(201));
    // The retry was signed on the server's clock.
    let moved = amz_seconds(&accepted.amz_date) - amz_seconds(&refused.amz_date);
    assert!(
        (moved - offset_secs).abs() <= 5,
        "signing time moved by {moved}s"
    );
    let learned = client.clock_skew().as_secs() as i64;
    assert!(
        (learned - offset_secs.abs()).abs() <= 5,
        "learned {learned}s"
    );
    // The fault was ours and is fixed: the retry cost no quota.
    assert_eq!(client.retry_quota_available(), INITIAL_RETRY_TOKENS);

    // Later calls are signed right the first time.
    let again = create("second").send(&client).await;
    assert!(again.is_ok(), "{again:?}");
    let exchanges = log.lock().unwrap().clone();
    assert_eq!(exchanges.len(), 3);
    assert_eq!(exchanges[2].status, Some(201));
    assert_eq!(emulator.profile_count(), 2);
}

#[tokio::test]
async fn a_server_an_hour_ahead_is_followed() {
    corrects(HOUR).await;
}

#[tokio::test]
async fn a_server_an_hour_behind_is_followed() {
    corrects(-HOUR).await;
}

#[tokio::test]
async fn a_skew_within_the_allowed_window_needs_no_retry() {
    let emulator = Emulator::start().await;
    emulator.set_clock_offset_secs(120);
    let log = Arc::new(Mutex::new(Vec::new()));
    let client = tapped_client(&emulator, &log);
    create("within").send(&client).await.expect("accepted");
    assert_eq!(log.lock().unwrap().len(), 1);
    assert_eq!(client.clock_skew(), Duration::ZERO);
}

/// A clock stuck two hours in the past.
#[derive(Debug)]
struct Behind;

impl TimeSource for Behind {
    fn now(&self) -> SystemTime {
        SystemTime::now() - Duration::from_secs(2 * 3_600)
    }
}

#[tokio::test]
async fn a_client_clock_two_hours_slow_is_corrected() {
    let emulator = Emulator::start().await;
    let log = Arc::new(Mutex::new(Vec::new()));
    let client = Client::builder()
        .region(emulator.region())
        .credentials(emulator.credentials())
        .endpoint_url(emulator.endpoint_url())
        .time_source(Behind)
        .http_client(Tap {
            inner: Arc::new(HyperClient::new(TransportSettings::default()).unwrap()),
            log: log.clone(),
        })
        .build()
        .unwrap();
    create("slow").send(&client).await.expect("corrected");
    assert_eq!(log.lock().unwrap().len(), 2);
    let learned = client.clock_skew().as_secs();
    assert!(learned.abs_diff(7_200) <= 5, "learned {learned}s");
}

#[tokio::test]
async fn a_wrong_secret_is_not_blamed_on_the_clock() {
    let emulator = Emulator::start().await;
    let log = Arc::new(Mutex::new(Vec::new()));
    let client = Client::builder()
        .region(emulator.region())
        .credentials(Credentials::new(
            emulator.credentials().access_key_id(),
            "not-the-secret",
            None,
            None,
            "test",
        ))
        .endpoint_url(emulator.endpoint_url())
        .max_attempts(5)
        .http_client(Tap {
            inner: Arc::new(HyperClient::new(TransportSettings::default()).unwrap()),
            log: log.clone(),
        })
        .build()
        .unwrap();
    let err = create("wrong").send(&client).await.expect_err("refused");
    assert_eq!(err.kind(), ErrorKind::Service);
    assert_eq!(err.code(), Some("InvalidSignatureException"));
    assert_eq!(log.lock().unwrap().len(), 1, "no retry: the clocks agree");
    // At most the sub-second rounding of the `Date` header was learned.
    assert!(
        client.clock_skew() < Duration::from_secs(2),
        "{:?}",
        client.clock_skew()
    );
}

/// Each of the codes AWS uses for a stale signature, answered once with a
/// `Date` an hour ahead, then a success.
#[tokio::test]
async fn every_skew_code_is_corrected() {
    for code in [
        "RequestTimeTooSkewed",
        "InvalidSignatureException",
        "SignatureDoesNotMatch",
    ] {
        let server_now = SystemTime::now() + Duration::from_secs(HOUR as u64);
        let mut refusal = HttpResponse::new(403, format!(r#"{{"message":"{code}"}}"#));
        refusal
            .headers
            .insert("x-amzn-errortype", code.parse().unwrap());
        refusal
            .headers
            .insert("date", format_http_date(server_now).parse().unwrap());
        let success = HttpResponse::new(201, r#"{"id":"p-1","domainId":"dzd_skew"}"#);
        let replay = Arc::new(ReplayClient::new([Ok(refusal), Ok(success)]));
        let log = Arc::new(Mutex::new(Vec::new()));
        let client = Client::builder()
            .region("us-east-1")
            .credentials(Credentials::new("AKID", "SECRET", None, None, "test"))
            .http_client(Tap {
                inner: replay.clone(),
                log: log.clone(),
            })
            .build()
            .unwrap();
        let out = create("codes").send(&client).await;
        let id = out.unwrap_or_else(|e| panic!("{code}: {e:?}")).id;
        assert_eq!(id.as_deref(), Some("p-1"), "{code}");
        let exchanges = log.lock().unwrap().clone();
        assert_eq!(exchanges.len(), 2, "{code}");
        let moved = amz_seconds(&exchanges[1].amz_date) - amz_seconds(&exchanges[0].amz_date);
        assert!((moved - HOUR).abs() <= 5, "{code}: moved {moved}s");
    }
}

/// Answers the first `poisoned.len()` requests itself, each with a 403
/// `InvalidSignatureException` carrying that `Date` (what a hostile proxy
/// or a broken middlebox could send), and sends the rest to `inner`.
#[derive(Debug)]
struct Poisoner {
    poisoned: Mutex<std::collections::VecDeque<String>>,
    inner: Tap,
}

impl HttpClient for Poisoner {
    fn call(&self, request: HttpRequest) -> BoxFuture<'_, Result<HttpResponse, DispatchError>> {
        let Some(date) = self.poisoned.lock().unwrap().pop_front() else {
            return self.inner.call(request);
        };
        let amz_date = request
            .headers
            .get("x-amz-date")
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned();
        let mut refusal = HttpResponse::new(403, r#"{"message":"Signature expired"}"#);
        refusal.headers.insert(
            "x-amzn-errortype",
            "InvalidSignatureException".parse().unwrap(),
        );
        refusal.headers.insert("date", date.parse().unwrap());
        self.inner.log.lock().unwrap().push(Exchange {
            amz_date,
            status: Some(403),
            code: Some("InvalidSignatureException".into()),
            date: Some(date),
        });
        Box::pin(async move { Ok(refusal) })
    }
}

fn poisoned_client(emulator: &Emulator, dates: &[&str], log: &Arc<Mutex<Vec<Exchange>>>) -> Client {
    Client::builder()
        .region(emulator.region())
        .credentials(emulator.credentials())
        .endpoint_url(emulator.endpoint_url())
        .http_client(Poisoner {
            poisoned: Mutex::new(dates.iter().map(|d| d.to_string()).collect()),
            inner: Tap {
                inner: Arc::new(HyperClient::new(TransportSettings::default()).unwrap()),
                log: log.clone(),
            },
        })
        .build()
        .unwrap()
}

fn now_secs() -> i64 {
    SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64
}

/// Issue 17, attack 1: one refusal dated 1900 used to make every later
/// call fail before sending ("invalid signing time: before 1970").
#[tokio::test]
async fn a_date_in_1900_does_not_break_later_calls() {
    let emulator = Emulator::start().await;
    let log = Arc::new(Mutex::new(Vec::new()));
    let client = poisoned_client(&emulator, &["Mon, 01 Jan 1900 00:00:00 GMT"], &log);

    let err = create("poisoned").send(&client).await.expect_err("refused");
    assert_eq!(err.code(), Some("InvalidSignatureException"));
    assert_eq!(
        log.lock().unwrap().len(),
        1,
        "an absurd Date is no reason to retry"
    );
    assert_eq!(client.clock_skew(), Duration::ZERO);

    for user in ["after-1", "after-2"] {
        let created = create(user).send(&client).await;
        assert!(created.is_ok(), "{created:?}");
    }
    let exchanges = log.lock().unwrap().clone();
    assert_eq!(exchanges.len(), 3, "{exchanges:#?}");
    for later in &exchanges[1..] {
        assert_eq!(later.status, Some(201));
        assert!((amz_seconds(&later.amz_date) - now_secs()).abs() <= 5);
    }
}

/// Issue 17, attack 1: a refusal dated 9999 used to make the client sign
/// every later request for the year 9999.
#[tokio::test]
async fn a_date_in_year_9999_does_not_make_the_client_sign_far_future_times() {
    let emulator = Emulator::start().await;
    let log = Arc::new(Mutex::new(Vec::new()));
    let client = poisoned_client(&emulator, &["Fri, 31 Dec 9999 23:59:59 GMT"], &log);

    let err = create("poisoned").send(&client).await.expect_err("refused");
    assert_eq!(err.code(), Some("InvalidSignatureException"));
    assert_eq!(client.clock_skew(), Duration::ZERO);

    create("after")
        .send(&client)
        .await
        .expect("signed on our clock");
    let exchanges = log.lock().unwrap().clone();
    assert_eq!(exchanges.len(), 2, "{exchanges:#?}");
    let signed = amz_seconds(&exchanges[1].amz_date);
    assert!(
        (signed - now_secs()).abs() <= 5,
        "signed for {}",
        exchanges[1].amz_date
    );
}

/// Issue 17, attack 1: a `Date` inside the window (20 h ahead) is learned,
/// but the real server's next refusal, with its correct `Date`, puts the
/// offset back, and the call succeeds.
#[tokio::test]
async fn a_later_correct_date_fixes_a_poisoned_offset() {
    let emulator = Emulator::start().await;
    let log = Arc::new(Mutex::new(Vec::new()));
    let ahead = format_http_date(SystemTime::now() + Duration::from_secs(20 * HOUR as u64));
    let client = poisoned_client(&emulator, &[&ahead], &log);

    // Refused by the poisoner; the retry is signed 20 h ahead, which the
    // emulator refuses with its own Date; the third attempt is right.
    create("poisoned").send(&client).await.expect("corrected");
    let exchanges = log.lock().unwrap().clone();
    assert_eq!(exchanges.len(), 3, "{exchanges:#?}");
    let moved = amz_seconds(&exchanges[1].amz_date) - amz_seconds(&exchanges[0].amz_date);
    assert!((moved - 20 * HOUR).abs() <= 5, "moved {moved}s");
    assert_eq!(exchanges[1].status, Some(403));
    assert_eq!(exchanges[2].status, Some(201));
    assert!((amz_seconds(&exchanges[2].amz_date) - now_secs()).abs() <= 5);
    assert!(
        client.clock_skew() < Duration::from_secs(5),
        "{:?}",
        client.clock_skew()
    );

    // Later calls are signed right the first time.
    create("again").send(&client).await.expect("accepted");
    assert_eq!(log.lock().unwrap().len(), 4);
}
