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
// Boxed: every parse function returns `Result<_, ParseError>`, and a
// pointer-sized error keeps those results in registers instead of 72-byte
// copies on each `?` of the hot path (where no error ever happens).
#[derive(Clone, PartialEq, Eq)]
pub struct ParseError(Box<Inner>);

#[derive(Debug, Clone, PartialEq, Eq)]
struct Inner {
    kind: Kind,
    /// From the value outwards: pushed while the error travels up.
    path: Vec<Segment>,
}

impl fmt::Debug for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ParseError")
            .field("kind", &self.0.kind)
            .field("path", &self.0.path)
            .finish()
    }
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
    fn of(kind: Kind) -> Self {
        ParseError(Box::new(Inner {
            kind,
            path: Vec::new(),
        }))
    }

    /// A parse error with a message that says what was wrong.
    pub fn new(message: impl Into<String>) -> Self {
        ParseError::of(Kind::Message(message.into()))
    }

    /// A value of the wrong type (`expected` and `found` read as
    /// "a string", "an object", ...).
    pub fn mismatch(expected: &'static str, found: &'static str) -> Self {
        ParseError::of(Kind::Mismatch { expected, found })
    }

    /// The header `name`, bound to a member, could not be read.
    pub fn header(name: &str, why: impl Into<String>) -> Self {
        ParseError::of(Kind::Header {
            name: name.to_owned(),
            why: why.into(),
        })
    }

    /// The error happened inside structure member `name`.
    pub fn in_field(mut self, name: &'static str) -> Self {
        self.0.path.push(Segment::Field(name));
        self
    }

    /// The error happened inside list element `index`.
    pub fn in_index(mut self, index: usize) -> Self {
        self.0.path.push(Segment::Index(index));
        self
    }

    /// The error happened inside the map value at `key`.
    pub fn in_key(mut self, key: &str) -> Self {
        self.0.path.push(Segment::Key(key.to_owned()));
        self
    }

    /// The error happened inside the shape `name`, the outermost value
    /// (added once, by whatever starts reading).
    pub fn in_root(mut self, name: &'static str) -> Self {
        if !matches!(self.0.path.last(), Some(Segment::Root(_))) {
            self.0.path.push(Segment::Root(name));
        }
        self
    }

    fn write_path(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, segment) in self.0.path.iter().rev().enumerate() {
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
        match &self.0.kind {
            Kind::Mismatch { expected, found } if self.0.path.is_empty() => {
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
            Kind::Message(message) if self.0.path.is_empty() => f.write_str(message),
            Kind::Message(message) => {
                write!(f, "{message} (at `")?;
                self.write_path(f)?;
                f.write_str("`)")
            }
        }
    }
}

impl std::error::Error for ParseError {}
