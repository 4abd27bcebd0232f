//! awsop's per-call codec work: request serialization
//! (`Operation::serialize`) and output parsing (`Operation::parse_output`)
//! of what the loopback servers answer — DataZone CreateUserProfile's 201
//! (restJson1), DynamoDB GetItem's item (awsJson1.0) and a ListObjectsV2
//! page of 1,000 keys (restXml).
//!
//! `cargo bench --bench codec`

use std::hint::black_box;

use awsop::datazone::{CreateUserProfile, UserType};
use awsop::runtime::http::HttpResponse;
use awsop::runtime::operation::Operation;
use awsop::s3::ListObjectsV2;
use awsop_bench::dynamodb::{self, GetItem};
use awsop_bench::s3::{self, LIST_KEYS, S3_REQUEST_ID};
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

    let response = HttpResponse::new(201, RESPONSE_BODY)
        .with_header("content-type", "application/json")
        .with_header("x-amzn-requestid", REQUEST_ID);
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

    let get_item = HttpResponse::new(200, dynamodb::get_item_response())
        .with_header("content-type", "application/x-amz-json-1.0");
    let output = GetItem::parse_output(&get_item).expect("parses");
    assert_eq!(output.item.map(|item| item.len()), Some(10));
    parse_group::<GetItem>(c, "awsop_dynamodb_get_item", &get_item);

    let page = HttpResponse::new(200, s3::list_objects_v2_page())
        .with_header("content-type", "application/xml")
        .with_header("x-amz-request-id", S3_REQUEST_ID);
    let output = ListObjectsV2::parse_output(&page).expect("parses");
    assert_eq!(output.contents.map(|c| c.len()), Some(LIST_KEYS));
    parse_group::<ListObjectsV2>(c, "awsop_list_objects_v2", &page);
}

/// A group of one bench, `parse_output` of `response` as `O`'s output.
fn parse_group<O: Operation>(c: &mut Criterion, name: &str, response: &HttpResponse) {
    let mut group = c.benchmark_group(name);
    group.bench_function("parse_output", |b| {
        b.iter(|| O::parse_output(black_box(response)).unwrap())
    });
    group.finish();
}

criterion_group!(benches, codec);
criterion_main!(benches);
