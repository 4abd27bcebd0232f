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
use awsop_runtime::protocol::json::{
    parse_body, FromJson, JsonPath, JsonValue, JsonWriter, ToJson,
};
use awsop_runtime::protocol::TimestampFormat;
use libfuzzer_sys::fuzz_target;

const TS: TimestampFormat = TimestampFormat::EpochSeconds;

fn round_trip<T: FromJson + ToJson + PartialEq + Debug>(value: &JsonValue) {
    let path = JsonPath::root("fuzz");
    let parsed = match T::read_json(value, TS, &path) {
        Ok(parsed) => parsed,
        Err(err) => {
            assert!(!err.to_string().is_empty(), "an empty parse error");
            return;
        }
    };
    let mut writer = JsonWriter::default();
    parsed.write_json(&mut writer, TS);
    // A value that cannot be sent back (an unknown union member) is refused
    // by the writer with an error; that is not a crash.
    let Ok(bytes) = writer.finish() else {
        return;
    };
    let again = parse_body(&bytes).expect("we write valid JSON");
    let reparsed = T::read_json(&again, TS, &path).expect("what we wrote reads back");
    assert_eq!(parsed, reparsed, "round trip changed the value");
}

fuzz_target!(|data: &[u8]| {
    // Both a whole document and the input as one JSON string (for enums).
    if let Ok(value) = parse_body(data) {
        round_trip::<UserProfileDetails>(&value);
        round_trip::<IamUserProfileDetails>(&value);
        round_trip::<UserProfileSummary>(&value);
        round_trip::<UserType>(&value);
        round_trip::<UserProfileStatus>(&value);
        round_trip::<UserProfileType>(&value);
        round_trip::<UserSearchType>(&value);
    }
    let text = JsonValue::String(String::from_utf8_lossy(data).into_owned());
    round_trip::<UserType>(&text);
    round_trip::<UserProfileStatus>(&text);
    round_trip::<UserProfileType>(&text);
    round_trip::<UserSearchType>(&text);
    round_trip::<UserProfileDetails>(&text);
});
