//! The error of loading or parsing the shared config files.

use std::fmt;

/// The shared `config` or `credentials` file could not be read or parsed.
///
/// Parse errors name the file and the 1-based line, and never quote the
/// line (it could hold a secret).
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
        source: std::io::Error,
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

    pub(crate) fn read(file: &str, source: std::io::Error) -> Self {
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
            } => write!(f, "error parsing {file} on line {line}: {message}"),
            ErrorKind::Read { file, .. } => write!(f, "could not read {file}"),
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
