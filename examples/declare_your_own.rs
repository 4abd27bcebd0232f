//! The README's example: declaring an operation of your own. Kept here so it
//! is compiled with every `cargo test`, and the README cannot drift from it.

use awsop::{aws_operation, aws_shape};

/// DataZone's GetUserProfile, declared by hand.
#[aws_operation(
    service = "datazone", service_id = "DataZone",
    endpoint = "https://datazone.{region}.api.aws",
    method = "GET", uri = "/v2/domains/{domainIdentifier}/user-profiles/{userIdentifier}",
    output = Profile, error = awsop::datazone::DataZoneError,
)]
#[derive(Debug, Clone, Default)]
pub struct GetProfile {
    #[aws(label)]
    pub domain_identifier: String,
    #[aws(label)]
    pub user_identifier: String,
    #[aws(query = "type")]
    pub kind: Option<String>,
}

#[aws_shape]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Profile {
    pub id: Option<String>,
    pub status: Option<String>,
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let client = awsop::Client::from_env().await?; // the standard AWS configuration chain
    let profile = GetProfile {
        domain_identifier: "dzd_4p9n6sw4qt9xgn".into(),
        user_identifier: "u-1".into(),
        ..Default::default()
    }
    .send(&client)
    .await?;
    println!("{profile:?}");
    Ok(())
}
