//! awsQuery and ec2Query responses, successes and errors, read as real
//! declared operations read them: STS AssumeRole and GetCallerIdentity
//! (awsop::sts), SNS ListTopics and EC2 DescribeVpcs (declared here from
//! their botocore models, trimmed to a few members of every kind).
//!
//! Input layout: byte 0 picks the status (its low bit: 200, or 400 to 599
//! by the rest), then header lines `name:value` up to an empty line, then
//! the body (raw bytes).
//!
//! Checked: nothing panics; a success's output, or a parse error that says
//! something; for an error status, the metadata keeps the status, a code
//! is non-empty and trimmed, a modeled error's code is the metadata's, the
//! request id of the headers wins over the body's, and the error's
//! `Display` and `Debug` never fail.
#![no_main]

#[path = "common/response.rs"]
mod response;

use std::fmt::Debug;

use awsop::sts::{AssumeRole, GetCallerIdentity};
use awsop::{aws_operation, aws_shape, DateTime};
use awsop_runtime::http::HttpResponse;
use awsop_runtime::operation::{read_error, ModeledError, Operation};
use awsop_runtime::protocol::request_id;
use awsop_runtime::Error;
use libfuzzer_sys::fuzz_target;
use response::response_from;

#[aws_shape(rename_all = "PascalCase")]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct NotFoundException {
    pub message: Option<String>,
}

#[aws_shape(errors)]
#[derive(Debug, Clone, PartialEq)]
pub enum QueryError {
    #[aws(rename = "NotFound")]
    NotFound(NotFoundException),
    #[aws(rename = "InvalidVpcID.NotFound")]
    InvalidVpcIdNotFound(NotFoundException),
}

#[aws_operation(
    service = "sns",
    protocol = "awsQuery",
    api_version = "2010-03-31",
    output = ListTopicsOutput,
    error = QueryError,
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

#[aws_operation(
    service = "ec2",
    protocol = "ec2Query",
    api_version = "2016-11-15",
    output = DescribeVpcsOutput,
    error = QueryError
)]
#[derive(Debug, Clone, Default)]
pub struct DescribeVpcs {
    pub next_token: Option<String>,
    pub max_results: Option<i32>,
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
    pub state: Option<VpcState>,
    pub is_default: Option<bool>,
    #[aws(rename = "tagSet", xml_item = "item")]
    pub tags: Option<Vec<Ec2Tag>>,
    pub created: Option<DateTime>,
}

#[aws_shape(rename_all = "lowerCamelCase")]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum VpcState {
    Pending,
    Available,
}

#[aws_shape]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Ec2Tag {
    pub key: Option<String>,
    pub value: Option<String>,
}

fn parse<O: Operation>(response: &HttpResponse)
where
    O::Output: Debug,
    O::Error: std::fmt::Display,
{
    if response.status < 300 {
        match O::parse_output(response) {
            Ok(output) => {
                let _ = format!("{output:?}");
            }
            Err(err) => assert!(!err.to_string().is_empty(), "an empty parse error"),
        }
        return;
    }
    match read_error::<O>(response) {
        Ok((modeled, metadata)) => {
            assert_eq!(metadata.status(), response.status);
            if let Some(code) = metadata.code() {
                assert!(!code.is_empty() && code.trim() == code, "code {code:?}");
            }
            if let Some(code) = modeled.code() {
                assert_eq!(
                    metadata.code(),
                    Some(code),
                    "the modeled code is not the code"
                );
            }
            if let Some(id) = request_id::from_headers(response) {
                assert_eq!(metadata.request_id(), Some(id));
            }
            let error = Error::service(modeled, metadata);
            let _ = (error.to_string(), format!("{error:?}"), error.kind());
        }
        Err(err) => {
            let error: Error<O::Error> = Error::response(err, None);
            assert!(!error.to_string().is_empty());
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&pick, rest)) = data.split_first() else {
        return;
    };
    let status = if pick & 1 == 0 {
        200
    } else {
        400 + u16::from(pick >> 1) % 200
    };
    let response = response_from(status, rest);
    parse::<AssumeRole>(&response);
    parse::<GetCallerIdentity>(&response);
    parse::<ListTopics>(&response);
    parse::<DescribeVpcs>(&response);
});
