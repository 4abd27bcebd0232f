//! Parsing the DataZone operations' successful responses
//! (`Operation::parse_output`) from arbitrary bodies and headers.
//!
//! Input layout: byte 0 picks the status, then header lines `name:value`
//! up to an empty line, and the rest is the body (raw bytes: invalid UTF-8
//! and deep nesting included). Checked: nothing panics, and every error
//! says something.
#![no_main]

use awsop::datazone::{CreateUserProfile, GetUserProfile, SearchUserProfiles, UpdateUserProfile};
use awsop_runtime::http::HttpResponse;
use awsop_runtime::operation::Operation;
use libfuzzer_sys::fuzz_target;

fn parse<O: Operation>(response: &HttpResponse)
where
    O::Output: std::fmt::Debug,
{
    match O::parse_output(response) {
        Ok(output) => {
            let _ = format!("{output:?}");
        }
        Err(err) => assert!(!err.to_string().is_empty(), "an empty parse error"),
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&status, rest)) = data.split_first() else {
        return;
    };
    let mut response = HttpResponse::new(200 + u16::from(status % 8), Vec::new());
    let mut body = rest;
    // Header lines, while they look like headers.
    while let Some(end) = body.iter().position(|&b| b == b'\n') {
        let line = &body[..end];
        body = &body[end + 1..];
        if line.is_empty() {
            break;
        }
        let split = line.iter().position(|&b| b == b':').unwrap_or(line.len());
        let (name, value) = (&line[..split], line.get(split + 1..).unwrap_or(b""));
        if let (Ok(name), Ok(value)) = (
            http::HeaderName::from_bytes(name),
            http::HeaderValue::from_bytes(value),
        ) {
            response.headers.append(name, value);
        }
    }
    response.body = body.to_vec().into();
    parse::<CreateUserProfile>(&response);
    parse::<GetUserProfile>(&response);
    parse::<UpdateUserProfile>(&response);
    parse::<SearchUserProfiles>(&response);
});
