//! XML bodies compared as trees, through an independent parser
//! (roxmltree): element and attribute names with their namespaces, the
//! namespaces in scope, attribute values, and text. Whitespace between
//! elements is layout; text of an element without child elements is
//! compared exactly (`<s>  a  </s>` keeps its spaces). Map entries, which
//! have no order, compare in any order.

use roxmltree::{Document, Node};

/// One element, normalized for comparison.
#[derive(Debug, PartialEq, Eq)]
struct Element {
    /// `{namespace}name`.
    name: String,
    /// `{namespace}name=value`, sorted.
    attributes: Vec<String>,
    /// `prefix=uri`, sorted (the default namespace's prefix is empty).
    namespaces: Vec<String>,
    /// Child elements, or the text of a leaf.
    content: Content,
}

#[derive(Debug, PartialEq, Eq)]
enum Content {
    Text(String),
    Children(Vec<Element>),
}

fn qualified(namespace: Option<&str>, name: &str) -> String {
    match namespace {
        Some(ns) => format!("{{{ns}}}{name}"),
        None => name.to_string(),
    }
}

fn local<'a>(node: &Node<'a, '_>) -> &'a str {
    node.tag_name().name()
}

/// `node` normalized; `maps` names the elements that hold or are map
/// entries.
fn element(node: Node<'_, '_>, maps: &[&str]) -> Element {
    let mut attributes: Vec<String> = node
        .attributes()
        .map(|a| format!("{}={}", qualified(a.namespace(), a.name()), a.value()))
        .collect();
    attributes.sort();
    let mut namespaces: Vec<String> = node
        .namespaces()
        .map(|ns| format!("{}={}", ns.name().unwrap_or(""), ns.uri()))
        .collect();
    namespaces.sort();
    let nodes: Vec<Node<'_, '_>> = node.children().filter(Node::is_element).collect();
    let mut children: Vec<Element> = nodes.iter().map(|n| element(*n, maps)).collect();
    if maps.contains(&local(&node)) {
        // A wrapped map: its children are the entries.
        children.sort_by_key(|e| format!("{e:?}"));
    } else {
        // A flattened map: its entries are siblings of one name; they
        // are put in order where they stand.
        let positions: Vec<usize> = (0..nodes.len())
            .filter(|&i| maps.contains(&local(&nodes[i])))
            .collect();
        let mut entries: Vec<Element> = positions
            .iter()
            .rev()
            .map(|&i| children.remove(i))
            .collect();
        entries.sort_by_key(|e| format!("{e:?}"));
        for (&i, entry) in positions.iter().zip(entries) {
            children.insert(i, entry);
        }
    }
    let content = if children.is_empty() {
        Content::Text(
            node.children()
                .filter(Node::is_text)
                .filter_map(|t| t.text())
                .collect(),
        )
    } else {
        Content::Children(children)
    };
    Element {
        name: qualified(node.tag_name().namespace(), node.tag_name().name()),
        attributes,
        namespaces,
        content,
    }
}

/// Compares `actual` with the expected XML text; `maps` names the
/// elements that hold or are map entries.
pub(crate) fn check_xml_body(
    actual: &[u8],
    expected: &str,
    maps: &[&str],
    problems: &mut Vec<String>,
) {
    let got = String::from_utf8_lossy(actual);
    let want_doc = match Document::parse(expected) {
        Ok(doc) => doc,
        Err(e) => return problems.push(format!("the case's body is not XML: {e}")),
    };
    let got_doc = match Document::parse(&got) {
        Ok(doc) => doc,
        Err(e) => return problems.push(format!("body: not XML ({e}): {got:?}")),
    };
    let want = element(want_doc.root_element(), maps);
    let have = element(got_doc.root_element(), maps);
    if want != have {
        problems.push(format!(
            "body (as XML): expected {expected:?}, got {got:?}\n  expected tree {want:?}\n  actual tree   {have:?}"
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(actual: &str, expected: &str) -> bool {
        let mut problems = Vec::new();
        check_xml_body(actual.as_bytes(), expected, &["m", "f"], &mut problems);
        problems.is_empty()
    }

    #[test]
    fn layout_does_not_count_but_everything_else_does() {
        let expected = "<a xmlns=\"urn:x\">\n  <b k=\"1\">  t  </b>\n  <c/>\n</a>\n";
        assert!(check(
            "<a xmlns=\"urn:x\"><b k=\"1\">  t  </b><c></c></a>",
            expected
        ));
        assert!(!check(
            "<a xmlns=\"urn:x\"><b k=\"1\">t</b><c/></a>",
            expected
        ));
        assert!(!check("<a><b k=\"1\">  t  </b><c/></a>", expected));
        assert!(!check(
            "<a xmlns=\"urn:x\"><b k=\"2\">  t  </b><c/></a>",
            expected
        ));
        assert!(!check(
            "<a xmlns=\"urn:x\"><c/><b k=\"1\">  t  </b></a>",
            expected
        ));
        // A prefix declared but unused still counts.
        assert!(!check(
            "<a><f>x</f></a>",
            "<a><f xmlns:p=\"urn:p\">x</f></a>"
        ));
        assert!(!check("not xml", "<a/>"));
    }

    #[test]
    fn map_entries_compare_in_any_order_and_nothing_else_does() {
        let wrapped = "<a><m><entry><key>1</key></entry><entry><key>2</key></entry></m></a>";
        assert!(check(
            "<a><m><entry><key>2</key></entry><entry><key>1</key></entry></m></a>",
            wrapped
        ));
        assert!(!check("<a><m><entry><key>2</key></entry></m></a>", wrapped));
        let flat = "<a><x/><f><key>1</key></f><f><key>2</key></f><y/></a>";
        assert!(check(
            "<a><x/><f><key>2</key></f><f><key>1</key></f><y/></a>",
            flat
        ));
        assert!(!check(
            "<a><y/><f><key>2</key></f><f><key>1</key></f><x/></a>",
            flat
        ));
        let list = "<a><l><member>1</member><member>2</member></l></a>";
        assert!(!check(
            "<a><l><member>2</member><member>1</member></l></a>",
            list
        ));
    }
}
