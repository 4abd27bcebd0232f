//! Every binding and shape kind together in one user crate.

use std::collections::HashMap;

use awsop::runtime::http::HttpResponse;
use awsop::runtime::operation::Operation;
use awsop::{aws_operation, aws_shape, Blob, DateTime, Document};

#[aws_shape]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Priority {
    Low = 1,
    High = 2,
}

#[aws_shape]
#[derive(Debug, Clone, PartialEq)]
pub enum Attachment {
    Text(String),
    Raw(Blob),
    Nested(Box<Note>),
}

#[aws_shape]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Note {
    pub title: String,
    pub priority: Option<Priority>,
    pub attachments: Option<Vec<Attachment>>,
    pub extra: Option<Document>,
    pub sparse: Option<Vec<Option<i64>>>,
}

#[aws_operation(service = "notes", method = "PUT", uri = "/notebooks/{notebook}/notes/{path+}?x-id=PutNote")]
#[derive(Clone, Default, PartialEq)]
pub struct PutNote {
    #[aws(label)]
    pub notebook: String,
    #[aws(label)]
    pub path: String,
    #[aws(query = "dryRun")]
    pub dry_run: Option<bool>,
    #[aws(query_params)]
    pub extra_query: Option<HashMap<String, String>>,
    #[aws(header = "X-Not-Before")]
    pub not_before: Option<DateTime>,
    #[aws(header = "X-Tags")]
    pub tags: Option<Vec<String>>,
    #[aws(prefix_headers = "x-note-meta-")]
    pub meta: Option<HashMap<String, String>>,
    #[aws(idempotency_token, header = "X-Client-Token")]
    pub client_token: Option<String>,
    #[aws(sensitive, header = "X-Secret")]
    pub secret: Option<String>,
    #[aws(payload)]
    pub note: Option<Note>,
}

#[aws_shape]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PutNoteOutput {
    #[aws(header = "ETag")]
    pub etag: Option<String>,
    #[aws(payload)]
    pub note: Option<Note>,
}

#[aws_operation(service = "notes", method = "GET", uri = "/notebooks/{notebook}", output = PutNoteOutput, name = "GetNote")]
pub struct Get {
    #[aws(label)]
    pub notebook: String,
}

fn main() {
    let op = PutNote {
        notebook: "nb".into(),
        path: "a/b c".into(),
        dry_run: Some(true),
        secret: Some("s3cr3t".into()),
        note: Some(Note {
            title: "t".into(),
            priority: Some(Priority::High),
            attachments: Some(vec![Attachment::Text("x".into())]),
            ..Default::default()
        }),
        ..Default::default()
    };
    let req = op.serialize().unwrap();
    assert_eq!(req.uri, "/notebooks/nb/notes/a/b%20c?x-id=PutNote&dryRun=true");
    assert_eq!(req.headers["content-type"], "application/json");
    assert_eq!(&req.body[..], br#"{"title":"t","priority":2,"attachments":[{"text":"x"}]}"#);
    assert!(!format!("{op:?}").contains("s3cr3t"));
    assert_eq!(Get::METADATA.name, "GetNote");

    let mut resp = HttpResponse::new(200, r#"{"title":"t","sparse":[1,null]}"#);
    resp.headers.insert("etag", "\"abc\"".parse().unwrap());
    let out = Get::parse_output(&resp).unwrap();
    assert_eq!(out.etag.as_deref(), Some("\"abc\""));
    assert_eq!(out.note.unwrap().sparse, Some(vec![Some(1), None]));
}
