//! Creates one DataZone user profile with awsop, configured from the
//! environment (AWS_REGION, credentials, AWS_ENDPOINT_URL, ...).

use awsop::datazone::{CreateUserProfile, UserType};

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let client = awsop::Client::from_env().await?;
    let profile = CreateUserProfile {
        domain_identifier: "dzd_4p9n6sw4qt9xgn".into(),
        user_identifier: "arn:aws:iam::123456789012:role/DataScientist".into(),
        user_type: Some(UserType::IamRole),
        ..Default::default()
    }
    .send(&client)
    .await?;
    println!("created {:?} ({:?})", profile.id, profile.status);
    Ok(())
}
