//! `awsop-emulator`: serve the DataZone user-profile emulator on a port.
//!
//! ```text
//! cargo run -p awsop-emulator -- --port 9000
//! ```

use std::net::{IpAddr, SocketAddr};
use std::process::ExitCode;

use awsop_emulator::{Emulator, EmulatorConfig};

const USAGE: &str = "\
awsop-emulator: a local Amazon DataZone endpoint (user-profile operations)

USAGE:
    awsop-emulator [OPTIONS]

OPTIONS:
    --host <IP>          address to listen on [default: 127.0.0.1]
    --port <PORT>        port to listen on; 0 picks a free one [default: 9000]
    --region <REGION>    region requests must be signed for [default: us-east-1]
    --fault-rate <P>     probability (0..1) of a random transient fault per request [default: 0]
    --seed <N>           seed for ids and faults [default: fixed]
    -h, --help           print this help
";

struct Args {
    host: IpAddr,
    port: u16,
    region: Option<String>,
    fault_rate: f64,
    seed: Option<u64>,
}

fn parse_args(args: impl IntoIterator<Item = String>) -> Result<Option<Args>, String> {
    let mut parsed = Args {
        host: IpAddr::from([127, 0, 0, 1]),
        port: 9000,
        region: None,
        fault_rate: 0.0,
        seed: None,
    };
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        let (flag, inline) = match arg.split_once('=') {
            Some((flag, value)) if flag.starts_with("--") => {
                (flag.to_owned(), Some(value.to_owned()))
            }
            _ => (arg.clone(), None),
        };
        if flag == "-h" || flag == "--help" {
            return Ok(None);
        }
        let mut value = || {
            inline
                .clone()
                .or_else(|| args.next())
                .ok_or_else(|| format!("{flag} needs a value"))
        };
        let bad = |what: &str, v: &str| format!("{flag}: `{v}` is not {what}");
        match flag.as_str() {
            "--host" => {
                let v = value()?;
                parsed.host = v.parse().map_err(|_| bad("an IP address", &v))?;
            }
            "--port" => {
                let v = value()?;
                parsed.port = v.parse().map_err(|_| bad("a port number", &v))?;
            }
            "--region" => parsed.region = Some(value()?),
            "--fault-rate" => {
                let v = value()?;
                let rate: f64 = v.parse().map_err(|_| bad("a number", &v))?;
                if !(0.0..=1.0).contains(&rate) {
                    return Err(bad("between 0 and 1", &v));
                }
                parsed.fault_rate = rate;
            }
            "--seed" => {
                let v = value()?;
                parsed.seed = Some(v.parse().map_err(|_| bad("an unsigned integer", &v))?);
            }
            other => return Err(format!("unknown option `{other}`")),
        }
    }
    Ok(Some(parsed))
}

#[tokio::main]
async fn main() -> ExitCode {
    let args = match parse_args(std::env::args().skip(1)) {
        Ok(Some(args)) => args,
        Ok(None) => {
            print!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(message) => {
            eprintln!("error: {message}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let mut builder = EmulatorConfig::builder()
        .bind(SocketAddr::new(args.host, args.port))
        .fault_rate(args.fault_rate);
    if let Some(region) = args.region {
        builder = builder.region(region);
    }
    if let Some(seed) = args.seed {
        builder = builder.seed(seed);
    }
    let emulator = match Emulator::start_with(builder.build()).await {
        Ok(emulator) => emulator,
        Err(error) => {
            eprintln!(
                "error: cannot listen on {}:{}: {error}",
                args.host, args.port
            );
            return ExitCode::FAILURE;
        }
    };
    let credentials = emulator.credentials();
    // The emulator's key pair is AWS's public example pair, not a secret:
    // printing it is how users learn what to sign with.
    println!(
        "awsop-emulator: Amazon DataZone (user profiles) at {url}\n\
         \n\
         Point a client at it with:\n\
         \x20 export AWS_ENDPOINT_URL={url}\n\
         \x20 export AWS_REGION={region}\n\
         \x20 export AWS_ACCESS_KEY_ID={key}\n\
         \x20 export AWS_SECRET_ACCESS_KEY={secret}\n\
         \n\
         Press Ctrl-C to stop.",
        url = emulator.endpoint_url(),
        region = emulator.region(),
        key = credentials.access_key_id(),
        secret = credentials.secret_access_key(),
    );
    if args.fault_rate > 0.0 {
        println!(
            "Injecting random faults into {:.0}% of requests.",
            args.fault_rate * 100.0
        );
    }
    // Serve until the process is interrupted (SIGINT's default action ends it).
    std::future::pending::<()>().await;
    ExitCode::SUCCESS
}

#[cfg(test)]
mod tests {
    use super::parse_args;

    fn args(list: &[&str]) -> Result<Option<super::Args>, String> {
        parse_args(list.iter().map(|s| s.to_string()))
    }

    #[test]
    fn parses_flags_both_ways() {
        let a = args(&[
            "--port",
            "9100",
            "--host=0.0.0.0",
            "--region",
            "eu-west-1",
            "--fault-rate=0.5",
            "--seed",
            "7",
        ])
        .unwrap()
        .unwrap();
        assert_eq!(a.port, 9100);
        assert_eq!(a.host.to_string(), "0.0.0.0");
        assert_eq!(a.region.as_deref(), Some("eu-west-1"));
        assert_eq!(a.fault_rate, 0.5);
        assert_eq!(a.seed, Some(7));
        assert!(args(&["--help"]).unwrap().is_none());
        assert_eq!(args(&[]).unwrap().unwrap().port, 9000);
    }

    #[test]
    fn rejects_bad_flags() {
        for bad in [
            &["--port"][..],
            &["--port", "x"],
            &["--fault-rate", "2"],
            &["--host", "nope"],
            &["--bogus"],
        ] {
            assert!(args(bad).is_err(), "{bad:?}");
        }
    }
}
