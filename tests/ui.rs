//! The macros' diagnostics: every misuse they reject, one file each in
//! `tests/ui/`, with the expected compiler output next to it; and whole
//! programs that must compile and run using nothing but `awsop`.

#[test]
fn ui() {
    let t = trybuild::TestCases::new();
    t.compile_fail("tests/ui/*.rs");
    t.pass("tests/ui/pass/*.rs");
}
