//! Load driver: aws-sdk-dynamodb's `get_item` / `put_item` of the same item
//! as the other `*-dynamodb` drivers, static credentials, an endpoint
//! override and the latest behavior version.
//!
//! `ENDPOINT=http://127.0.0.1:PORT N=20000 C=32 OP=mixed load-sdk-dynamodb`

use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use aws_sdk_dynamodb::config::{BehaviorVersion, Credentials, Region};
use aws_sdk_dynamodb::types::AttributeValue as Av;
use awsop_bench::dynamodb::{Op, TABLE};
use awsop_bench::{main_with, ACCESS_KEY, REGION, SECRET_KEY};

/// `awsop_bench::dynamodb::ITEM_JSON`, built with the SDK's types.
fn item() -> HashMap<String, Av> {
    let s = |v: &str| Av::S(v.to_owned());
    let n = |v: &str| Av::N(v.to_owned());
    let map =
        |pairs: Vec<(&str, Av)>| Av::M(pairs.into_iter().map(|(k, v)| (k.to_owned(), v)).collect());
    let event = |at: &str, what: &str| map(vec![("at", s(at)), ("event", s(what))]);
    [
        ("pk", s("user#5f3e8c2a")),
        ("sk", s("profile")),
        ("name", s("Jane Doe")),
        ("email", s("jane@example.com")),
        ("age", n("42")),
        ("active", Av::Bool(true)),
        (
            "tags",
            Av::Ss(vec!["admin".into(), "beta".into(), "ops".into()]),
        ),
        (
            "scores",
            Av::Ns(vec!["1.5".into(), "99".into(), "-3".into()]),
        ),
        (
            "address",
            map(vec![
                ("street", s("1 Main St")),
                ("city", s("Seattle")),
                ("zip", s("98101")),
                (
                    "geo",
                    map(vec![("lat", n("47.6062")), ("lon", n("-122.3321"))]),
                ),
            ]),
        ),
        (
            "history",
            Av::L(vec![
                event("2026-01-01T00:00:00Z", "created"),
                event("2026-06-01T12:30:00Z", "updated"),
                Av::Null(true),
            ]),
        ),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v))
    .collect()
}

fn main() {
    let op = Op::from_env();
    main_with("load-sdk-dynamodb", |config| {
        let sdk_config = aws_sdk_dynamodb::Config::builder()
            .behavior_version(BehaviorVersion::latest())
            .region(Region::new(REGION))
            .credentials_provider(Credentials::new(
                ACCESS_KEY, SECRET_KEY, None, None, "static",
            ))
            .endpoint_url(config.endpoint.clone())
            .build();
        let client = aws_sdk_dynamodb::Client::from_conf(sdk_config);
        let item = Arc::new(item());
        let counter = Arc::new(AtomicUsize::new(0));
        move || {
            let (client, item) = (client.clone(), item.clone());
            let get = op.is_get(counter.fetch_add(1, Ordering::Relaxed));
            async move {
                if get {
                    let output = client
                        .get_item()
                        .table_name(TABLE)
                        .key("pk", Av::S("user#5f3e8c2a".into()))
                        .key("sk", Av::S("profile".into()))
                        .send()
                        .await
                        .map_err(|e| format!("{e:?}"))?;
                    match output.item() {
                        Some(got) if got.len() == 10 => Ok(()),
                        other => Err(format!("unexpected item: {other:?}")),
                    }
                } else {
                    client
                        .put_item()
                        .table_name(TABLE)
                        .set_item(Some((*item).clone()))
                        .send()
                        .await
                        .map(|_| ())
                        .map_err(|e| format!("{e:?}"))
                }
            }
        }
    });
}
