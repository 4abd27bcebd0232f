//! Model names → Rust names, and the wire names the macros derive from
//! Rust names by default or under `rename_all` (so the generator knows
//! when a `rename` is needed, and which `rename_all` saves the most).
//!
//! The splitting rule is the macros' own (`macros/src/case.rs`): a word
//! starts at `aB`, `1B`, and at the last capital of an acronym followed by
//! lower case (`SSOUser` → `SSO`, `User`); anything not a letter or digit
//! separates words.

/// Words Rust reserves. Most become raw identifiers (`r#type`); the few
/// that cannot be raw get a `_` suffix and a `rename`.
const KEYWORDS: &[&str] = &[
    "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "crate",
    "do", "dyn", "else", "enum", "extern", "false", "final", "fn", "for", "gen", "if", "impl",
    "in", "let", "loop", "macro", "match", "mod", "move", "mut", "override", "priv", "pub", "ref",
    "return", "self", "Self", "static", "struct", "super", "trait", "true", "try", "type",
    "typeof", "unsafe", "unsized", "use", "virtual", "where", "while", "yield",
];

/// Keywords that are not valid raw identifiers.
const NOT_RAW: &[&str] = &["crate", "self", "Self", "super"];

/// Splits a model name into words: `SSEKMSKeyId` → `SSEKMS Key Id`,
/// `nodejs20.x` → `nodejs20 x`, `IAM_ROLE` → `IAM ROLE`.
pub(crate) fn words(name: &str) -> Vec<String> {
    let chars: Vec<char> = name.chars().collect();
    let mut words = Vec::new();
    let mut current = String::new();
    for (i, &c) in chars.iter().enumerate() {
        if !c.is_ascii_alphanumeric() {
            if !current.is_empty() {
                words.push(std::mem::take(&mut current));
            }
            continue;
        }
        if c.is_ascii_uppercase() && !current.is_empty() {
            let prev = chars[i - 1];
            let next_is_lower = chars.get(i + 1).is_some_and(|n| n.is_ascii_lowercase());
            if prev.is_ascii_lowercase()
                || prev.is_ascii_digit()
                || (prev.is_ascii_uppercase() && next_is_lower)
            {
                words.push(std::mem::take(&mut current));
            }
        }
        current.push(c);
    }
    if !current.is_empty() {
        words.push(current);
    }
    words
}

/// A field for a member name: `TableName` → `table_name`, `type` →
/// `r#type`. The second value says the name had to be changed beyond
/// snake_case (`self` → `self_`, `1st` → `m_1st`): such fields always get
/// a `rename`.
pub(crate) fn field_ident(member: &str) -> (String, bool) {
    let snake = words(member)
        .iter()
        .map(|w| w.to_ascii_lowercase())
        .collect::<Vec<_>>()
        .join("_");
    if snake.is_empty() {
        return ("member_".to_string(), true);
    }
    if snake.starts_with(|c: char| c.is_ascii_digit()) {
        return (format!("m_{snake}"), true);
    }
    if NOT_RAW.contains(&snake.as_str()) {
        return (format!("{snake}_"), true);
    }
    if KEYWORDS.contains(&snake.as_str()) {
        return (format!("r#{snake}"), false);
    }
    (snake, false)
}

/// A field identifier without its `r#`.
pub(crate) fn unraw(ident: &str) -> &str {
    ident.strip_prefix("r#").unwrap_or(ident)
}

fn capitalized(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_ascii_uppercase().to_string() + chars.as_str(),
        None => String::new(),
    }
}

/// A type name for a shape or operation: the name itself when it already
/// is an identifier starting with a capital (`KMSKeyId`), else its words
/// capitalized (`list-of_things` → `ListOfThings`). An all-capitals name
/// (`VPC`) becomes `Vpc`, as Rust's naming lint asks.
pub(crate) fn type_ident(name: &str) -> String {
    let plain = !name.is_empty()
        && name.chars().all(|c| c.is_ascii_alphanumeric())
        && name.starts_with(|c: char| c.is_ascii_alphabetic());
    let mut out = if plain {
        capitalized(name)
    } else {
        words(name).iter().map(|w| capitalized(w)).collect()
    };
    if out.len() > 1
        && out
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
    {
        out = capitalized(&out.to_ascii_lowercase());
    }
    if out.is_empty() {
        out.push_str("Empty");
    }
    if out.starts_with(|c: char| c.is_ascii_digit()) {
        out.insert(0, 'V');
    }
    if out == "Self" {
        out.push_str("Type");
    }
    out
}

/// A variant for an enum value: `IAM_ROLE_SESSION` → `IamRoleSession`,
/// `nodejs20.x` → `Nodejs20X`, `t2.micro` → `T2Micro`, `1` → `V1`.
pub(crate) fn variant_ident(value: &str) -> String {
    let mut out: String = words(value)
        .iter()
        .map(|w| {
            if w.chars().all(|c| !c.is_ascii_lowercase()) {
                capitalized(&w.to_ascii_lowercase())
            } else {
                capitalized(w)
            }
        })
        .collect();
    if out.is_empty() {
        out.push_str("Empty");
    }
    if out.starts_with(|c: char| c.is_ascii_digit()) {
        out.insert(0, 'V');
    }
    if out == "Self" {
        out.push_str("Value");
    }
    out
}

/// The ways the macros name members and values on the wire.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Rule {
    /// No `rename_all`: fields in lowerCamelCase, string-enum values in
    /// SCREAMING_SNAKE_CASE, union members in lowerCamelCase.
    Default,
    /// `rename_all = "PascalCase"`.
    Pascal,
    /// `rename_all = "camelCase"` (for string enums: `iamRole`).
    Camel,
    /// `rename_all = "kebab-case"`.
    Kebab,
    /// `rename_all = "snake_case"`.
    Snake,
}

impl Rule {
    /// The `rename_all` value, `None` for the default.
    pub(crate) fn name(self) -> Option<&'static str> {
        match self {
            Rule::Default => None,
            Rule::Pascal => Some("PascalCase"),
            Rule::Camel => Some("camelCase"),
            Rule::Kebab => Some("kebab-case"),
            Rule::Snake => Some("snake_case"),
        }
    }

    /// The wire name of field `ident` (`table_name`) under this rule.
    pub(crate) fn field(self, ident: &str) -> String {
        let parts: Vec<&str> = unraw(ident).split('_').filter(|p| !p.is_empty()).collect();
        match self {
            Rule::Default | Rule::Camel => parts
                .iter()
                .enumerate()
                .map(|(i, p)| {
                    if i == 0 {
                        p.to_string()
                    } else {
                        capitalized(p)
                    }
                })
                .collect(),
            Rule::Pascal => parts.iter().map(|p| capitalized(p)).collect(),
            Rule::Kebab => parts.join("-"),
            Rule::Snake => parts.join("_"),
        }
    }

    /// The wire name of string-enum variant `variant` under this rule.
    pub(crate) fn enum_value(self, variant: &str) -> String {
        let lower = |sep: &str| {
            words(variant)
                .iter()
                .map(|w| w.to_ascii_lowercase())
                .collect::<Vec<_>>()
                .join(sep)
        };
        match self {
            Rule::Default => lower("_").to_ascii_uppercase(),
            Rule::Pascal => variant.to_string(),
            Rule::Camel => lower_first(variant),
            Rule::Kebab => lower("-"),
            Rule::Snake => lower("_"),
        }
    }

    /// The wire name of union variant `variant` under this rule.
    pub(crate) fn union_member(self, variant: &str) -> String {
        match self {
            Rule::Default | Rule::Camel => lower_first(variant),
            Rule::Pascal => variant.to_string(),
            other => other.enum_value(variant),
        }
    }
}

fn lower_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_ascii_lowercase().to_string() + chars.as_str(),
        None => String::new(),
    }
}

/// Of `rules`, the one under which the fewest of `pairs` (name, wire)
/// need a `rename`; the first wins a tie (list the default first).
pub(crate) fn best_rule(
    rules: &[Rule],
    pairs: &[(String, String)],
    wire_of: impl Fn(Rule, &str) -> String,
) -> Rule {
    let mut best = (usize::MAX, Rule::Default);
    for &rule in rules {
        let misses = pairs
            .iter()
            .filter(|(name, wire)| wire_of(rule, name) != *wire)
            .count();
        if misses < best.0 {
            best = (misses, rule);
        }
    }
    best.1
}

/// A Rust string literal for any text.
pub(crate) fn str_lit(s: &str) -> String {
    // `{:?}` of a str is valid Rust literal syntax.
    format!("{s:?}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_snake_case_and_keywords_raw() {
        assert_eq!(field_ident("TableName"), ("table_name".into(), false));
        assert_eq!(
            field_ident("domainIdentifier"),
            ("domain_identifier".into(), false)
        );
        assert_eq!(field_ident("SSEKMSKeyId"), ("ssekms_key_id".into(), false));
        assert_eq!(field_ident("Ipv6Address"), ("ipv6_address".into(), false));
        assert_eq!(field_ident("type"), ("r#type".into(), false));
        assert_eq!(field_ident("Self"), ("self_".into(), true));
        assert_eq!(field_ident("1st"), ("m_1st".into(), true));
    }

    #[test]
    fn wire_names_follow_the_macros_rules() {
        assert_eq!(Rule::Default.field("domain_identifier"), "domainIdentifier");
        assert_eq!(Rule::Pascal.field("table_name"), "TableName");
        assert_eq!(Rule::Pascal.field("r#type"), "Type");
        assert_eq!(
            Rule::Default.enum_value("IamRoleSession"),
            "IAM_ROLE_SESSION"
        );
        assert_eq!(Rule::Kebab.enum_value("IamRole"), "iam-role");
        assert_eq!(Rule::Default.union_member("StringValue"), "stringValue");
    }

    #[test]
    fn type_and_variant_names() {
        assert_eq!(type_ident("KMSKeyId"), "KMSKeyId");
        assert_eq!(type_ident("VPC"), "Vpc");
        assert_eq!(type_ident("list-of_things"), "ListOfThings");
        assert_eq!(variant_ident("IAM_ROLE_SESSION"), "IamRoleSession");
        assert_eq!(variant_ident("nodejs20.x"), "Nodejs20X");
        assert_eq!(variant_ident("t2.micro"), "T2Micro");
        assert_eq!(variant_ident("1"), "V1");
        assert_eq!(variant_ident("SELF"), "SelfValue");
        assert_eq!(type_ident("Self"), "SelfType");
    }

    #[test]
    fn the_rule_with_fewest_renames_wins() {
        let pairs = vec![
            ("table_name".to_string(), "TableName".to_string()),
            ("key".to_string(), "Key".to_string()),
        ];
        let rule = best_rule(&[Rule::Default, Rule::Pascal], &pairs, |r, n| r.field(n));
        assert_eq!(rule, Rule::Pascal);
        let camel = vec![("key".to_string(), "key".to_string())];
        assert_eq!(
            best_rule(&[Rule::Default, Rule::Pascal], &camel, |r, n| r.field(n)),
            Rule::Default
        );
    }
}
