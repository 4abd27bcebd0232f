//! The `datazone` example's command line, run in-process against the
//! emulator: output shape and the aws CLI's exit codes.

#[path = "../examples/datazone/cli.rs"]
mod cli;

use awsop_emulator::Emulator;

struct Outcome {
    code: i32,
    stdout: String,
    stderr: String,
}

/// The environment a user of the emulator would set. No `HOME`, so no
/// shared config file is read, and no instance metadata is asked.
fn vars(emulator: &Emulator) -> Vec<(String, String)> {
    [
        ("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE".to_owned()),
        (
            "AWS_SECRET_ACCESS_KEY",
            "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY".to_owned(),
        ),
        ("AWS_REGION", emulator.region().to_owned()),
        ("AWS_ENDPOINT_URL", emulator.endpoint_url()),
        ("AWS_EC2_METADATA_DISABLED", "true".to_owned()),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v))
    .collect()
}

async fn datazone(args: &str, vars: Vec<(String, String)>) -> Outcome {
    let args: Vec<String> = args.split_whitespace().map(str::to_owned).collect();
    let (mut stdout, mut stderr) = (Vec::new(), Vec::new());
    let code = cli::run(&args, vars, &mut stdout, &mut stderr).await;
    Outcome {
        code,
        stdout: String::from_utf8(stdout).expect("UTF-8 output"),
        stderr: String::from_utf8(stderr).expect("UTF-8 errors"),
    }
}

fn json(out: &Outcome) -> serde_json::Value {
    assert_eq!(out.code, 0, "stderr: {}", out.stderr);
    serde_json::from_str(&out.stdout).expect("JSON on stdout")
}

const CREATE: &str = "create-user-profile --domain-identifier dzd_4p9n6sw4qt9xgn \
                      --user-identifier arn:aws:iam::123456789012:role/DataScientist --user-type=IAM_ROLE";

#[tokio::test]
async fn create_prints_the_profile_like_the_aws_cli() {
    let emulator = Emulator::start().await;
    let out = datazone(CREATE, vars(&emulator)).await;
    let profile = json(&out);
    assert_eq!(profile["domainId"], "dzd_4p9n6sw4qt9xgn");
    assert_eq!(profile["type"], "IAM");
    assert_eq!(
        profile["details"]["iam"]["arn"],
        "arn:aws:iam::123456789012:role/DataScientist"
    );
    // Wire names, in the model's member order, four-space indent, one trailing newline.
    let order: Vec<usize> = [
        "\"domainId\"",
        "\"id\"",
        "\"type\"",
        "\"status\"",
        "\"details\"",
    ]
    .iter()
    .map(|k| out.stdout.find(k).expect("member present"))
    .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{}", out.stdout);
    assert!(
        out.stdout
            .starts_with("{\n    \"domainId\": \"dzd_4p9n6sw4qt9xgn\",\n"),
        "{}",
        out.stdout
    );
    assert!(out
        .stdout
        .contains("\n    \"details\": {\n        \"iam\": {\n            \"arn\": "));
    assert!(out.stdout.ends_with("}\n"));
    assert!(out.stderr.is_empty());
}

#[tokio::test]
async fn get_and_update_by_id() {
    let emulator = Emulator::start().await;
    let created = json(&datazone(CREATE, vars(&emulator)).await);
    let id = created["id"].as_str().expect("an id").to_owned();

    let got = json(
        &datazone(
            &format!("get-user-profile --domain-identifier=dzd_4p9n6sw4qt9xgn --user-identifier {id} --type IAM"),
            vars(&emulator),
        )
        .await,
    );
    assert_eq!(got, created);

    let updated = json(
        &datazone(
            &format!("update-user-profile --domain-identifier dzd_4p9n6sw4qt9xgn --user-identifier {id} --status DEACTIVATED"),
            vars(&emulator),
        )
        .await,
    );
    assert_eq!(updated["status"], "DEACTIVATED");
}

#[tokio::test]
async fn search_paginates_caps_and_resumes() {
    let emulator = Emulator::start().await;
    for name in ["A", "B", "C", "D", "E"] {
        let line = format!(
            "create-user-profile --domain-identifier dzd_4p9n6sw4qt9xgn \
             --user-identifier arn:aws:iam::123456789012:role/{name}"
        );
        json(&datazone(&line, vars(&emulator)).await);
    }
    let search =
        "search-user-profiles --domain-identifier dzd_4p9n6sw4qt9xgn --user-type DATAZONE_USER";

    let all = json(&datazone(&format!("{search} --page-size 2"), vars(&emulator)).await);
    assert_eq!(all["items"].as_array().map(Vec::len), Some(5));
    assert!(all.get("NextToken").is_none() && all.get("nextToken").is_none());

    // Three of five, cut inside the second page of two.
    let first = json(
        &datazone(
            &format!("{search} --page-size 2 --max-items 3"),
            vars(&emulator),
        )
        .await,
    );
    let first_items = first["items"].as_array().expect("items").clone();
    assert_eq!(first_items.len(), 3);
    let token = first["NextToken"].as_str().expect("a NextToken to resume");
    let rest = json(
        &datazone(
            &format!("{search} --page-size 2 --starting-token {token}"),
            vars(&emulator),
        )
        .await,
    );
    let rest_items = rest["items"].as_array().expect("items");
    let ids = |items: &[serde_json::Value]| -> Vec<String> {
        items
            .iter()
            .map(|p| p["id"].as_str().unwrap_or_default().to_owned())
            .collect()
    };
    let mut resumed = ids(&first_items);
    resumed.extend(ids(rest_items));
    assert_eq!(resumed, ids(all["items"].as_array().expect("items")));

    // --max-results asks for one page only, and shows the service's token.
    let one = json(&datazone(&format!("{search} --max-results 2"), vars(&emulator)).await);
    assert_eq!(one["items"].as_array().map(Vec::len), Some(2));
    assert!(one["nextToken"].is_string());
}

#[tokio::test]
async fn usage_mistakes_exit_252() {
    let emulator = Emulator::start().await;
    for line in [
        "",
        "delete-user-profile --domain-identifier dzd_a",
        "get-user-profile --domain-identifier dzd_a",
        "get-user-profile --domain-identifier dzd_a --user-identifier u --colour blue",
        "get-user-profile --domain-identifier dzd_a --user-identifier",
        "search-user-profiles --domain-identifier dzd_a --user-type SSO_USER --max-results ten",
        "get-user-profile --domain-identifier dzd_a --user-identifier u --cli-read-timeout soon",
    ] {
        let out = datazone(line, vars(&emulator)).await;
        assert_eq!(out.code, 252, "{line}: {}", out.stderr);
        assert!(out.stdout.is_empty());
        assert!(
            out.stderr.contains("datazone: error: "),
            "{line}: {}",
            out.stderr
        );
    }
    assert_eq!(emulator.requests_served(), 0, "nothing was sent");
}

#[tokio::test]
async fn help_exits_0() {
    let out = datazone("--help", Vec::new()).await;
    assert_eq!(out.code, 0);
    assert!(out.stdout.contains("search-user-profiles"));
    let out = datazone("create-user-profile --help", Vec::new()).await;
    assert_eq!(out.code, 0);
    assert!(out.stdout.contains("--client-token"));
}

#[tokio::test]
async fn a_refused_region_exits_253() {
    let emulator = Emulator::start().await;
    let out = datazone(
        &format!("{CREATE} --region us-east-1.evil.example"),
        vars(&emulator),
    )
    .await;
    assert_eq!(out.code, 253, "{}", out.stderr);
    assert!(out.stderr.contains("region"), "{}", out.stderr);
    assert_eq!(emulator.requests_served(), 0);
}

#[tokio::test]
async fn a_service_error_exits_254_with_the_aws_cli_wording() {
    let emulator = Emulator::start().await;
    let out = datazone(
        "create-user-profile --domain-identifier not-a-domain --user-identifier arn:aws:iam::123456789012:role/R",
        vars(&emulator),
    )
    .await;
    assert_eq!(out.code, 254);
    assert!(out.stdout.is_empty());
    let prefix =
        "\nAn error occurred (ValidationException) when calling the CreateUserProfile operation: ";
    assert!(out.stderr.starts_with(prefix), "{:?}", out.stderr);
    assert!(out.stderr.ends_with('\n'));
    assert_eq!(
        out.stderr.lines().count(),
        2,
        "a blank line, then one line: {:?}",
        out.stderr
    );

    let out = datazone(
        "get-user-profile --domain-identifier dzd_4p9n6sw4qt9xgn --user-identifier nobody",
        vars(&emulator),
    )
    .await;
    assert_eq!(out.code, 254);
    assert!(out
        .stderr
        .starts_with("\nAn error occurred (ResourceNotFoundException) when calling the GetUserProfile operation: "));
}

#[tokio::test]
async fn an_unreachable_endpoint_exits_255_with_one_line() {
    // A port that was free a moment ago: nothing listens there.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port")
        .port();
    let emulator = Emulator::start().await;
    let mut env = vars(&emulator);
    env.push(("AWS_MAX_ATTEMPTS".into(), "1".into()));
    let out = datazone(
        &format!("{CREATE} --endpoint-url http://127.0.0.1:{port} --cli-connect-timeout 2"),
        env,
    )
    .await;
    assert_eq!(out.code, 255, "{}", out.stderr);
    assert_eq!(out.stderr.trim().lines().count(), 1, "{:?}", out.stderr);
    assert!(out.stderr.contains("connect"), "{}", out.stderr);
}

#[tokio::test]
async fn missing_credentials_exit_253() {
    let emulator = Emulator::start().await;
    let env: Vec<(String, String)> = vars(&emulator)
        .into_iter()
        .filter(|(k, _)| !k.starts_with("AWS_ACCESS") && !k.starts_with("AWS_SECRET"))
        .collect();
    let out = datazone(CREATE, env).await;
    assert_eq!(out.code, 253, "{}", out.stderr);
    assert_eq!(emulator.requests_served(), 0);
}

#[tokio::test]
async fn profile_selects_a_section_of_the_shared_files() {
    let emulator = Emulator::start().await;
    // Under target/, so the test reads nothing outside the repository.
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("datazone_cli_profile");
    std::fs::create_dir_all(&dir).expect("a scratch directory");
    let config = dir.join("config");
    let credentials = dir.join("credentials");
    std::fs::write(
        &config,
        format!(
            "[profile demo]\nregion = {}\nendpoint_url = {}\n",
            emulator.region(),
            emulator.endpoint_url()
        ),
    )
    .expect("config written");
    std::fs::write(
        &credentials,
        "[demo]\naws_access_key_id = AKIDEXAMPLE\n\
         aws_secret_access_key = wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY\n",
    )
    .expect("credentials written");
    let env = || -> Vec<(String, String)> {
        vec![
            ("AWS_CONFIG_FILE".into(), config.display().to_string()),
            (
                "AWS_SHARED_CREDENTIALS_FILE".into(),
                credentials.display().to_string(),
            ),
            ("AWS_EC2_METADATA_DISABLED".into(), "true".into()),
        ]
    };
    let out = datazone(&format!("{CREATE} --profile demo"), env()).await;
    assert_eq!(json(&out)["type"], "IAM");
    let out = datazone(&format!("{CREATE} --profile=missing"), env()).await;
    assert_eq!(out.code, 253, "{}", out.stderr);
    assert_eq!(emulator.requests_served(), 1);
}

/// A one-shot server answering every request with a DataZone validation
/// error whose message carries terminal escapes and a forged line.
async fn hostile_error_server() -> String {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let url = format!("http://{}", listener.local_addr().expect("addr"));
    tokio::spawn(async move {
        while let Ok((mut socket, _)) = listener.accept().await {
            tokio::spawn(async move {
                let mut buf = vec![0u8; 65536];
                let mut filled = 0;
                // Read the head and the (small) body, then answer once.
                loop {
                    match socket.read(&mut buf[filled..]).await {
                        Ok(0) | Err(_) => return,
                        Ok(n) => filled += n,
                    }
                    let text = String::from_utf8_lossy(&buf[..filled]).to_string();
                    if let Some(end) = text.find("\r\n\r\n") {
                        let length = text[..end]
                            .lines()
                            .find_map(|l| {
                                l.to_ascii_lowercase()
                                    .strip_prefix("content-length:")
                                    .and_then(|v| v.trim().parse::<usize>().ok())
                            })
                            .unwrap_or(0);
                        if filled >= end + 4 + length {
                            break;
                        }
                    }
                }
                let body = r#"{"message":"bad \u001b]0;owned\u0007 input\r\nAn error occurred (Forged) when calling the X operation: \u001b[2J"}"#;
                let reply = format!(
                    "HTTP/1.1 400 Bad Request\r\nx-amzn-errortype: ValidationException\r\n\
                     x-amzn-requestid: r-1\r\ncontent-type: application/json\r\n\
                     content-length: {}\r\nconnection: close\r\n\r\n{body}",
                    body.len()
                );
                let _ = socket.write_all(reply.as_bytes()).await;
            });
        }
    });
    url
}

/// Issue 17, attack 8: a server error message with ESC, BEL and CR/LF
/// reaches stderr escaped, on one line.
#[tokio::test]
async fn a_server_error_message_with_control_characters_is_escaped_on_stderr() {
    let emulator = Emulator::start().await;
    let url = hostile_error_server().await;
    let out = datazone(&format!("{CREATE} --endpoint-url {url}"), vars(&emulator)).await;
    assert_eq!(out.code, 254, "{:?}", out.stderr);
    assert!(
        !out.stderr.chars().any(|c| c.is_control() && c != '\n'),
        "raw control characters: {:?}",
        out.stderr
    );
    assert_eq!(out.stderr.trim().lines().count(), 1, "{:?}", out.stderr);
    assert!(
        out.stderr
            .contains("bad \\u{1b}]0;owned\\u{7} input\\r\\nAn error occurred (Forged)"),
        "{:?}",
        out.stderr
    );
}

/// Issue 17, attack 8: text from the configuration (a profile name, a
/// config file's path) reaches stderr escaped.
#[tokio::test]
async fn configuration_text_with_control_characters_is_escaped_on_stderr() {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("datazone_cli_escapes");
    std::fs::create_dir_all(&dir).expect("a scratch directory");
    let config = dir.join("config");
    std::fs::write(
        &config,
        "[profile ok]\nregion = us-east-1\n[profile evil\u{1b}[2J\rname]\nregion = x\n",
    )
    .expect("config written");
    let env = vec![
        ("AWS_CONFIG_FILE".to_owned(), config.display().to_string()),
        (
            "AWS_SHARED_CREDENTIALS_FILE".to_owned(),
            dir.join("none").display().to_string(),
        ),
        ("AWS_EC2_METADATA_DISABLED".to_owned(), "true".to_owned()),
        ("AWS_REGION".to_owned(), "us-east-1".to_owned()),
    ];
    // (The test splits arguments on whitespace, so no `\r` in this one.)
    let out = datazone(
        &format!("{CREATE} --profile=evil\u{1b}[2Jname"),
        env.clone(),
    )
    .await;
    assert_eq!(out.code, 253, "{:?}", out.stderr);
    assert!(
        !out.stderr.contains('\u{1b}') && !out.stderr.contains('\r'),
        "{:?}",
        out.stderr
    );
    assert!(
        out.stderr.contains("evil\\u{1b}[2Jname"),
        "{:?}",
        out.stderr
    );

    // A config file that cannot be read: its path is shown escaped too.
    let odd = dir.join("odd\u{1b}]0;t\u{7}");
    std::fs::create_dir_all(&odd).expect("a directory where a file is expected");
    let mut env = env;
    env[0].1 = odd.display().to_string();
    let out = datazone(CREATE, env).await;
    assert_eq!(out.code, 253, "{:?}", out.stderr);
    assert!(
        !out.stderr.contains('\u{1b}') && !out.stderr.contains('\u{7}'),
        "{:?}",
        out.stderr
    );
    assert!(
        out.stderr.contains("not a regular file"),
        "{:?}",
        out.stderr
    );
}

#[tokio::test]
async fn timeouts_default_to_the_aws_cli_values_and_0_means_none() {
    let emulator = Emulator::start().await;
    // Explicit values and 0 are accepted, and the call goes through.
    for options in [
        "--cli-read-timeout 0 --cli-connect-timeout 0",
        "--cli-read-timeout 5",
    ] {
        let out = datazone(&format!("{CREATE} {options}"), vars(&emulator)).await;
        assert_eq!(out.code, 0, "{options}: {}", out.stderr);
    }
}

/// Issue 17, attack 3, through the CLI: a server that never answers ends
/// in a timeout (exit 255) after `--cli-read-timeout`, not a hang.
#[tokio::test]
async fn a_silent_server_times_out_after_the_read_timeout() {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let url = format!("http://{}", listener.local_addr().expect("addr"));
    let held = tokio::spawn(async move {
        let mut sockets = Vec::new();
        while let Ok((socket, _)) = listener.accept().await {
            sockets.push(socket);
        }
    });
    let emulator = Emulator::start().await;
    let mut env = vars(&emulator);
    env.push(("AWS_MAX_ATTEMPTS".into(), "1".into()));
    let started = std::time::Instant::now();
    let out = tokio::time::timeout(
        std::time::Duration::from_secs(10),
        datazone(
            &format!("{CREATE} --endpoint-url {url} --cli-read-timeout 0.3"),
            env,
        ),
    )
    .await
    .expect("the CLI hung on a silent server");
    assert_eq!(out.code, 255, "{}", out.stderr);
    assert!(out.stderr.contains("read timeout"), "{}", out.stderr);
    assert!(started.elapsed() < std::time::Duration::from_secs(5));
    held.abort();
}
