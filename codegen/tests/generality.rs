//! Every operation of every vendored botocore model (one per protocol at
//! least: restJson1, awsJson1_0, awsJson1_1, rpcv2Cbor, restXml, awsQuery,
//! ec2Query), generated and compiled: one crate per service, depending on
//! awsop alone, all checked by one `cargo check` in one target directory
//! under `target/` (so awsop is built once, and kept between runs).
//!
//! The operations the macros cannot express yet are counted, not hidden:
//! the expected number per service is pinned below, with the reasons.

use std::path::{Path, PathBuf};
use std::process::Command;

/// Service, its protocol, and how many of its operations are left out.
const SERVICES: &[(&str, &str, usize)] = &[
    ("datazone", "restJson1", 0),
    ("dynamodb", "awsJson1_0", 0),
    // awsJson1_0, query-compatible.
    ("sqs", "awsJson1_0", 0),
    ("kms", "awsJson1_1", 0),
    ("sts", "awsQuery", 0),
    ("sso", "restJson1", 0),
    ("sso-oidc", "restJson1", 0),
    // SelectObjectContent answers with an event stream.
    ("s3", "restXml", 1),
    ("ec2", "ec2Query", 0),
    // rpcv2Cbor, query-compatible.
    ("cloudwatch", "rpcv2Cbor", 0),
    // InvokeWithResponseStream answers with an event stream.
    ("lambda", "restJson1", 1),
    // GetLogObject and StartLiveTail answer with event streams.
    ("logs", "awsJson1_1", 2),
];

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn models() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/models")
}

/// The crates' workspace, under the project's `target/`.
fn scratch() -> PathBuf {
    root().join("target/codegen-generality")
}

fn write(path: &Path, text: &str) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    // Unchanged files keep their time stamps: cargo then has nothing to redo.
    if std::fs::read_to_string(path).ok().as_deref() != Some(text) {
        std::fs::write(path, text).unwrap();
    }
}

#[test]
fn every_operation_of_every_vendored_service_generates_and_compiles() {
    let awsop = root().canonicalize().unwrap();
    let mut members = Vec::new();
    let mut report = Vec::new();
    let mut failures = Vec::new();
    for &(service, protocol, left_out) in SERVICES {
        let dir = models().join(service);
        let mut generator = awsop_codegen::Generator::new(dir.join("service-2.json.gz"))
            .endpoints(dir.join("endpoint-rule-set-1.json.gz"));
        if dir.join("paginators-1.json.gz").exists() {
            generator = generator.paginators(dir.join("paginators-1.json.gz"));
        }
        let generated = generator.render().unwrap();
        let total = generated.generated.len() + generated.left_out.len();
        report.push(format!(
            "{service} {}: {}/{total} operations generated",
            generated.protocol,
            generated.generated.len()
        ));
        if generated.protocol != protocol {
            failures.push(format!(
                "{service}: protocol {} (expected {protocol})",
                generated.protocol
            ));
        }
        if generated.left_out.len() != left_out {
            failures.push(format!(
                "{service}: {} operations left out (expected {left_out}): {:?}",
                generated.left_out.len(),
                generated.left_out
            ));
        }
        check_docs(service, &generated.code, &mut failures);
        let krate = scratch().join(service);
        let name = format!("gen-{service}");
        write(
            &krate.join("Cargo.toml"),
            &format!(
                "[package]\nname = \"{name}\"\nversion = \"0.0.0\"\nedition = \"2021\"\npublish = false\n\n\
                 [lib]\npath = \"lib.rs\"\n\n\
                 [dependencies]\nawsop = {{ path = {:?} }}\n",
                awsop.display().to_string()
            ),
        );
        write(
            &krate.join("lib.rs"),
            &format!("pub mod {};\n", service.replace('-', "_")),
        );
        write(
            &krate.join(format!("{}.rs", service.replace('-', "_"))),
            &generated.code,
        );
        members.push(format!("{service:?}"));
    }
    // The build-script way: a crate whose build.rs generates three DynamoDB
    // operations with the library, and includes them.
    let build_rs = scratch().join("build-rs");
    let codegen = Path::new(env!("CARGO_MANIFEST_DIR"))
        .canonicalize()
        .unwrap();
    write(
        &build_rs.join("Cargo.toml"),
        &format!(
            "[package]\nname = \"gen-build-rs\"\nversion = \"0.0.0\"\nedition = \"2021\"\npublish = false\n\n\
             [lib]\npath = \"lib.rs\"\n\n\
             [dependencies]\nawsop = {{ path = {:?} }}\n\n\
             [build-dependencies]\nawsop-codegen = {{ path = {:?} }}\n",
            awsop.display().to_string(),
            codegen.display().to_string()
        ),
    );
    let model = models().join("dynamodb").canonicalize().unwrap();
    write(
        &build_rs.join("build.rs"),
        &format!(
            "fn main() {{\n    let models = std::path::Path::new({:?});\n    \
             let out = std::path::Path::new(&std::env::var(\"OUT_DIR\").unwrap()).join(\"dynamodb.rs\");\n    \
             awsop_codegen::Generator::new(models.join(\"service-2.json.gz\"))\n        \
             .paginators(models.join(\"paginators-1.json.gz\"))\n        \
             .endpoints(models.join(\"endpoint-rule-set-1.json.gz\"))\n        \
             .operations([\"GetItem\", \"PutItem\", \"Query\"])\n        \
             .write(&out)\n        .unwrap();\n}}\n",
            model.display().to_string()
        ),
    );
    write(
        &build_rs.join("lib.rs"),
        "pub mod dynamodb {\n    include!(concat!(env!(\"OUT_DIR\"), \"/dynamodb.rs\"));\n}\n\n\
         /// The generated types are there, and paged.\n\
         pub fn query_pages(client: &awsop::Client) -> awsop::Paginator<'_, dynamodb::Query> {\n    \
         dynamodb::Query { table_name: \"music\".into(), ..Default::default() }.paginate(client)\n}\n",
    );
    members.push("\"build-rs\"".to_string());
    write(
        &scratch().join("Cargo.toml"),
        &format!(
            "# Written by codegen/tests/generality.rs.\n[workspace]\nmembers = [{}]\nresolver = \"2\"\n\n\
             [profile.dev]\ndebug = false\n",
            members.join(", ")
        ),
    );
    // The project's versions of awsop's dependencies, as CI tested them
    // (cargo drops the entries these crates do not use).
    let lock = std::fs::read_to_string(root().join("Cargo.lock")).unwrap();
    write(&scratch().join("Cargo.lock"), &lock);
    let output = Command::new(env!("CARGO"))
        .args([
            "check",
            "--workspace",
            "--keep-going",
            "--quiet",
            "--message-format=short",
        ])
        .current_dir(scratch())
        // Its own target directory: the outer cargo holds the lock of the
        // project's, and the lock file of this workspace is its own.
        .env("CARGO_TARGET_DIR", scratch().join("target"))
        .env_remove("RUSTFLAGS")
        .output()
        .expect("cargo runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    for (line, &(service, _, _)) in report.iter().zip(SERVICES) {
        let failed = stderr.contains(&format!("could not compile `gen-{service}`"));
        println!("{line}, compile {}", if failed { "failed" } else { "ok" });
        if failed {
            failures.push(format!("gen-{service} does not compile"));
        }
    }
    if stderr.contains("could not compile `gen-build-rs`") {
        failures.push("the build.rs crate does not compile".to_string());
    }
    let warnings: Vec<&str> = stderr.lines().filter(|l| l.contains("warning")).collect();
    if !output.status.success() || !warnings.is_empty() {
        failures.push(format!(
            "cargo check: {}\n{}",
            output.status,
            stderr.lines().take(60).collect::<Vec<_>>().join("\n")
        ));
    }
    if let Some(rustfmt) = rustfmt() {
        for &(service, _, _) in SERVICES {
            let file = scratch()
                .join(service)
                .join(format!("{}.rs", service.replace('-', "_")));
            let status = Command::new(&rustfmt)
                .args(["--check", "--edition", "2021"])
                .arg(&file)
                .output()
                .unwrap();
            if !status.status.success() {
                failures.push(format!("{service}: not rustfmt-clean"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

fn rustfmt() -> Option<PathBuf> {
    let rustfmt =
        std::env::var_os("RUSTFMT").map_or_else(|| PathBuf::from("rustfmt"), PathBuf::from);
    Command::new(&rustfmt)
        .arg("--version")
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|_| rustfmt)
}

/// The docs are Markdown: no raw HTML tag, and no code that rustdoc would
/// compile as a doctest (a fence other than `text`, or a line indented by
/// four spaces outside a list, which is an indented code block).
fn check_docs(service: &str, code: &str, failures: &mut Vec<String>) {
    let mut fenced = false;
    let mut in_list = false;
    let mut after_blank = false;
    // Code spans may run over a line break; a paragraph ends them.
    let mut in_code = false;
    for (n, line) in code.lines().enumerate() {
        let Some(doc) = line.trim_start().strip_prefix("///") else {
            continue;
        };
        let doc = doc.strip_prefix(' ').unwrap_or(doc);
        let text = doc.trim_start();
        let indent = doc.len() - text.len();
        if text.starts_with("```") {
            fenced = !fenced;
            if fenced && text != "```text" {
                failures.push(format!(
                    "{service}.rs:{}: a fence that is not `text`",
                    n + 1
                ));
            }
            continue;
        }
        if fenced {
            continue;
        }
        if text.is_empty() {
            after_blank = true;
            in_code = false;
            continue;
        }
        let item = text.starts_with("- ")
            || text
                .split_once(". ")
                .is_some_and(|(d, _)| !d.is_empty() && d.chars().all(|c| c.is_ascii_digit()));
        if item {
            in_list = true;
        } else if indent == 0 {
            in_list = false;
        } else if indent >= 4 && !in_list && after_blank {
            failures.push(format!(
                "{service}.rs:{}: an indented code block: {doc}",
                n + 1
            ));
        }
        after_blank = false;
        let mut tag = false;
        let mut escaped = false;
        for (i, c) in text.char_indices() {
            match c {
                '`' if !escaped => in_code = !in_code,
                '<' if !in_code => {
                    tag |= text[i + 1..].starts_with(|n: char| n.is_ascii_alphabetic() || n == '/')
                }
                _ => {}
            }
            escaped = c == '\\' && !escaped;
        }
        if tag {
            failures.push(format!("{service}.rs:{}: a raw tag: {doc}", n + 1));
        }
    }
}
