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
    /// What XML (and the form encodings, which follow XML's names) need.
    pub xml: &'static XmlMember,
    /// ec2Query's form key (`ec2_name = "..."`), when it is not the wire
    /// name capitalized.
    pub ec2_name: Option<&'static str>,
    /// For a list item or map key or value: the element's namespace, from
    /// the member that holds it (`xml_item_namespace`, ...).
    pub element_namespace: Option<&'static str>,
}

/// A member's XML options. The defaults (no namespace, not flattened, an
/// element rather than an attribute, items `member`, entries
/// `key`/`value`) are [`XmlMember::DEFAULT`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct XmlMember {
    /// An attribute of its structure's element (`xml_attribute`).
    pub attribute: bool,
    /// A list or map written as repeated elements, without a wrapper
    /// (`xml_flattened`); in awsQuery forms, `Name.N` for `Name.member.N`.
    pub flattened: bool,
    /// The element's namespace.
    pub namespace: Option<XmlNamespace>,
    /// A list's items: element name and namespace.
    pub item: XmlName,
    /// A map entry's key.
    pub key: XmlName,
    /// A map entry's value.
    pub value: XmlName,
    /// The options of the list's items or the map's values, when they are
    /// lists or maps with names of their own (`xml_inner(...)`).
    pub inner: Option<&'static XmlMember>,
}

/// An XML namespace declaration: `xmlns="uri"`, or `xmlns:prefix="uri"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct XmlNamespace {
    /// The namespace URI.
    pub uri: &'static str,
    /// The prefix it is declared for, if any.
    pub prefix: Option<&'static str>,
}

/// The element name of a list item or map key or value, and its namespace.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct XmlName {
    /// The element name.
    pub name: &'static str,
    /// Its namespace URI (declared unprefixed), if any.
    pub namespace: Option<&'static str>,
}

impl XmlName {
    /// `name`, without a namespace.
    pub const fn named(name: &'static str) -> Self {
        XmlName {
            name,
            namespace: None,
        }
    }
}

impl XmlMember {
    /// No XML option.
    pub const DEFAULT: XmlMember = XmlMember {
        attribute: false,
        flattened: false,
        namespace: None,
        item: XmlName::named("member"),
        key: XmlName::named("key"),
        value: XmlName::named("value"),
        inner: None,
    };
}

impl Member {
    /// A member called `name` on the wire, with no other option.
    pub const fn named(name: &'static str) -> Self {
        Member {
            name,
            timestamp_format: None,
            xml: &XmlMember::DEFAULT,
            ec2_name: None,
            element_namespace: None,
        }
    }

    /// The same member with an explicit timestamp format.
    pub const fn with_timestamp_format(self, format: TimestampFormat) -> Self {
        Member {
            timestamp_format: Some(format),
            ..self
        }
    }

    /// The same member with XML options.
    pub const fn with_xml(self, xml: &'static XmlMember) -> Self {
        Member { xml, ..self }
    }

    /// The same member with an ec2Query form key.
    pub const fn with_ec2_name(self, name: &'static str) -> Self {
        Member {
            ec2_name: Some(name),
            ..self
        }
    }

    /// The XML options of the elements this member holds (its list's
    /// items, its map's values).
    pub const fn inner_xml(&self) -> &'static XmlMember {
        match self.xml.inner {
            Some(inner) => inner,
            None => &XmlMember::DEFAULT,
        }
    }

    /// The element of a list held by this member (its XML item name,
    /// `member` unless renamed); it inherits the timestamp format.
    pub const fn list_item(&self) -> Member {
        Member {
            name: self.xml.item.name,
            timestamp_format: self.timestamp_format,
            xml: self.inner_xml(),
            ec2_name: None,
            element_namespace: self.xml.item.namespace,
        }
    }

    /// The key of a map held by this member.
    pub const fn map_key(&self) -> Member {
        Member {
            name: self.xml.key.name,
            timestamp_format: None,
            xml: &XmlMember::DEFAULT,
            ec2_name: None,
            element_namespace: self.xml.key.namespace,
        }
    }

    /// The value of a map held by this member; it inherits the timestamp
    /// format.
    pub const fn map_value(&self) -> Member {
        Member {
            name: self.xml.value.name,
            timestamp_format: self.timestamp_format,
            xml: self.inner_xml(),
            ec2_name: None,
            element_namespace: self.xml.value.namespace,
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
    /// The element name when the structure is an XML body's root or
    /// payload (`xml_name`); the shape's name otherwise.
    pub xml_name: Option<&'static str>,
    /// The structure's element namespace (`xml_namespace`).
    pub xml_namespace: Option<XmlNamespace>,
}

impl StructSchema {
    /// A schema named `name` with `members`.
    pub const fn new(name: &'static str, members: &'static [Member]) -> Self {
        StructSchema {
            name,
            members,
            xml_name: None,
            xml_namespace: None,
        }
    }

    /// The same schema with an XML element name.
    pub const fn with_xml_name(self, name: &'static str) -> Self {
        StructSchema {
            xml_name: Some(name),
            ..self
        }
    }

    /// The same schema with an XML namespace.
    pub const fn with_xml_namespace(self, namespace: XmlNamespace) -> Self {
        StructSchema {
            xml_namespace: Some(namespace),
            ..self
        }
    }

    /// The element name of the structure as a root or payload.
    pub const fn root_name(&self) -> &'static str {
        match self.xml_name {
            Some(name) => name,
            None => self.name,
        }
    }

    /// The index of the member called `name` on the wire.
    #[inline]
    pub fn position(&self, name: &str) -> Option<usize> {
        self.members.iter().position(|m| m.name == name)
    }

    /// [`StructSchema::position`], trying `expected` first: services send
    /// members in the model's order, so the member after the last one read
    /// is usually the next, and one comparison finds it.
    ///
    /// ```
    /// use awsop_runtime::shape::{Member, StructSchema};
    /// const MEMBERS: [Member; 3] = [Member::named("Key"), Member::named("Size"), Member::named("ETag")];
    /// let schema = StructSchema::new("Object", &MEMBERS);
    /// assert_eq!(schema.position_from(1, "Size"), Some(1));
    /// assert_eq!(schema.position_from(1, "ETag"), Some(2));
    /// assert_eq!(schema.position_from(3, "Key"), Some(0));
    /// assert_eq!(schema.position_from(0, "Owner"), None);
    /// ```
    #[inline]
    pub fn position_from(&self, expected: usize, name: &str) -> Option<usize> {
        self.find_from(expected, |m| m.name == name)
    }

    /// The first member `wanted` accepts, trying `expected` first (as
    /// [`StructSchema::position_from`] does), for readers that also
    /// match on more than the name.
    ///
    /// ```
    /// use awsop_runtime::shape::{Member, StructSchema};
    /// const MEMBERS: [Member; 2] = [Member::named("Key"), Member::named("Size")];
    /// let schema = StructSchema::new("Object", &MEMBERS);
    /// assert_eq!(schema.find_from(0, |m| m.name.len() == 4), Some(1));
    /// ```
    #[inline]
    pub fn find_from(&self, expected: usize, wanted: impl Fn(&Member) -> bool) -> Option<usize> {
        match self.members.get(expected) {
            Some(m) if wanted(m) => Some(expected),
            _ => self.members.iter().position(wanted),
        }
    }
}

/// The member a whole body is read or written as: the outermost value.
pub const ROOT: Member = Member::named("");
