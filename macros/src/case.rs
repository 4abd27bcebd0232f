//! Rust names to AWS wire names: the defaults, and the `rename_all` rules.

/// A `rename_all = "..."` rule.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum RenameRule {
    Pascal,
    /// `camelCase` and `lowerCamelCase` (the same rule under two names).
    Camel,
    Snake,
    ScreamingSnake,
    Kebab,
}

impl RenameRule {
    /// The rule a `rename_all` string names (one of `symbol::RENAME_RULES`).
    pub(crate) fn parse(name: &str) -> Option<Self> {
        Some(match name {
            "PascalCase" => RenameRule::Pascal,
            "camelCase" | "lowerCamelCase" => RenameRule::Camel,
            "snake_case" => RenameRule::Snake,
            "SCREAMING_SNAKE_CASE" => RenameRule::ScreamingSnake,
            "kebab-case" => RenameRule::Kebab,
            _ => return None,
        })
    }

    /// A field's wire name under this rule (`table_name` → `TableName`).
    pub(crate) fn field(self, snake: &str) -> String {
        let words: Vec<&str> = snake.split('_').filter(|w| !w.is_empty()).collect();
        self.join(&words)
    }

    /// A variant's wire name under this rule (`IamRole` → `iam-role`).
    pub(crate) fn variant(self, pascal: &str) -> String {
        match self {
            // The ident already is PascalCase; acronyms stay as written.
            RenameRule::Pascal => pascal.to_string(),
            RenameRule::Camel => lower_first(pascal),
            _ => {
                let words = pascal_words(pascal);
                let words: Vec<&str> = words.iter().map(String::as_str).collect();
                self.join(&words)
            }
        }
    }

    fn join(self, words: &[&str]) -> String {
        let capitalized = |w: &str| {
            let mut chars = w.chars();
            match chars.next() {
                Some(first) => first.to_uppercase().chain(chars).collect::<String>(),
                None => String::new(),
            }
        };
        match self {
            RenameRule::Pascal => words.iter().map(|w| capitalized(w)).collect(),
            RenameRule::Camel => words
                .iter()
                .enumerate()
                .map(|(i, w)| {
                    if i == 0 {
                        w.to_lowercase()
                    } else {
                        capitalized(w)
                    }
                })
                .collect(),
            RenameRule::Snake => join_lower(words, "_"),
            RenameRule::ScreamingSnake => join_lower(words, "_").to_uppercase(),
            RenameRule::Kebab => join_lower(words, "-"),
        }
    }
}

fn join_lower(words: &[&str], separator: &str) -> String {
    words
        .iter()
        .map(|w| w.to_lowercase())
        .collect::<Vec<_>>()
        .join(separator)
}

/// The words of a PascalCase name, acronyms kept together: `SSOUser` →
/// `SSO`, `User`; `Gp2` → `Gp2`.
fn pascal_words(camel: &str) -> Vec<String> {
    let chars: Vec<char> = camel.chars().collect();
    let mut words = Vec::new();
    let mut word = String::new();
    for (i, &c) in chars.iter().enumerate() {
        if i > 0 && c.is_uppercase() {
            let prev = chars[i - 1];
            let next_lower = chars.get(i + 1).is_some_and(|n| n.is_lowercase());
            if prev.is_lowercase() || prev.is_ascii_digit() || (prev.is_uppercase() && next_lower) {
                words.push(std::mem::take(&mut word));
            }
        }
        word.push(c);
    }
    if !word.is_empty() {
        words.push(word);
    }
    words
}

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
    RenameRule::ScreamingSnake.variant(camel)
}

/// `StringValue` → `stringValue`.
pub(crate) fn lower_first(camel: &str) -> String {
    let mut chars = camel.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The Rust field a wire name becomes: its words in snake_case
/// (`NextToken`, `nextToken` → `next_token`, `SSOUsers` → `sso_users`). A
/// name already in snake_case is kept.
pub(crate) fn field_name(wire: &str) -> String {
    if !wire.chars().any(char::is_uppercase) {
        return wire.to_string();
    }
    join_lower(
        &pascal_words(wire)
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>(),
        "_",
    )
}

/// FNV-1a, 64 bits: the key of the runtime's `MemberType` impls (it
/// computes the same).
pub(crate) fn field_hash(name: &str) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for b in name.bytes() {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    hash
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
    fn rename_rules() {
        use RenameRule::*;
        let field = |rule: RenameRule| rule.field("table_name_v2");
        assert_eq!(field(Pascal), "TableNameV2");
        assert_eq!(field(Camel), "tableNameV2");
        assert_eq!(field(Snake), "table_name_v2");
        assert_eq!(field(ScreamingSnake), "TABLE_NAME_V2");
        assert_eq!(field(Kebab), "table-name-v2");
        let variant = |rule: RenameRule| rule.variant("SSOUserGp2");
        assert_eq!(variant(Pascal), "SSOUserGp2");
        assert_eq!(variant(Camel), "sSOUserGp2");
        assert_eq!(variant(Snake), "sso_user_gp2");
        assert_eq!(variant(ScreamingSnake), "SSO_USER_GP2");
        assert_eq!(variant(Kebab), "sso-user-gp2");
        assert_eq!(RenameRule::parse("lowerCamelCase"), Some(Camel));
        assert_eq!(RenameRule::parse("Pascal"), None);
    }

    #[test]
    fn field_names() {
        assert_eq!(field_name("NextToken"), "next_token");
        assert_eq!(field_name("nextToken"), "next_token");
        assert_eq!(field_name("next_token"), "next_token");
        assert_eq!(field_name("SSOUsers"), "sso_users");
        // The published FNV-1a 64 test vectors.
        assert_eq!(field_hash(""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(field_hash("a"), 0xaf63_dc4c_8601_ec8c);
    }

    #[test]
    fn edit_distance() {
        assert_eq!(distance("lable", "label"), 2);
        assert_eq!(distance("header", "header"), 0);
        assert_eq!(distance("", "abc"), 3);
    }
}
