//! The first call of a fresh process, with awsop: read the configuration
//! chain from the environment (`Client::from_env`), make one DynamoDB
//! `GetItem` over HTTPS, check the item, exit. `first-call.sh` runs it 20
//! times against the loopback server with TLS (its test CA in
//! `SSL_CERT_FILE`, which the platform-roots loader reads) and reports the
//! median wall time and peak RSS of the whole process.

// The bench's declarations of GetItem and its shapes, the ones the load
// drivers use; the rest of that module (the server's side) is unused here.
#[allow(dead_code)]
#[path = "../../../src/dynamodb.rs"]
mod dynamodb;

use dynamodb::{AttributeValue, GetItem, TABLE};

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let client = awsop::Client::from_env().await.unwrap_or_else(|e| {
        eprintln!("first-call-awsop: configuration: {e}");
        std::process::exit(1)
    });
    let output = GetItem {
        table_name: TABLE.into(),
        key: [
            ("pk".to_owned(), AttributeValue::S("user#5f3e8c2a".into())),
            ("sk".to_owned(), AttributeValue::S("profile".into())),
        ]
        .into(),
        ..Default::default()
    }
    .send(&client)
    .await
    .unwrap_or_else(|e| {
        eprintln!("first-call-awsop: {e}");
        std::process::exit(1)
    });
    match output.item {
        Some(item) if item.len() == 10 => println!("first-call-awsop ok"),
        other => {
            eprintln!("first-call-awsop: unexpected item {other:?}");
            std::process::exit(1)
        }
    }
}
