//! [`QueryShapeWriter`]: shapes as form pairs, for awsQuery and ec2Query.

use crate::encoding::{base64, percent};
use crate::error::BuildError;
use crate::shape::{Member, ShapeWriter, StructSchema};
use crate::value::{float_text, DateTime, Document, Location, TimestampFormat};

/// How the two query protocols name and number things.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QueryDialect {
    /// awsQuery: keys are wire names; lists are `Name.member.N` (the item
    /// name, or `Name.N` flattened), maps `Name.entry.N.key` / `.value`;
    /// an empty list is sent as `Name=`.
    AwsQuery,
    /// ec2Query: keys are `ec2_name`, else the wire name capitalized; lists
    /// are always `Name.N`; empty lists are left out.
    Ec2Query,
}

/// Where the next value goes.
#[derive(Debug, Clone)]
enum Slot {
    /// A structure member: its key is `prefix.Name` (`Name` alone at the
    /// top level).
    Member(String),
    /// The items of a list or the entries of a map: each takes the next
    /// number, `base.N`.
    Numbered { base: String, next: usize },
    /// A map value: the key is given.
    Exact(String),
}

/// Writes shapes as form pairs (`Name.Sub=value&...`), keys and values
/// percent-encoded, after `Action` and `Version`. Lists and maps are
/// numbered from 1; map entries go in key order, so the same input always
/// makes the same form.
///
/// ```
/// use awsop_runtime::codec::query::{QueryDialect, QueryShapeWriter};
/// use awsop_runtime::shape::{Member, WriteValue};
/// let mut w = QueryShapeWriter::new(QueryDialect::AwsQuery, "ListThings", "2020-01-08");
/// vec!["a b".to_string(), "c".to_string()].write(&mut w, &Member::named("Names"));
/// assert_eq!(
///     w.finish().unwrap(),
///     "Action=ListThings&Version=2020-01-08&Names.member.1=a%20b&Names.member.2=c"
/// );
/// ```
#[derive(Debug)]
pub struct QueryShapeWriter {
    dialect: QueryDialect,
    out: String,
    slot: Slot,
    error: Option<BuildError>,
}

impl QueryShapeWriter {
    /// A form for operation `action` of API `version`.
    pub fn new(dialect: QueryDialect, action: &str, version: &str) -> Self {
        let mut out = String::with_capacity(64);
        out.push_str("Action=");
        percent::encode_into(&mut out, action, false);
        out.push_str("&Version=");
        percent::encode_into(&mut out, version, false);
        QueryShapeWriter {
            dialect,
            out,
            slot: Slot::Member(String::new()),
            error: None,
        }
    }

    /// The form, or the first reason it cannot be sent.
    pub fn finish(self) -> Result<String, BuildError> {
        match self.error {
            Some(e) => Err(e),
            None => Ok(self.out),
        }
    }

    /// The name member `m` has in this dialect.
    fn member_name(&self, m: &Member) -> String {
        match (self.dialect, m.ec2_name) {
            (QueryDialect::AwsQuery, _) => m.name.to_owned(),
            (QueryDialect::Ec2Query, Some(name)) => name.to_owned(),
            (QueryDialect::Ec2Query, None) => {
                let mut chars = m.name.chars();
                match chars.next() {
                    Some(first) => first.to_uppercase().chain(chars).collect(),
                    None => String::new(),
                }
            }
        }
    }

    /// The key of the value written next, as member `m`; a numbered slot
    /// moves on to its next number.
    fn next_key(&mut self, m: &Member) -> String {
        match &mut self.slot {
            Slot::Exact(key) => key.clone(),
            Slot::Numbered { base, next } => {
                let key = format!("{base}.{next}");
                *next += 1;
                key
            }
            Slot::Member(prefix) if prefix.is_empty() => self.member_name(m),
            Slot::Member(prefix) => {
                let prefix = prefix.clone();
                format!("{prefix}.{}", self.member_name(m))
            }
        }
    }

    fn pair(&mut self, key: &str, value: &str) {
        self.out.push('&');
        percent::encode_into(&mut self.out, key, false);
        self.out.push('=');
        percent::encode_into(&mut self.out, value, false);
    }

    fn scalar(&mut self, m: &Member, value: &str) {
        let key = self.next_key(m);
        self.pair(&key, value);
    }

    fn nested(&mut self, slot: Slot, inside: impl FnOnce(&mut Self)) {
        let outer = std::mem::replace(&mut self.slot, slot);
        inside(self);
        self.slot = outer;
    }
}

impl ShapeWriter for QueryShapeWriter {
    // Entries are numbered, so their order must not depend on a hash.
    const ORDERED_MAPS: bool = true;

    fn string(&mut self, m: &Member, value: &str) {
        self.scalar(m, value);
    }

    fn boolean(&mut self, m: &Member, value: bool) {
        self.scalar(m, if value { "true" } else { "false" });
    }

    fn integer(&mut self, m: &Member, value: i64) {
        self.scalar(m, &value.to_string());
    }

    fn float(&mut self, m: &Member, value: f32) {
        self.scalar(m, &float_text(value));
    }

    fn double(&mut self, m: &Member, value: f64) {
        self.scalar(m, &float_text(value));
    }

    fn blob(&mut self, m: &Member, value: &[u8]) {
        self.scalar(m, &base64::encode(value));
    }

    fn timestamp(&mut self, m: &Member, value: &DateTime) {
        let format = TimestampFormat::resolve(m.timestamp_format, Location::FormBody);
        self.scalar(m, &value.fmt(format));
    }

    fn document(&mut self, _: &Member, _: &Document) {
        self.fail(BuildError::other(
            "the query protocols have no document type: a Document cannot be sent",
        ));
    }

    fn null(&mut self, _: &Member) {
        // A form has no null: a sparse list's empty entry is left out.
    }

    fn list<F: FnOnce(&mut Self, &Member)>(&mut self, m: &Member, len: usize, items: F) {
        let key = self.next_key(m);
        if len == 0 {
            // awsQuery sends an empty list as an empty value, so the
            // service can tell it from a missing one; ec2Query cannot.
            if self.dialect == QueryDialect::AwsQuery {
                self.pair(&key, "");
            }
            return;
        }
        let item = m.list_item();
        let base = if self.dialect == QueryDialect::Ec2Query {
            key
        } else if m.xml.flattened {
            // A flattened list's items are named like the list, whatever
            // the items' own name.
            key
        } else {
            format!("{key}.{}", item.name)
        };
        self.nested(Slot::Numbered { base, next: 1 }, |w| items(w, &item));
    }

    fn map<F: FnOnce(&mut Self)>(&mut self, m: &Member, _len: usize, entries: F) {
        let key = self.next_key(m);
        let base = if m.xml.flattened {
            key
        } else {
            format!("{key}.entry")
        };
        self.nested(Slot::Numbered { base, next: 1 }, entries);
    }

    fn map_entry<F: FnOnce(&mut Self, &Member)>(&mut self, m: &Member, key: &str, value: F) {
        // `base.N.key=...` then the value at `base.N.value`.
        let entry = self.next_key(m);
        let key_member = m.map_key();
        let value_member = m.map_value();
        self.pair(&format!("{entry}.{}", key_member.name), key);
        let value_key = format!("{entry}.{}", value_member.name);
        self.nested(Slot::Exact(value_key), |w| value(w, &value_member));
    }

    fn structure<F: FnOnce(&mut Self)>(&mut self, m: &Member, _schema: &StructSchema, members: F) {
        let prefix = match &self.slot {
            // The whole input: its members are top-level keys.
            Slot::Member(prefix) if prefix.is_empty() && m.name.is_empty() => String::new(),
            _ => self.next_key(m),
        };
        self.nested(Slot::Member(prefix), members);
    }

    fn fail(&mut self, error: BuildError) {
        self.error.get_or_insert(error);
    }
}
