//! `cargo run --example datazone -- <command> [--option value ...]`: the
//! DataZone user-profile commands of the aws CLI, on awsop.
//!
//! ```text
//! cargo run --example datazone -- create-user-profile \
//!     --domain-identifier dzd_4p9n6sw4qt9xgn \
//!     --user-identifier arn:aws:iam::123456789012:role/DataScientist --user-type IAM_ROLE
//! cargo run --example datazone -- search-user-profiles \
//!     --domain-identifier dzd_4p9n6sw4qt9xgn --user-type DATAZONE_USER --max-items 10
//! cargo run --example datazone -- --help
//! ```
//!
//! Against the local emulator: start it (`cargo run -p awsop-emulator -- --port 9000`)
//! and add `--endpoint-url http://127.0.0.1:9000` with
//! `AWS_ACCESS_KEY_ID=AKIDEXAMPLE AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY AWS_REGION=us-east-1`.

// A `#[path]` module owns its directory, so `cli.rs` finds its submodules
// next to it both here and when tests include it the same way.
#[path = "cli.rs"]
mod cli;

fn main() {
    let args: Vec<String> = std::env::args_os()
        .skip(1)
        .map(|arg| arg.to_string_lossy().into_owned())
        .collect();
    // Variables that are not UTF-8 cannot be AWS settings; leave them out.
    let vars: Vec<(String, String)> = std::env::vars_os()
        .filter_map(|(k, v)| Some((k.into_string().ok()?, v.into_string().ok()?)))
        .collect();
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(err) => {
            eprintln!("\ncould not start the async runtime: {err}");
            std::process::exit(255);
        }
    };
    let code = runtime.block_on(cli::run(
        &args,
        vars,
        &mut std::io::stdout(),
        &mut std::io::stderr(),
    ));
    std::process::exit(code);
}
