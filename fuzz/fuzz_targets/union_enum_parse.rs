//! Unions and enums from arbitrary JSON: `UserProfileDetails` (a union:
//! exactly one member, unknown members kept by name) and the string enums
//! (unknown values kept verbatim).
//!
//! Input: a JSON document (raw bytes). Checked: nothing panics; whatever
//! parses writes back to JSON that parses to the same value.
#![no_main]

use std::fmt::Debug;

use awsop::datazone::{
    IamUserProfileDetails, UserProfileDetails, UserProfileStatus, UserProfileSummary,
    UserProfileType, UserSearchType, UserType,
};
use awsop_runtime::codec::json::{JsonShapeReader, JsonShapeWriter, JsonWriter};
use awsop_runtime::shape::{ReadValue, WriteValue, ROOT};
use libfuzzer_sys::fuzz_target;

fn round_trip<T: ReadValue + WriteValue + PartialEq + Debug>(json: &[u8]) {
    let parsed = match JsonShapeReader::read_document::<T>(json) {
        Ok(parsed) => parsed,
        Err(err) => {
            assert!(!err.to_string().is_empty(), "an empty parse error");
            return;
        }
    };
    let mut writer = JsonShapeWriter::with_capacity(64);
    parsed.write(&mut writer, &ROOT);
    // A value that cannot be sent back (an unknown union member) is refused
    // by the writer with an error; that is not a crash.
    let Ok(bytes) = writer.finish() else {
        return;
    };
    let reparsed = JsonShapeReader::read_document::<T>(&bytes).expect("what we wrote reads back");
    assert_eq!(parsed, reparsed, "round trip changed the value");
}

fuzz_target!(|data: &[u8]| {
    // Both a whole document and the input as one JSON string (for enums).
    round_trip::<UserProfileDetails>(data);
    round_trip::<IamUserProfileDetails>(data);
    round_trip::<UserProfileSummary>(data);
    round_trip::<UserType>(data);
    round_trip::<UserProfileStatus>(data);
    round_trip::<UserProfileType>(data);
    round_trip::<UserSearchType>(data);
    let mut text = JsonWriter::default();
    text.string(&String::from_utf8_lossy(data));
    let text = text.into_bytes();
    round_trip::<UserType>(&text);
    round_trip::<UserProfileStatus>(&text);
    round_trip::<UserProfileType>(&text);
    round_trip::<UserSearchType>(&text);
    round_trip::<UserProfileDetails>(&text);
});
