//! The shared config file format, case by case (the behaviours of the AWS
//! SDKs' shared profile-parser test suite), and loading the files through
//! `Env`.

mod credentials_support;

use std::collections::BTreeMap;

use awsop_runtime::env::Env;
use awsop_runtime::profile::{ProfileFileError, ProfileSet};
use credentials_support::TempDir;

type Profiles = BTreeMap<String, BTreeMap<String, String>>;

fn profiles(config: &str, credentials: &str) -> Profiles {
    let set = ProfileSet::parse(config, credentials, "default")
        .unwrap_or_else(|e| panic!("{config:?} / {credentials:?} failed: {e}"));
    set.profile_names()
        .map(|name| {
            let profile = set.profile(name).unwrap();
            let props = profile
                .keys()
                .map(|k| (k.to_owned(), profile.get(k).unwrap().to_owned()))
                .collect();
            (name.to_owned(), props)
        })
        .collect()
}

fn config(text: &str) -> Profiles {
    profiles(text, "")
}

fn expect(pairs: &[(&str, &[(&str, &str)])]) -> Profiles {
    pairs
        .iter()
        .map(|(name, props)| {
            (
                (*name).to_owned(),
                props
                    .iter()
                    .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
                    .collect(),
            )
        })
        .collect()
}

fn error(config: &str, credentials: &str) -> ProfileFileError {
    match ProfileSet::parse(config, credentials, "default") {
        Ok(set) => panic!("expected an error for {config:?}, got {set:?}"),
        Err(e) => e,
    }
}

#[test]
fn empty_files_and_empty_profiles() {
    assert_eq!(config(""), expect(&[]));
    assert_eq!(config("[profile foo]"), expect(&[("foo", &[])]));
    assert_eq!(
        config("[profile foo]\n[profile bar]"),
        expect(&[("foo", &[]), ("bar", &[])])
    );
}

#[test]
fn profile_names() {
    assert_eq!(
        config("[profile some-thing:long/the_one%only.foo@bar+]\n[profile foo!bar]"),
        expect(&[("some-thing:long/the_one%only.foo@bar+", &[])])
    );
    assert_eq!(config("[profile \tfoo \t]"), expect(&[("foo", &[])]));
    assert_eq!(config("[profile\tfoo]"), expect(&[("foo", &[])]));
    assert_eq!(
        config("[   profile foo    ]\nname = value"),
        expect(&[("foo", &[("name", "value")])])
    );
    // `profile` must be followed by whitespace.
    assert_eq!(
        config("[profilefoo]\nname = value\n[profile bar]"),
        expect(&[("bar", &[])])
    );
    // Invalid names are ignored with their properties, in both files.
    assert_eq!(
        profiles(
            "[profile in valid]\nname = value",
            "[in valid 2]\nname2 = value2"
        ),
        expect(&[])
    );
    assert_eq!(
        config(
            "[profile foo]\nname = value\n[profile in valid]\nx = 1\n[profile bar]\nname = value2"
        ),
        expect(&[
            ("foo", &[("name", "value")]),
            ("bar", &[("name", "value2")])
        ])
    );
}

#[test]
fn config_and_credentials_name_sections_differently() {
    assert_eq!(config("[foo]\nname = value"), expect(&[]));
    assert_eq!(profiles("", "[profile foo]\nname = value"), expect(&[]));
    assert_eq!(
        profiles("", "[   foo    ]\nname = value\n[profile bar]"),
        expect(&[("foo", &[("name", "value")])])
    );
    assert_eq!(
        config("[default]\nname = value"),
        expect(&[("default", &[("name", "value")])])
    );
}

#[test]
fn properties() {
    assert_eq!(
        config("[profile foo]\nname = value"),
        expect(&[("foo", &[("name", "value")])])
    );
    assert_eq!(
        config("[profile foo]\r\nname = value"),
        expect(&[("foo", &[("name", "value")])])
    );
    assert_eq!(
        config("[profile foo]\nname = val=ue"),
        expect(&[("foo", &[("name", "val=ue")])])
    );
    assert_eq!(
        config("[profile foo]\nname = 😂"),
        expect(&[("foo", &[("name", "😂")])])
    );
    assert_eq!(
        config("[profile foo]\nname = value\nname2 = value2"),
        expect(&[("foo", &[("name", "value"), ("name2", "value2")])])
    );
    assert_eq!(
        config("[profile foo]\nname \t=  \tvalue \t"),
        expect(&[("foo", &[("name", "value")])])
    );
    assert_eq!(
        config("[profile foo]\nname ="),
        expect(&[("foo", &[("name", "")])])
    );
    assert_eq!(
        config("[profile foo]\nin valid = value"),
        expect(&[("foo", &[])])
    );
    assert_eq!(
        config("\t \n[profile foo]\n\t\n \nname = value\n\t \n[profile bar]\n \t"),
        expect(&[("foo", &[("name", "value")]), ("bar", &[])])
    );
}

#[test]
fn keys_are_case_insensitive() {
    assert_eq!(
        config("[profile foo]\nName = value\n[profile foo]\nname = value2"),
        expect(&[("foo", &[("name", "value2")])])
    );
    let set = ProfileSet::parse("[default]\nRegion = eu-west-1", "", "default").unwrap();
    assert_eq!(set.get("region"), Some("eu-west-1"));
    assert_eq!(set.get("REGION"), Some("eu-west-1"));
}

#[test]
fn comments() {
    let expected = expect(&[("foo", &[("name", "value")])]);
    assert_eq!(
        config("# Comment\n[profile foo] # Comment\nname = value # Comment with # sign"),
        expected
    );
    assert_eq!(
        config("; Comment\n[profile foo] ; Comment\nname = value ; Comment with ; sign"),
        expected
    );
    assert_eq!(
        config("# Comment\n[profile foo] ; Comment\nname = value # Comment with ; sign"),
        expected
    );
    assert_eq!(config(";\n[profile foo];\nname = value ;\n"), expected);
    assert_eq!(
        config("[profile foo]\nname = value\t#tab comment"),
        expected
    );
    assert_eq!(
        config("[profile foo]; Adjacent semicolons\n[profile bar]# Adjacent pound signs"),
        expect(&[("foo", &[]), ("bar", &[])])
    );
    // In a value, a comment character needs whitespace before it.
    assert_eq!(
        config(
            "[profile foo]\nname = value; Adjacent semicolons\nname2 = value# Adjacent pound signs"
        ),
        expect(&[(
            "foo",
            &[
                ("name", "value; Adjacent semicolons"),
                ("name2", "value# Adjacent pound signs")
            ]
        )])
    );
}

#[test]
fn continuation_lines() {
    assert_eq!(
        config("[profile foo]\nname = value\n -continued"),
        expect(&[("foo", &[("name", "value\n-continued")])])
    );
    assert_eq!(
        config("[profile foo]\nname = value\n -continued\n -and-continued"),
        expect(&[("foo", &[("name", "value\n-continued\n-and-continued")])])
    );
    assert_eq!(
        config("[profile foo]\nname = value\n \t -continued \t "),
        expect(&[("foo", &[("name", "value\n-continued")])])
    );
    // Comments are part of continuation lines.
    assert_eq!(
        config("[profile foo]\nname = value\n -continued # Comment"),
        expect(&[("foo", &[("name", "value\n-continued # Comment")])])
    );
    assert_eq!(
        config("[profile foo]\nname = value\n -continued ; Comment"),
        expect(&[("foo", &[("name", "value\n-continued ; Comment")])])
    );
}

#[test]
fn sub_properties() {
    assert_eq!(
        config("[profile foo]\ns3 =\n name = value"),
        expect(&[("foo", &[("s3", "\nname = value")])])
    );
    assert_eq!(
        config("[profile foo]\ns3 =\n name ="),
        expect(&[("foo", &[("s3", "\nname =")])])
    );
    assert_eq!(
        config("[profile foo]\ns3 =\n in valid = value"),
        expect(&[("foo", &[("s3", "\nin valid = value")])])
    );
    assert_eq!(
        config("[profile foo]\ns3 =\n name = value\n\t \n name2 = value2"),
        expect(&[("foo", &[("s3", "\nname = value\nname2 = value2")])])
    );
    let set = ProfileSet::parse(
        "[default]\ns3 =\n  addressing_style = path # why\n  Max_Concurrent_Requests = 20\n",
        "",
        "default",
    )
    .unwrap();
    let profile = set.selected_profile().unwrap();
    assert_eq!(profile.sub_property("s3", "addressing_style"), Some("path"));
    assert_eq!(
        profile.sub_property("S3", "max_concurrent_requests"),
        Some("20")
    );
    assert_eq!(profile.sub_property("s3", "missing"), None);
}

#[test]
fn duplicates_merge_and_the_last_definition_wins() {
    assert_eq!(
        config("[profile foo]\nname = value\n[profile foo]\nname2 = value2"),
        expect(&[("foo", &[("name", "value"), ("name2", "value2")])])
    );
    assert_eq!(
        config("[profile foo]\nname = value\nname = value2"),
        expect(&[("foo", &[("name", "value2")])])
    );
    assert_eq!(
        config("[profile foo]\nname = value\n[profile foo]\nname = value2"),
        expect(&[("foo", &[("name", "value2")])])
    );
}

#[test]
fn prefixed_default_beats_unprefixed_default_in_either_order() {
    let expected = expect(&[("default", &[("name", "value")])]);
    assert_eq!(
        config("[profile default]\nname = value\n[default]\nname2 = value2"),
        expected
    );
    assert_eq!(
        config("[default]\nname2 = value2\n[profile default]\nname = value"),
        expected
    );
    assert_eq!(
        config("[profile default]\nname = value\n[default]\nname2 = value2\n[profile default]\nname3 = value3"),
        expect(&[("default", &[("name", "value"), ("name3", "value3")])])
    );
    assert_eq!(
        profiles(
            "[profile default]\nname = value\n[default]\nname2 = value2\n[profile default]\nname3 = value3",
            "[default]\nsecret=foo"
        ),
        expect(&[("default", &[("name", "value"), ("name3", "value3"), ("secret", "foo")])])
    );
}

#[test]
fn both_files_merge_and_the_credentials_file_wins() {
    assert_eq!(
        profiles("[profile foo]\nname = value", "[foo]\nname2 = value2"),
        expect(&[("foo", &[("name", "value"), ("name2", "value2")])])
    );
    assert_eq!(
        profiles("[profile foo]\nname = value", "[foo]\nname = value2"),
        expect(&[("foo", &[("name", "value2")])])
    );
}

#[test]
fn sso_session_and_services_sections() {
    let text = "[profile dev]\nsso_session = corp\nservices = local\n\n\
                [sso-session corp]\nsso_region = us-east-1\nsso_start_url = https://corp.awsapps.com/start\n\n\
                [services local]\ndatazone =\n  endpoint_url = http://localhost:4566\ns3 =\n  endpoint_url = http://localhost:9000\n";
    let set = ProfileSet::parse(text, "", "dev").unwrap();
    assert_eq!(set.profile_names().collect::<Vec<_>>(), ["dev"]);
    assert_eq!(
        set.sso_session("corp").unwrap().get("sso_region"),
        Some("us-east-1")
    );
    assert_eq!(
        set.service_setting("datazone", "endpoint_url"),
        Some("http://localhost:4566")
    );
    assert_eq!(
        set.service_setting("s3", "endpoint_url"),
        Some("http://localhost:9000")
    );
    assert_eq!(set.service_setting("sqs", "endpoint_url"), None);
    // Another profile without `services` sees none.
    let set = ProfileSet::parse(&format!("{text}[default]\nregion = x\n"), "", "default").unwrap();
    assert_eq!(set.service_setting("datazone", "endpoint_url"), None);
    // `[sso-sessionfoo]` in the credentials file is a profile name.
    assert_eq!(
        profiles("", "[sso-sessionfoo]\nname = value\n[bar]"),
        expect(&[("sso-sessionfoo", &[("name", "value")]), ("bar", &[])])
    );
    // Unknown section types are ignored.
    assert_eq!(
        config("[plugins x]\na = b\n[profile y]"),
        expect(&[("y", &[])])
    );
}

#[test]
fn errors_name_the_file_and_line() {
    let cases: &[(&str, &str, usize, &str)] = &[
        (
            "[profile foo",
            "",
            1,
            "Profile definition must end with ']'",
        ),
        ("\n\nname = value", "", 3, "Expected a profile definition"),
        (
            "[profile foo]\n= value",
            "",
            2,
            "Property did not have a name",
        ),
        (
            "[profile foo]\nkey : value",
            "",
            2,
            "Expected an '=' sign defining a property",
        ),
        (" -continued", "", 1, "Expected a profile definition"),
        (
            "[profile foo]\n -continued",
            "",
            2,
            "Expected a property definition",
        ),
        (
            "[profile foo]\nname = value\n[profile foo]\n -continued",
            "",
            4,
            "Expected a property definition, found continuation",
        ),
        (
            "[profile foo]\ns3 =\n invalid",
            "",
            3,
            "Expected an '=' sign defining a sub-property",
        ),
        (
            "[profile foo]\ns3 =\n = value",
            "",
            3,
            "Sub-property did not have a name",
        ),
        (
            "[default]",
            "[default]\n\n\naws_secret_access_key S3CR3T",
            4,
            "Expected an '=' sign defining a property",
        ),
    ];
    for (config_text, credentials_text, line, message) in cases {
        let err = error(config_text, credentials_text);
        assert_eq!(err.line(), Some(*line), "{config_text:?}: {err}");
        assert!(err.is_parse_error());
        let text = err.to_string();
        assert!(text.contains(message), "{text}");
        assert!(text.contains(&format!("line {line}")), "{text}");
        assert!(!text.contains("S3CR3T") && !format!("{err:?}").contains("S3CR3T"));
        let expected_file = if credentials_text.is_empty() {
            "<config>"
        } else {
            "<credentials>"
        };
        assert_eq!(err.file(), expected_file);
    }
}

#[test]
fn debug_never_shows_values() {
    let set = ProfileSet::parse(
        "",
        "[default]\naws_access_key_id = AKID\naws_secret_access_key = S3CR3T\n",
        "default",
    )
    .unwrap();
    let debug = format!("{set:?}");
    assert!(
        debug.contains("aws_secret_access_key") && !debug.contains("S3CR3T"),
        "{debug}"
    );
}

#[test]
fn arbitrary_input_never_panics() {
    // A deterministic generator over the characters the grammar cares about.
    let alphabet: Vec<char> = "[]=#; \t\r\nprofiledefaultsso-session services a1_😂\\"
        .chars()
        .collect();
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    for _ in 0..5_000 {
        let mut text = String::new();
        let len = (state % 60) as usize;
        for _ in 0..len {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            text.push(alphabet[(state >> 33) as usize % alphabet.len()]);
        }
        let set = ProfileSet::parse(&text, &text, "default");
        if let Ok(set) = set {
            let _ = (set.get("a"), set.service_setting("a", "b"));
        }
    }
}

// ---------------------------------------------------------------- loading

#[tokio::test]
async fn load_reads_both_files_and_selects_aws_profile() {
    let dir = TempDir::new("profile-load");
    let config = dir.write("config", "[profile dev]\nregion = eu-west-1\n");
    let credentials = dir.write("credentials", "[dev]\naws_access_key_id = AKID\n");
    let env = Env::from_pairs([
        ("AWS_CONFIG_FILE", config.as_str()),
        ("AWS_SHARED_CREDENTIALS_FILE", credentials.as_str()),
        ("AWS_PROFILE", "dev"),
    ]);
    let set = ProfileSet::load(&env).await.unwrap();
    assert_eq!(set.profile_name(), "dev");
    assert_eq!(set.get("region"), Some("eu-west-1"));
    assert_eq!(set.get("aws_access_key_id"), Some("AKID"));
}

#[tokio::test]
async fn load_defaults_to_home_and_missing_files_are_empty() {
    let dir = TempDir::new("profile-load");
    let home = dir.path().to_string_lossy().into_owned();
    let set = ProfileSet::load(&Env::from_pairs([("HOME", home.as_str())]))
        .await
        .unwrap();
    assert_eq!(set.profile_name(), "default");
    assert!(set.is_empty());

    std::fs::create_dir_all(dir.path().join(".aws")).unwrap();
    dir.write(".aws/config", "[default]\nregion = ap-south-1\n");
    dir.write(".aws/credentials", "[default]\nregion = us-west-2\n");
    let set = ProfileSet::load(&Env::from_pairs([("HOME", home.as_str())]))
        .await
        .unwrap();
    assert_eq!(set.get("region"), Some("us-west-2"));
}

#[tokio::test]
async fn load_reports_the_path_of_a_broken_or_unreadable_file() {
    let dir = TempDir::new("profile-load");
    let broken = dir.write("config", "[default]\nregion\n");
    let err = ProfileSet::load(&Env::from_pairs([
        ("AWS_CONFIG_FILE", broken.as_str()),
        ("AWS_SHARED_CREDENTIALS_FILE", dir.missing("none").as_str()),
    ]))
    .await
    .unwrap_err();
    assert_eq!(err.file(), broken);
    assert_eq!(err.line(), Some(2));

    // A directory cannot be read as a file.
    let directory = dir.path().to_string_lossy().into_owned();
    let err = ProfileSet::load(&Env::from_pairs([
        ("AWS_CONFIG_FILE", directory.as_str()),
        ("AWS_SHARED_CREDENTIALS_FILE", dir.missing("none").as_str()),
    ]))
    .await
    .unwrap_err();
    assert!(!err.is_parse_error());
    assert_eq!(err.line(), None);
    assert!(std::error::Error::source(&err).is_some());
}
