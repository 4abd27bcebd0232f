// tests/profiles.rs, with `awsop = { version = "0.1", features = ["test-util"] }`
// and `tokio = { version = "1", features = ["macros", "rt"] }` as dev-dependencies.
use awsop::datazone::{DataZoneError, GetUserProfile, GetUserProfileOutput};
use awsop::mock::Mock;

/// The code under test: the id of a user's profile, `None` if it has none.
async fn profile_id(
    client: &awsop::Client,
    user: &str,
) -> Result<Option<String>, awsop::Error<DataZoneError>> {
    let lookup = GetUserProfile {
        domain_identifier: "dzd_4p9n6sw4qt9xgn".into(),
        user_identifier: user.into(),
        ..Default::default()
    };
    match lookup.send(client).await {
        Ok(profile) => Ok(profile.id),
        Err(e) => match e.service_error() {
            Some(DataZoneError::ResourceNotFoundException(_)) => Ok(None),
            _ => Err(e),
        },
    }
}

#[tokio::test]
async fn first_call_throttled_second_succeeds() {
    let mock = Mock::new();
    mock.on::<GetUserProfile>()
        .fails_with(DataZoneError::ThrottlingException(Default::default()));
    mock.on::<GetUserProfile>().answers(GetUserProfileOutput {
        id: Some("up_1".into()),
        ..Default::default()
    });

    assert_eq!(
        profile_id(&mock.client(), "jane").await.unwrap().as_deref(),
        Some("up_1")
    );
    mock.assert_done(); // every answer was used
}

#[tokio::test]
async fn a_missing_profile_is_none_and_not_retried() {
    let mock = Mock::new();
    mock.on::<GetUserProfile>()
        .matching(|input| input.user_identifier == "ghost")
        .fails_with(DataZoneError::ResourceNotFoundException(Default::default()));

    assert_eq!(profile_id(&mock.client(), "ghost").await.unwrap(), None);
    assert_eq!(mock.calls::<GetUserProfile>().len(), 1);
}

#[tokio::test]
async fn gives_up_when_throttling_lasts() {
    let mock = Mock::new();
    mock.on::<GetUserProfile>()
        .repeatedly()
        .fails_with(DataZoneError::ThrottlingException(Default::default()));

    let err = profile_id(&mock.client(), "jane").await.unwrap_err();
    assert_eq!(err.code(), Some("ThrottlingException"));
    assert_eq!(mock.calls::<GetUserProfile>().len(), 3); // the default attempts, no time spent waiting
}
