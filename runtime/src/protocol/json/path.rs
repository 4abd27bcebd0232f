use std::fmt;

/// Where in a response a value sits, for error messages:
/// `CreateUserProfileOutput.details.iam.arn`, `Output.items[3]`.
///
/// Built on the stack while parsing and rendered only on error, so it costs
/// nothing when all goes well.
///
/// ```
/// use awsop_runtime::protocol::json::JsonPath;
/// let root = JsonPath::root("Output");
/// let items = root.field("items");
/// assert_eq!(items.index(3).to_string(), "Output.items[3]");
/// ```
#[derive(Debug, Clone, Copy)]
pub enum JsonPath<'a> {
    /// The shape being parsed.
    Root(&'a str),
    /// A structure member.
    Field(&'a JsonPath<'a>, &'a str),
    /// A list element.
    Index(&'a JsonPath<'a>, usize),
    /// A map value.
    Key(&'a JsonPath<'a>, &'a str),
}

impl<'a> JsonPath<'a> {
    /// The path of a whole shape.
    pub fn root(name: &'a str) -> Self {
        JsonPath::Root(name)
    }

    /// The member `name` of this structure.
    pub fn field(&'a self, name: &'a str) -> JsonPath<'a> {
        JsonPath::Field(self, name)
    }

    /// The element `i` of this list.
    pub fn index(&'a self, i: usize) -> JsonPath<'a> {
        JsonPath::Index(self, i)
    }

    /// The value at `key` of this map.
    pub fn key(&'a self, key: &'a str) -> JsonPath<'a> {
        JsonPath::Key(self, key)
    }
}

impl fmt::Display for JsonPath<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            JsonPath::Root(name) => f.write_str(name),
            JsonPath::Field(parent, name) => write!(f, "{parent}.{name}"),
            JsonPath::Index(parent, i) => write!(f, "{parent}[{i}]"),
            JsonPath::Key(parent, key) => write!(f, "{parent}[{key:?}]"),
        }
    }
}
