//! The operations, documents and checks of the hostile XML tests
//! (`tests/hostile_xml.rs`): one real operation per XML protocol (restXml,
//! awsQuery, ec2Query), each protocol's output and error documents with
//! places for hostile bytes, and [`refused`], what every attack must end in.
#![allow(dead_code)]

use std::time::Duration;

use awsop::runtime::error::ErrorKind;
use awsop::{aws_operation, aws_shape, Client, Credentials};

use super::peak_alloc::peak_during;
use super::raw_server::{RawServer, Reply};

// ---- three operations, one per protocol -------------------------------------

#[aws_shape(rename_all = "PascalCase")]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct NotFound {
    pub message: Option<String>,
}

#[aws_shape(errors)]
#[derive(Debug, Clone, PartialEq)]
pub enum HostileError {
    NotFound(NotFound),
}

pub type CallError = awsop::runtime::Error<HostileError>;

/// restXml: an S3-like GET whose output is the root element.
#[aws_operation(
    service = "s3",
    protocol = "restXml",
    method = "GET",
    uri = "/notes/{name}",
    output = Note,
    error = HostileError
)]
#[derive(Debug, Clone, Default)]
pub struct GetNote {
    #[aws(label)]
    pub name: String,
}

#[aws_shape(rename_all = "PascalCase")]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Note {
    #[aws(xml_attribute)]
    pub id: Option<String>,
    pub text: Option<String>,
    pub tags: Option<Vec<String>>,
}

/// awsQuery: SNS ListTopics, its output in `<ListTopicsResult>`.
#[aws_operation(
    service = "sns",
    protocol = "awsQuery",
    api_version = "2010-03-31",
    output = ListTopicsOutput,
    error = HostileError,
    rename_all = "PascalCase"
)]
#[derive(Debug, Clone, Default)]
pub struct ListTopics {
    pub next_token: Option<String>,
}

#[aws_shape(rename_all = "PascalCase")]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ListTopicsOutput {
    pub topics: Option<Vec<Topic>>,
    pub next_token: Option<String>,
}

#[aws_shape(rename_all = "PascalCase")]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Topic {
    pub topic_arn: Option<String>,
}

/// ec2Query: EC2 DescribeVpcs, `<vpcSet><item>` lists.
#[aws_operation(
    service = "ec2",
    protocol = "ec2Query",
    api_version = "2016-11-15",
    output = DescribeVpcsOutput,
    error = HostileError
)]
#[derive(Debug, Clone, Default)]
pub struct DescribeVpcs {
    pub next_token: Option<String>,
}

#[aws_shape]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DescribeVpcsOutput {
    #[aws(rename = "vpcSet", xml_item = "item")]
    pub vpcs: Option<Vec<Vpc>>,
    pub next_token: Option<String>,
}

#[aws_shape]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Vpc {
    pub vpc_id: Option<String>,
    pub cidr_block: Option<String>,
}

// ---- documents --------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Proto {
    RestXml,
    AwsQuery,
    Ec2Query,
}

pub const PROTOCOLS: [Proto; 3] = [Proto::RestXml, Proto::AwsQuery, Proto::Ec2Query];

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Role {
    Output,
    Error,
}

pub const ROLES: [Role; 2] = [Role::Output, Role::Error];

/// Where hostile bytes go in a response document.
#[derive(Default, Clone)]
pub struct Parts<'a> {
    /// Between the XML declaration and the root element.
    pub prolog: &'a [u8],
    /// The text of a string member (`Text`, `NextToken`, `nextToken`, the
    /// error's `Message`).
    pub text: &'a [u8],
    /// An unknown element's place beside that member.
    pub sibling: &'a [u8],
    /// After the root element.
    pub epilog: &'a [u8],
}

impl Proto {
    /// A response document of this protocol, as the service sends it, with
    /// `parts` put in their places.
    pub fn document(self, role: Role, parts: &Parts<'_>) -> Vec<u8> {
        let (open, close): (&str, &str) = match (self, role) {
            (Proto::RestXml, Role::Output) => (
                "<Note Id=\"n-1\"><Tags><member>a</member></Tags><Text>",
                "</Note>",
            ),
            (Proto::AwsQuery, Role::Output) => (
                "<ListTopicsResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\">\
                 <ListTopicsResult><Topics><member><TopicArn>arn:aws:sns:us-east-1:1:t</TopicArn>\
                 </member></Topics><NextToken>",
                "</ListTopicsResult><ResponseMetadata><RequestId>r-1</RequestId>\
                 </ResponseMetadata></ListTopicsResponse>",
            ),
            (Proto::Ec2Query, Role::Output) => (
                "<DescribeVpcsResponse xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\">\
                 <requestId>r-1</requestId><vpcSet><item><vpcId>vpc-1</vpcId>\
                 <cidrBlock>10.0.0.0/16</cidrBlock></item></vpcSet><nextToken>",
                "</DescribeVpcsResponse>",
            ),
            (Proto::RestXml | Proto::AwsQuery, Role::Error) => (
                "<ErrorResponse><Error><Type>Sender</Type><Code>NotFound</Code><Message>",
                "</Error><RequestId>r-1</RequestId></ErrorResponse>",
            ),
            (Proto::Ec2Query, Role::Error) => (
                "<Response><Errors><Error><Code>NotFound</Code><Message>",
                "</Error></Errors><RequestID>r-1</RequestID></Response>",
            ),
        };
        let member_end = match (self, role) {
            (Proto::RestXml, Role::Output) => "</Text>",
            (Proto::AwsQuery, Role::Output) => "</NextToken>",
            (Proto::Ec2Query, Role::Output) => "</nextToken>",
            (_, Role::Error) => "</Message>",
        };
        let mut doc = b"<?xml version=\"1.0\" encoding=\"UTF-8\"?>".to_vec();
        doc.extend_from_slice(parts.prolog);
        doc.extend_from_slice(open.as_bytes());
        doc.extend_from_slice(parts.text);
        doc.extend_from_slice(member_end.as_bytes());
        doc.extend_from_slice(parts.sibling);
        doc.extend_from_slice(close.as_bytes());
        doc.extend_from_slice(parts.epilog);
        doc
    }
}

// ---- calling ----------------------------------------------------------------

pub fn client(server: &RawServer, cap: Option<usize>) -> Client {
    let mut builder = Client::builder()
        .region("us-east-1")
        .credentials(Credentials::new("AKID", "SECRET", None, None, "test"))
        .endpoint_url(&server.url)
        .attempt_timeout(Duration::from_secs(30))
        .max_attempts(1);
    if let Some(cap) = cap {
        builder = builder.max_response_bytes(cap);
    }
    builder.build().unwrap()
}

/// A loopback server and a client of it (default cap).
pub struct Harness {
    pub server: RawServer,
    pub client: Client,
}

impl Harness {
    pub async fn start() -> Harness {
        let server = RawServer::start().await;
        let client = client(&server, None);
        Harness { server, client }
    }
}

/// Calls the operation of `proto`; its string member's value on success.
pub async fn call(client: &Client, proto: Proto) -> Result<Option<String>, CallError> {
    match proto {
        Proto::RestXml => {
            let op = GetNote { name: "n".into() };
            op.send(client).await.map(|o| o.text)
        }
        Proto::AwsQuery => ListTopics::default()
            .send(client)
            .await
            .map(|o| o.next_token),
        Proto::Ec2Query => DescribeVpcs::default()
            .send(client)
            .await
            .map(|o| o.next_token),
    }
}

pub fn error_text(err: &CallError) -> String {
    let mut text = err.to_string();
    let mut source = std::error::Error::source(err);
    while let Some(s) = source {
        text.push_str(": ");
        text.push_str(&s.to_string());
        source = s.source();
    }
    text
}

pub fn status(role: Role) -> u16 {
    match role {
        Role::Output => 200,
        Role::Error => 400,
    }
}

/// Serves `body` as `role`'s response and checks that the call fails as
/// hostile XML must: an output is a response error saying one of `says`;
/// an error body is the service's error, unhandled, its status kept and
/// its start shown. Memory stays within a few times the body's size.
pub async fn refused(h: &Harness, proto: Proto, role: Role, body: &[u8], says: &[&str]) {
    let what = format!("{proto:?} {role:?} {:?}", String::from_utf8_lossy(body));
    let what = what.chars().take(300).collect::<String>();
    h.server.set(Reply::new(
        status(role),
        &[("content-type", "text/xml")],
        body,
    ));
    let (result, peak) = peak_during(call(&h.client, proto)).await;
    let err = match result {
        Ok(out) => panic!("{what}: accepted, read {out:?}"),
        Err(err) => err,
    };
    let text = error_text(&err);
    assert_eq!(err.status(), Some(status(role)), "{what}: {err:?}");
    match role {
        Role::Output => {
            assert_eq!(err.kind(), ErrorKind::Response, "{what}: {err:?}");
            assert!(
                says.iter().any(|s| text.contains(s)),
                "{what}: {text:?} should say one of {says:?}"
            );
        }
        Role::Error => {
            assert_eq!(err.kind(), ErrorKind::Service, "{what}: {err:?}");
            assert!(
                matches!(err.service_error(), Some(HostileError::Unhandled)),
                "{what}: {err:?}"
            );
            assert_eq!(err.code(), None, "{what}: a code from a broken body");
            let meta = err.metadata().expect("metadata");
            assert!(meta.body_excerpt().is_some(), "{what}: {err:?}");
            assert!(text.contains("not understood"), "{what}: {text}");
        }
    }
    let bound = 4 * body.len() + (2 << 20);
    assert!(peak < bound, "{what}: {peak} bytes live at once");
}

/// Every protocol, as output and as error, with `parts` in place.
pub async fn refused_everywhere(h: &Harness, parts: &Parts<'_>, says: &[&str]) {
    for proto in PROTOCOLS {
        for role in ROLES {
            refused(h, proto, role, &proto.document(role, parts), says).await;
        }
    }
}
