//! What unions share, whatever their format: exactly one member set, and
//! an unknown member kept by name.

use super::{Field, Member, ShapeReader, StructSchema};
use crate::error::ParseError;

/// A union's stand-in for a member this version does not know
/// (`Unknown(name)`, the macro adds it).
pub trait UnknownMember {
    /// The value holding the member's wire name.
    fn unknown(name: String) -> Self;
}

/// Reads a union: the one member set, by `member(reader, index)`, or
/// `Unknown(name)`. A member whose value is null is not set, and `__type`
/// (some services name the union's shape with it) is not a member. No
/// member, or two, is an error.
pub fn read_union<R, T, F>(
    r: &mut R,
    m: &Member,
    schema: &StructSchema,
    mut member: F,
) -> Result<T, ParseError>
where
    R: ShapeReader,
    T: UnknownMember,
    F: FnMut(&mut R, usize) -> Result<T, ParseError>,
{
    let mut found: Option<T> = None;
    r.structure(m, schema, |r, field| {
        if field == Field::Unknown("__type") {
            return r.skip();
        }
        if r.null()? {
            return Ok(());
        }
        let value = match field {
            Field::Known(i) => member(r, i)?,
            Field::Unknown(name) => {
                let value = T::unknown(name.to_owned());
                r.skip()?;
                value
            }
        };
        if found.replace(value).is_some() {
            return Err(ParseError::new("the union has more than one member set"));
        }
        Ok(())
    })?;
    found.ok_or_else(|| ParseError::new("the union has no member set"))
}
