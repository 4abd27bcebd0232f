//! Form bodies (`application/x-www-form-urlencoded`) compared as their
//! decoded `key=value` pairs, in any order, as botocore's own tests
//! compare them.

/// `%XX` and `+` decoded (a malformed escape is kept as written, so it
/// differs from any well-formed one).
fn decode(text: &str) -> String {
    let text = text.replace('+', " ");
    awsop::runtime::encoding::percent::decode(&text).unwrap_or(text)
}

fn pairs(form: &str) -> Vec<(String, String)> {
    let mut pairs: Vec<(String, String)> = form
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| match p.split_once('=') {
            Some((k, v)) => (decode(k), decode(v)),
            None => (decode(p), String::new()),
        })
        .collect();
    pairs.sort();
    pairs
}

/// Compares `actual` with the expected form text.
pub(crate) fn check_form_body(actual: &[u8], expected: &str, problems: &mut Vec<String>) {
    let got = String::from_utf8_lossy(actual);
    let (have, want) = (pairs(&got), pairs(expected));
    if have != want {
        let missing: Vec<_> = want.iter().filter(|p| !have.contains(p)).collect();
        let extra: Vec<_> = have.iter().filter(|p| !want.contains(p)).collect();
        problems.push(format!(
            "body (as form pairs): expected {expected:?}, got {got:?}; missing {missing:?}, unexpected {extra:?}"
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pairs_compare_decoded_in_any_order() {
        let mut problems = Vec::new();
        check_form_body(b"b=2&a=x%20y", "a=x+y&b=2", &mut problems);
        assert!(problems.is_empty(), "{problems:?}");
        check_form_body(b"a=1&a=1", "a=1", &mut problems);
        assert_eq!(problems.len(), 1);
        check_form_body(b"a=", "a", &mut problems);
        assert_eq!(problems.len(), 1, "`a` and `a=` are the same pair");
        check_form_body(b"Hi.1=A", "item.1=A", &mut problems);
        assert_eq!(problems.len(), 2);
    }
}
