// tests/emulated.rs, with `awsop = "0.1"`, `awsop-emulator = "0.1"` and
// `tokio = { version = "1", features = ["macros", "rt"] }` as dev-dependencies.
use awsop::datazone::{CreateUserProfile, GetUserProfile, UserType};
use awsop::runtime::time::InstantSleep;
use awsop_emulator::{Emulator, Fault};

#[tokio::test]
async fn creates_then_finds_a_profile_through_a_throttle() {
    let emulator = Emulator::start().await; // a DataZone on a free loopback port
    let client = awsop::Client::builder()
        .region(emulator.region())
        .credentials(emulator.credentials())
        .endpoint_url(emulator.endpoint_url())
        .sleep(InstantSleep::new()) // retry without waiting
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

    emulator.faults().push_back(Fault::Status429); // the next request is throttled
    let found = GetUserProfile {
        domain_identifier: "dzd_4p9n6sw4qt9xgn".into(),
        user_identifier: created.id.clone().unwrap(),
        ..Default::default()
    }
    .send(&client)
    .await
    .unwrap();

    assert_eq!(found.id, created.id);
    assert_eq!(emulator.faults_injected(), 1);
}
