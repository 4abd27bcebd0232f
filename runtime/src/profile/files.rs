//! Where the shared files are and how they are read.

use std::path::{Path, PathBuf};

use super::error::ProfileFileError;
use crate::env::Env;
use crate::local_file::{self, LocalFileError, MAX_CONFIG_FILE};
use crate::text::Escaped;

/// The contents of one shared file, or empty when it does not exist.
#[derive(Debug, Default)]
pub(crate) struct LoadedFile {
    /// The path, for error messages.
    pub(crate) path: String,
    pub(crate) contents: String,
}

/// `AWS_CONFIG_FILE`, else `~/.aws/config`.
pub(crate) fn config_file_path(env: &Env) -> PathBuf {
    file_path(env, "AWS_CONFIG_FILE", "~/.aws/config")
}

/// `AWS_SHARED_CREDENTIALS_FILE`, else `~/.aws/credentials`.
pub(crate) fn credentials_file_path(env: &Env) -> PathBuf {
    file_path(env, "AWS_SHARED_CREDENTIALS_FILE", "~/.aws/credentials")
}

fn file_path(env: &Env, variable: &str, default: &str) -> PathBuf {
    let path = env.get_non_empty(variable);
    let path = path.as_deref().unwrap_or(default);
    expand_home(path, env.home_dir().as_deref())
}

/// Replaces a leading `~` component with the home directory. Without a home
/// directory the path stays as written (and will most likely not exist).
pub(crate) fn expand_home(path: &str, home: Option<&str>) -> PathBuf {
    let rest = if path == "~" {
        Some("")
    } else {
        path.strip_prefix("~/")
            .or_else(|| path.strip_prefix("~\\").filter(|_| cfg!(windows)))
    };
    match (rest, home) {
        (Some(rest), Some(home)) => {
            let mut expanded = PathBuf::from(home);
            for part in rest.split(['/', '\\']).filter(|p| !p.is_empty()) {
                expanded.push(part);
            }
            expanded
        }
        (Some(_), None) => {
            tracing::debug!("no home directory to expand `~` in a shared config file path");
            PathBuf::from(path)
        }
        (None, _) => PathBuf::from(path),
    }
}

/// Reads the shared `config` and `credentials` files (together, in one
/// trip to the blocking pool); a missing file reads as empty, as in every
/// AWS SDK. Read through [`crate::local_file`]: at most [`MAX_CONFIG_FILE`]
/// bytes each, and never a FIFO or device (an error, promptly, instead of a
/// hang).
pub(crate) async fn read_files(
    config: PathBuf,
    credentials: PathBuf,
) -> Result<[LoadedFile; 2], ProfileFileError> {
    let read = local_file::read_each_to_string([&config, &credentials], MAX_CONFIG_FILE).await;
    let [config_text, credentials_text] = read;
    Ok([
        loaded(&config, config_text)?,
        loaded(&credentials, credentials_text)?,
    ])
}

fn loaded(
    path: &Path,
    read: Result<String, LocalFileError>,
) -> Result<LoadedFile, ProfileFileError> {
    let shown = path.display().to_string();
    match read {
        Ok(contents) => {
            tracing::debug!(path = %Escaped(&shown), size = contents.len(), "shared config file loaded");
            Ok(LoadedFile {
                path: shown,
                contents,
            })
        }
        Err(e) if e.is_not_found() => {
            tracing::debug!(path = %Escaped(&shown), "shared config file not found; treated as empty");
            Ok(LoadedFile {
                path: shown,
                contents: String::new(),
            })
        }
        Err(e) => Err(ProfileFileError::read(&shown, e)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn home_expansion() {
        let home = Some("/home/me");
        assert_eq!(
            expand_home("~/.aws/config", home),
            PathBuf::from("/home/me/.aws/config")
        );
        assert_eq!(expand_home("~", home), PathBuf::from("/home/me"));
        assert_eq!(expand_home("~other/x", home), PathBuf::from("~other/x"));
        assert_eq!(expand_home("/etc/aws", home), PathBuf::from("/etc/aws"));
        assert_eq!(expand_home("~/x", None), PathBuf::from("~/x"));
    }

    #[test]
    fn paths_from_env() {
        let env = Env::from_pairs([("HOME", "/h"), ("AWS_CONFIG_FILE", "~/c")]);
        assert_eq!(config_file_path(&env), PathBuf::from("/h/c"));
        assert_eq!(
            credentials_file_path(&env),
            PathBuf::from("/h/.aws/credentials")
        );
    }
}
