//! The protocol conformance suites (botocore's protocol tests), generated
//! by `build.rs` into operations declared with awsop's macros.
//!
//! `cargo test -p conformance -- --nocapture` prints, for each fixture and
//! direction, `<fixture> <direction>: N passed, M failed, K skipped` and
//! every failure and skip with its reason. Any failure fails the test;
//! skips are only those named in `skip-list.json`.

macro_rules! suites {
    ($($fixture:literal: $input:ident >= $min_in:literal, $output:ident >= $min_out:literal;)*) => {
        $(
            include!(concat!(env!("OUT_DIR"), "/", stringify!($input), ".rs"));
            include!(concat!(env!("OUT_DIR"), "/", stringify!($output), ".rs"));

            #[test]
            fn $input() {
                run(concat!($fixture, " input"), $input::cases(), $min_in);
            }

            #[test]
            fn $output() {
                run(concat!($fixture, " output"), $output::cases(), $min_out);
            }
        )*
    };
}

// The minimum passed counts are what passes today: a regression, or an
// emptied fixture, fails.
suites! {
    "rest-json": rest_json_input >= 108, rest_json_output >= 90;
    "json_1_0": json_1_0_input >= 18, json_1_0_output >= 32;
    "json": json_input >= 51, json_output >= 58;
    "json_1_0-query-compatible": json_1_0_query_compatible_input >= 1, json_1_0_query_compatible_output >= 2;
    "smithy-rpc-v2-cbor": smithy_rpc_v2_cbor_input >= 15, smithy_rpc_v2_cbor_output >= 35;
    "smithy-rpc-v2-cbor-query-compatible": smithy_rpc_v2_cbor_query_compatible_input >= 1, smithy_rpc_v2_cbor_query_compatible_output >= 2;
    // Its output fixture has no case.
    "smithy-rpc-v2-cbor-non-query-compatible": smithy_rpc_v2_cbor_non_query_compatible_input >= 1, smithy_rpc_v2_cbor_non_query_compatible_output >= 0;
    "rest-xml": rest_xml_input >= 92, rest_xml_output >= 78;
    "query": query_input >= 35, query_output >= 38;
    "ec2": ec2_input >= 26, ec2_output >= 29;
}

/// Runs a suite; fails on any failure, and when fewer cases passed than
/// `min_passed` (an emptied or truncated fixture must not pass).
fn run(title: &str, cases: Vec<conformance::Case>, min_passed: usize) {
    let report = conformance::run_cases(cases);
    // One print per report, so the two tests' output does not interleave.
    print!("{}", report.render(title));
    assert_eq!(
        report.failed, 0,
        "{title}: {} case(s) failed (listed above)",
        report.failed
    );
    assert!(
        report.passed >= min_passed,
        "{title}: only {} cases passed, at least {min_passed} expected",
        report.passed
    );
}
