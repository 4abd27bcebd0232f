//! awsop's per-call codec work for DataZone CreateUserProfile: request
//! serialization (`Operation::serialize`) and output parsing
//! (`Operation::parse_output`) of the loopback server's 201 answer.
//!
//! `cargo bench --bench codec`

use std::hint::black_box;

use awsop::datazone::{CreateUserProfile, UserType};
use awsop::runtime::http::HttpResponse;
use awsop::runtime::operation::Operation;
use awsop_bench::{DOMAIN, REQUEST_ID, RESPONSE_BODY, USER};
use criterion::{criterion_group, criterion_main, Criterion};

fn codec(c: &mut Criterion) {
    let input = CreateUserProfile {
        domain_identifier: DOMAIN.into(),
        user_identifier: USER.into(),
        user_type: Some(UserType::IamRole),
        client_token: Some("6f1a3c2e-1b7d-4c55-9a0e-2f3b4c5d6e7f".into()),
        ..Default::default()
    };
    let request = input.serialize().expect("serializes");
    assert_eq!(request.uri, awsop_bench::PATH);
    assert_eq!(&request.body[..], awsop_bench::REQUEST_BODY.as_bytes());

    let mut response = HttpResponse::new(201, RESPONSE_BODY);
    response.headers.insert(
        "content-type",
        http::HeaderValue::from_static("application/json"),
    );
    response.headers.insert(
        "x-amzn-requestid",
        http::HeaderValue::from_static(REQUEST_ID),
    );
    let output = CreateUserProfile::parse_output(&response).expect("parses");
    assert!(output.id.is_some() && output.details.is_some());

    let mut group = c.benchmark_group("awsop_create_user_profile");
    group.bench_function("serialize", |b| {
        b.iter(|| black_box(&input).serialize().unwrap())
    });
    group.bench_function("parse_output", |b| {
        b.iter(|| CreateUserProfile::parse_output(black_box(&response)).unwrap())
    });
    group.finish();
}

criterion_group!(benches, codec);
criterion_main!(benches);
