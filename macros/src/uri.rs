//! The `uri = "..."` template: literal path parts, `{label}` and greedy
//! `{label+}` segments, and an optional literal query (`?x-id=Foo`).

pub(crate) struct UriTemplate {
    pub(crate) parts: Vec<UriPart>,
    /// The literal query, without the `?`.
    pub(crate) query: Option<String>,
}

pub(crate) enum UriPart {
    Literal(String),
    Label { name: String, greedy: bool },
}

impl UriTemplate {
    pub(crate) fn parse(text: &str) -> Result<UriTemplate, String> {
        if !text.starts_with('/') {
            return Err(format!("the uri must start with `/`, as in \"/{text}\""));
        }
        let (path, query) = match text.split_once('?') {
            Some((p, q)) => (p, Some(q)),
            None => (text, None),
        };
        if let Some(q) = query {
            if q.contains(['{', '}']) {
                return Err("labels cannot appear in the query part of the uri; \
                            bind query members with #[aws(query = \"...\")]"
                    .into());
            }
            if q.contains(['#', ' ']) {
                return Err("the literal query of the uri contains `#` or a space".into());
            }
        }
        if path.contains([' ', '#']) {
            return Err("the uri path contains a space or `#`".into());
        }
        let mut parts = Vec::new();
        let mut rest = path;
        let mut greedy_seen = false;
        let mut names: Vec<String> = Vec::new();
        while !rest.is_empty() {
            match rest.find(['{', '}']) {
                None => {
                    parts.push(UriPart::Literal(rest.to_string()));
                    break;
                }
                Some(i) if rest.as_bytes()[i] == b'}' => {
                    return Err("the uri has a `}` without a matching `{`".into());
                }
                Some(i) => {
                    let literal = &rest[..i];
                    if !literal.ends_with('/') {
                        return Err("a label must be a whole path segment, as in `/{name}/`".into());
                    }
                    if !literal.is_empty() {
                        parts.push(UriPart::Literal(literal.to_string()));
                    }
                    let after = &rest[i + 1..];
                    let close = after
                        .find('}')
                        .ok_or("the uri has a `{` without a matching `}`")?;
                    let inner = &after[..close];
                    let (name, greedy) = match inner.strip_suffix('+') {
                        Some(n) => (n, true),
                        None => (inner, false),
                    };
                    if name.is_empty()
                        // `-` as in botocore's `{resource-arn}`: a label names
                        // the member's wire name, which may have one.
                        || !name
                            .chars()
                            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
                    {
                        return Err(format!(
                            "`{{{inner}}}` is not a label: write `{{name}}` or `{{name+}}` with letters, digits, `_` and `-`"
                        ));
                    }
                    if greedy && greedy_seen {
                        return Err("the uri can have only one greedy label".into());
                    }
                    greedy_seen |= greedy;
                    if names.iter().any(|n| n == name) {
                        return Err(format!("the label `{{{name}}}` appears twice in the uri"));
                    }
                    names.push(name.to_string());
                    rest = &after[close + 1..];
                    if !rest.is_empty() && !rest.starts_with('/') {
                        return Err("a label must be a whole path segment, as in `/{name}/`".into());
                    }
                    parts.push(UriPart::Label {
                        name: name.to_string(),
                        greedy,
                    });
                }
            }
        }
        Ok(UriTemplate {
            parts,
            query: query.map(str::to_string),
        })
    }

    /// `(name, greedy)` of every label.
    pub(crate) fn labels(&self) -> impl Iterator<Item = (&str, bool)> {
        self.parts.iter().filter_map(|p| match p {
            UriPart::Label { name, greedy } => Some((name.as_str(), *greedy)),
            UriPart::Literal(_) => None,
        })
    }

    /// The keys of the literal query (`foo=bar&hello` → `foo`, `hello`).
    pub(crate) fn literal_query_keys(&self) -> Vec<String> {
        self.query
            .iter()
            .flat_map(|q| q.split('&'))
            .filter(|kv| !kv.is_empty())
            .map(|kv| kv.split('=').next().unwrap_or(kv).to_string())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_labels_and_query() {
        let t =
            UriTemplate::parse("/v2/domains/{domainIdentifier}/user-profiles/{id+}?x-id=Foo&bar")
                .unwrap();
        let labels: Vec<_> = t.labels().collect();
        assert_eq!(labels, [("domainIdentifier", false), ("id", true)]);
        assert_eq!(t.query.as_deref(), Some("x-id=Foo&bar"));
        assert_eq!(t.literal_query_keys(), ["x-id", "bar"]);
        let hyphenated = UriTemplate::parse("/v2/tags/{resource-arn}").unwrap();
        assert_eq!(
            hyphenated.labels().collect::<Vec<_>>(),
            [("resource-arn", false)]
        );
    }

    #[test]
    fn rejects_malformed() {
        for bad in [
            "no-slash",
            "/a/{b",
            "/a/b}",
            "/a/{}",
            "/a/x{b}",
            "/a/{b}x",
            "/a/{b}/{b}",
            "/a/{b+}/{c+}",
            "/a?x={y}",
            "/a/{b.c}",
        ] {
            assert!(UriTemplate::parse(bad).is_err(), "{bad}");
        }
        assert!(UriTemplate::parse("/ReDosLiteral/{str}/(a+)+").is_ok());
        assert!(UriTemplate::parse("/").is_ok());
    }
}
