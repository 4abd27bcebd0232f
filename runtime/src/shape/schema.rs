//! Static descriptions of shapes and members: what `#[aws_shape]` emits as
//! constants, and what every format reads its names and options from.

use crate::value::TimestampFormat;

/// One member of a structure or union, or the element of a list or map:
/// its wire name and the options a format may need.
///
/// Built in constant context by the macros:
///
/// ```
/// use awsop_runtime::shape::Member;
/// use awsop_runtime::TimestampFormat;
/// const CREATED: Member = Member::named("createdAt").with_timestamp_format(TimestampFormat::DateTime);
/// assert_eq!(CREATED.name, "createdAt");
/// assert_eq!(CREATED.list_item().timestamp_format, Some(TimestampFormat::DateTime));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Member {
    /// The name on the wire: JSON or CBOR key, XML element, form key.
    pub name: &'static str,
    /// `timestamp_format = "..."`: applies to the member and to the
    /// elements of lists and maps it holds.
    pub timestamp_format: Option<TimestampFormat>,
}

impl Member {
    /// A member called `name` on the wire, with no other option.
    pub const fn named(name: &'static str) -> Self {
        Member {
            name,
            timestamp_format: None,
        }
    }

    /// The same member with an explicit timestamp format.
    pub const fn with_timestamp_format(self, format: TimestampFormat) -> Self {
        Member {
            timestamp_format: Some(format),
            ..self
        }
    }

    /// The element of a list held by this member (`member` in XML and
    /// form encodings); it inherits the timestamp format.
    pub const fn list_item(&self) -> Member {
        Member {
            name: "member",
            timestamp_format: self.timestamp_format,
        }
    }

    /// The key of a map held by this member.
    pub const fn map_key(&self) -> Member {
        Member::named("key")
    }

    /// The value of a map held by this member; it inherits the timestamp
    /// format.
    pub const fn map_value(&self) -> Member {
        Member {
            name: "value",
            timestamp_format: self.timestamp_format,
        }
    }
}

/// A structure or union: its name and its body members, in declaration
/// order (members bound to the URI, headers or status are not listed: they
/// never travel in a body).
///
/// ```
/// use awsop_runtime::shape::{Member, StructSchema};
/// const SCHEMA: StructSchema = StructSchema::new("Profile", &[Member::named("id"), Member::named("status")]);
/// assert_eq!(SCHEMA.position("status"), Some(1));
/// assert_eq!(SCHEMA.position("other"), None);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StructSchema {
    /// The shape's name, as declared (`CreateUserProfileOutput`).
    pub name: &'static str,
    /// The body members.
    pub members: &'static [Member],
}

impl StructSchema {
    /// A schema named `name` with `members`.
    pub const fn new(name: &'static str, members: &'static [Member]) -> Self {
        StructSchema { name, members }
    }

    /// The index of the member called `name` on the wire.
    #[inline]
    pub fn position(&self, name: &str) -> Option<usize> {
        self.members.iter().position(|m| m.name == name)
    }
}

/// The member a whole body is read or written as: the outermost value.
pub const ROOT: Member = Member::named("");
