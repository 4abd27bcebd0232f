//! awsop in four steps, against a DataZone emulator started right here:
//!
//! ```text
//! cargo run --example quickstart
//! ```
//!
//! It creates a user profile, repeats the call with the same client token
//! (and gets the same profile back), provokes a typed error, and pages
//! through a search. Nothing to set up: the emulator listens on a free
//! loopback port and accepts AWS's documented example key.
//!
//! Other endpoints:
//!
//! - `AWS_ENDPOINT_URL=http://127.0.0.1:9000 cargo run --example quickstart`
//!   talks to an emulator you started yourself
//!   (`cargo run -p awsop-emulator -- --port 9000`), with credentials and
//!   region from the usual AWS settings (`AWS_ACCESS_KEY_ID`, ...).
//! - `cargo run --example quickstart -- --live --domain dzd_... --user arn:aws:iam::<account>:role/<role>`
//!   talks to Amazon DataZone itself with your credentials (the standard
//!   chain: environment, `~/.aws`, SSO, instance role). It creates (or finds)
//!   the profile of `--user` in the domain, and searches without creating
//!   anything else.

use awsop::datazone::{
    CreateUserProfile, CreateUserProfileOutput, DataZoneError, SearchUserProfiles,
    UserProfileDetails, UserSearchType, UserType,
};
use awsop::Client;
use awsop_emulator::Emulator;

/// The demo's domain when talking to an emulator (any valid id works there).
const DEMO_DOMAIN: &str = "dzd_4p9n6sw4qt9xgn";
const DEMO_ROLE: &str = "arn:aws:iam::123456789012:role/DataScientist";

/// Where the quickstart sends its calls.
enum Target {
    /// An emulator in this process (kept alive until the end).
    Local(Emulator),
    /// `AWS_ENDPOINT_URL` or `--live`: the standard configuration chain.
    Configured { live: bool },
}

#[tokio::main]
async fn main() {
    if let Err(err) = run().await {
        // One readable line, with the cause, instead of a Debug dump.
        let mut line = err.to_string();
        let mut source = err.source();
        while let Some(cause) = source {
            line.push_str(&format!(": {cause}"));
            source = cause.source();
        }
        eprintln!("quickstart failed: {line}");
        std::process::exit(1);
    }
}

struct Options {
    live: bool,
    domain: Option<String>,
    user: Option<String>,
}

fn options() -> Result<Options, String> {
    let mut options = Options {
        live: false,
        domain: None,
        user: None,
    };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let (name, inline) = match arg.split_once('=') {
            Some((name, value)) => (name.to_owned(), Some(value.to_owned())),
            None => (arg.clone(), None),
        };
        let mut value = || {
            inline
                .clone()
                .or_else(|| args.next())
                .ok_or(format!("{name} needs a value"))
        };
        match name.as_str() {
            "--live" => options.live = true,
            "--domain" => options.domain = Some(value()?),
            "--user" => options.user = Some(value()?),
            _ => {
                return Err(format!(
                    "unknown argument {arg} (expected --live, --domain <id>, --user <arn>)"
                ))
            }
        }
    }
    if options.live && options.domain.is_none() {
        return Err("--live needs --domain <your DataZone domain id>".into());
    }
    Ok(options)
}

async fn run() -> Result<(), Box<dyn std::error::Error>> {
    let options = options()?;
    let target = if options.live || std::env::var_os("AWS_ENDPOINT_URL").is_some() {
        Target::Configured { live: options.live }
    } else {
        Target::Local(Emulator::start().await)
    };
    let client = match &target {
        Target::Local(emulator) => {
            println!(
                "Started a local DataZone emulator at {} (no AWS account needed).",
                emulator.endpoint_url()
            );
            Client::builder()
                .region(emulator.region())
                .credentials(emulator.credentials())
                .endpoint_url(emulator.endpoint_url())
                .build()?
        }
        Target::Configured { live } => {
            let client = Client::from_env().await?;
            let what = if *live {
                "Amazon DataZone"
            } else {
                "the endpoint in AWS_ENDPOINT_URL"
            };
            println!("Talking to {what}, with credentials and region from your AWS configuration.");
            client
        }
    };
    let live = matches!(target, Target::Configured { live: true });
    let domain = options.domain.clone().unwrap_or_else(|| DEMO_DOMAIN.into());
    let user = options.user.clone().unwrap_or_else(|| DEMO_ROLE.into());

    // 1. Create a profile. The client would fill clientToken with a fresh
    // UUID; we choose one here to be able to send it again in step 2.
    println!("\n1. Creating a profile for {user} in {domain} ...");
    let request = CreateUserProfile {
        domain_identifier: domain.clone(),
        user_identifier: user.clone(),
        user_type: user.starts_with("arn:").then_some(UserType::IamRole),
        client_token: Some(format!("quickstart-{}", std::process::id())),
        ..Default::default()
    };
    let first = request.clone().send(&client).await?;
    println!("   created {}", describe(&first));

    // 2. The same request with the same clientToken: DataZone applies it once.
    println!("\n2. Sending the same request again, same clientToken ...");
    let again = request.send(&client).await?;
    let same = if again.id == first.id {
        "the same profile"
    } else {
        "a DIFFERENT profile (unexpected)"
    };
    println!("   got {same} back: {}", describe(&again));

    // 3. A typed error: the domain id breaks the model's pattern.
    println!("\n3. Asking for a profile in a domain named \"not-a-domain\" ...");
    let bad = CreateUserProfile {
        domain_identifier: "not-a-domain".into(),
        user_identifier: user.clone(),
        ..Default::default()
    };
    match bad.send(&client).await {
        Ok(profile) => println!("   unexpectedly accepted: {}", describe(&profile)),
        Err(err) => match err.service_error() {
            Some(DataZoneError::ValidationException(e)) => println!(
                "   ValidationException (HTTP {}, request id {}): {}",
                err.status().unwrap_or_default(),
                err.request_id().unwrap_or("none"),
                e.message
            ),
            _ => println!("   a different error than expected: {err}"),
        },
    }

    // 4. Pagination: a few more profiles, then a search two per page.
    if !live {
        println!("\n4. Creating four more profiles, then searching two per page ...");
        for name in ["Analyst", "Engineer", "Steward", "Auditor"] {
            CreateUserProfile {
                domain_identifier: domain.clone(),
                user_identifier: format!("arn:aws:iam::123456789012:role/{name}"),
                user_type: Some(UserType::IamRole),
                ..Default::default()
            }
            .send(&client)
            .await?;
        }
    } else {
        println!("\n4. Searching the domain's profiles, two per page ...");
    }
    let mut search = SearchUserProfiles::new(domain.clone(), UserSearchType::DatazoneUser);
    search.max_results = Some(2);
    let mut pages = search.paginate(&client);
    let mut number = 0;
    while let Some(page) = pages.next_page().await {
        number += 1;
        let names: Vec<String> = page?
            .items
            .unwrap_or_default()
            .iter()
            .map(|p| who(&p.details))
            .collect();
        println!("   page {number}: {}", names.join(", "));
    }
    println!("   {} profiles in {number} pages.", pages.items_seen());

    println!(
        "\nDone. Next: `cargo run --example datazone -- --help` for a small aws-CLI-like tool."
    );
    if let Target::Local(emulator) = target {
        emulator.shutdown().await;
    }
    Ok(())
}

/// "id (IAM, ACTIVATED)".
fn describe(profile: &CreateUserProfileOutput) -> String {
    format!(
        "{} ({}, {})",
        profile.id.as_deref().unwrap_or("?"),
        profile.r#type.as_ref().map_or("?", |t| t.as_str()),
        profile.status.as_ref().map_or("?", |s| s.as_str()),
    )
}

/// The short name of a profile's user: a role name, or the SSO user name.
fn who(details: &Option<UserProfileDetails>) -> String {
    match details {
        Some(UserProfileDetails::Iam(iam)) => {
            let arn = iam.arn.as_deref().unwrap_or("?");
            arn.rsplit('/').next().unwrap_or(arn).to_owned()
        }
        Some(UserProfileDetails::Sso(sso)) => sso.username.clone().unwrap_or_else(|| "?".into()),
        Some(other) => format!("{other:?}"),
        None => "?".into(),
    }
}
