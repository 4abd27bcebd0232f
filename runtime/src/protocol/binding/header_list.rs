/// Appends one element of a header list, `", "`-separated, quoting it when
/// it holds a comma or a double quote (and `quote_text` allows: only
/// strings are quoted; http-dates keep their comma bare, as AWS sends them).
pub(crate) fn push_list_item(out: &mut String, first: &mut bool, item: &str, quote_text: bool) {
    if !*first {
        out.push_str(", ");
    }
    *first = false;
    if quote_text && item.contains([',', '"']) {
        out.push('"');
        for c in item.chars() {
            if matches!(c, '"' | '\\') {
                out.push('\\');
            }
            out.push(c);
        }
        out.push('"');
    } else {
        out.push_str(item);
    }
}

/// Splits a comma-separated header list, honouring double-quoted elements
/// (with `\` escapes) and trimming whitespace around each element.
///
/// ```
/// use awsop_runtime::protocol::binding::split_header_list;
/// assert_eq!(split_header_list(r#""b,c", "\"def\"", a"#).unwrap(), ["b,c", "\"def\"", "a"]);
/// assert_eq!(split_header_list("").unwrap(), Vec::<String>::new());
/// ```
pub fn split_header_list(text: &str) -> Result<Vec<String>, String> {
    let mut items = Vec::new();
    if text.trim().is_empty() {
        return Ok(items);
    }
    let mut chars = text.chars().peekable();
    loop {
        while chars.next_if(|c| *c == ' ' || *c == '\t').is_some() {}
        let mut item = String::new();
        if chars.next_if_eq(&'"').is_some() {
            loop {
                match chars.next() {
                    Some('\\') => match chars.next() {
                        Some(c) => item.push(c),
                        None => return Err("unterminated escape in a quoted list element".into()),
                    },
                    Some('"') => break,
                    Some(c) => item.push(c),
                    None => return Err("unterminated quoted list element".into()),
                }
            }
            while chars.next_if(|c| *c == ' ' || *c == '\t').is_some() {}
            match chars.next() {
                None => {
                    items.push(item);
                    return Ok(items);
                }
                Some(',') => items.push(item),
                Some(c) => return Err(format!("unexpected `{c}` after a quoted list element")),
            }
        } else {
            let mut ended_by_comma = false;
            for c in chars.by_ref() {
                if c == ',' {
                    ended_by_comma = true;
                    break;
                }
                item.push(c);
            }
            items.push(item.trim().to_string());
            if !ended_by_comma {
                return Ok(items);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_list_items_that_need_it() {
        let mut out = String::new();
        let mut first = true;
        for item in ["b,c", "\"def\"", "a"] {
            push_list_item(&mut out, &mut first, item, true);
        }
        assert_eq!(out, r#""b,c", "\"def\"", a"#);
    }

    #[test]
    fn splits_plain_lists() {
        assert_eq!(split_header_list("a, b,c").unwrap(), ["a", "b", "c"]);
        assert_eq!(split_header_list("a,").unwrap(), ["a", ""]);
        assert!(split_header_list("\"a").is_err());
        assert!(split_header_list("\"a\" b").is_err());
    }
}
