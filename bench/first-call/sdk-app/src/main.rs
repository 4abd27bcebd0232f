//! The first call of a fresh process, with the AWS SDK for Rust: read the
//! configuration chain from the environment (`aws_config::load_defaults`),
//! make one DynamoDB `get_item` over HTTPS, check the item, exit. The same
//! job as `first-call-awsop`; see `first-call.sh`.

use aws_sdk_dynamodb::types::AttributeValue;

/// The loopback server's table (`bench/src/dynamodb.rs`).
const TABLE: &str = "bench-users";

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let config = aws_config::load_defaults(aws_config::BehaviorVersion::latest()).await;
    let client = aws_sdk_dynamodb::Client::new(&config);
    let output = client
        .get_item()
        .table_name(TABLE)
        .key("pk", AttributeValue::S("user#5f3e8c2a".into()))
        .key("sk", AttributeValue::S("profile".into()))
        .send()
        .await
        .unwrap_or_else(|e| {
            eprintln!("first-call-sdk: {e:?}");
            std::process::exit(1)
        });
    match output.item() {
        Some(item) if item.len() == 10 => println!("first-call-sdk ok"),
        other => {
            eprintln!("first-call-sdk: unexpected item {other:?}");
            std::process::exit(1)
        }
    }
}
