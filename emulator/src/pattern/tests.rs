//! The matcher against ECMA-262 semantics and the model's patterns.

use super::Pattern;

fn matches(pattern: &str, text: &str) -> bool {
    Pattern::new(pattern).unwrap().is_match(text)
}

#[test]
fn unanchored_search() {
    assert!(matches("b", "abc"));
    assert!(matches("dzd[-_][a-zA-Z0-9_-]{1,36}", "xx dzd_abc yy"));
    assert!(!matches("^b", "abc"));
    assert!(matches("^a", "abc"));
    assert!(matches("c$", "abc"));
    assert!(!matches("b$", "abc"));
    assert!(matches("^$", ""));
    assert!(!matches("^$", "a"));
}

#[test]
fn counted_repetition() {
    let p = Pattern::new("^[a-c]{2,3}$").unwrap();
    assert!(!p.is_match("a"));
    assert!(p.is_match("ab"));
    assert!(p.is_match("abc"));
    assert!(!p.is_match("abca"));
    assert!(matches("^x{2}$", "xx"));
    assert!(matches("^x{2,}$", "xxxxx"));
    assert!(!matches("^x{2,}$", "x"));
}

#[test]
fn classes_and_escapes() {
    assert!(matches(r"^\d+$", "0123"));
    assert!(!matches(r"^\d+$", "01a"));
    assert!(matches(r"^[^a-z]+$", "ABC"));
    assert!(!matches(r"^[^a-z]+$", "AbC"));
    assert!(matches(r"^[\w.-]+$", "a_b.c-d"));
    assert!(matches(r"^[a-]$", "-"));
    assert!(matches(r"^[\D]$", "x"));
    assert!(!matches(r"^[\D]$", "5"));
    assert!(matches(r"^\u0041$", "A"));
    assert!(matches(r"^\s\S$", " x"));
}

#[test]
fn dot_excludes_line_terminators() {
    assert!(matches("^.$", "é"));
    assert!(!matches("^.$", "\n"));
    assert!(!matches("^a.b$", "a\u{2028}b"));
}

#[test]
fn alternation_and_groups() {
    assert!(matches("^(ab|cd)+$", "abcdab"));
    assert!(!matches("^(ab|cd)+$", "abc"));
    assert!(matches("^(?:x|)y$", "y"));
    assert!(matches("^(a*)*$", "aaaa"));
}

#[test]
fn user_identifier_pattern_from_model() {
    let p = Pattern::new(
        r".*(^([0-9a-f]{10}-|)[A-Fa-f0-9]{8}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{12}$|^[a-zA-Z_0-9+=,.@-]+$|^arn:aws:iam::\d{12}:.+$).*",
    )
    .unwrap();
    assert!(p.is_match("arn:aws:iam::123456789012:role/DataScientist"));
    assert!(p.is_match("jane.doe@example.com"));
    assert!(p.is_match("8eb9f7e4-1234-4cde-9abc-0123456789ab"));
    assert!(!p.is_match("has space"));
    assert!(!p.is_match("arn:aws:iam::12345:role/x y"));
    assert!(!p.is_match(""));
    // Linear time on long hostile input.
    let long = "a ".repeat(50_000);
    assert!(!p.is_match(&long));
}

#[test]
fn rejects_unsupported_or_malformed() {
    for bad in [
        "(", "a)", "[a", "*a", "a{2,1}", r"\b", "(?=a)", "a{x}", "[z-a]", r"\",
    ] {
        assert!(Pattern::new(bad).is_err(), "{bad}");
    }
    assert!(Pattern::new("a{1,100000}").is_err());
}
