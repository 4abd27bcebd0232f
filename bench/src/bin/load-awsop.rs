//! Load driver: awsop's `datazone::CreateUserProfile` through the real
//! client (static credentials, `endpoint_url`), signed and parsed per call.
//!
//! `ENDPOINT=http://127.0.0.1:PORT N=20000 C=32 load-awsop`
//!
//! `AWSOP_MAX_CONCURRENT_REQUESTS=none` lifts the client's default limit of
//! 256 requests on the wire (the report's name then ends in `+unlimited`),
//! to measure memory with one connection per call in flight, as the SDK does.

use awsop::datazone::{CreateUserProfile, UserType};
use awsop_bench::{main_with, ACCESS_KEY, DOMAIN, REGION, SECRET_KEY, USER};

fn main() {
    let unlimited = std::env::var("AWSOP_MAX_CONCURRENT_REQUESTS").is_ok_and(|v| v == "none");
    let name = if unlimited {
        "load-awsop+unlimited"
    } else {
        "load-awsop"
    };
    main_with(name, |config| {
        let mut builder = awsop::Client::builder()
            .region(REGION)
            .credentials(awsop::Credentials::new(
                ACCESS_KEY, SECRET_KEY, None, None, "static",
            ))
            .endpoint_url(config.endpoint.clone());
        if unlimited {
            builder = builder.max_concurrent_requests(None);
        }
        let client = builder.build().expect("awsop client");
        move || {
            let client = client.clone();
            async move {
                let output = CreateUserProfile {
                    domain_identifier: DOMAIN.into(),
                    user_identifier: USER.into(),
                    user_type: Some(UserType::IamRole),
                    ..Default::default()
                }
                .send(&client)
                .await
                .map_err(|e| format!("{e:?}"))?;
                match output.id {
                    Some(_) => Ok(()),
                    None => Err("the output has no id".to_owned()),
                }
            }
        }
    });
}
