//! Properties, checked over generated inputs (proptest):
//!
//! 1. Any label string round-trips: our percent-encoding, over the wire,
//!    through the emulator's decoding, gives back exactly the string, in
//!    one path segment.
//! 2. Any generated `CreateUserProfile` serializes to JSON that the
//!    emulator's model validation accepts, or rejects naming exactly the
//!    members that break the model's rules; accepted input comes back
//!    unchanged in the created profile.
//!
//! The emulator validates against the vendored model on its own; the oracle
//! here restates the model's constraints independently of both sides.

use std::collections::BTreeSet;

use awsop::datazone::{
    CreateUserProfile, DataZoneError, GetUserProfile, UserProfileDetails, UserProfileType, UserType,
};
use awsop::runtime::error::ErrorKind;
use awsop::runtime::operation::Operation;
use awsop::Client;
use awsop_emulator::Emulator;
use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestRunner};

const DOMAIN: &str = "dzd_props";

/// ECMA-262 line terminators: what `.` does not match in the model's patterns.
fn is_line_terminator(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}')
}

/// Any text without line terminators, up to `max` characters, all of
/// Unicode included (controls, quotes, `/`, `%`, `?`, `#`, emoji, ...).
fn free_text(max: usize) -> impl Strategy<Value = String> {
    proptest::collection::vec(any::<char>(), 1..=max).prop_map(|chars| {
        chars
            .into_iter()
            .map(|c| if is_line_terminator(c) { '_' } else { c })
            .collect()
    })
}

/// User identifiers the model's `UserIdentifier` pattern accepts.
fn valid_user_identifier() -> impl Strategy<Value = String> {
    prop_oneof![
        // ^[a-zA-Z_0-9+=,.@-]+$ : names, including `.` and `..`.
        "[a-zA-Z_0-9+=,.@-]{1,16}",
        Just(".".to_owned()),
        Just("..".to_owned()),
        // ^arn:aws:iam::\d{12}:.+$ : anything after the account.
        free_text(24).prop_map(|rest| format!("arn:aws:iam::123456789012:{rest}")),
        free_text(8).prop_map(|rest| format!("arn:aws:iam::123456789012:role/../{rest}")),
        // The profile-id form.
        "([0-9a-f]{10}-)?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}",
    ]
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap()
}

fn client_for(emulator: &Emulator) -> Client {
    Client::builder()
        .region(emulator.region())
        .credentials(emulator.credentials())
        .endpoint_url(emulator.endpoint_url())
        .max_attempts(1)
        .build()
        .unwrap()
}

fn runner(cases: u32) -> TestRunner {
    TestRunner::new(Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    })
}

fn percent_decode(text: &str) -> Option<Vec<u8>> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    Some(out)
}

// ---- 1. labels ------------------------------------------------------------------

/// The encoding alone, over many more cases than the wire allows: the
/// label lands in one segment, is not a dot-segment that a URL parser
/// would collapse, and decodes to itself.
#[test]
fn any_label_encodes_into_one_segment_that_decodes_to_itself() {
    let labels = prop_oneof![free_text(32), valid_user_identifier(), "[./%?#+ ]{1,4}"];
    runner(4_096)
        .run(&labels, |label| {
            let op = GetUserProfile {
                domain_identifier: DOMAIN.into(),
                user_identifier: label.clone(),
                ..Default::default()
            };
            let request = match op.serialize() {
                Ok(request) => request,
                // Refusing is allowed for the dot-segments, naming the member.
                Err(e) if label == "." || label == ".." => {
                    prop_assert!(e.to_string().contains("userIdentifier"), "{e}");
                    return Ok(());
                }
                Err(e) => return Err(TestCaseError::fail(format!("{label:?} refused: {e}"))),
            };
            let path = request.uri.split('?').next().unwrap_or_default();
            let segment = path
                .strip_prefix(&format!("/v2/domains/{DOMAIN}/user-profiles/"))
                .ok_or_else(|| TestCaseError::fail(format!("unexpected path {path}")))?;
            prop_assert!(!segment.contains(['/', '?', '#']), "{label:?} -> {segment}");
            prop_assert!(
                segment != "." && segment != "..",
                "{label:?} is sent as a dot-segment, which URL parsers collapse"
            );
            prop_assert_eq!(percent_decode(segment), Some(label.into_bytes()));
            Ok(())
        })
        .unwrap();
}

/// The whole way: a profile is created for a user identifier (sent in the
/// JSON body), then read back with the same text as a URI label: the
/// emulator finds it only if the label decoded to the same text.
#[test]
fn any_label_round_trips_through_the_emulator() {
    let rt = runtime();
    let emulator = rt.block_on(Emulator::start());
    let client = client_for(&emulator);
    runner(256)
        .run(&valid_user_identifier(), |user| {
            rt.block_on(async {
                let created = CreateUserProfile {
                    domain_identifier: DOMAIN.into(),
                    user_identifier: user.clone(),
                    user_type: Some(UserType::SsoUser),
                    ..Default::default()
                }
                .send(&client)
                .await
                .map_err(|e| TestCaseError::fail(format!("create {user:?}: {e:?}")))?;
                let got = GetUserProfile {
                    domain_identifier: DOMAIN.into(),
                    user_identifier: user.clone(),
                    r#type: Some(UserProfileType::Sso),
                    ..Default::default()
                }
                .send(&client)
                .await;
                match got {
                    Ok(got) => {
                        prop_assert_eq!(got.id, created.id, "{:?} found another profile", user);
                    }
                    Err(e)
                        if e.kind() == ErrorKind::Construction && (user == "." || user == "..") =>
                    {
                        prop_assert!(e.to_string().contains("userIdentifier"), "{e}");
                    }
                    Err(e) => {
                        return Err(TestCaseError::fail(format!(
                            "{user:?} did not round-trip: {e:?}"
                        )))
                    }
                }
                Ok(())
            })
        })
        .unwrap();
}

// ---- 2. bodies against the model --------------------------------------------------

/// `dzd[-_][a-zA-Z0-9_-]{1,36}`, unanchored (as the model's patterns are).
fn domain_ok(domain: &str) -> bool {
    let b = domain.as_bytes();
    (0..b.len()).any(|i| {
        b[i..].starts_with(b"dzd")
            && matches!(b.get(i + 3), Some(b'-' | b'_'))
            && b.get(i + 4)
                .is_some_and(|c| c.is_ascii_alphanumeric() || matches!(c, b'_' | b'-'))
    })
}

/// The `UserIdentifier` pattern: `.*(^A$|^B$|^C$).*` without the multiline
/// flag is a whole-string match of A, B or C.
fn user_identifier_ok(user: &str) -> bool {
    let hex = |s: &str, n: usize, any_case: bool| {
        s.len() == n
            && s.bytes().all(|b| {
                b.is_ascii_digit()
                    || (b'a'..=b'f').contains(&b)
                    || (any_case && (b'A'..=b'F').contains(&b))
            })
    };
    let uuid = |s: &str| {
        let parts: Vec<&str> = s.split('-').collect();
        parts.len() == 5
            && [8, 4, 4, 4, 12]
                .iter()
                .zip(&parts)
                .all(|(n, p)| hex(p, *n, true))
    };
    let a = uuid(user)
        || user
            .split_once('-')
            .is_some_and(|(prefix, rest)| hex(prefix, 10, false) && uuid(rest));
    let b = !user.is_empty()
        && user
            .bytes()
            .all(|c| c.is_ascii_alphanumeric() || b"_+=,.@-".contains(&c));
    let c = user.strip_prefix("arn:aws:iam::").is_some_and(|rest| {
        rest.len() > 13
            && rest.as_bytes()[..12].iter().all(u8::is_ascii_digit)
            && rest.as_bytes()[12] == b':'
            && !rest[13..].is_empty()
            && !rest[13..].chars().any(is_line_terminator)
    });
    a || b || c
}

/// The emulator's IAM check: `arn:aws:iam::<12 digits>:<something>`.
fn is_iam_arn(user: &str) -> bool {
    user.strip_prefix("arn:aws:iam::")
        .and_then(|rest| rest.split_once(':'))
        .is_some_and(|(account, resource)| {
            account.len() == 12
                && account.bytes().all(|b| b.is_ascii_digit())
                && !resource.is_empty()
        })
}

const KNOWN_TYPES: [&str; 4] = ["IAM_USER", "IAM_ROLE", "SSO_USER", "IAM_ROLE_SESSION"];

fn user_type() -> impl Strategy<Value = Option<UserType>> {
    prop_oneof![
        2 => Just(None),
        2 => Just(Some(UserType::IamUser)),
        2 => Just(Some(UserType::IamRole)),
        3 => Just(Some(UserType::SsoUser)),
        2 => Just(Some(UserType::IamRoleSession)),
        1 => "[A-Z_]{1,12}|[a-z ]{0,6}".prop_map(|s| Some(UserType::Unknown(s))),
    ]
}

fn wire_type(t: &UserType) -> String {
    match t {
        UserType::IamUser => "IAM_USER".into(),
        UserType::IamRole => "IAM_ROLE".into(),
        UserType::SsoUser => "SSO_USER".into(),
        UserType::IamRoleSession => "IAM_ROLE_SESSION".into(),
        UserType::Unknown(s) => s.clone(),
    }
}

fn create_input() -> impl Strategy<Value = CreateUserProfile> {
    // Weighted so that about half the inputs are valid.
    let domain = prop_oneof![
        6 => "dzd[-_][a-zA-Z0-9_-]{1,36}",
        // Sometimes valid only unanchored, sometimes not at all. Not `.`
        // or `..`: labels have their own property above.
        1 => "[a-z_/%?# -]{0,3}(dzd_[a-z]{1,3})?[a-z_/%?# -]{0,3}",
        1 => free_text(12),
    ]
    .prop_filter("dot-segments are covered by the label properties", |d| {
        d != "." && d != ".."
    });
    let user = prop_oneof![
        12 => valid_user_identifier(),
        1 => free_text(16),
        1 => Just(String::new()),
        1 => Just("arn:aws:iam::123456789012:role/line\nbreak".to_owned()),
        1 => Just("arn:aws:iam::1234:role/short-account".to_owned()),
    ];
    let session = prop_oneof![
        6 => Just(None),
        2 => free_text(70).prop_map(Some),
        1 => "[a-z]{0,3}".prop_map(Some),
        1 => "[a-z]{60,70}".prop_map(Some),
    ];
    (domain, user, user_type(), session).prop_map(|(domain, user, user_type, session)| {
        CreateUserProfile {
            domain_identifier: domain,
            user_identifier: user,
            user_type,
            session_name: session,
            ..Default::default()
        }
    })
}

/// What the model (and then DataZone's own rules) say about `input`: the
/// members that break a constraint, or, if none does, whether the
/// operation's rules refuse it.
enum Verdict {
    /// Nothing sent: the client refuses (an empty label).
    ClientRefuses(&'static str),
    /// Model validation fails on exactly these members.
    Invalid(BTreeSet<&'static str>),
    /// Valid against the model, refused by the operation's own rules.
    Refused(&'static str),
    Created,
}

fn verdict(input: &CreateUserProfile) -> Verdict {
    if input.domain_identifier.is_empty() {
        return Verdict::ClientRefuses("domainIdentifier");
    }
    let mut invalid = BTreeSet::new();
    if !domain_ok(&input.domain_identifier) {
        invalid.insert("domainIdentifier");
    }
    if !user_identifier_ok(&input.user_identifier) {
        invalid.insert("userIdentifier");
    }
    let wire = input.user_type.as_ref().map(wire_type);
    if wire.as_deref().is_some_and(|t| !KNOWN_TYPES.contains(&t)) {
        invalid.insert("userType");
    }
    if let Some(session) = &input.session_name {
        let n = session.chars().count();
        if !(2..=64).contains(&n) {
            invalid.insert("sessionName");
        }
    }
    if !invalid.is_empty() {
        return Verdict::Invalid(invalid);
    }
    let iam = match wire.as_deref() {
        Some("SSO_USER") => false,
        Some(_) => true,
        None => is_iam_arn(&input.user_identifier),
    };
    if iam && !is_iam_arn(&input.user_identifier) {
        return Verdict::Refused("userIdentifier");
    }
    if wire.as_deref() == Some("IAM_ROLE_SESSION") && input.session_name.is_none() {
        return Verdict::Refused("sessionName");
    }
    Verdict::Created
}

/// The members a validation message names (`... at 'userType' failed ...`).
fn named_members(message: &str) -> BTreeSet<String> {
    message
        .split(" at '")
        .skip(1)
        .filter_map(|rest| rest.split_once('\'').map(|(member, _)| member.to_owned()))
        .collect()
}

#[test]
fn any_input_is_accepted_or_rejected_for_the_right_reason() {
    let rt = runtime();
    let emulator = rt.block_on(Emulator::start());
    let client = client_for(&emulator);
    runner(512)
        .run(&create_input(), |input| {
            rt.block_on(async {
                let expected = verdict(&input);
                let result = input.clone().send(&client).await;
                match (expected, result) {
                    (Verdict::Created, Ok(profile)) => {
                        // What was sent comes back unchanged.
                        let echoed = match profile.details {
                            Some(UserProfileDetails::Iam(iam)) => iam.arn,
                            Some(UserProfileDetails::Sso(sso)) => sso.username,
                            other => {
                                return Err(TestCaseError::fail(format!("details {other:?}")))
                            }
                        };
                        prop_assert_eq!(echoed.as_deref(), Some(input.user_identifier.as_str()));
                    }
                    (Verdict::ClientRefuses(member), Err(e)) => {
                        prop_assert_eq!(e.kind(), ErrorKind::Construction, "{:?}", e);
                        prop_assert!(e.to_string().contains(member), "{e}");
                    }
                    (Verdict::Invalid(members), Err(e)) => {
                        let Some(DataZoneError::ValidationException(v)) = e.service_error() else {
                            return Err(TestCaseError::fail(format!(
                                "{input:?}: expected a ValidationException on {members:?}, got {e:?}"
                            )));
                        };
                        let named = named_members(&v.message);
                        let expected: BTreeSet<String> =
                            members.iter().map(|m| (*m).to_owned()).collect();
                        prop_assert_eq!(named, expected, "{:?}: {}", input, v.message);
                    }
                    (Verdict::Refused(member), Err(e)) => {
                        let Some(DataZoneError::ValidationException(v)) = e.service_error() else {
                            return Err(TestCaseError::fail(format!(
                                "{input:?}: expected a ValidationException, got {e:?}"
                            )));
                        };
                        prop_assert!(v.message.contains(member), "{:?}: {}", input, v.message);
                    }
                    (Verdict::Created, Err(e)) => {
                        return Err(TestCaseError::fail(format!(
                            "{input:?} is valid but was refused: {e:?}"
                        )))
                    }
                    (_, Ok(profile)) => {
                        return Err(TestCaseError::fail(format!(
                            "{input:?} is invalid but was accepted: {profile:?}"
                        )))
                    }
                }
                Ok(())
            })
        })
        .unwrap();
}
