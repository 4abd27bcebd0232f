//! Error responses: restJson1's `error_metadata` (code, message, request id)
//! and the typed `DataZoneError::from_response`, from arbitrary status,
//! headers and body.
//!
//! Input layout: byte 0 picks the status (400 to 599), then header lines
//! `name:value` up to an empty line, then the body (raw bytes).
//! Checked: nothing panics; a code, when found, is clean (no `:` or `#`).
#![no_main]

#[path = "common/response.rs"]
mod response;

use awsop::datazone::DataZoneError;
use awsop_runtime::operation::ModeledError;
use awsop_runtime::protocol::error_code::sanitize;
use awsop_runtime::protocol::{Protocol, RestJson1};
use awsop_runtime::Error;
use libfuzzer_sys::fuzz_target;
use response::response_from;

fuzz_target!(|data: &[u8]| {
    let Some((&status, rest)) = data.split_first() else {
        return;
    };
    let response = response_from(400 + u16::from(status) % 200, rest);

    let _ = sanitize(&String::from_utf8_lossy(rest));
    let metadata = RestJson1::error_metadata(&response);
    assert_eq!(metadata.status(), response.status);
    if let Some(code) = metadata.code() {
        assert!(
            !code.is_empty() && !code.contains([':', '#']),
            "unclean code {code:?}"
        );
    }
    let _ = metadata.to_string();
    match DataZoneError::from_response::<RestJson1>(&response, &metadata) {
        Ok(modeled) => {
            let _ = (modeled.is_retryable(), modeled.is_throttling());
            let error = Error::service(modeled, metadata);
            let _ = (
                error.to_string(),
                format!("{error:?}"),
                error.code(),
                error.kind(),
            );
        }
        Err(err) => {
            let error: Error<DataZoneError> = Error::response(err, Some(metadata));
            assert!(!error.to_string().is_empty());
        }
    }
});
