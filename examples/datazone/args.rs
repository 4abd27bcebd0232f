//! The command line: which commands and options exist, and parsing
//! `<command> [--name value | --name=value | --flag ...]` against them.

use std::collections::HashMap;
use std::fmt;

/// One `--option`.
#[derive(Debug)]
pub(crate) struct OptionSpec {
    /// Without the leading `--`.
    pub(crate) name: &'static str,
    /// `None` for a flag; otherwise what the value is, for the help text.
    pub(crate) value: Option<&'static str>,
    pub(crate) required: bool,
    pub(crate) help: &'static str,
}

const fn value(name: &'static str, what: &'static str, help: &'static str) -> OptionSpec {
    OptionSpec {
        name,
        value: Some(what),
        required: false,
        help,
    }
}

const fn required(name: &'static str, what: &'static str, help: &'static str) -> OptionSpec {
    OptionSpec {
        name,
        value: Some(what),
        required: true,
        help,
    }
}

const fn flag(name: &'static str, help: &'static str) -> OptionSpec {
    OptionSpec {
        name,
        value: None,
        required: false,
        help,
    }
}

/// One command, named as `aws datazone` names it.
#[derive(Debug)]
pub(crate) struct CommandSpec {
    pub(crate) name: &'static str,
    /// The API operation, for error messages.
    pub(crate) operation: &'static str,
    pub(crate) summary: &'static str,
    pub(crate) options: &'static [OptionSpec],
}

const DOMAIN: OptionSpec = required("domain-identifier", "dzd_...", "the domain");
const SESSION_NAME: OptionSpec = value(
    "session-name",
    "text",
    "the IAM role session (IAM_ROLE_SESSION profiles)",
);
const PROFILE_TYPE: OptionSpec = value("type", "IAM|SSO", "the kind of profile");

pub(crate) const COMMANDS: &[CommandSpec] = &[
    CommandSpec {
        name: "create-user-profile",
        operation: "CreateUserProfile",
        summary: "create the profile of a user in a domain",
        options: &[
            DOMAIN,
            required(
                "user-identifier",
                "id",
                "an IAM ARN, an IAM Identity Center user id or a user name",
            ),
            value(
                "user-type",
                "IAM_USER|IAM_ROLE|SSO_USER|IAM_ROLE_SESSION",
                "the kind of user",
            ),
            SESSION_NAME,
            value(
                "client-token",
                "text",
                "idempotency token (default: a random UUID)",
            ),
        ],
    },
    CommandSpec {
        name: "get-user-profile",
        operation: "GetUserProfile",
        summary: "read one profile",
        options: &[
            DOMAIN,
            required(
                "user-identifier",
                "id",
                "the profile id or the user's identifier",
            ),
            PROFILE_TYPE,
            SESSION_NAME,
        ],
    },
    CommandSpec {
        name: "update-user-profile",
        operation: "UpdateUserProfile",
        summary: "change the status of a profile",
        options: &[
            DOMAIN,
            required(
                "user-identifier",
                "id",
                "the profile id or the user's identifier",
            ),
            PROFILE_TYPE,
            required(
                "status",
                "ASSIGNED|NOT_ASSIGNED|ACTIVATED|DEACTIVATED",
                "the new status",
            ),
            SESSION_NAME,
        ],
    },
    CommandSpec {
        name: "search-user-profiles",
        operation: "SearchUserProfiles",
        summary: "list the profiles that match (every page unless told otherwise)",
        options: &[
            DOMAIN,
            required(
                "user-type",
                "SSO_USER|DATAZONE_USER|DATAZONE_SSO_USER|DATAZONE_IAM_USER",
                "which users to search",
            ),
            value("search-text", "text", "text the profiles must contain"),
            value(
                "max-results",
                "1-50",
                "one page only, of at most this many profiles",
            ),
            value(
                "next-token",
                "token",
                "one page only, continuing from this token",
            ),
            value(
                "max-items",
                "n",
                "stop after n profiles; prints a NextToken to resume",
            ),
            value("page-size", "1-50", "profiles per request while paginating"),
            value(
                "starting-token",
                "token",
                "resume from a NextToken printed earlier",
            ),
            flag("no-paginate", "fetch only the first page"),
        ],
    },
];

/// Options every command accepts.
pub(crate) const GLOBAL_OPTIONS: &[OptionSpec] = &[
    value(
        "endpoint-url",
        "url",
        "send requests here instead of the AWS endpoint",
    ),
    value(
        "region",
        "name",
        "the region (default: AWS_REGION, then the profile)",
    ),
    value("profile", "name", "the profile of the shared config files"),
    value(
        "cli-read-timeout",
        "seconds",
        "longest wait for data from the server (default 60); 0 for none",
    ),
    value(
        "cli-connect-timeout",
        "seconds",
        "time limit to connect (default 60); 0 for none",
    ),
    flag("debug", "log what the client does to stderr"),
    flag("help", "show help"),
];

/// A command line that names a known command with acceptable options.
#[derive(Debug)]
pub(crate) struct Invocation {
    pub(crate) command: &'static CommandSpec,
    values: HashMap<&'static str, String>,
}

/// What a command line asked for.
#[derive(Debug)]
pub(crate) enum Parsed {
    /// Run a command.
    Run(Invocation),
    /// Print help: for one command, or the overview.
    Help(Option<&'static CommandSpec>),
}

/// A command line that cannot be run (exit code 252).
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct UsageError(pub(crate) String);

impl fmt::Display for UsageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

fn find<'a>(specs: &'a [OptionSpec], name: &str) -> Option<&'a OptionSpec> {
    specs.iter().find(|spec| spec.name == name)
}

/// Parses the arguments after the program name.
pub(crate) fn parse(args: &[String]) -> Result<Parsed, UsageError> {
    // Help wins over every other mistake, as with the aws CLI.
    let help = args.iter().any(|a| a == "--help");
    let mut command: Option<&'static CommandSpec> = None;
    let mut values = HashMap::new();
    let mut unknown = Vec::new();
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        let Some(option) = arg.strip_prefix("--") else {
            if command.is_none() {
                match COMMANDS.iter().find(|c| c.name == arg) {
                    Some(spec) => command = Some(spec),
                    None if help => {}
                    None => {
                        return Err(UsageError(format!(
                            "invalid choice: '{arg}' (choose from {})",
                            command_names()
                        )))
                    }
                }
            } else {
                unknown.push(arg.clone());
            }
            continue;
        };
        let (name, inline) = match option.split_once('=') {
            Some((name, value)) => (name, Some(value)),
            None => (option, None),
        };
        let own = command.map_or(&[][..], |c| c.options);
        let Some(spec) = find(GLOBAL_OPTIONS, name).or_else(|| find(own, name)) else {
            unknown.push(arg.clone());
            // A value after an unknown option is not another mistake.
            if inline.is_none() {
                let mut peek = rest.clone();
                if peek.next().is_some_and(|next| !next.starts_with("--")) {
                    rest.next();
                }
            }
            continue;
        };
        let value = match (spec.value, inline) {
            (None, None) => String::new(),
            (None, Some(_)) => {
                return Err(UsageError(format!(
                    "argument --{name}: ignored explicit argument"
                )))
            }
            (Some(_), Some(value)) => value.to_owned(),
            (Some(_), None) => match rest.next() {
                Some(next) if !next.starts_with("--") => next.clone(),
                _ => {
                    return Err(UsageError(format!(
                        "argument --{name}: expected one argument"
                    )))
                }
            },
        };
        // Repeating an option keeps the last value, as argparse does.
        values.insert(spec.name, value);
    }
    if help {
        return Ok(Parsed::Help(command));
    }
    let Some(command) = command else {
        return Err(UsageError(format!(
            "the following arguments are required: command (choose from {})",
            command_names()
        )));
    };
    if !unknown.is_empty() {
        return Err(UsageError(format!(
            "Unknown options: {}",
            unknown.join(", ")
        )));
    }
    let missing: Vec<String> = command
        .options
        .iter()
        .filter(|spec| spec.required && !values.contains_key(spec.name))
        .map(|spec| format!("--{}", spec.name))
        .collect();
    if !missing.is_empty() {
        return Err(UsageError(format!(
            "the following arguments are required: {}",
            missing.join(", ")
        )));
    }
    Ok(Parsed::Run(Invocation { command, values }))
}

fn command_names() -> String {
    COMMANDS
        .iter()
        .map(|c| c.name)
        .collect::<Vec<_>>()
        .join(", ")
}

impl Invocation {
    /// An option's value, if given.
    pub(crate) fn get(&self, name: &str) -> Option<&str> {
        self.values.get(name).map(String::as_str)
    }

    /// A required option's value (presence was checked when parsing).
    pub(crate) fn required(&self, name: &str) -> String {
        self.get(name).unwrap_or_default().to_owned()
    }

    /// Whether a flag was given.
    pub(crate) fn flag(&self, name: &str) -> bool {
        self.values.contains_key(name)
    }

    /// An integer option.
    pub(crate) fn int<T: std::str::FromStr>(&self, name: &str) -> Result<Option<T>, UsageError> {
        self.get(name)
            .map(|text| {
                text.trim().parse().map_err(|_| {
                    UsageError(format!("argument --{name}: invalid int value: '{text}'"))
                })
            })
            .transpose()
    }

    /// A timeout in seconds; `Some(None)` for 0, which means no limit.
    pub(crate) fn seconds(
        &self,
        name: &str,
    ) -> Result<Option<Option<std::time::Duration>>, UsageError> {
        let Some(text) = self.get(name) else {
            return Ok(None);
        };
        match text.trim().parse::<f64>() {
            Ok(0.0) => Ok(Some(None)),
            Ok(s) if s.is_finite() && s > 0.0 && s < 1e9 => {
                Ok(Some(Some(std::time::Duration::from_secs_f64(s))))
            }
            _ => Err(UsageError(format!(
                "argument --{name}: expected seconds (a number, 0 for no limit), got '{text}'"
            ))),
        }
    }
}

/// The overview help.
pub(crate) fn overview() -> String {
    let mut text = String::from(
        "Amazon DataZone user profiles, the way `aws datazone` works.\n\n\
         usage: cargo run --example datazone -- <command> [--option value | --option=value ...]\n\n\
         commands:\n",
    );
    for command in COMMANDS {
        text.push_str(&format!("  {:<22} {}\n", command.name, command.summary));
    }
    text.push_str("\noptions of every command:\n");
    options_help(&mut text, GLOBAL_OPTIONS);
    text.push_str(
        "\nCredentials, region and endpoint come from the standard AWS chain (AWS_* variables,\n\
         ~/.aws/config and credentials, container and instance metadata), then the options above.\n\
         Output is JSON. Exit codes: 0 success, 252 bad usage, 253 bad configuration,\n\
         254 the service answered with an error, 255 anything else.\n\
         `<command> --help` lists a command's options.\n",
    );
    text
}

/// The help of one command.
pub(crate) fn command_help(command: &CommandSpec) -> String {
    let mut text = format!(
        "{} ({}): {}\n\nusage: cargo run --example datazone -- {} [options]\n\noptions:\n",
        command.name, command.operation, command.summary, command.name
    );
    options_help(&mut text, command.options);
    text.push_str("\noptions of every command:\n");
    options_help(&mut text, GLOBAL_OPTIONS);
    text
}

fn options_help(text: &mut String, specs: &[OptionSpec]) {
    for spec in specs {
        let head = match spec.value {
            Some(what) => format!("--{} <{what}>", spec.name),
            None => format!("--{}", spec.name),
        };
        let required = if spec.required { " (required)" } else { "" };
        text.push_str(&format!("  {head}\n      {}{required}\n", spec.help));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(line: &str) -> Vec<String> {
        line.split_whitespace().map(str::to_owned).collect()
    }

    #[test]
    fn both_option_forms() {
        let Ok(Parsed::Run(run)) = parse(&args(
            "get-user-profile --domain-identifier dzd_a --user-identifier=jane --region=eu-west-1",
        )) else {
            panic!("parses");
        };
        assert_eq!(run.get("domain-identifier"), Some("dzd_a"));
        assert_eq!(run.get("user-identifier"), Some("jane"));
        assert_eq!(run.get("region"), Some("eu-west-1"));
    }

    #[test]
    fn mistakes() {
        let err = |line: &str| parse(&args(line)).unwrap_err().0;
        assert!(err("delete-everything").contains("invalid choice"));
        assert!(err("get-user-profile --domain-identifier d").contains("--user-identifier"));
        assert!(
            err("get-user-profile --domain-identifier d --user-identifier u --nope 1")
                .contains("--nope")
        );
        assert!(err("get-user-profile --domain-identifier").contains("expected one argument"));
        assert!(err("").contains("required"));
    }
}
