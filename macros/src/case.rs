//! Rust names to AWS wire names.

/// `domain_identifier` → `domainIdentifier`.
pub(crate) fn lower_camel(snake: &str) -> String {
    let mut out = String::with_capacity(snake.len());
    let mut upper_next = false;
    for c in snake.chars() {
        if c == '_' {
            upper_next = !out.is_empty();
        } else if upper_next {
            out.extend(c.to_uppercase());
            upper_next = false;
        } else {
            out.push(c);
        }
    }
    out
}

/// `IamRoleSession` → `IAM_ROLE_SESSION`, `SSOUser` → `SSO_USER`, `Gp2` → `GP2`.
pub(crate) fn screaming_snake(camel: &str) -> String {
    let chars: Vec<char> = camel.chars().collect();
    let mut out = String::with_capacity(camel.len() + 4);
    for (i, &c) in chars.iter().enumerate() {
        if i > 0 && c.is_uppercase() {
            let prev = chars[i - 1];
            let next_lower = chars.get(i + 1).is_some_and(|n| n.is_lowercase());
            if prev.is_lowercase() || prev.is_ascii_digit() || (prev.is_uppercase() && next_lower) {
                out.push('_');
            }
        }
        out.extend(c.to_uppercase());
    }
    out
}

/// `StringValue` → `stringValue`.
pub(crate) fn lower_first(camel: &str) -> String {
    let mut chars = camel.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// `domainIdentifier` → `domain_identifier`, for suggestions.
pub(crate) fn snake(camel: &str) -> String {
    let mut out = String::new();
    for c in camel.chars() {
        if c.is_uppercase() {
            if !out.is_empty() {
                out.push('_');
            }
            out.extend(c.to_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// The Levenshtein distance, to suggest the key the user probably meant.
pub(crate) fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = if ca == cb {
                prev
            } else {
                1 + prev.min(row[j]).min(cur)
            };
            prev = cur;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn camel() {
        assert_eq!(lower_camel("domain_identifier"), "domainIdentifier");
        assert_eq!(lower_camel("ipv4_address"), "ipv4Address");
        assert_eq!(lower_camel("id"), "id");
        assert_eq!(lower_camel("_private"), "private");
    }

    #[test]
    fn screaming() {
        assert_eq!(screaming_snake("IamUser"), "IAM_USER");
        assert_eq!(screaming_snake("IamRoleSession"), "IAM_ROLE_SESSION");
        assert_eq!(screaming_snake("SSOUser"), "SSO_USER");
        assert_eq!(screaming_snake("Gp2"), "GP2");
        assert_eq!(screaming_snake("Enabled"), "ENABLED");
    }

    #[test]
    fn lower() {
        assert_eq!(lower_first("StringValue"), "stringValue");
        assert_eq!(lower_first("Iam"), "iam");
    }

    #[test]
    fn edit_distance() {
        assert_eq!(distance("lable", "label"), 2);
        assert_eq!(distance("header", "header"), 0);
        assert_eq!(distance("", "abc"), 3);
    }
}
