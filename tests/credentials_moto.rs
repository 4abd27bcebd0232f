//! Assume-role and web identity against a real STS emulator: moto, with its
//! SigV4 checking on. A role is created in moto's IAM (with operations
//! declared right here), a profile assumes it with the IAM user's keys, and
//! a call signed with the session's credentials is accepted:
//! `GetCallerIdentity` names the assumed role.

use awsop::runtime::env::Env;
use awsop::sts::GetCallerIdentity;
use awsop::{aws_operation, aws_shape, ClientBuilder, Credentials};
use awsop_moto::{require_moto, MotoServer, ACCOUNT_ID, REGION};

/// IAM `CreateRole`, as a program would declare it.
#[aws_operation(service = "iam", service_id = "IAM", protocol = "awsQuery", api_version = "2010-05-08",
                method = "POST", uri = "/", output = Empty, rename_all = "PascalCase")]
#[derive(Debug, Clone, Default)]
struct CreateRole {
    role_name: String,
    assume_role_policy_document: String,
}

/// IAM `PutRolePolicy`.
#[aws_operation(service = "iam", service_id = "IAM", protocol = "awsQuery", api_version = "2010-05-08",
                method = "POST", uri = "/", output = Empty, rename_all = "PascalCase")]
#[derive(Debug, Clone, Default)]
struct PutRolePolicy {
    role_name: String,
    policy_name: String,
    policy_document: String,
}

#[aws_shape]
#[derive(Debug, Clone, Default, PartialEq)]
struct Empty {}

const TRUST: &str = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"*"},"Action":["sts:AssumeRole","sts:AssumeRoleWithWebIdentity"]}]}"#;
const ALLOW_ALL: &str =
    r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}"#;

/// Creates the role `name`, trusting anyone and allowed everything, as
/// moto's IAM user (`create_role_as` with other credentials).
async fn create_role(moto: &MotoServer, name: &str) -> String {
    let admin = Credentials::new(
        moto.access_key_id(),
        moto.secret_access_key(),
        None,
        None,
        "moto",
    );
    create_role_as(moto, admin, name).await
}

async fn create_role_as(moto: &MotoServer, credentials: Credentials, name: &str) -> String {
    let admin = ClientBuilder::new()
        .region(REGION)
        .endpoint_url(moto.endpoint())
        .credentials(credentials)
        .build()
        .unwrap();
    CreateRole {
        role_name: name.into(),
        assume_role_policy_document: TRUST.into(),
    }
    .send(&admin)
    .await
    .expect("CreateRole");
    PutRolePolicy {
        role_name: name.into(),
        policy_name: "all".into(),
        policy_document: ALLOW_ALL.into(),
    }
    .send(&admin)
    .await
    .expect("PutRolePolicy");
    format!("arn:aws:iam::{ACCOUNT_ID}:role/{name}")
}

fn home(label: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("awsop-moto-{label}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn env(dir: &std::path::Path, moto: &MotoServer, config: &str, extra: &[(&str, String)]) -> Env {
    let config_file = dir.join("config");
    std::fs::write(&config_file, config).unwrap();
    let mut vars = vec![
        ("HOME", dir.to_string_lossy().into_owned()),
        (
            "AWS_CONFIG_FILE",
            config_file.to_string_lossy().into_owned(),
        ),
        (
            "AWS_SHARED_CREDENTIALS_FILE",
            dir.join("none").to_string_lossy().into_owned(),
        ),
        ("AWS_ENDPOINT_URL", moto.endpoint()),
        ("AWS_REGION", REGION.to_owned()),
        ("AWS_EC2_METADATA_DISABLED", "true".to_owned()),
    ];
    vars.extend(extra.iter().cloned());
    Env::from_pairs(vars)
}

#[tokio::test]
async fn a_profile_role_chain_against_moto_with_sigv4_checking() {
    require_moto!();
    let moto = MotoServer::with_sigv4_auth().expect("moto starts with auth on");
    let deployer = create_role(&moto, "deployer").await;
    let auditor = create_role(&moto, "auditor").await;
    let dir = home("chain");
    let config = format!(
        "[profile audit]\nrole_arn = {auditor}\nsource_profile = deploy\nrole_session_name = audit-session\n\
         [profile deploy]\nrole_arn = {deployer}\nsource_profile = base\n\
         [profile base]\naws_access_key_id = {}\naws_secret_access_key = {}\n",
        moto.access_key_id(),
        moto.secret_access_key()
    );
    for (profile, role, session) in [
        ("deploy", "deployer", "awsop-"),
        ("audit", "auditor", "audit-session"),
    ] {
        let client = ClientBuilder::from_env_with(env(
            &dir,
            &moto,
            &config,
            &[("AWS_PROFILE", profile.to_owned())],
        ))
        .await
        .unwrap()
        .build()
        .unwrap();
        let me = GetCallerIdentity
            .send(&client)
            .await
            .unwrap_or_else(|e| panic!("{e}\n{}", moto.log_tail()));
        let arn = me.arn.unwrap_or_default();
        assert!(
            arn.starts_with(&format!(
                "arn:aws:sts::{ACCOUNT_ID}:assumed-role/{role}/{session}"
            )),
            "{profile}: {arn}"
        );
    }
    // A wrong base secret is refused by moto's SigV4 check, and says so.
    let wrong = config.replace(moto.secret_access_key(), "not-the-secret");
    let client = ClientBuilder::from_env_with(env(
        &dir,
        &moto,
        &wrong,
        &[("AWS_PROFILE", "deploy".to_owned())],
    ))
    .await
    .unwrap()
    .build()
    .unwrap();
    let err = GetCallerIdentity.send(&client).await.unwrap_err();
    assert_eq!(err.kind(), awsop::ErrorKind::Credentials, "{err}");
    assert!(err.to_string().contains("AssumeRole"), "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[tokio::test]
async fn web_identity_against_moto() {
    require_moto!();
    // moto, unlike STS, insists on an Authorization header for
    // AssumeRoleWithWebIdentity once its auth is on (a KeyError, HTTP 500).
    // So the unsigned exchange happens while its auth is off, and the
    // session's credentials are then checked with SigV4 checking on.
    let mut moto = MotoServer::start().expect("moto starts");
    let admin = Credentials::new("testing", "testing", None, None, "moto");
    let role = create_role_as(&moto, admin, "pod").await;
    let dir = home("web");
    let token = dir.join("token");
    // moto does not check the token's signature; STS would.
    std::fs::write(
        &token,
        "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJwb2QifQ.c2lnbmF0dXJl",
    )
    .unwrap();
    let vars = [
        (
            "AWS_WEB_IDENTITY_TOKEN_FILE",
            token.to_string_lossy().into_owned(),
        ),
        ("AWS_ROLE_ARN", role),
        ("AWS_ROLE_SESSION_NAME", "pod-session".to_owned()),
    ];
    let client = ClientBuilder::from_env_with(env(&dir, &moto, "", &vars))
        .await
        .unwrap()
        .build()
        .unwrap();
    let first = GetCallerIdentity
        .send(&client)
        .await
        .unwrap_or_else(|e| panic!("{e}\n{}", moto.log_tail()));
    moto.enable_sigv4_auth().expect("auth on");
    // The cached session signs this one, and moto checks it.
    let me = GetCallerIdentity
        .send(&client)
        .await
        .unwrap_or_else(|e| panic!("{e}\n{}", moto.log_tail()));
    assert_eq!(me, first);
    let arn = me.arn.unwrap_or_default();
    assert!(
        arn.starts_with(&format!(
            "arn:aws:sts::{ACCOUNT_ID}:assumed-role/pod/pod-session"
        )),
        "{arn}"
    );
    // A session key moto never issued is refused with its checking on.
    let forged = ClientBuilder::new()
        .region(REGION)
        .endpoint_url(moto.endpoint())
        .credentials(Credentials::new(
            "ASIAFORGEDFORGEDFORG",
            "x",
            Some("y".into()),
            None,
            "forged",
        ))
        .build()
        .unwrap();
    let refused = GetCallerIdentity.send(&forged).await.unwrap_err();
    assert_eq!(refused.status(), Some(403), "{refused}");
    let _ = std::fs::remove_dir_all(&dir);
}
