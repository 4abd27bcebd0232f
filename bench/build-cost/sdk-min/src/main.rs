//! Creates one DataZone user profile with aws-sdk-datazone, configured from
//! the environment (AWS_REGION, credentials, AWS_ENDPOINT_URL, ...).

use aws_config::BehaviorVersion;
use aws_sdk_datazone::types::UserType;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let config = aws_config::load_defaults(BehaviorVersion::latest()).await;
    let client = aws_sdk_datazone::Client::new(&config);
    let profile = client
        .create_user_profile()
        .domain_identifier("dzd_4p9n6sw4qt9xgn")
        .user_identifier("arn:aws:iam::123456789012:role/DataScientist")
        .user_type(UserType::IamRole)
        .send()
        .await?;
    println!("created {:?} ({:?})", profile.id(), profile.status());
    Ok(())
}
