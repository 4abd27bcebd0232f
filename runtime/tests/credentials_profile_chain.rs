//! Profile chains (assume-role, web identity, SSO) as the runtime resolves
//! them, and the seam through which their service steps are built: a
//! recording stand-in for the facade's `CredentialsSources` shows which
//! providers were built over which, with which credentials.

mod credentials_support;

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use awsop_runtime::credentials::{
    AssumeRoleConfig, BaseSource, CredentialsError, CredentialsErrorKind, CredentialsSources,
    DefaultCredentialsChain, ImdsCredentials, NamedSource, ProfileChain, ProfileCredentials,
    ProvideCredentials, SourceContext, SsoConfig, WebIdentityConfig,
};
use awsop_runtime::env::Env;
use awsop_runtime::profile::ProfileSet;
use awsop_runtime::{BoxFuture, ClientBuilder, Credentials};
use credentials_support::{Reply, StubServer, TempDir};

fn resolve(
    config: &str,
    credentials: &str,
    profile: &str,
) -> Result<ProfileChain, CredentialsError> {
    let set = ProfileSet::parse(config, credentials, profile).expect("parses");
    ProfileChain::resolve(&set).map(|c| c.expect("a chain"))
}

fn invalid(config: &str, profile: &str) -> String {
    let err = resolve(config, "", profile).expect_err("refused");
    assert_eq!(err.kind(), CredentialsErrorKind::InvalidConfiguration);
    err.to_string()
}

const ROLE: &str = "arn:aws:iam::123456789012:role/";

#[test]
fn a_source_profile_chain_three_deep() {
    let config = format!(
        "[profile top]\nrole_arn = {ROLE}Top\nsource_profile = middle\nrole_session_name = me\n\
         external_id = ext-1\nduration_seconds = 1800\n\
         [profile middle]\nrole_arn = {ROLE}Middle\nsource_profile = bottom\n\
         [profile bottom]\nrole_arn = {ROLE}Bottom\nsource_profile = keys\n"
    );
    let credentials = "[keys]\naws_access_key_id = AKIDBASE\naws_secret_access_key = S\n";
    let chain = resolve(&config, credentials, "top").unwrap();
    let BaseSource::StaticKeys {
        profile,
        credentials,
    } = &chain.base
    else {
        panic!("{:?}", chain.base)
    };
    assert_eq!(
        (profile.as_str(), credentials.access_key_id()),
        ("keys", "AKIDBASE")
    );
    let roles: Vec<&str> = chain.roles.iter().map(|r| r.role_arn.as_str()).collect();
    assert_eq!(
        roles,
        [
            format!("{ROLE}Bottom"),
            format!("{ROLE}Middle"),
            format!("{ROLE}Top")
        ]
    );
    let top = &chain.roles[2];
    assert_eq!(top.session_name.as_deref(), Some("me"));
    assert_eq!(top.external_id.as_deref(), Some("ext-1"));
    assert_eq!(top.duration, Some(Duration::from_secs(1800)));
    assert_eq!(chain.roles[0].session_name, None, "generated per session");
}

#[test]
fn a_cycle_names_the_profiles() {
    let config = format!(
        "[profile a]\nrole_arn = {ROLE}A\nsource_profile = b\n\
         [profile b]\nrole_arn = {ROLE}B\nsource_profile = c\n\
         [profile c]\nrole_arn = {ROLE}C\nsource_profile = a\n"
    );
    let message = invalid(&config, "a");
    assert!(message.contains("cycle: a -> b -> c -> a"), "{message}");
}

#[test]
fn static_keys_end_the_chain_only_in_a_source_profile() {
    // The selected profile's role is assumed even though it has keys...
    let config = format!(
        "[profile top]\nrole_arn = {ROLE}Top\nsource_profile = src\n\
         aws_access_key_id = AKIDTOP\naws_secret_access_key = S\n\
         [profile src]\nrole_arn = {ROLE}Ignored\nsource_profile = nowhere\n\
         aws_access_key_id = AKIDSRC\naws_secret_access_key = S\n"
    );
    let chain = resolve(&config, "", "top").unwrap();
    assert_eq!(chain.roles.len(), 1, "{chain:?}");
    // ...but the source profile's keys end it: its role_arn is not assumed.
    assert!(
        matches!(&chain.base, BaseSource::StaticKeys { credentials, .. } if credentials.access_key_id() == "AKIDSRC")
    );
    // A profile that is its own source uses its own keys.
    let own = format!(
        "[profile me]\nrole_arn = {ROLE}Me\nsource_profile = me\n\
         aws_access_key_id = AKIDME\naws_secret_access_key = S\n"
    );
    let chain = resolve(&own, "", "me").unwrap();
    assert_eq!(chain.roles.len(), 1);
    assert!(matches!(&chain.base, BaseSource::StaticKeys { profile, .. } if profile == "me"));
}

#[test]
fn credential_source_and_its_conflicts() {
    for (value, expected) in [
        ("Environment", NamedSource::Environment),
        ("Ec2InstanceMetadata", NamedSource::Ec2InstanceMetadata),
        ("EcsContainer", NamedSource::EcsContainer),
    ] {
        let config = format!("[profile r]\nrole_arn = {ROLE}R\ncredential_source = {value}\n");
        let chain = resolve(&config, "", "r").unwrap();
        assert!(matches!(chain.base, BaseSource::Named { source, .. } if source == expected));
    }
    let both = format!(
        "[profile r]\nrole_arn = {ROLE}R\ncredential_source = Environment\nsource_profile = x\n[profile x]\n"
    );
    assert!(invalid(&both, "r").contains("both source_profile and credential_source"));
    let unknown = format!("[profile r]\nrole_arn = {ROLE}R\ncredential_source = Laptop\n");
    assert!(invalid(&unknown, "r").contains("unknown credential_source"));
    let neither = format!("[profile r]\nrole_arn = {ROLE}R\n");
    assert!(invalid(&neither, "r").contains("neither source_profile nor credential_source"));
    let missing = format!("[profile r]\nrole_arn = {ROLE}R\nsource_profile = ghost\n");
    assert!(invalid(&missing, "r").contains("`ghost`, which is not defined"));
    let empty_source =
        format!("[profile r]\nrole_arn = {ROLE}R\nsource_profile = e\n[profile e]\nregion = x\n");
    assert!(invalid(&empty_source, "r")
        .contains("`e` is named as source_profile but has no credentials"));
}

#[test]
fn durations_and_session_names_are_checked() {
    for bad in ["899", "43201", "-1", "1h", "0"] {
        let config = format!(
            "[profile r]\nrole_arn = {ROLE}R\ncredential_source = Environment\nduration_seconds = {bad}\n"
        );
        let message = invalid(&config, "r");
        assert!(message.contains("from 900 to 43200"), "{bad}: {message}");
    }
    for good in ["900", "43200", "3600"] {
        let config = format!(
            "[profile r]\nrole_arn = {ROLE}R\ncredential_source = Environment\nduration_seconds = {good}\n"
        );
        let chain = resolve(&config, "", "r").unwrap();
        assert_eq!(
            chain.roles[0].duration,
            Some(Duration::from_secs(good.parse().unwrap()))
        );
    }
    let config = format!(
        "[profile r]\nrole_arn = {ROLE}R\ncredential_source = Environment\nrole_session_name = has space\n"
    );
    assert!(invalid(&config, "r").contains("role session name"));
}

#[test]
fn web_identity_and_sso_in_profiles() {
    let config = format!("[profile w]\nrole_arn = {ROLE}W\nweb_identity_token_file = ~/token\nrole_session_name = pod\n");
    let chain = resolve(&config, "", "w").unwrap();
    let BaseSource::WebIdentity(web) = &chain.base else {
        panic!("{chain:?}")
    };
    assert_eq!(web.role_arn, format!("{ROLE}W"));
    assert_eq!(web.session_name.as_deref(), Some("pod"));
    assert!(chain.roles.is_empty());
    assert!(invalid("[profile w]\nweb_identity_token_file = /t\n", "w").contains("not role_arn"));

    let config = "[profile dev]\nsso_session = corp\nsso_account_id = 111122223333\nsso_role_name = Dev\n\
                  [sso-session corp]\nsso_start_url = https://corp.awsapps.com/start\nsso_region = eu-west-1\n\
                  sso_registration_scopes = sso:account:access, codewhisperer:completions\n";
    let chain = resolve(config, "", "dev").unwrap();
    let BaseSource::Sso(sso) = &chain.base else {
        panic!("{chain:?}")
    };
    assert_eq!(sso.session_name.as_deref(), Some("corp"));
    assert_eq!(sso.cache_key(), "corp");
    assert_eq!(sso.region.as_str(), "eu-west-1");
    assert_eq!(
        sso.registration_scopes,
        ["sso:account:access", "codewhisperer:completions"]
    );

    let legacy =
        "[profile old]\nsso_start_url = https://old.awsapps.com/start\nsso_region = us-east-1\n\
                  sso_account_id = 111122223333\nsso_role_name = Dev\n";
    let chain = resolve(legacy, "", "old").unwrap();
    let BaseSource::Sso(sso) = &chain.base else {
        panic!("{chain:?}")
    };
    assert_eq!(
        (sso.session_name.as_deref(), sso.cache_key()),
        (None, "https://old.awsapps.com/start")
    );

    let no_section = "[profile dev]\nsso_session = gone\nsso_account_id = 1\nsso_role_name = D\n";
    assert!(invalid(no_section, "dev").contains("no [sso-session gone] section"));
    let no_region = "[profile dev]\nsso_session = s\nsso_account_id = 1\nsso_role_name = D\n\
                     [sso-session s]\nsso_start_url = https://x.awsapps.com/start\n";
    assert!(invalid(no_region, "dev").contains("does not set sso_region"));
    let disagree = "[profile dev]\nsso_session = s\nsso_account_id = 1\nsso_role_name = D\nsso_region = us-east-2\n\
                    [sso-session s]\nsso_start_url = https://x.awsapps.com/start\nsso_region = us-east-1\n";
    assert!(invalid(disagree, "dev").contains("differently"));
    // An SSO profile can be a role's source.
    let config = format!("{config}[profile admin]\nrole_arn = {ROLE}Admin\nsource_profile = dev\n");
    let chain = resolve(&config, "", "admin").unwrap();
    assert!(matches!(chain.base, BaseSource::Sso(_)) && chain.roles.len() == 1);
}

// ---- the seam ---------------------------------------------------------------

/// Builds providers that say what they were built from: an assumed role's
/// access key is `<role name>(<source's key>)`.
#[derive(Debug, Default)]
struct Recording {
    built: AtomicUsize,
    mfa_seen: Mutex<Vec<String>>,
}

#[derive(Debug)]
struct Assumed {
    role: AssumeRoleConfig,
    source: Arc<dyn ProvideCredentials>,
    mfa: Option<String>,
}

impl ProvideCredentials for Assumed {
    fn provide_credentials(&self) -> BoxFuture<'_, Result<Credentials, CredentialsError>> {
        Box::pin(async move {
            let source = self.source.provide_credentials().await?;
            let name = self.role.role_arn.rsplit('/').next().unwrap_or_default();
            let mfa = self
                .mfa
                .as_deref()
                .map(|m| format!("+{m}"))
                .unwrap_or_default();
            Ok(Credentials::new(
                format!("{name}({}){mfa}", source.access_key_id()),
                "S",
                None,
                None,
                "assumed",
            ))
        })
    }
}

impl CredentialsSources for Recording {
    fn assume_role(
        &self,
        role: &AssumeRoleConfig,
        source: Arc<dyn ProvideCredentials>,
        cx: &SourceContext,
    ) -> Result<Arc<dyn ProvideCredentials>, CredentialsError> {
        self.built.fetch_add(1, Ordering::SeqCst);
        let mfa = match (&role.mfa_serial, cx.mfa()) {
            (Some(serial), Some(_)) => {
                self.mfa_seen.lock().unwrap().push(serial.clone());
                Some(serial.clone())
            }
            _ => None,
        };
        Ok(Arc::new(Assumed {
            role: role.clone(),
            source,
            mfa,
        }))
    }

    fn web_identity(
        &self,
        config: &WebIdentityConfig,
        _cx: &SourceContext,
    ) -> Result<Arc<dyn ProvideCredentials>, CredentialsError> {
        self.built.fetch_add(1, Ordering::SeqCst);
        let file = config.token_file.display().to_string();
        Ok(Arc::new(Credentials::new(
            format!("web:{file}"),
            "S",
            None,
            None,
            "web",
        )))
    }

    fn sso(
        &self,
        config: &SsoConfig,
        _cx: &SourceContext,
    ) -> Result<Arc<dyn ProvideCredentials>, CredentialsError> {
        self.built.fetch_add(1, Ordering::SeqCst);
        Ok(Arc::new(Credentials::new(
            format!("sso:{}", config.role_name),
            "S",
            None,
            None,
            "sso",
        )))
    }
}

fn files(dir: &TempDir, config: &str, credentials: &str, profile: &str) -> Env {
    Env::from_pairs([
        ("HOME", dir.path().to_string_lossy().into_owned()),
        ("AWS_CONFIG_FILE", dir.write("config", config)),
        (
            "AWS_SHARED_CREDENTIALS_FILE",
            dir.write("credentials", credentials),
        ),
        ("AWS_PROFILE", profile.to_owned()),
        ("AWS_EC2_METADATA_DISABLED", "true".to_owned()),
    ])
}

#[tokio::test]
async fn providers_are_built_over_each_other_and_kept_while_the_files_agree() {
    let dir = TempDir::new("chain-seam");
    let config = format!(
        "[profile top]\nrole_arn = {ROLE}Top\nsource_profile = middle\n\
         [profile middle]\nrole_arn = {ROLE}Middle\nsource_profile = bottom\n\
         [profile bottom]\nrole_arn = {ROLE}Bottom\nsource_profile = keys\n"
    );
    let keys = "[keys]\naws_access_key_id = AKIDBASE\naws_secret_access_key = S\n";
    let sources = Arc::new(Recording::default());
    let provider =
        ProfileCredentials::new(files(&dir, &config, keys, "top")).with_sources(sources.clone());
    let creds = provider.provide_credentials().await.unwrap();
    assert_eq!(creds.access_key_id(), "Top(Middle(Bottom(AKIDBASE)))");
    provider.provide_credentials().await.unwrap();
    assert_eq!(
        sources.built.load(Ordering::SeqCst),
        3,
        "built once, reused"
    );
    // An edited file resolves to another chain: built again.
    dir.write(
        "credentials",
        "[keys]\naws_access_key_id = AKIDNEW\naws_secret_access_key = S\n",
    );
    let creds = provider.provide_credentials().await.unwrap();
    assert_eq!(creds.access_key_id(), "Top(Middle(Bottom(AKIDNEW)))");
    assert_eq!(sources.built.load(Ordering::SeqCst), 6);
}

#[tokio::test]
async fn credential_source_environment_is_the_roles_source() {
    let dir = TempDir::new("chain-env");
    let config = format!("[profile r]\nrole_arn = {ROLE}R\ncredential_source = Environment\n");
    let env = Env::from_pairs([
        ("AWS_CONFIG_FILE", dir.write("config", &config)),
        ("AWS_SHARED_CREDENTIALS_FILE", dir.missing("credentials")),
        ("AWS_PROFILE", "r".to_owned()),
        ("AWS_ACCESS_KEY_ID", "AKIDENV".to_owned()),
        ("AWS_SECRET_ACCESS_KEY", "S".to_owned()),
    ]);
    let provider = ProfileCredentials::new(env).with_sources(Arc::new(Recording::default()));
    assert_eq!(
        provider
            .provide_credentials()
            .await
            .unwrap()
            .access_key_id(),
        "R(AKIDENV)"
    );
}

#[tokio::test]
async fn mfa_needs_a_callback_in_code() {
    let dir = TempDir::new("chain-mfa");
    let config = format!(
        "[profile r]\nrole_arn = {ROLE}R\nsource_profile = k\nmfa_serial = arn:aws:iam::123456789012:mfa/me\n"
    );
    let keys = "[k]\naws_access_key_id = AKID\naws_secret_access_key = S\n";
    let env = files(&dir, &config, keys, "r");
    let sources = Arc::new(Recording::default());
    let err = ProfileCredentials::new(env.clone())
        .with_sources(sources.clone())
        .provide_credentials()
        .await
        .unwrap_err();
    assert_eq!(err.kind(), CredentialsErrorKind::InvalidConfiguration);
    assert!(
        err.to_string().contains("mfa_serial") && err.to_string().contains("callback"),
        "{err}"
    );
    let with_code = ProfileCredentials::new(env)
        .with_sources(sources.clone())
        .with_mfa_token(Arc::new(|_: &str| {
            Box::pin(async { Ok("123456".to_owned()) }) as BoxFuture<'static, _>
        }));
    let creds = with_code.provide_credentials().await.unwrap();
    assert_eq!(
        creds.access_key_id(),
        "R(AKID)+arn:aws:iam::123456789012:mfa/me"
    );
}

#[tokio::test]
async fn the_default_chain_order() {
    let dir = TempDir::new("chain-order");
    let token = dir.write("token", "jwt");
    let config = "[default]\nsso_session = s\nsso_account_id = 1\nsso_role_name = FromProfile\n\
                  [sso-session s]\nsso_start_url = https://x.awsapps.com/start\nsso_region = us-east-1\n";
    let base = vec![
        ("AWS_CONFIG_FILE", dir.write("config", config)),
        ("AWS_SHARED_CREDENTIALS_FILE", dir.missing("credentials")),
        ("AWS_EC2_METADATA_DISABLED", "true".to_owned()),
    ];
    let chain = |extra: &[(&'static str, String)]| {
        let mut vars = base.clone();
        vars.extend(extra.iter().cloned());
        DefaultCredentialsChain::new(Env::from_pairs(vars))
            .with_sources(Some(Arc::new(Recording::default())))
    };
    let web = [
        ("AWS_WEB_IDENTITY_TOKEN_FILE", token.clone()),
        ("AWS_ROLE_ARN", format!("{ROLE}Web")),
    ];
    let keys = [
        ("AWS_ACCESS_KEY_ID", "AKIDENV".to_owned()),
        ("AWS_SECRET_ACCESS_KEY", "S".to_owned()),
    ];
    // 1. environment keys win over everything;
    let all: Vec<_> = keys.iter().chain(web.iter()).cloned().collect();
    assert_eq!(
        chain(&all)
            .provide_credentials()
            .await
            .unwrap()
            .access_key_id(),
        "AKIDENV"
    );
    // 2. then web identity from the environment;
    let got = chain(&web).provide_credentials().await.unwrap();
    assert_eq!(got.access_key_id(), format!("web:{token}"));
    // 3. then the profile.
    assert_eq!(
        chain(&[])
            .provide_credentials()
            .await
            .unwrap()
            .access_key_id(),
        "sso:FromProfile"
    );
    // Half a web identity setup stops the chain.
    let half = [("AWS_WEB_IDENTITY_TOKEN_FILE", token)];
    let err = chain(&half).provide_credentials().await.unwrap_err();
    assert!(err.to_string().contains("AWS_ROLE_ARN"), "{err}");
}

#[tokio::test]
async fn region_from_imds_when_nothing_else_names_one() {
    let imds =
        StubServer::start(
            |request| match (request.method.as_str(), request.path.as_str()) {
                ("PUT", "/latest/api/token") => Reply::Respond(200, "TOKEN".into()),
                ("GET", "/latest/meta-data/placement/region")
                    if request.header("x-aws-ec2-metadata-token") == Some("TOKEN") =>
                {
                    Reply::Respond(200, "ap-southeast-2".into())
                }
                _ => Reply::Respond(404, String::new()),
            },
        )
        .await;
    let dir = TempDir::new("imds-region");
    let env = |extra: &[(&str, &str)]| {
        let mut vars = vec![
            ("AWS_CONFIG_FILE".to_owned(), dir.missing("config")),
            (
                "AWS_SHARED_CREDENTIALS_FILE".to_owned(),
                dir.missing("credentials"),
            ),
            (
                "AWS_EC2_METADATA_SERVICE_ENDPOINT".to_owned(),
                imds.base_url.clone(),
            ),
        ];
        vars.extend(extra.iter().map(|(k, v)| (k.to_string(), v.to_string())));
        Env::from_pairs(vars)
    };
    let region = ImdsCredentials::new(env(&[])).region().await.unwrap();
    assert_eq!(region.unwrap().as_str(), "ap-southeast-2");
    let client = ClientBuilder::from_env_with(env(&[]))
        .await
        .unwrap()
        .build()
        .unwrap();
    assert_eq!(client.region().unwrap().as_str(), "ap-southeast-2");
    // A region named anywhere else wins, and IMDS is not asked.
    let asked = imds.requests().len();
    let client = ClientBuilder::from_env_with(env(&[("AWS_REGION", "eu-north-1")]))
        .await
        .unwrap()
        .build()
        .unwrap();
    assert_eq!(client.region().unwrap().as_str(), "eu-north-1");
    assert_eq!(imds.requests().len(), asked);
    let client = ClientBuilder::from_env_with(env(&[("AWS_EC2_METADATA_DISABLED", "true")]))
        .await
        .unwrap()
        .build()
        .unwrap();
    assert!(client.region().is_none());
}
