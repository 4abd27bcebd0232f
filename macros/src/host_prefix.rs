//! `host_prefix = "foo.{label}."`: the host in front of the service's host
//! that an operation is sent to, read into literal text and `{name}`s
//! filled by the input's `#[aws(host_label)]` members.

/// A piece of a host prefix.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum HostPart {
    /// Host characters as written (`foo.`).
    Literal(String),
    /// `{name}`: a member's wire name.
    Label(String),
}

/// The pieces of `text`, or why it is no host prefix.
pub(crate) fn parse(text: &str) -> Result<Vec<HostPart>, String> {
    if text.is_empty() {
        return Err("a host prefix must not be empty".into());
    }
    let mut parts = Vec::new();
    let mut rest = text;
    while !rest.is_empty() {
        match rest.find(['{', '}']) {
            Some(i) if rest.as_bytes()[i] == b'}' => {
                return Err("the host prefix has a `}` without a matching `{`".into())
            }
            Some(i) => {
                literal(&rest[..i], &mut parts)?;
                let after = &rest[i + 1..];
                let close = after
                    .find('}')
                    .ok_or("the host prefix has a `{` without a matching `}`")?;
                let name = &after[..close];
                if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
                    return Err(format!(
                        "`{{{name}}}` is not a host label: write `{{name}}` with letters, digits and `_`"
                    ));
                }
                parts.push(HostPart::Label(name.to_string()));
                rest = &after[close + 1..];
            }
            None => {
                literal(rest, &mut parts)?;
                rest = "";
            }
        }
    }
    Ok(parts)
}

fn literal(text: &str, parts: &mut Vec<HostPart>) -> Result<(), String> {
    if text.is_empty() {
        return Ok(());
    }
    if let Some(bad) = text
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || *c == '-' || *c == '.'))
    {
        return Err(format!(
            "`{bad}` cannot be part of a host: a host prefix holds letters, digits, `-`, `.` and `{{label}}`s"
        ));
    }
    parts.push(HostPart::Literal(text.to_string()));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn literal_and_labels() {
        assert_eq!(parse("foo.").unwrap(), [HostPart::Literal("foo.".into())]);
        assert_eq!(
            parse("foo.{label}.").unwrap(),
            [
                HostPart::Literal("foo.".into()),
                HostPart::Label("label".into()),
                HostPart::Literal(".".into()),
            ]
        );
        for bad in ["", "a/b.", "{}", "{a", "a}", "{a-b}.", "a b."] {
            assert!(parse(bad).is_err(), "{bad}");
        }
    }
}
