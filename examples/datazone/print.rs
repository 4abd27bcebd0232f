//! Output as the aws CLI prints it: JSON with the wire member names, in the
//! model's member order, indented by four spaces.

use std::fmt::Write as _;

use awsop::datazone::{
    CreateUserProfileOutput, GetUserProfileOutput, UpdateUserProfileOutput, UserProfileDetails,
    UserProfileStatus, UserProfileSummary, UserProfileType,
};

/// A JSON value whose objects keep their members in insertion order.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Json {
    String(String),
    Array(Vec<Json>),
    Object(Vec<(&'static str, Json)>),
}

impl Json {
    /// An object with the members that are present.
    pub(crate) fn object<const N: usize>(members: [(&'static str, Option<Json>); N]) -> Json {
        Json::Object(
            members
                .into_iter()
                .filter_map(|(name, value)| value.map(|v| (name, v)))
                .collect(),
        )
    }

    fn text(value: &Option<String>) -> Option<Json> {
        value.clone().map(Json::String)
    }

    /// Pretty-printed as Python's `json.dumps(value, indent=4)`, which is
    /// what the aws CLI prints.
    pub(crate) fn pretty(&self) -> String {
        let mut out = String::new();
        self.write(&mut out, 0);
        out
    }

    fn write(&self, out: &mut String, depth: usize) {
        let indent = |out: &mut String, depth: usize| {
            out.push('\n');
            out.extend(std::iter::repeat("    ").take(depth));
        };
        match self {
            Json::String(text) => {
                // serde_json escapes exactly what Python's json module does
                // with ensure_ascii=False (quotes, backslashes, controls).
                let _ = write!(out, "{}", serde_json::Value::from(text.as_str()));
            }
            Json::Array(items) if items.is_empty() => out.push_str("[]"),
            Json::Object(members) if members.is_empty() => out.push_str("{}"),
            Json::Array(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    indent(out, depth + 1);
                    item.write(out, depth + 1);
                }
                indent(out, depth);
                out.push(']');
            }
            Json::Object(members) => {
                out.push('{');
                for (i, (name, value)) in members.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    indent(out, depth + 1);
                    let _ = write!(out, "{}: ", serde_json::Value::from(*name));
                    value.write(out, depth + 1);
                }
                indent(out, depth);
                out.push('}');
            }
        }
    }
}

/// The members every profile-shaped answer has, in the model's order.
fn profile(
    domain_id: &Option<String>,
    id: &Option<String>,
    kind: &Option<UserProfileType>,
    status: &Option<UserProfileStatus>,
    details: &Option<UserProfileDetails>,
) -> Json {
    Json::object([
        ("domainId", Json::text(domain_id)),
        ("id", Json::text(id)),
        (
            "type",
            kind.as_ref().map(|k| Json::String(k.as_str().to_owned())),
        ),
        (
            "status",
            status.as_ref().map(|s| Json::String(s.as_str().to_owned())),
        ),
        ("details", details.as_ref().map(details_json)),
    ])
}

/// A union prints its one member; one this build does not know prints as
/// boto3 shows it, `{"SDK_UNKNOWN_MEMBER": {"name": "<member>"}}`.
fn details_json(details: &UserProfileDetails) -> Json {
    match details {
        UserProfileDetails::Iam(iam) => Json::object([(
            "iam",
            Some(Json::object([
                ("arn", Json::text(&iam.arn)),
                ("principalId", Json::text(&iam.principal_id)),
                ("sessionName", Json::text(&iam.session_name)),
                ("groupProfileId", Json::text(&iam.group_profile_id)),
            ])),
        )]),
        UserProfileDetails::Sso(sso) => Json::object([(
            "sso",
            Some(Json::object([
                ("username", Json::text(&sso.username)),
                ("firstName", Json::text(&sso.first_name)),
                ("lastName", Json::text(&sso.last_name)),
            ])),
        )]),
        UserProfileDetails::Unknown(name) => Json::object([(
            "SDK_UNKNOWN_MEMBER",
            Some(Json::object([("name", Some(Json::String(name.clone())))])),
        )]),
    }
}

/// The answers the CLI prints.
pub(crate) trait ToJson {
    /// The value as the aws CLI would print it.
    fn to_json(&self) -> Json;
}

macro_rules! profile_to_json {
    ($($shape:ty),*) => {$(
        impl ToJson for $shape {
            fn to_json(&self) -> Json {
                profile(&self.domain_id, &self.id, &self.r#type, &self.status, &self.details)
            }
        }
    )*};
}

profile_to_json!(
    CreateUserProfileOutput,
    GetUserProfileOutput,
    UpdateUserProfileOutput,
    UserProfileSummary
);

/// A search answer: its profiles, and the token to continue with.
pub(crate) fn search_json(
    items: &[UserProfileSummary],
    next_token: Option<(&'static str, String)>,
) -> Json {
    let items = Json::Array(items.iter().map(ToJson::to_json).collect());
    Json::Object(
        std::iter::once(("items", items))
            .chain(next_token.map(|(name, token)| (name, Json::String(token))))
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use awsop::datazone::SsoUserProfileDetails;

    #[test]
    fn unknown_members_and_values_print_as_boto3_does() {
        let summary = UserProfileSummary {
            id: Some("p1".into()),
            r#type: Some(UserProfileType::Unknown("ROBOT".into())),
            details: Some(UserProfileDetails::Unknown("robot".into())),
            ..Default::default()
        };
        assert_eq!(
            summary.to_json(),
            Json::object([
                ("id", Some(Json::String("p1".into()))),
                ("type", Some(Json::String("ROBOT".into()))),
                (
                    "details",
                    Some(Json::object([(
                        "SDK_UNKNOWN_MEMBER",
                        Some(Json::object([("name", Some(Json::String("robot".into())))])),
                    )])),
                ),
            ])
        );
    }

    #[test]
    fn sensitive_members_are_printed_as_the_service_sent_them() {
        let details = UserProfileDetails::Sso(SsoUserProfileDetails {
            username: Some("jane".into()),
            first_name: Some("Jane".into()),
            last_name: None,
        });
        assert_eq!(
            details_json(&details).pretty(),
            "{\n    \"sso\": {\n        \"username\": \"jane\",\n        \"firstName\": \"Jane\"\n    }\n}"
        );
    }

    #[test]
    fn indents_like_python() {
        let value = Json::object([
            ("a", Some(Json::String("x\"y".into()))),
            (
                "b",
                Some(Json::Array(vec![Json::object([]), Json::Array(vec![])])),
            ),
            ("c", None),
        ]);
        assert_eq!(
            value.pretty(),
            "{\n    \"a\": \"x\\\"y\",\n    \"b\": [\n        {},\n        []\n    ]\n}"
        );
    }
}
