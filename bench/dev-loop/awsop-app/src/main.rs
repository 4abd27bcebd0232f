//! Ten DynamoDB and ten S3 calls with awsop: the dev-loop bench builds
//! this, then edits one call site (`CALL_SITE`) and rebuilds. The same
//! calls as ../sdk-app, in the same order.

use std::collections::HashMap;

use awsop::s3::{
    AbortMultipartUpload, CopyObject, CreateBucket, CreateMultipartUpload, Delete, DeleteObject,
    DeleteObjects, GetObject, HeadObject, ListObjectsV2, ObjectIdentifier, PutObject,
};
use awsop::{ByteStream, Client};
use dynamodb::{
    AttributeDefinition, AttributeValue, BatchWriteItem, BillingMode, CreateTable, DeleteItem,
    DeleteTable, DescribeTable, GetItem, KeySchemaElement, KeyType, PutItem, PutRequest, Query,
    ScalarAttributeType, Scan, UpdateItem, WriteRequest,
};

type Result<T = ()> = std::result::Result<T, Box<dyn std::error::Error>>;

const TABLE: &str = "dev-loop"; // CALL_SITE
const BUCKET: &str = "dev-loop-bucket";

fn s(v: &str) -> AttributeValue {
    AttributeValue {
        s: Some(v.to_owned()),
        ..Default::default()
    }
}

fn n(v: &str) -> AttributeValue {
    AttributeValue {
        n: Some(v.to_owned()),
        ..Default::default()
    }
}

fn key(pk: &str) -> HashMap<String, AttributeValue> {
    [("pk".to_owned(), s(pk))].into()
}

async fn dynamodb(client: &Client) -> Result {
    CreateTable {
        table_name: TABLE.into(),
        attribute_definitions: Some(vec![AttributeDefinition {
            attribute_name: "pk".into(),
            attribute_type: ScalarAttributeType::S,
        }]),
        key_schema: Some(vec![KeySchemaElement {
            attribute_name: "pk".into(),
            key_type: KeyType::Hash,
        }]),
        billing_mode: Some(BillingMode::PayPerRequest),
        ..Default::default()
    }
    .send(client)
    .await?;
    DescribeTable {
        table_name: TABLE.into(),
    }
    .send(client)
    .await?;
    PutItem {
        table_name: TABLE.into(),
        item: [("pk".to_owned(), s("a")), ("n".to_owned(), n("1"))].into(),
        ..Default::default()
    }
    .send(client)
    .await?;
    let got = GetItem {
        table_name: TABLE.into(),
        key: key("a"),
        ..Default::default()
    }
    .send(client)
    .await?;
    println!("{:?}", got.item);
    UpdateItem {
        table_name: TABLE.into(),
        key: key("a"),
        update_expression: Some("SET n = n + :one".into()),
        expression_attribute_values: Some([(":one".to_owned(), n("1"))].into()),
        ..Default::default()
    }
    .send(client)
    .await?;
    let page = Query {
        table_name: TABLE.into(),
        key_condition_expression: Some("pk = :pk".into()),
        expression_attribute_values: Some([(":pk".to_owned(), s("a"))].into()),
        ..Default::default()
    }
    .send(client)
    .await?;
    println!("{:?}", page.count);
    let scan = Scan {
        table_name: TABLE.into(),
        ..Default::default()
    }
    .send(client)
    .await?;
    println!("{:?}", scan.count);
    BatchWriteItem {
        request_items: [(
            TABLE.to_owned(),
            vec![WriteRequest {
                put_request: Some(PutRequest { item: key("b") }),
                ..Default::default()
            }],
        )]
        .into(),
        ..Default::default()
    }
    .send(client)
    .await?;
    DeleteItem {
        table_name: TABLE.into(),
        key: key("a"),
        ..Default::default()
    }
    .send(client)
    .await?;
    DeleteTable {
        table_name: TABLE.into(),
    }
    .send(client)
    .await?;
    Ok(())
}

async fn s3(client: &Client) -> Result {
    CreateBucket::new(BUCKET).send(client).await?;
    PutObject {
        bucket: BUCKET.into(),
        key: "a.txt".into(),
        body: ByteStream::from("hello"),
        ..Default::default()
    }
    .send(client)
    .await?;
    let object = GetObject::new(BUCKET, "a.txt").send(client).await?;
    println!("{}", object.body.collect().await?.len());
    let head = HeadObject::new(BUCKET, "a.txt").send(client).await?;
    println!("{:?}", head.content_length);
    let list = ListObjectsV2::new(BUCKET).send(client).await?;
    println!("{:?}", list.key_count);
    CopyObject::new(format!("{BUCKET}/a.txt"), BUCKET, "b.txt")
        .send(client)
        .await?;
    let upload = CreateMultipartUpload::new(BUCKET, "big")
        .send(client)
        .await?;
    AbortMultipartUpload {
        bucket: BUCKET.into(),
        key: "big".into(),
        upload_id: upload.upload_id.unwrap_or_default(),
        ..Default::default()
    }
    .send(client)
    .await?;
    DeleteObject::new(BUCKET, "b.txt").send(client).await?;
    DeleteObjects {
        bucket: BUCKET.into(),
        delete: Delete {
            objects: vec![ObjectIdentifier {
                key: "a.txt".into(),
                ..Default::default()
            }],
            ..Default::default()
        },
        ..Default::default()
    }
    .send(client)
    .await?;
    Ok(())
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result {
    let client = Client::from_env().await?;
    dynamodb(&client).await?;
    s3(&client).await?;
    Ok(())
}
