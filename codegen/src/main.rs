//! `awsop-codegen --model <service-2.json or .json.gz> [--paginators <paginators-1.json>]
//! [--endpoints <endpoint-rule-set-1.json>] (--operations A,B,C | --all) --out <file.rs>`
//!
//! Exit status: 0 when every operation asked for was generated; 3 when the
//! module was written but some operations were left out (listed on
//! stderr, and in the module's header); 1 when nothing could be written
//! (unreadable model, unknown operation); 2 for a usage error.

use std::path::PathBuf;
use std::process::ExitCode;

use awsop_codegen::Generator;

const USAGE: &str = "usage: awsop-codegen --model <service-2.json or .json.gz> [--paginators <paginators-1.json>] [--endpoints <endpoint-rule-set-1.json>] (--operations A,B,C | --all) --out <file.rs>";

struct Args {
    model: PathBuf,
    paginators: Option<PathBuf>,
    endpoints: Option<PathBuf>,
    operations: Option<Vec<String>>,
    out: PathBuf,
}

fn parse(mut args: impl Iterator<Item = String>) -> Result<Args, String> {
    let (mut model, mut paginators, mut endpoints, mut operations, mut all, mut out) =
        (None, None, None, None, false, None);
    while let Some(arg) = args.next() {
        let mut value = |name: &str| {
            args.next()
                .filter(|v| !v.starts_with("--"))
                .ok_or_else(|| format!("{name} needs a value"))
        };
        let slot = match arg.as_str() {
            "--model" => &mut model,
            "--paginators" => &mut paginators,
            "--endpoints" => &mut endpoints,
            "--out" => &mut out,
            "--operations" => {
                if operations.is_some() {
                    return Err("--operations is given twice".to_string());
                }
                let list: Vec<String> = value("--operations")?
                    .split(',')
                    .map(|s| s.trim().to_string())
                    .filter(|s| !s.is_empty())
                    .collect();
                if list.is_empty() {
                    return Err("--operations lists no operation".to_string());
                }
                operations = Some(list);
                continue;
            }
            "--all" => {
                all = true;
                continue;
            }
            "-h" | "--help" => return Err(String::new()),
            other => return Err(format!("unknown argument `{other}`")),
        };
        if slot.is_some() {
            return Err(format!("{arg} is given twice"));
        }
        *slot = Some(PathBuf::from(value(&arg)?));
    }
    if all && operations.is_some() {
        return Err("give either --operations or --all, not both".to_string());
    }
    if !all && operations.is_none() {
        return Err("give --operations A,B,C or --all".to_string());
    }
    Ok(Args {
        model: model.ok_or("--model is required")?,
        paginators,
        endpoints,
        operations,
        out: out.ok_or("--out is required")?,
    })
}

fn main() -> ExitCode {
    let args = match parse(std::env::args().skip(1)) {
        Ok(args) => args,
        Err(e) if e.is_empty() => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            eprintln!("awsop-codegen: {e}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let mut generator = Generator::new(&args.model);
    if let Some(p) = &args.paginators {
        generator = generator.paginators(p);
    }
    if let Some(e) = &args.endpoints {
        generator = generator.endpoints(e);
    }
    if let Some(ops) = &args.operations {
        generator = generator.operations(ops.iter().cloned());
    }
    match generator.write(&args.out) {
        Ok(report) => {
            let total = report.generated.len() + report.left_out.len();
            println!(
                "{}: {} ({}): {}/{total} operations generated",
                args.out.display(),
                args.model.display(),
                report.protocol,
                report.generated.len()
            );
            if report.left_out.is_empty() {
                return ExitCode::SUCCESS;
            }
            eprintln!(
                "awsop-codegen: {} operations left out:",
                report.left_out.len()
            );
            for (name, why) in &report.left_out {
                eprintln!("  {name}: {why}");
            }
            ExitCode::from(3)
        }
        Err(e) => {
            eprintln!("awsop-codegen: {e}");
            ExitCode::from(1)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::parse;

    fn args(s: &str) -> Result<super::Args, String> {
        parse(s.split_whitespace().map(str::to_string))
    }

    #[test]
    fn the_command_line() {
        let a = args(
            "--model m.json.gz --paginators p.json --endpoints e.json --operations A,B --out x.rs",
        )
        .unwrap();
        assert_eq!(a.model.to_str(), Some("m.json.gz"));
        assert_eq!(a.operations, Some(vec!["A".to_string(), "B".to_string()]));
        assert!(args("--model m --all --out x.rs")
            .unwrap()
            .operations
            .is_none());
    }

    #[test]
    fn usage_errors() {
        assert!(args("--model m --out x.rs").is_err());
        assert!(args("--model m --all --operations A --out x.rs").is_err());
        assert!(args("--model m --all").is_err());
        assert!(args("--model --all --out x").is_err());
        assert!(args("--model m --all --out x --frobnicate").is_err());
        assert!(args("--model m --model n --all --out x").is_err());
    }
}
