//! Checks an operation's input against the model's constraints, and words
//! the failures as AWS does:
//! `1 validation error detected: Value 'x' at 'userType' failed to satisfy
//! constraint: Member must satisfy enum value set: [IAM_USER, ...]`.

use serde_json::{Map, Value};

use crate::error::ServiceError;
use crate::model::{Model, ShapeKind};

/// Validates `params` (member name → value) as the structure `shape`.
pub(crate) fn validate(
    model: &Model,
    shape: &str,
    params: &Map<String, Value>,
) -> Result<(), ServiceError> {
    let mut errors = Vec::new();
    check_structure(model, shape, params, "", &mut errors);
    match errors.len() {
        0 => Ok(()),
        1 => Err(ServiceError::validation(format!(
            "1 validation error detected: {}",
            errors[0]
        ))),
        n => Err(ServiceError::validation(format!(
            "{n} validation errors detected: {}",
            errors.join("; ")
        ))),
    }
}

fn check_structure(
    model: &Model,
    shape: &str,
    value: &Map<String, Value>,
    prefix: &str,
    errors: &mut Vec<String>,
) {
    let Some(ShapeKind::Structure { members, required }) = model.shape(shape).map(|s| &s.kind)
    else {
        return;
    };
    for member in members {
        let path = format!("{prefix}{}", member.name);
        match value.get(&member.name) {
            // JSON null means "not set", as in AWS's deserializers.
            None | Some(Value::Null) => {
                if required.contains(&member.name) {
                    errors.push(format!(
                        "Value null at '{path}' failed to satisfy constraint: Member must not be null"
                    ));
                }
            }
            Some(v) => check_value(model, &member.shape, v, &path, errors),
        }
    }
}

const REDACTED: &str = "'*** Sensitive Data Redacted ***'";
const SHOWN_CHARS: usize = 256;

/// The value as an error message shows it.
fn shown(value: &Value, sensitive: bool) -> String {
    if sensitive {
        return REDACTED.to_owned();
    }
    let text = match value {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    let mut short: String = text.chars().take(SHOWN_CHARS).collect();
    if short.len() < text.len() {
        short.push_str("...");
    }
    format!("'{short}'")
}

/// The longest string a pattern is matched against when the model sets no
/// maximum length (`UserIdentifier` has none): the longest IAM ARN. Matching
/// costs time in proportion to the input, and a signed 1 MiB value took
/// ~1.3 s of CPU; longer values fail as too long instead, without matching.
pub(crate) const MAX_PATTERN_INPUT: u64 = 2048;

/// Checks a length against the model's bounds; false when it fails them.
fn check_length(
    count: usize,
    min: Option<u64>,
    max: Option<u64>,
    fail: &mut dyn FnMut(String),
) -> bool {
    let count = count as u64;
    let mut ok = true;
    if let Some(min) = min.filter(|&min| count < min) {
        fail(format!(
            "Member must have length greater than or equal to {min}"
        ));
        ok = false;
    }
    if let Some(max) = max.filter(|&max| count > max) {
        fail(format!(
            "Member must have length less than or equal to {max}"
        ));
        ok = false;
    }
    ok
}

fn check_value(model: &Model, shape: &str, value: &Value, path: &str, errors: &mut Vec<String>) {
    let Some(shape_def) = model.shape(shape) else {
        return;
    };
    // Worded only on failure: valid input (the common case) costs no strings.
    let mut fail = |constraint: String| {
        errors.push(format!(
            "Value {} at '{path}' failed to satisfy constraint: {constraint}",
            shown(value, shape_def.sensitive)
        ))
    };
    let mut nested = Vec::new();
    match &shape_def.kind {
        ShapeKind::String {
            min,
            max,
            pattern,
            values,
        } => {
            let Some(text) = value.as_str() else {
                fail("Member must be a string".to_owned());
                return;
            };
            if let Some(values) = values {
                if !values.iter().any(|v| v == text) {
                    fail(format!(
                        "Member must satisfy enum value set: [{}]",
                        values.join(", ")
                    ));
                }
            }
            // Smithy lengths count Unicode code points, not bytes or UTF-16 units.
            let count = text.chars().count();
            let length_ok = check_length(count, *min, *max, &mut fail);
            // Lengths first: a value they refuse is not pattern-matched at all
            // (matching is the expensive part), and without a model maximum
            // the pattern sees at most MAX_PATTERN_INPUT characters.
            if let (Some(pattern), true) = (pattern, length_ok) {
                if max.is_none() && count as u64 > MAX_PATTERN_INPUT {
                    fail(format!(
                        "Member must have length less than or equal to {MAX_PATTERN_INPUT}"
                    ));
                } else if !pattern.is_match(text) {
                    fail(format!(
                        "Member must satisfy regular expression pattern: {}",
                        pattern.as_str()
                    ));
                }
            }
        }
        ShapeKind::Integer { min, max, bits } => {
            let in_type = value.as_i64().filter(|&n| {
                *bits == 64 || (i64::from(i32::MIN)..=i64::from(i32::MAX)).contains(&n)
            });
            let Some(number) = in_type else {
                fail(if *bits == 32 {
                    "Member must be an integer".to_owned()
                } else {
                    "Member must be a long".to_owned()
                });
                return;
            };
            if let Some(min) = min.filter(|&min| number < min) {
                fail(format!(
                    "Member must have value greater than or equal to {min}"
                ));
            }
            if let Some(max) = max.filter(|&max| number > max) {
                fail(format!(
                    "Member must have value less than or equal to {max}"
                ));
            }
        }
        ShapeKind::Boolean => {
            if !value.is_boolean() {
                fail("Member must be a boolean".to_owned());
            }
        }
        ShapeKind::Structure { .. } => match value.as_object() {
            Some(object) => check_structure(model, shape, object, &format!("{path}."), &mut nested),
            None => fail("Member must be a structure".to_owned()),
        },
        ShapeKind::List { member, min, max } => match value.as_array() {
            Some(items) => {
                check_length(items.len(), *min, *max, &mut fail);
                for (i, item) in items.iter().enumerate() {
                    if !item.is_null() {
                        let item_path = format!("{path}.{}.member", i + 1);
                        check_value(model, member, item, &item_path, &mut nested);
                    }
                }
            }
            None => fail("Member must be a list".to_owned()),
        },
        ShapeKind::Map {
            key,
            value: value_shape,
            min,
            max,
        } => match value.as_object() {
            Some(entries) => {
                check_length(entries.len(), *min, *max, &mut fail);
                for (k, v) in entries {
                    let key_value = Value::String(k.clone());
                    check_value(model, key, &key_value, &format!("{path}.key"), &mut nested);
                    if !v.is_null() {
                        check_value(model, value_shape, v, &format!("{path}.{k}"), &mut nested);
                    }
                }
            }
            None => fail("Member must be a map".to_owned()),
        },
        ShapeKind::Other => {}
    }
    errors.extend(nested);
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn check(shape: &str, params: Value) -> Result<(), String> {
        let model = Model::embedded().unwrap();
        let params = params.as_object().unwrap().clone();
        validate(&model, shape, &params).map_err(|e| {
            assert_eq!((e.status, e.code), (400, "ValidationException"));
            e.message
        })
    }

    #[test]
    fn accepts_valid_input() {
        check(
            "CreateUserProfileInput",
            json!({"domainIdentifier": "dzd_4p9n6sw4qt9xgn",
                   "userIdentifier": "arn:aws:iam::123456789012:role/DataScientist",
                   "userType": "IAM_ROLE", "clientToken": "t", "unknownMember": 1}),
        )
        .unwrap();
    }

    #[test]
    fn required_members() {
        let message = check(
            "CreateUserProfileInput",
            json!({"domainIdentifier": "dzd_a"}),
        )
        .unwrap_err();
        assert_eq!(
            message,
            "1 validation error detected: Value null at 'userIdentifier' failed to satisfy constraint: Member must not be null"
        );
    }

    #[test]
    fn enum_pattern_length_range() {
        let message = check(
            "CreateUserProfileInput",
            json!({"domainIdentifier": "nope", "userIdentifier": "a b", "userType": "ROBOT",
                   "sessionName": "x"}),
        )
        .unwrap_err();
        assert!(
            message.starts_with("4 validation errors detected: "),
            "{message}"
        );
        assert!(message.contains("Value 'nope' at 'domainIdentifier' failed to satisfy constraint: Member must satisfy regular expression pattern: dzd[-_][a-zA-Z0-9_-]{1,36}"), "{message}");
        assert!(message.contains("at 'userType' failed to satisfy constraint: Member must satisfy enum value set: [IAM_USER, IAM_ROLE, SSO_USER, IAM_ROLE_SESSION]"), "{message}");
        assert!(message.contains("Value 'x' at 'sessionName' failed to satisfy constraint: Member must have length greater than or equal to 2"), "{message}");

        let message = check(
            "SearchUserProfilesInput",
            json!({"domainIdentifier": "dzd_a", "userType": "DATAZONE_USER", "maxResults": 51}),
        )
        .unwrap_err();
        assert!(message.ends_with("Value '51' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 50"), "{message}");
    }

    #[test]
    fn lengths_count_code_points() {
        // 64 four-byte characters: 256 bytes, 128 UTF-16 units, 64 code points.
        let name = "😀".repeat(64);
        check(
            "UpdateUserProfileInput",
            json!({"domainIdentifier": "dzd_a", "userIdentifier": "u", "status": "ASSIGNED",
                   "sessionName": name}),
        )
        .unwrap();
        let too_long = "😀".repeat(65);
        assert!(check(
            "UpdateUserProfileInput",
            json!({"domainIdentifier": "dzd_a", "userIdentifier": "u", "status": "ASSIGNED",
                   "sessionName": too_long}),
        )
        .unwrap_err()
        .contains("less than or equal to 64"));
    }

    #[test]
    fn types_and_redaction() {
        let message = check(
            "SearchUserProfilesInput",
            json!({"domainIdentifier": "dzd_a", "userType": 3, "maxResults": "ten",
                   "searchText": 5}),
        )
        .unwrap_err();
        assert!(message.contains("Value 'ten' at 'maxResults' failed to satisfy constraint: Member must be an integer"), "{message}");
        assert!(
            message.contains(
                "Value '3' at 'userType' failed to satisfy constraint: Member must be a string"
            ),
            "{message}"
        );
        assert!(
            message.contains("Value '*** Sensitive Data Redacted ***' at 'searchText'"),
            "{message}"
        );
        assert!(check(
            "SearchUserProfilesInput",
            json!({"domainIdentifier": "dzd_a", "userType": "DATAZONE_USER", "maxResults": 1.5}),
        )
        .is_err());
        assert!(check(
            "SearchUserProfilesInput",
            json!({"domainIdentifier": "dzd_a", "userType": "DATAZONE_USER", "maxResults": 4294967297u64}),
        )
        .is_err());
    }

    #[test]
    fn a_1_mib_value_is_refused_by_length_without_pattern_matching() {
        // Every character is one `^[a-zA-Z_0-9+=,.@-]+$` allows: matching
        // would accept it, after ~1.3 s of CPU. The length bound comes first.
        let huge = "a".repeat(1024 * 1024);
        let message = check(
            "CreateUserProfileInput",
            json!({"domainIdentifier": "dzd_a", "userIdentifier": huge}),
        )
        .unwrap_err();
        assert!(
            message.ends_with("at 'userIdentifier' failed to satisfy constraint: Member must have length less than or equal to 2048"),
            "{}",
            &message[message.len() - 200..]
        );
        let at_the_bound = "a".repeat(MAX_PATTERN_INPUT as usize);
        check(
            "CreateUserProfileInput",
            json!({"domainIdentifier": "dzd_a", "userIdentifier": at_the_bound}),
        )
        .unwrap();
    }

    #[test]
    fn null_means_absent() {
        check(
            "SearchUserProfilesInput",
            json!({"domainIdentifier": "dzd_a", "userType": "DATAZONE_USER", "maxResults": null}),
        )
        .unwrap();
    }
}
