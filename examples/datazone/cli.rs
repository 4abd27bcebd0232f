//! `aws datazone`, for the four user-profile commands: everything but the
//! process boundary, so tests can run it in-process (`cli::run`).

mod args;
mod commands;
mod debug_log;
mod print;
mod report;
mod resume;

use std::io::Write;

use awsop::runtime::env::Env;
use awsop::{Client, ClientBuilder};

use args::{Invocation, Parsed, UsageError};
use commands::Failure;

/// Runs one command line (`args` without the program name) with the
/// environment `vars`, writing the answer to `stdout` and errors to
/// `stderr`; returns the exit code.
pub(crate) async fn run(
    args: &[String],
    vars: Vec<(String, String)>,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> i32 {
    let run = match args::parse(args) {
        Ok(Parsed::Run(run)) => run,
        Ok(Parsed::Help(command)) => {
            let text = command.map_or_else(args::overview, args::command_help);
            let _ = stdout.write_all(text.as_bytes());
            return report::SUCCESS;
        }
        Err(err) => return report::usage(stderr, &err),
    };
    if run.flag("debug") {
        debug_log::install();
    }
    let client = match client(&run, vars).await {
        Ok(client) => client,
        Err(Setup::Usage(err)) => return report::usage(stderr, &err),
        Err(Setup::Config(err)) => return report::configuration(stderr, &err),
    };
    match commands::execute(&run, &client).await {
        Ok(answer) => match writeln!(stdout, "{}", answer.pretty()) {
            Ok(()) => report::SUCCESS,
            Err(err) => report::other(stderr, &err),
        },
        Err(Failure::Usage(err)) => report::usage(stderr, &err),
        Err(Failure::Call(err)) => report::call(stderr, run.command.operation, &err),
    }
}

/// Why no client could be made.
enum Setup {
    Usage(UsageError),
    Config(awsop::ConfigError),
}

/// The aws CLI's defaults for `--cli-connect-timeout` and
/// `--cli-read-timeout`: 60 s each.
const CLI_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(60);

/// The client: the standard chain (with `--profile` as `AWS_PROFILE`),
/// then `--region`, `--endpoint-url` and the timeouts on top.
async fn client(run: &Invocation, mut vars: Vec<(String, String)>) -> Result<Client, Setup> {
    // As the aws CLI: 60 s to connect, 60 s of silence from the server at
    // most (`0` for no limit), so a hung server cannot hang the command.
    let read_timeout = run.seconds("cli-read-timeout").map_err(Setup::Usage)?;
    let connect_timeout = run.seconds("cli-connect-timeout").map_err(Setup::Usage)?;
    if let Some(profile) = run.get("profile") {
        vars.push(("AWS_PROFILE".into(), profile.into()));
    }
    let mut builder = ClientBuilder::from_env_with(Env::from_pairs(vars))
        .await
        .map_err(Setup::Config)?
        .read_timeout(read_timeout.unwrap_or(Some(CLI_TIMEOUT)))
        .connect_timeout(connect_timeout.unwrap_or(Some(CLI_TIMEOUT)));
    if let Some(region) = run.get("region") {
        builder = builder.region(region);
    }
    if let Some(url) = run.get("endpoint-url") {
        builder = builder.endpoint_url(url);
    }
    builder.build().map_err(Setup::Config)
}
