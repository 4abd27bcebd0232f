//! Parsing the DataZone operations' successful responses
//! (`Operation::parse_output`) from arbitrary bodies and headers.
//!
//! Input layout: byte 0 picks the status, then header lines `name:value`
//! up to an empty line, and the rest is the body (raw bytes: invalid UTF-8
//! and deep nesting included). Checked: nothing panics, and every error
//! says something.
#![no_main]

#[path = "common/response.rs"]
mod response;

use awsop::datazone::{CreateUserProfile, GetUserProfile, SearchUserProfiles, UpdateUserProfile};
use awsop_runtime::http::HttpResponse;
use awsop_runtime::operation::Operation;
use libfuzzer_sys::fuzz_target;
use response::response_from;

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
    let response = response_from(200 + u16::from(status % 8), rest);
    parse::<CreateUserProfile>(&response);
    parse::<GetUserProfile>(&response);
    parse::<UpdateUserProfile>(&response);
    parse::<SearchUserProfiles>(&response);
});
