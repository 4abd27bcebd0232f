//! Load driver: DynamoDB `GetItem` / `PutItem` (awsJson1.0) of a realistic
//! item through awsop's real client, with the operations declared as a user
//! declares them (`awsop_bench::dynamodb`). Every GetItem's item is parsed
//! whole and checked; every PutItem serializes the whole item.
//!
//! `ENDPOINT=http://127.0.0.1:PORT N=20000 C=32 OP=mixed load-awsop-dynamodb`

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use awsop_bench::dynamodb::{item, AttributeValue, GetItem, Op, PutItem, TABLE};
use awsop_bench::{main_with, ACCESS_KEY, REGION, SECRET_KEY};

fn main() {
    let op = Op::from_env();
    main_with("load-awsop-dynamodb", |config| {
        let client = awsop::Client::builder()
            .region(REGION)
            .credentials(awsop::Credentials::new(
                ACCESS_KEY, SECRET_KEY, None, None, "static",
            ))
            .endpoint_url(config.endpoint.clone())
            .build()
            .expect("awsop client");
        let item = Arc::new(item());
        let key: Arc<std::collections::HashMap<_, _>> = Arc::new(
            [
                ("pk".to_owned(), AttributeValue::S("user#5f3e8c2a".into())),
                ("sk".to_owned(), AttributeValue::S("profile".into())),
            ]
            .into(),
        );
        let counter = Arc::new(AtomicUsize::new(0));
        move || {
            let (client, item, key) = (client.clone(), item.clone(), key.clone());
            let get = op.is_get(counter.fetch_add(1, Ordering::Relaxed));
            async move {
                if get {
                    let output = GetItem {
                        table_name: TABLE.into(),
                        key: (*key).clone(),
                        ..Default::default()
                    }
                    .send(&client)
                    .await
                    .map_err(|e| format!("{e:?}"))?;
                    match output.item {
                        Some(got) if got.len() == 10 => Ok(()),
                        other => Err(format!("unexpected item: {other:?}")),
                    }
                } else {
                    PutItem {
                        table_name: TABLE.into(),
                        item: (*item).clone(),
                        ..Default::default()
                    }
                    .send(&client)
                    .await
                    .map(|_| ())
                    .map_err(|e| format!("{e:?}"))
                }
            }
        }
    });
}
