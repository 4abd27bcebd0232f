// tests/replayed.rs, with `awsop = { version = "0.1", features = ["test-util"] }`
// and `tokio = { version = "1", features = ["macros", "rt"] }` as dev-dependencies.
use awsop::datazone::{CreateUserProfile, UserProfileStatus, UserType};

/// Replays tests/recordings/create_user_profile.json. To record it (once, against
/// the service your AWS configuration points to), run
/// `AWSOP_RECORD=1 cargo test --test replayed`, and commit the file.
#[tokio::test]
async fn creates_a_profile_as_recorded() {
    let client = awsop::mock::record_or_replay("tests/recordings/create_user_profile.json")
        .await
        .unwrap()
        .build()
        .unwrap();

    let created = CreateUserProfile {
        domain_identifier: "dzd_4p9n6sw4qt9xgn".into(),
        user_identifier: "arn:aws:iam::123456789012:role/DataScientist".into(),
        user_type: Some(UserType::IamRole),
        ..Default::default()
    }
    .send(&client)
    .await
    .unwrap();

    assert!(created.id.is_some());
    assert_eq!(created.status, Some(UserProfileStatus::Activated));
}
