//! Model names → Rust names, and the default wire names the macros derive
//! from Rust names (so the generator knows when a `rename` is needed).

/// Words Rust reserves; a member with such a name gets a `_` suffix and an
/// explicit `rename`.
const KEYWORDS: &[&str] = &[
    "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "crate",
    "do", "dyn", "else", "enum", "extern", "false", "final", "fn", "for", "gen", "if", "impl",
    "in", "let", "loop", "macro", "match", "mod", "move", "mut", "override", "priv", "pub", "ref",
    "return", "self", "Self", "static", "struct", "super", "trait", "true", "try", "type",
    "typeof", "unsafe", "unsized", "use", "virtual", "where", "while", "yield",
];

/// Splits a model name into words: `queryParamsMapOfStringList` →
/// `query Params Map Of String List`, `HTTPDate` → `HTTP Date`,
/// `_baz` → `baz`, `x-foo` → `x foo`. Digits stay with the word before them.
fn words(name: &str) -> Vec<String> {
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
            // A new word starts at `aB`, `1B`, and at the last capital of an
            // acronym followed by lower case (`HTTPDate` → `HTTP`, `Date`).
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

/// A field identifier for a member name, and whether it had to be escaped
/// (keyword, leading digit, empty) — escaped names always get a `rename`.
pub fn field_ident(member: &str) -> (String, bool) {
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
    if KEYWORDS.contains(&snake.as_str()) {
        return (format!("{snake}_"), true);
    }
    (snake, false)
}

/// A type or variant identifier: `SyntheticTimestamp_epoch_seconds` →
/// `SyntheticTimestampEpochSeconds`, `1` → `V1`, `enumvalue` → `Enumvalue`.
pub fn pascal_ident(name: &str) -> String {
    let mut out: String = words(name)
        .iter()
        .map(|w| {
            let mut chars = w.chars();
            match chars.next() {
                Some(first) => first.to_ascii_uppercase().to_string() + chars.as_str(),
                None => String::new(),
            }
        })
        .collect();
    if out.is_empty() {
        out.push_str("Empty");
    }
    if out.starts_with(|c: char| c.is_ascii_digit()) {
        out.insert(0, 'V');
    }
    out
}

/// The wire name the macros give a field by default: lowerCamelCase of the
/// snake_case identifier (`query_string` → `queryString`).
pub fn default_field_wire(ident: &str) -> String {
    let mut out = String::new();
    for (i, part) in ident.split('_').filter(|p| !p.is_empty()).enumerate() {
        if i == 0 {
            out.push_str(part);
        } else {
            let mut chars = part.chars();
            if let Some(first) = chars.next() {
                out.push(first.to_ascii_uppercase());
                out.push_str(chars.as_str());
            }
        }
    }
    out
}

/// The wire name the macros give a union variant by default: lowerCamelCase
/// of the variant (`StringValue` → `stringValue`).
pub fn default_variant_wire(variant: &str) -> String {
    let mut chars = variant.chars();
    match chars.next() {
        Some(first) => first.to_ascii_lowercase().to_string() + chars.as_str(),
        None => String::new(),
    }
}

/// The wire value the macros give a string-enum variant by default:
/// SCREAMING_SNAKE_CASE of the variant (`IamRole` → `IAM_ROLE`).
pub fn default_enum_wire(variant: &str) -> String {
    words(variant)
        .iter()
        .map(|w| w.to_ascii_uppercase())
        .collect::<Vec<_>>()
        .join("_")
}

/// A Rust string literal for any text.
pub fn str_lit(s: &str) -> String {
    // `{:?}` of a str is valid Rust literal syntax (escapes `"`, `\`,
    // control characters and uses `\u{..}` where needed).
    format!("{s:?}")
}

/// A module name for a suite: `s07_http_payload_traits`.
pub fn suite_module(index: usize, operation: &str) -> String {
    let (snake, _) = field_ident(operation);
    format!("s{index:02}_{}", snake.trim_end_matches('_'))
}
