//! SigV4 signing of the DESIGN golden request (DataZone CreateUserProfile,
//! 2015-08-30T12:36:00Z), by awsop and by the `aws-sigv4` crate, in one group.
//!
//! `cargo bench --bench sigv4`

use std::hint::black_box;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use awsop::runtime::http::HttpRequest;
use awsop::runtime::sigv4::{self, SigningKeyCache};
use criterion::{criterion_group, criterion_main, BatchSize, Criterion};

const URL: &str = "https://datazone.us-east-1.api.aws/v2/domains/dzd_4p9n6sw4qt9xgn/user-profiles";
const BODY: &str = "{\"userIdentifier\": \"arn:aws:iam::123456789012:role/DataScientist\", \
\"userType\": \"IAM_ROLE\", \"clientToken\": \"6f1a3c2e-1b7d-4c55-9a0e-2f3b4c5d6e7f\"}";
const GOLDEN_SIGNATURE: &str = "5ee93db449cadb7ad497ff3594ace74ca8c50954c81f257b11c3773a250b162d";
const HEADERS: &[(&str, &str)] = &[("content-type", "application/json")];

fn golden_time() -> SystemTime {
    UNIX_EPOCH + Duration::from_secs(1_440_938_160)
}

fn signing(c: &mut Criterion) {
    // awsop
    let credentials = awsop::Credentials::new(
        awsop_bench::ACCESS_KEY,
        awsop_bench::SECRET_KEY,
        None,
        None,
        "static",
    );
    let settings = sigv4::SigningSettings::default();
    let params = sigv4::SigningParams {
        identity: credentials.signing_identity(),
        region: "us-east-1",
        service: "datazone",
        time: golden_time(),
        settings: &settings,
    };
    let request = sigv4::SignableRequest {
        method: "POST",
        uri: URL,
        headers: HEADERS,
        body: BODY.as_bytes(),
    };
    let out = sigv4::sign_headers(&request, &params).expect("awsop signs");
    assert_eq!(out.signature, GOLDEN_SIGNATURE, "awsop: golden signature");

    let mut http_request = HttpRequest::new(http::Method::POST, URL);
    http_request.headers.insert(
        http::header::CONTENT_TYPE,
        http::HeaderValue::from_static("application/json"),
    );
    http_request.body = bytes::Bytes::from_static(BODY.as_bytes());
    let cache = SigningKeyCache::default();
    let mut signed = http_request.clone();
    sigv4::sign_request(&mut signed, &params, &cache).expect("awsop sign_request");
    let authorization = signed.headers["authorization"].to_str().unwrap().to_owned();
    assert!(authorization.ends_with(GOLDEN_SIGNATURE), "{authorization}");

    // aws-sigv4
    use aws_sigv4::http_request as sdk;
    let identity: aws_smithy_runtime_api::client::identity::Identity =
        aws_credential_types::Credentials::new(
            awsop_bench::ACCESS_KEY,
            awsop_bench::SECRET_KEY,
            None,
            None,
            "static",
        )
        .into();
    let sdk_params: aws_sigv4::http_request::SigningParams<'_> =
        aws_sigv4::sign::v4::SigningParams::builder()
            .identity(&identity)
            .region("us-east-1")
            .name("datazone")
            .time(golden_time())
            .settings(sdk::SigningSettings::default())
            .build()
            .expect("aws-sigv4 params")
            .into();
    let sdk_sign = || {
        let signable = sdk::SignableRequest::new(
            "POST",
            URL,
            HEADERS.iter().copied(),
            sdk::SignableBody::Bytes(BODY.as_bytes()),
        )
        .expect("signable");
        sdk::sign(signable, &sdk_params).expect("aws-sigv4 signs")
    };
    assert_eq!(
        sdk_sign().signature(),
        GOLDEN_SIGNATURE,
        "aws-sigv4: golden signature"
    );

    let mut group = c.benchmark_group("sigv4_golden_request");
    group.bench_function("awsop/sign_headers", |b| {
        b.iter(|| sigv4::sign_headers(black_box(&request), black_box(&params)).unwrap())
    });
    group.bench_function("awsop/sign_request_cached_key", |b| {
        b.iter_batched(
            || http_request.clone(),
            |mut req| {
                sigv4::sign_request(&mut req, black_box(&params), &cache).unwrap();
                req
            },
            BatchSize::SmallInput,
        )
    });
    group.bench_function("aws-sigv4/sign", |b| b.iter(|| black_box(sdk_sign())));
    group.finish();
}

criterion_group!(benches, signing);
criterion_main!(benches);
