//! Removing what the macros consumed from the user's item.

use syn::{Attribute, Fields, Item};

use crate::symbol::AWS;

fn attrs(attrs: &mut Vec<Attribute>) {
    attrs.retain(|a| !a.path().is_ident(AWS));
}

fn fields(fields: &mut Fields) {
    for f in fields.iter_mut() {
        attrs(&mut f.attrs);
    }
}

/// Strips `#[aws(...)]` from every field and variant.
pub(crate) fn item(item: &mut Item) {
    match item {
        Item::Struct(s) => fields(&mut s.fields),
        Item::Enum(e) => enumeration(e),
        Item::Union(u) => {
            for f in u.fields.named.iter_mut() {
                attrs(&mut f.attrs);
            }
        }
        _ => {}
    }
}

pub(crate) fn structure(s: &mut syn::ItemStruct) {
    fields(&mut s.fields);
}

pub(crate) fn enumeration(e: &mut syn::ItemEnum) {
    for v in e.variants.iter_mut() {
        attrs(&mut v.attrs);
        fields(&mut v.fields);
    }
}
