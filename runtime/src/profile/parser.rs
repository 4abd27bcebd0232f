//! The literal, line-level parser of the shared config file format.
//!
//! It accepts constructions that only become invalid later (bad section or
//! key names, `[foo]` in the config file): [`super::normalize`] decides
//! about those, so both files share one parser.

use super::error::ProfileFileError;

/// Only these two characters are whitespace in the format; `char::is_whitespace`
/// would accept more than the other AWS SDKs do.
pub(crate) const WHITESPACE: &[char] = &[' ', '\t'];
const COMMENT: &[char] = &['#', ';'];

/// One `[...]` section as written, before names are checked.
#[derive(Debug, Default)]
pub(crate) struct RawSection {
    /// The text between the brackets, trimmed.
    pub(crate) header: String,
    /// Properties in file order; keys are ASCII-lowercased.
    pub(crate) properties: Vec<(String, String)>,
}

enum State {
    Starting,
    InSection {
        /// Index of the current property in the current section, if any.
        property: Option<usize>,
        /// `key =` with an empty value starts a sub-property block.
        is_sub_property: bool,
    },
}

/// Splits `text` into sections. `file` names the file in errors.
///
/// Errors carry the 1-based line number and never the line's text, which
/// could hold a secret.
pub(crate) fn parse_file(text: &str, file: &str) -> Result<Vec<RawSection>, ProfileFileError> {
    // Windows editors may save a byte-order mark; it is not part of the first line.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut sections: Vec<RawSection> = Vec::new();
    let mut state = State::Starting;
    for (index, line) in text.lines().enumerate() {
        let line_number = index + 1;
        let error = |message: &'static str| ProfileFileError::parse(file, line_number, message);
        if line.trim_matches(WHITESPACE).is_empty() || line.starts_with(COMMENT) {
            continue;
        }
        if line.starts_with('[') {
            let header = prepare_line(line, false)
                .strip_suffix(']')
                .ok_or_else(|| error("Profile definition must end with ']'"))?;
            sections.push(RawSection {
                header: header[1..].trim_matches(WHITESPACE).to_owned(),
                properties: Vec::new(),
            });
            state = State::InSection {
                property: None,
                is_sub_property: false,
            };
        } else if line.starts_with(WHITESPACE) {
            let State::InSection {
                property,
                is_sub_property,
            } = &state
            else {
                return Err(error("Expected a profile definition"));
            };
            let Some(property) = *property else {
                return Err(error("Expected a property definition, found continuation"));
            };
            if *is_sub_property {
                validate_sub_property(line).map_err(|e| error(e.message("sub-property")))?;
            }
            // The state only holds an index into the last section.
            if let Some((_, value)) = sections
                .last_mut()
                .and_then(|section| section.properties.get_mut(property))
            {
                value.push('\n');
                value.push_str(line.trim_matches(WHITESPACE));
            }
        } else {
            let State::InSection { .. } = state else {
                return Err(error("Expected a profile definition"));
            };
            let (key, value) =
                parse_property_line(line).map_err(|e| error(e.message("property")))?;
            if let Some(section) = sections.last_mut() {
                let is_sub_property = value.is_empty();
                section.properties.push((key, value.to_owned()));
                state = State::InSection {
                    property: Some(section.properties.len() - 1),
                    is_sub_property,
                };
            }
        }
    }
    Ok(sections)
}

/// Why a `key = value` line was rejected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum PropertyError {
    NoEquals,
    NoName,
}

impl PropertyError {
    fn message(self, context: &'static str) -> &'static str {
        match (self, context) {
            (PropertyError::NoEquals, "sub-property") => {
                "Expected an '=' sign defining a sub-property"
            }
            (PropertyError::NoEquals, _) => "Expected an '=' sign defining a property",
            (PropertyError::NoName, "sub-property") => "Sub-property did not have a name",
            (PropertyError::NoName, _) => "Property did not have a name",
        }
    }
}

fn validate_sub_property(line: &str) -> Result<(), PropertyError> {
    if line.trim_matches(WHITESPACE).is_empty() {
        Ok(())
    } else {
        parse_property_line(line).map(|_| ())
    }
}

/// `key = value  # comment` into (`key` lowercased, `value`).
///
/// Keys are case-insensitive in the AWS SDKs' shared test suite, so they are
/// stored lowercased.
fn parse_property_line(line: &str) -> Result<(String, &str), PropertyError> {
    let line = prepare_line(line, true);
    let (key, value) = line.split_once('=').ok_or(PropertyError::NoEquals)?;
    let key = key.trim_matches(WHITESPACE);
    if key.is_empty() {
        return Err(PropertyError::NoName);
    }
    Ok((key.to_ascii_lowercase(), value.trim_matches(WHITESPACE)))
}

/// Trims the line and cuts a trailing comment.
///
/// In property lines a comment character starts a comment only after
/// whitespace (`value#x` keeps the `#x`); in section headers anywhere.
pub(crate) fn prepare_line(line: &str, comments_need_whitespace: bool) -> &str {
    let line = line.trim_matches(WHITESPACE);
    let mut previous_was_whitespace = false;
    let mut end = line.len();
    for (index, ch) in line.char_indices() {
        if COMMENT.contains(&ch) && (previous_was_whitespace || !comments_need_whitespace) {
            end = index;
            break;
        }
        previous_was_whitespace = WHITESPACE.contains(&ch);
    }
    line[..end].trim_matches(WHITESPACE)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_need_whitespace_only_in_properties() {
        assert_eq!(prepare_line("name = value # c # d", true), "name = value");
        assert_eq!(prepare_line("name = value#c # d", true), "name = value#c");
        assert_eq!(prepare_line("[profile a]#c", false), "[profile a]");
    }

    #[test]
    fn property_lines() {
        assert_eq!(parse_property_line("A = b"), Ok(("a".to_owned(), "b")));
        assert_eq!(parse_property_line("a=b=c"), Ok(("a".to_owned(), "b=c")));
        assert_eq!(parse_property_line("a ="), Ok(("a".to_owned(), "")));
        assert_eq!(parse_property_line("a b"), Err(PropertyError::NoEquals));
        assert_eq!(parse_property_line(" = b"), Err(PropertyError::NoName));
    }

    #[test]
    fn never_panics_on_odd_input() {
        for text in [
            "[",
            "]",
            "[]",
            "[ ]",
            " =",
            "[a]\n =",
            "[a]\nk=\n \t",
            "\u{feff}[a]",
            "[a]\nk=v\n\t#",
        ] {
            let _ = parse_file(text, "f");
        }
    }
}
