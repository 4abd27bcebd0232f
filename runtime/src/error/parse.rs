use std::fmt;

/// A response (or part of one) that could not be understood.
///
/// It says what was wrong and where: the path from the shape being read
/// down to the value (`Output.items[3].name`), built only when something
/// fails, so reading costs nothing extra when all goes well.
///
/// ```
/// use awsop_runtime::error::ParseError;
/// let err = ParseError::mismatch("a string", "a number").in_field("name").in_index(3).in_field("items").in_root("Output");
/// assert_eq!(err.to_string(), "expected a string at `Output.items[3].name`, found a number");
/// let err = ParseError::new("the response body is not valid JSON: unexpected end at byte 1");
/// assert!(err.to_string().contains("not valid JSON"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    kind: Kind,
    /// From the value outwards: pushed while the error travels up.
    path: Vec<Segment>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Kind {
    /// A value of the wrong type: "expected {expected}, found {found}".
    Mismatch {
        expected: &'static str,
        found: &'static str,
    },
    /// A header member's value: "header `{name}` (bound to `{path}`): {why}".
    Header {
        name: String,
        why: String,
    },
    Message(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Segment {
    Root(&'static str),
    Field(&'static str),
    Index(usize),
    Key(String),
}

impl ParseError {
    /// A parse error with a message that says what was wrong.
    pub fn new(message: impl Into<String>) -> Self {
        ParseError {
            kind: Kind::Message(message.into()),
            path: Vec::new(),
        }
    }

    /// A value of the wrong type (`expected` and `found` read as
    /// "a string", "an object", ...).
    pub fn mismatch(expected: &'static str, found: &'static str) -> Self {
        ParseError {
            kind: Kind::Mismatch { expected, found },
            path: Vec::new(),
        }
    }

    /// The header `name`, bound to a member, could not be read.
    pub fn header(name: &str, why: impl Into<String>) -> Self {
        ParseError {
            kind: Kind::Header {
                name: name.to_owned(),
                why: why.into(),
            },
            path: Vec::new(),
        }
    }

    /// The error happened inside structure member `name`.
    pub fn in_field(mut self, name: &'static str) -> Self {
        self.path.push(Segment::Field(name));
        self
    }

    /// The error happened inside list element `index`.
    pub fn in_index(mut self, index: usize) -> Self {
        self.path.push(Segment::Index(index));
        self
    }

    /// The error happened inside the map value at `key`.
    pub fn in_key(mut self, key: &str) -> Self {
        self.path.push(Segment::Key(key.to_owned()));
        self
    }

    /// The error happened inside the shape `name`, the outermost value
    /// (added once, by whatever starts reading).
    pub fn in_root(mut self, name: &'static str) -> Self {
        if !matches!(self.path.last(), Some(Segment::Root(_))) {
            self.path.push(Segment::Root(name));
        }
        self
    }

    fn write_path(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, segment) in self.path.iter().rev().enumerate() {
            match segment {
                Segment::Root(name) => f.write_str(name)?,
                Segment::Field(name) if i == 0 => f.write_str(name)?,
                Segment::Field(name) => write!(f, ".{name}")?,
                Segment::Index(index) => write!(f, "[{index}]")?,
                // Debug quoting escapes control characters a hostile key holds.
                Segment::Key(key) => write!(f, "[{key:?}]")?,
            }
        }
        Ok(())
    }
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            Kind::Mismatch { expected, found } if self.path.is_empty() => {
                write!(f, "expected {expected}, found {found}")
            }
            Kind::Mismatch { expected, found } => {
                write!(f, "expected {expected} at `")?;
                self.write_path(f)?;
                write!(f, "`, found {found}")
            }
            Kind::Header { name, why } => {
                write!(f, "header `{name}` (bound to `")?;
                self.write_path(f)?;
                write!(f, "`): {why}")
            }
            Kind::Message(message) if self.path.is_empty() => f.write_str(message),
            Kind::Message(message) => {
                write!(f, "{message} (at `")?;
                self.write_path(f)?;
                f.write_str("`)")
            }
        }
    }
}

impl std::error::Error for ParseError {}
