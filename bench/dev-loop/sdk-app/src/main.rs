//! Ten DynamoDB and ten S3 calls with the AWS SDK for Rust: the dev-loop
//! bench builds this, then edits one call site (`CALL_SITE`) and rebuilds.

use aws_sdk_dynamodb::types::{
    AttributeDefinition, AttributeValue, KeySchemaElement, KeyType, ScalarAttributeType,
    BillingMode, PutRequest, WriteRequest,
};
use aws_sdk_s3::primitives::ByteStream;
use aws_sdk_s3::types::{Delete, ObjectIdentifier};

type Result<T = ()> = std::result::Result<T, Box<dyn std::error::Error>>;

const TABLE: &str = "dev-loop"; // CALL_SITE
const BUCKET: &str = "dev-loop-bucket";

fn s(v: &str) -> AttributeValue {
    AttributeValue::S(v.to_owned())
}

async fn dynamodb(client: &aws_sdk_dynamodb::Client) -> Result {
    client
        .create_table()
        .table_name(TABLE)
        .attribute_definitions(
            AttributeDefinition::builder()
                .attribute_name("pk")
                .attribute_type(ScalarAttributeType::S)
                .build()?,
        )
        .key_schema(KeySchemaElement::builder().attribute_name("pk").key_type(KeyType::Hash).build()?)
        .billing_mode(BillingMode::PayPerRequest)
        .send()
        .await?;
    client.describe_table().table_name(TABLE).send().await?;
    client.put_item().table_name(TABLE).item("pk", s("a")).item("n", AttributeValue::N("1".into())).send().await?;
    let got = client.get_item().table_name(TABLE).key("pk", s("a")).send().await?;
    println!("{:?}", got.item());
    client
        .update_item()
        .table_name(TABLE)
        .key("pk", s("a"))
        .update_expression("SET n = n + :one")
        .expression_attribute_values(":one", AttributeValue::N("1".into()))
        .send()
        .await?;
    let page = client
        .query()
        .table_name(TABLE)
        .key_condition_expression("pk = :pk")
        .expression_attribute_values(":pk", s("a"))
        .send()
        .await?;
    println!("{}", page.count());
    let scan = client.scan().table_name(TABLE).send().await?;
    println!("{}", scan.count());
    client
        .batch_write_item()
        .request_items(
            TABLE,
            vec![WriteRequest::builder()
                .put_request(PutRequest::builder().item("pk", s("b")).build()?)
                .build()],
        )
        .send()
        .await?;
    client.delete_item().table_name(TABLE).key("pk", s("a")).send().await?;
    client.delete_table().table_name(TABLE).send().await?;
    Ok(())
}

async fn s3(client: &aws_sdk_s3::Client) -> Result {
    client.create_bucket().bucket(BUCKET).send().await?;
    client
        .put_object()
        .bucket(BUCKET)
        .key("a.txt")
        .body(ByteStream::from_static(b"hello"))
        .send()
        .await?;
    let object = client.get_object().bucket(BUCKET).key("a.txt").send().await?;
    println!("{}", object.body.collect().await?.into_bytes().len());
    let head = client.head_object().bucket(BUCKET).key("a.txt").send().await?;
    println!("{:?}", head.content_length());
    let list = client.list_objects_v2().bucket(BUCKET).send().await?;
    println!("{:?}", list.key_count());
    client
        .copy_object()
        .bucket(BUCKET)
        .key("b.txt")
        .copy_source(format!("{BUCKET}/a.txt"))
        .send()
        .await?;
    let upload = client.create_multipart_upload().bucket(BUCKET).key("big").send().await?;
    client
        .abort_multipart_upload()
        .bucket(BUCKET)
        .key("big")
        .upload_id(upload.upload_id().unwrap_or_default())
        .send()
        .await?;
    client.delete_object().bucket(BUCKET).key("b.txt").send().await?;
    client
        .delete_objects()
        .bucket(BUCKET)
        .delete(Delete::builder().objects(ObjectIdentifier::builder().key("a.txt").build()?).build()?)
        .send()
        .await?;
    Ok(())
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result {
    let config = aws_config::load_defaults(aws_config::BehaviorVersion::latest()).await;
    dynamodb(&aws_sdk_dynamodb::Client::new(&config)).await?;
    s3(&aws_sdk_s3::Client::new(&config)).await?;
    Ok(())
}
