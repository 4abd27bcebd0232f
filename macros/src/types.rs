//! Looking at member types syntactically, for the checks a trait bound
//! cannot express (or would express less clearly).

use syn::{GenericArgument, PathArguments, Type};

/// The last path segment's name and its generic type arguments.
fn last_segment(ty: &Type) -> Option<(String, Vec<&Type>)> {
    let Type::Path(tp) = ty else { return None };
    if tp.qself.is_some() {
        return None;
    }
    let seg = tp.path.segments.last()?;
    let args = match &seg.arguments {
        PathArguments::AngleBracketed(ab) => ab
            .args
            .iter()
            .filter_map(|a| match a {
                GenericArgument::Type(t) => Some(t),
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    };
    Some((seg.ident.to_string(), args))
}

/// `T` of `Option<T>`.
pub(crate) fn option_inner(ty: &Type) -> Option<&Type> {
    match last_segment(ty) {
        Some((name, args)) if name == "Option" && args.len() == 1 => Some(args[0]),
        _ => None,
    }
}

/// The type with one `Option` layer removed, if any.
pub(crate) fn strip_option(ty: &Type) -> &Type {
    option_inner(ty).unwrap_or(ty)
}

/// Whether the type is named `name` (last segment), e.g. `String`.
pub(crate) fn is_named(ty: &Type, name: &str) -> bool {
    last_segment(ty).is_some_and(|(n, _)| n == name)
}

/// Whether the type is a streaming body, `ByteStream` or
/// `Option<ByteStream>` (the `@streaming` blobs of a service model).
pub(crate) fn is_streaming(ty: &Type) -> bool {
    is_named(strip_option(ty), "ByteStream")
}

/// What kind of collection a type is, if any.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Collection {
    List,
    Map,
}

pub(crate) fn collection(ty: &Type) -> Option<Collection> {
    match last_segment(ty)?.0.as_str() {
        "Vec" | "VecDeque" | "HashSet" | "BTreeSet" => Some(Collection::List),
        "HashMap" | "BTreeMap" => Some(Collection::Map),
        _ => None,
    }
}

/// The element type of a `Vec<T>`.
pub(crate) fn list_element(ty: &Type) -> Option<&Type> {
    match last_segment(ty) {
        Some((name, args)) if name == "Vec" && args.len() == 1 => Some(args[0]),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognizes_options_and_collections() {
        let ty: Type = syn::parse_quote!(::core::option::Option<String>);
        assert!(is_named(option_inner(&ty).unwrap(), "String"));
        let ty: Type = syn::parse_quote!(Option<HashMap<String, Vec<String>>>);
        assert_eq!(collection(strip_option(&ty)), Some(Collection::Map));
        let ty: Type = syn::parse_quote!(Vec<i32>);
        assert_eq!(collection(&ty), Some(Collection::List));
        assert!(option_inner(&ty).is_none());
    }
}
