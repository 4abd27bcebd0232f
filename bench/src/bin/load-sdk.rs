//! Load driver: aws-sdk-datazone's `create_user_profile`, with static
//! credentials, an endpoint override and the latest behavior version.
//!
//! `ENDPOINT=http://127.0.0.1:PORT N=20000 C=32 load-sdk`

use aws_sdk_datazone::config::{BehaviorVersion, Credentials, Region};
use aws_sdk_datazone::types::UserType;
use awsop_bench::{main_with, ACCESS_KEY, DOMAIN, REGION, SECRET_KEY, USER};

fn main() {
    main_with("load-sdk", |config| {
        let sdk_config = aws_sdk_datazone::Config::builder()
            .behavior_version(BehaviorVersion::latest())
            .region(Region::new(REGION))
            .credentials_provider(Credentials::new(
                ACCESS_KEY, SECRET_KEY, None, None, "static",
            ))
            .endpoint_url(config.endpoint.clone())
            .build();
        let client = aws_sdk_datazone::Client::from_conf(sdk_config);
        move || {
            let client = client.clone();
            async move {
                let output = client
                    .create_user_profile()
                    .domain_identifier(DOMAIN)
                    .user_identifier(USER)
                    .user_type(UserType::IamRole)
                    .send()
                    .await
                    .map_err(|e| format!("{e:?}"))?;
                match output.id() {
                    Some(_) => Ok(()),
                    None => Err("the output has no id".to_owned()),
                }
            }
        }
    });
}
