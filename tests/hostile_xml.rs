//! Hostile XML from the server (issue 12, item 6), through the output and
//! the error parsing of real restXml, awsQuery and ec2Query operations,
//! over loopback: entity bombs, external entities, DOCTYPEs, nesting
//! 100,000 deep, invalid UTF-8, truncated documents, mismatched tags, a
//! 5 MB text node over the size cap, bad character references, unquoted
//! and duplicate attributes, junk after the root.
//!
//! Each is a typed error, never a panic, and takes memory in proportion to
//! the bytes sent (measured by a counting allocator), never to what an
//! entity would expand to. An output that is not XML is a response error
//! that says why; an error body that is not XML is the service's error
//! with its status, no code (nothing in the body is trusted), and the
//! body's start shown.

#[path = "support/peak_alloc.rs"]
mod peak_alloc;
#[path = "support/raw_server.rs"]
mod raw_server;

use std::time::Duration;

use awsop::runtime::error::{DispatchErrorKind, ErrorKind};
use awsop::{aws_operation, aws_shape, Client, Credentials};
use peak_alloc::{peak_during, Counting};
use raw_server::{RawServer, Reply};

#[global_allocator]
static ALLOC: Counting = Counting;

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

type CallError = awsop::runtime::Error<HostileError>;

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
enum Proto {
    RestXml,
    AwsQuery,
    Ec2Query,
}

const PROTOCOLS: [Proto; 3] = [Proto::RestXml, Proto::AwsQuery, Proto::Ec2Query];

#[derive(Debug, Clone, Copy, PartialEq)]
enum Role {
    Output,
    Error,
}

const ROLES: [Role; 2] = [Role::Output, Role::Error];

/// Where hostile bytes go in a response document.
#[derive(Default, Clone)]
struct Parts<'a> {
    /// Between the XML declaration and the root element.
    prolog: &'a [u8],
    /// The text of a string member (`Text`, `NextToken`, `nextToken`, the
    /// error's `Message`).
    text: &'a [u8],
    /// An unknown element's place beside that member.
    sibling: &'a [u8],
    /// After the root element.
    epilog: &'a [u8],
}

impl Proto {
    /// A response document of this protocol, as the service sends it, with
    /// `parts` put in their places.
    fn document(self, role: Role, parts: &Parts<'_>) -> Vec<u8> {
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

fn client(server: &RawServer, cap: Option<usize>) -> Client {
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
struct Harness {
    server: RawServer,
    client: Client,
}

impl Harness {
    async fn start() -> Harness {
        let server = RawServer::start().await;
        let client = client(&server, None);
        Harness { server, client }
    }
}

/// Calls the operation of `proto`; its string member's value on success.
async fn call(client: &Client, proto: Proto) -> Result<Option<String>, CallError> {
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

fn error_text(err: &CallError) -> String {
    let mut text = err.to_string();
    let mut source = std::error::Error::source(err);
    while let Some(s) = source {
        text.push_str(": ");
        text.push_str(&s.to_string());
        source = s.source();
    }
    text
}

fn status(role: Role) -> u16 {
    match role {
        Role::Output => 200,
        Role::Error => 400,
    }
}

/// Serves `body` as `role`'s response and checks that the call fails as
/// hostile XML must: an output is a response error saying one of `says`;
/// an error body is the service's error, unhandled, its status kept and
/// its start shown. Memory stays within a few times the body's size.
async fn refused(h: &Harness, proto: Proto, role: Role, body: &[u8], says: &[&str]) {
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
async fn refused_everywhere(h: &Harness, parts: &Parts<'_>, says: &[&str]) {
    for proto in PROTOCOLS {
        for role in ROLES {
            refused(h, proto, role, &proto.document(role, parts), says).await;
        }
    }
}

// ---- the documents are right when nothing is hostile ------------------------

#[tokio::test]
async fn the_documents_parse_when_well_formed() {
    let server = RawServer::start().await;
    let client = client(&server, None);
    let parts = Parts {
        text: b"gone &amp; &#x41;&#66;<![CDATA[<x>]]>",
        sibling: b"<Unknown a=\"1\" b='2'><Deeper/></Unknown>",
        epilog: b"\n<!-- end -->\n",
        ..Parts::default()
    };
    for proto in PROTOCOLS {
        server.set(Reply::new(200, &[], proto.document(Role::Output, &parts)));
        let out = call(&client, proto).await.expect("parsed");
        assert_eq!(out.as_deref(), Some("gone & AB<x>"), "{proto:?}");

        server.set(Reply::new(400, &[], proto.document(Role::Error, &parts)));
        let err = call(&client, proto).await.expect_err("an error");
        assert_eq!(err.code(), Some("NotFound"), "{proto:?}: {err:?}");
        assert_eq!(err.message(), Some("gone & AB<x>"), "{proto:?}");
        assert_eq!(err.request_id(), Some("r-1"), "{proto:?}");
        assert!(matches!(
            err.service_error(),
            Some(HostileError::NotFound(_))
        ));
    }
}

// ---- entities and DTDs --------------------------------------------------------

#[tokio::test]
async fn billion_laughs_is_refused_not_expanded() {
    let mut dtd = String::from("<!DOCTYPE Note [<!ENTITY lol0 \"lol\">");
    for i in 1..=9 {
        let refs = format!("&lol{};", i - 1).repeat(10);
        dtd.push_str(&format!("<!ENTITY lol{i} \"{refs}\">"));
    }
    dtd.push_str("]>");
    let server = Harness::start().await;
    let parts = Parts {
        prolog: dtd.as_bytes(),
        text: b"&lol9;",
        ..Parts::default()
    };
    refused_everywhere(&server, &parts, &["DOCTYPE"]).await;
    // The same bomb without its declarations: an unknown entity.
    let parts = Parts {
        text: b"&lol9;&lol9;",
        ..Parts::default()
    };
    refused_everywhere(&server, &parts, &["entity"]).await;
}

#[tokio::test]
async fn external_entities_are_refused() {
    let server = Harness::start().await;
    for (prolog, text) in [
        (
            &b"<!DOCTYPE Note [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"[..],
            &b"&xxe;"[..],
        ),
        (
            b"<!DOCTYPE Note [<!ENTITY xxe PUBLIC \"-//A//B\" \"http://127.0.0.1:9/x.dtd\">]>",
            b"&xxe;",
        ),
        (
            b"<!DOCTYPE Note SYSTEM \"http://127.0.0.1:9/note.dtd\">",
            b"x",
        ),
        (
            b"<!DOCTYPE Note PUBLIC \"-//A//B\" \"http://127.0.0.1:9/note.dtd\">",
            b"x",
        ),
        (
            b"<!DOCTYPE Note [<!ENTITY % pe SYSTEM \"http://127.0.0.1:9/pe\"> %pe;]>",
            b"x",
        ),
    ] {
        let parts = Parts {
            prolog,
            text,
            ..Parts::default()
        };
        refused_everywhere(&server, &parts, &["DOCTYPE"]).await;
    }
    // A reference to an entity no one declared.
    let parts = Parts {
        text: b"&xxe;",
        ..Parts::default()
    };
    refused_everywhere(&server, &parts, &["entity"]).await;
}

#[tokio::test]
async fn a_doctype_is_refused() {
    let server = Harness::start().await;
    for prolog in [
        &b"<!DOCTYPE Note>"[..],
        b"<!DOCTYPE Note [<!ELEMENT Note ANY>]>",
        b"<!DOCTYPE Note [<!ATTLIST Note Id CDATA \"injected\">]>",
        b"<!doctype Note>",
    ] {
        let parts = Parts {
            prolog,
            ..Parts::default()
        };
        refused_everywhere(&server, &parts, &["DOCTYPE"]).await;
    }
    // Declarations inside the document are no better.
    for sibling in [&b"<!DOCTYPE x>"[..], b"<!ENTITY e \"x\">", b"<!ELEMENT x ANY>"] {
        let parts = Parts {
            sibling,
            ..Parts::default()
        };
        refused_everywhere(&server, &parts, &["DOCTYPE"]).await;
    }
}

// ---- structure ------------------------------------------------------------------

#[tokio::test]
async fn nesting_100000_deep_is_an_error_not_a_stack_overflow() {
    const DEPTH: usize = 100_000;
    let closed = format!("{}{}", "<Deep>".repeat(DEPTH), "</Deep>".repeat(DEPTH));
    let self_closed = format!("{}<Deep/>{}", "<a>".repeat(DEPTH), "</a>".repeat(DEPTH));
    let unclosed = "<Deep>".repeat(DEPTH);
    let server = Harness::start().await;
    for sibling in [&closed, &self_closed, &unclosed] {
        let parts = Parts {
            sibling: sibling.as_bytes(),
            ..Parts::default()
        };
        refused_everywhere(&server, &parts, &["deeper than the limit"]).await;
    }
    // As the whole document.
    for proto in PROTOCOLS {
        for role in ROLES {
            refused(&server, proto, role, closed.as_bytes(), &["deeper"]).await;
        }
    }
}

#[tokio::test]
async fn truncated_documents_are_errors() {
    let server = Harness::start().await;
    let parts = Parts {
        text: b"a &amp; b<![CDATA[c]]>",
        sibling: b"<Unknown k=\"v\"><x/></Unknown>",
        ..Parts::default()
    };
    for proto in PROTOCOLS {
        for role in ROLES {
            let doc = proto.document(role, &parts);
            // Every cut but the empty body (which is an empty answer, read
            // as no member set).
            for end in 1..doc.len() {
                refused(&server, proto, role, &doc[..end], &["XML"]).await;
            }
        }
    }
}

#[tokio::test]
async fn mismatched_tags_are_errors() {
    let server = Harness::start().await;
    for sibling in [
        &b"<a><b></a></b>"[..],
        b"<a></A>",
        b"<p:a xmlns:p=\"u\"></q:a>",
        b"<a>",
        b"</a>",
        b"<a></a >x</b>",
    ] {
        let parts = Parts {
            sibling,
            ..Parts::default()
        };
        refused_everywhere(
            &server,
            &parts,
            &["mismatched", "end tag", "ends", "root element"],
        )
        .await;
    }
}

#[tokio::test]
async fn junk_after_the_root_is_an_error() {
    let server = Harness::start().await;
    for epilog in [
        &b"junk"[..],
        b"<Other/>",
        b"<![CDATA[x]]>",
        b"&amp;",
        b"</Extra>",
        b"\0",
        b"<?pi?>x",
    ] {
        let parts = Parts {
            epilog,
            ..Parts::default()
        };
        refused_everywhere(&server, &parts, &["outside the root", "second root", "no element open"]).await;
    }
    // And before it.
    let parts = Parts {
        prolog: b"junk",
        ..Parts::default()
    };
    refused_everywhere(&server, &parts, &["outside the root"]).await;
}

// ---- text, references and attributes ------------------------------------------

#[tokio::test]
async fn invalid_utf8_is_an_error() {
    let server = Harness::start().await;
    for text in [
        &b"\xff\xfe"[..],
        b"\xc0\xaf",         // an overlong `/`
        b"\xed\xa0\x80",     // a surrogate, UTF-8 encoded
        b"\xf4\x90\x80\x80", // past U+10FFFF
        b"caf\xc3",          // cut inside a character
    ] {
        let parts = Parts {
            text,
            ..Parts::default()
        };
        refused_everywhere(&server, &parts, &["UTF-8"]).await;
    }
    // In a name, an attribute, a comment.
    for sibling in [&b"<\xff/>"[..], b"<a k=\"\xff\"/>", b"<!-- \xff -->"] {
        let parts = Parts {
            sibling,
            ..Parts::default()
        };
        refused_everywhere(&server, &parts, &["UTF-8"]).await;
    }
    // A UTF-16 document.
    let utf16: Vec<u8> = "<Note/>"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    let body = [&[0xff, 0xfe][..], &utf16].concat();
    for proto in PROTOCOLS {
        for role in ROLES {
            refused(&server, proto, role, &body, &["UTF-8"]).await;
        }
    }
}

#[tokio::test]
async fn bad_character_references_are_errors() {
    let server = Harness::start().await;
    let refs: &[&[u8]] = &[
        b"&#0;",
        b"&#xD800;",
        b"&#xDFFF;",
        b"&#x110000;",
        b"&#xFFFE;",
        b"&#xFFFF;",
        b"&#x1F;",
        b"&#8;",
        b"&#+65;",
        b"&#x+41;",
        b"&#-1;",
        b"&#;",
        b"&#x;",
        b"&#65",
        b"&#99999999999999999999;",
        b"&# 65;",
        b"&#X41;",
        b"&amp",
        b"&",
    ];
    for text in refs {
        let parts = Parts {
            text,
            ..Parts::default()
        };
        refused_everywhere(&server, &parts, &["entity"]).await;
        // In an attribute too.
        let sibling = [&b"<Unknown k=\""[..], text, b"\"/>"].concat();
        let parts = Parts {
            sibling: &sibling,
            ..Parts::default()
        };
        refused_everywhere(&server, &parts, &["entity"]).await;
    }
}

#[tokio::test]
async fn unquoted_attributes_are_errors() {
    let server = Harness::start().await;
    for sibling in [
        &b"<Unknown k=v/>"[..],
        b"<Unknown k=v>x</Unknown>",
        b"<Unknown k/>",
        b"<Unknown k=/>",
        b"<Unknown k=\"v/>",
        b"<Unknown k='v\"/>",
        b"<Unknown k=\"a<b\"/>",
    ] {
        let parts = Parts {
            sibling,
            ..Parts::default()
        };
        refused_everywhere(&server, &parts, &["quoted", "`=`", "attribute value"]).await;
    }
}

#[tokio::test]
async fn duplicate_attributes_are_errors() {
    let server = Harness::start().await;
    let many: String = (0..40).map(|i| format!(" a{i}=\"{i}\"")).collect();
    let many_dup = format!("<Unknown{many} a7=\"again\"/>");
    for sibling in [
        &b"<Unknown k=\"1\" k=\"2\"/>"[..],
        b"<Unknown k='1' k='1'></Unknown>",
        // The same name once prefixes are dropped, as members are matched.
        b"<Unknown xmlns:p=\"u\" xmlns:q=\"w\" p:k=\"1\" q:k=\"2\"/>",
        b"<Unknown xmlns:p=\"u\" xmlns:p=\"w\"/>",
        many_dup.as_bytes(),
    ] {
        let parts = Parts {
            sibling,
            ..Parts::default()
        };
        refused_everywhere(&server, &parts, &["duplicate attribute"]).await;
    }
    // On the element an attribute member is read from.
    let body = b"<Note Id=\"n-1\" Id=\"n-2\"><Text>x</Text></Note>";
    refused(&server, Proto::RestXml, Role::Output, body, &["duplicate attribute"]).await;
}

// ---- size -----------------------------------------------------------------------

#[tokio::test]
async fn a_5mb_text_node_over_the_cap_is_cut_off() {
    const CAP: usize = 1 << 20;
    let text = vec![b'A'; 5 << 20];
    let server = RawServer::start().await;
    let client = client(&server, Some(CAP));
    for proto in PROTOCOLS {
        for role in ROLES {
            let parts = Parts {
                text: &text,
                ..Parts::default()
            };
            let doc = proto.document(role, &parts);
            // Declared by `content-length`, and streamed in chunks with no
            // length said.
            let chunked = {
                let mut body = format!("{:x}\r\n", doc.len()).into_bytes();
                body.extend_from_slice(&doc);
                body.extend_from_slice(b"\r\n0\r\n\r\n");
                body
            };
            let replies = [
                Reply::new(status(role), &[], doc.clone()),
                Reply::raw(
                    format!(
                        "HTTP/1.1 {} Hostile\r\nconnection: close\r\ntransfer-encoding: chunked\r\n",
                        status(role)
                    ),
                    chunked,
                ),
            ];
            for reply in replies {
                server.set(reply);
                let (result, peak) = peak_during(call(&client, proto)).await;
                let err = result.expect_err("over the cap");
                let what = format!("{proto:?} {role:?}");
                assert_eq!(err.kind(), ErrorKind::Dispatch, "{what}: {err:?}");
                let dispatch = err.as_dispatch().expect("a dispatch error");
                assert_eq!(dispatch.kind(), DispatchErrorKind::BodyTooLarge, "{what}");
                assert!(err.to_string().contains("cap"), "{what}: {err}");
                assert!(peak < 3 * CAP, "{what}: {peak} bytes live at once");
            }
        }
    }
    // Under the default cap (10 MiB) the same 5 MB text is read whole: the
    // cap, not the parser, is what refused it.
    let big = Parts {
        text: &text,
        ..Parts::default()
    };
    let default_cap = client(&server, None);
    server.set(Reply::new(200, &[], Proto::AwsQuery.document(Role::Output, &big)));
    let out = call(&default_cap, Proto::AwsQuery).await.expect("read");
    assert_eq!(out.map(|t| t.len()), Some(5 << 20));
}
