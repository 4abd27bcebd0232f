//! The generator's one error type.

use std::fmt;
use std::path::{Path, PathBuf};

/// Why a generation failed: a file that cannot be read or written, a model
/// that is not one, operations it does not have, or operations left out.
///
/// ```
/// let err = awsop_codegen::Generator::new("no/such/model.json").render().unwrap_err();
/// assert!(err.to_string().contains("no/such/model.json"));
/// ```
#[derive(Debug)]
pub struct Error {
    path: PathBuf,
    kind: Kind,
}

#[derive(Debug)]
enum Kind {
    Io(std::io::Error),
    Model(String),
    UnknownOperations(Vec<String>),
    LeftOut(Vec<(String, String)>),
}

impl Error {
    pub(crate) fn io(path: &Path, e: std::io::Error) -> Error {
        Error {
            path: path.to_path_buf(),
            kind: Kind::Io(e),
        }
    }

    pub(crate) fn model(path: &Path, why: impl Into<String>) -> Error {
        Error {
            path: path.to_path_buf(),
            kind: Kind::Model(why.into()),
        }
    }

    pub(crate) fn unknown_operations(path: &Path, names: Vec<String>) -> Error {
        Error {
            path: path.to_path_buf(),
            kind: Kind::UnknownOperations(names),
        }
    }

    pub(crate) fn left_out(path: &Path, ops: Vec<(String, String)>) -> Error {
        Error {
            path: path.to_path_buf(),
            kind: Kind::LeftOut(ops),
        }
    }

    /// The operations that could not be generated, with why (empty for
    /// other errors).
    pub fn left_out_operations(&self) -> &[(String, String)] {
        match &self.kind {
            Kind::LeftOut(ops) => ops,
            _ => &[],
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = self.path.display();
        match &self.kind {
            Kind::Io(e) => write!(f, "{path}: {e}"),
            Kind::Model(why) => write!(f, "{path}: {why}"),
            Kind::UnknownOperations(names) => {
                write!(f, "{path} has no operation named {}", names.join(", "))
            }
            Kind::LeftOut(ops) => {
                write!(
                    f,
                    "{path}: {} operations could not be generated:",
                    ops.len()
                )?;
                for (name, why) in ops {
                    write!(f, "\n  {name}: {why}")?;
                }
                Ok(())
            }
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match &self.kind {
            Kind::Io(e) => Some(e),
            _ => None,
        }
    }
}
