//! The error of loading or parsing the shared config files.

use std::fmt;

use crate::text::Escaped;

/// The shared `config` or `credentials` file could not be read or parsed.
///
/// Parse errors name the file and the 1-based line, and never quote the
/// line (it could hold a secret). Read errors say why: missing permission,
/// not a regular file (a FIFO is refused, never waited on), larger than
/// 4 MiB, not UTF-8. Paths are shown with control characters escaped.
///
/// ```
/// use awsop_runtime::profile::ProfileSet;
/// let err = ProfileSet::parse("[profile a]\nkey value", "", "a").unwrap_err();
/// assert_eq!(err.line(), Some(2));
/// assert!(err.to_string().contains("line 2"));
/// ```
#[derive(Debug)]
pub struct ProfileFileError {
    kind: ErrorKind,
}

#[derive(Debug)]
enum ErrorKind {
    Parse {
        file: String,
        line: usize,
        message: &'static str,
    },
    Read {
        file: String,
        source: crate::local_file::LocalFileError,
    },
}

impl ProfileFileError {
    pub(crate) fn parse(file: &str, line: usize, message: &'static str) -> Self {
        ProfileFileError {
            kind: ErrorKind::Parse {
                file: file.to_owned(),
                line,
                message,
            },
        }
    }

    pub(crate) fn read(file: &str, source: crate::local_file::LocalFileError) -> Self {
        ProfileFileError {
            kind: ErrorKind::Read {
                file: file.to_owned(),
                source,
            },
        }
    }

    /// The file's path (or `<config>` / `<credentials>` for text given to
    /// [`ProfileSet::parse`](super::ProfileSet::parse)).
    pub fn file(&self) -> &str {
        match &self.kind {
            ErrorKind::Parse { file, .. } | ErrorKind::Read { file, .. } => file,
        }
    }

    /// The 1-based line of a parse error; `None` when the file could not be read.
    pub fn line(&self) -> Option<usize> {
        match &self.kind {
            ErrorKind::Parse { line, .. } => Some(*line),
            ErrorKind::Read { .. } => None,
        }
    }

    /// True when the text was read but is not a valid config file.
    pub fn is_parse_error(&self) -> bool {
        matches!(self.kind, ErrorKind::Parse { .. })
    }
}

impl fmt::Display for ProfileFileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            ErrorKind::Parse {
                file,
                line,
                message,
            } => write!(
                f,
                "error parsing {} on line {line}: {message}",
                Escaped(file)
            ),
            // The path comes from the environment: escaped, like all text
            // from outside the program.
            ErrorKind::Read { file, source } => {
                write!(f, "could not read {}: {}", Escaped(file), source.reason())
            }
        }
    }
}

impl std::error::Error for ProfileFileError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match &self.kind {
            ErrorKind::Parse { .. } => None,
            ErrorKind::Read { source, .. } => Some(source),
        }
    }
}
