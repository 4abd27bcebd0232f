//! The aws partition's endpoint template from an endpoint rule set
//! (`endpoint-rule-set-1.json`).
//!
//! The rule set is evaluated as an SDK would for an ordinary commercial
//! region with every parameter at its default (no FIPS, no dual-stack, no
//! custom endpoint, no bucket or ARN): a stand-in region goes in, and the
//! URL that comes out has it replaced by `{region}`. Functions this
//! evaluator does not know make their condition fail, which only steers
//! away from rules that need inputs a plain call does not have.

use crate::json::Json;

/// The stand-in region; no rule set singles it out (unlike `us-east-1`).
const REGION: &str = "us-west-2";

#[derive(Clone, Debug, PartialEq)]
enum V {
    None,
    Bool(bool),
    Str(String),
    Obj(Vec<(String, V)>),
    Arr(Vec<V>),
}

impl V {
    fn truthy(&self) -> bool {
        !matches!(self, V::None | V::Bool(false))
    }
    fn attr(&self, path: &str) -> V {
        let mut v = self.clone();
        for part in path.split('.') {
            let (name, index) = match part.find('[') {
                Some(i) => (
                    &part[..i],
                    part[i + 1..].trim_end_matches(']').parse::<usize>().ok(),
                ),
                None => (part, None),
            };
            if !name.is_empty() {
                v = match &v {
                    V::Obj(entries) => entries
                        .iter()
                        .find(|(k, _)| k == name)
                        .map_or(V::None, |(_, v)| v.clone()),
                    _ => V::None,
                };
            }
            if let Some(i) = index {
                v = match &v {
                    V::Arr(items) => items.get(i).cloned().unwrap_or(V::None),
                    _ => V::None,
                };
            }
        }
        v
    }
}

fn aws_partition() -> V {
    let s = |v: &str| V::Str(v.to_string());
    V::Obj(vec![
        ("name".into(), s("aws")),
        ("dnsSuffix".into(), s("amazonaws.com")),
        ("dualStackDnsSuffix".into(), s("api.aws")),
        ("supportsFIPS".into(), V::Bool(true)),
        ("supportsDualStack".into(), V::Bool(true)),
        ("implicitGlobalRegion".into(), s("us-east-1")),
    ])
}

struct Scope {
    vars: Vec<(String, V)>,
}

impl Scope {
    fn get(&self, name: &str) -> V {
        self.vars
            .iter()
            .rev()
            .find(|(k, _)| k == name)
            .map_or(V::None, |(_, v)| v.clone())
    }

    /// `"https://x.{Region}.{PartitionResult#dnsSuffix}"` with its
    /// references filled in; `None` if one is unset.
    fn template(&self, text: &str) -> Option<String> {
        let mut out = String::new();
        let mut rest = text;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let close = rest[open..].find('}')? + open;
            let reference = &rest[open + 1..close];
            let value = match reference.split_once('#') {
                Some((var, path)) => self.get(var).attr(path),
                None => self.get(reference),
            };
            match value {
                V::Str(s) => out.push_str(&s),
                V::Bool(b) => out.push_str(&b.to_string()),
                _ => return None,
            }
            rest = &rest[close + 1..];
        }
        out.push_str(rest);
        Some(out)
    }

    fn eval(&self, value: &Json) -> V {
        match value {
            Json::Bool(b) => V::Bool(*b),
            Json::String(s) => self.template(s).map_or(V::None, V::Str),
            Json::Array(items) => V::Arr(items.iter().map(|i| self.eval(i)).collect()),
            Json::Object(_) if value.has("ref") => self.get(value.str("ref").unwrap_or("")),
            Json::Object(_) if value.has("fn") => self.call(value),
            _ => V::None,
        }
    }

    fn call(&self, call: &Json) -> V {
        let args: Vec<V> = call
            .get("argv")
            .items()
            .iter()
            .map(|a| self.eval(a))
            .collect();
        let arg = |i: usize| args.get(i).cloned().unwrap_or(V::None);
        match call.str("fn").unwrap_or("") {
            "isSet" => V::Bool(arg(0) != V::None),
            "not" => V::Bool(!arg(0).truthy()),
            "booleanEquals" | "stringEquals" => V::Bool(arg(0) != V::None && arg(0) == arg(1)),
            "getAttr" => match arg(1) {
                V::Str(path) => arg(0).attr(&path),
                _ => V::None,
            },
            "aws.partition" => match arg(0) {
                V::Str(_) => aws_partition(),
                _ => V::None,
            },
            "isValidHostLabel" => match arg(0) {
                V::Str(s) => V::Bool(
                    !s.is_empty()
                        && s.len() <= 63
                        && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
                        && !s.starts_with('-'),
                ),
                _ => V::None,
            },
            // parseURL, aws.parseArn, substring, uriEncode, S3's bucket
            // checks: their inputs (a custom endpoint, an ARN, a bucket)
            // are unset in a plain call.
            _ => V::None,
        }
    }

    /// The first endpoint URL the rules reach, `Err` on an error rule.
    fn rules(&mut self, rules: &[Json]) -> Option<Result<String, String>> {
        for rule in rules {
            let depth = self.vars.len();
            let mut holds = true;
            for condition in rule.get("conditions").items() {
                let v = self.call(condition);
                if !v.truthy() {
                    holds = false;
                    break;
                }
                if let Some(name) = condition.str("assign") {
                    self.vars.push((name.to_string(), v));
                }
            }
            if holds {
                let found = match rule.str("type") {
                    Some("tree") => self.rules(rule.get("rules").items()),
                    Some("endpoint") => {
                        let url = self.eval(rule.get("endpoint").get("url"));
                        Some(match url {
                            V::Str(u) => Ok(u),
                            _ => Err("an endpoint URL the evaluator cannot fill in".to_string()),
                        })
                    }
                    Some("error") => Some(Err(rule
                        .str("error")
                        .unwrap_or("an error rule")
                        .to_string())),
                    _ => None,
                };
                if found.is_some() {
                    return found;
                }
            }
            self.vars.truncate(depth);
        }
        None
    }
}

/// The aws partition's endpoint template (`https://datazone.{region}.api.aws`)
/// for an operation whose `staticContextParams` are `static_params`
/// (`{"ApiType": {"value": "ControlPlane"}}`; `Json::Null` for none): an
/// operation's static parameters override the rule set's defaults, which is
/// how Neptune Analytics sends control-plane and data-plane calls to
/// different hosts.
pub(crate) fn aws_template(rule_set: &Json, static_params: &Json) -> Result<String, String> {
    let mut scope = Scope { vars: Vec::new() };
    for (name, parameter) in rule_set.get("parameters").entries() {
        let fixed = static_params.get(name).get("value");
        let value = if !matches!(fixed, Json::Null) {
            match fixed {
                Json::Bool(b) => V::Bool(*b),
                Json::String(s) => V::Str(s.clone()),
                _ => V::None,
            }
        } else if parameter.str("builtIn") == Some("AWS::Region") {
            V::Str(REGION.to_string())
        } else {
            match parameter.get("default") {
                Json::Bool(b) => V::Bool(*b),
                Json::String(s) => V::Str(s.clone()),
                _ => V::None,
            }
        };
        scope.vars.push((name.clone(), value));
    }
    let url = scope
        .rules(rule_set.get("rules").items())
        .unwrap_or_else(|| Err("no rule matched".to_string()))
        .map_err(|e| format!("the endpoint rule set gives no aws endpoint: {e}"))?;
    Ok(url.replace(REGION, "{region}"))
}

#[cfg(test)]
mod tests {
    use super::aws_template;
    use crate::json::Json;

    #[test]
    fn a_regional_rule_set() {
        let rules = Json::parse(
            br#"{"parameters": {"Region": {"builtIn": "AWS::Region", "type": "String"},
                 "UseFIPS": {"default": false, "type": "Boolean"},
                 "Endpoint": {"type": "String"}},
              "rules": [
                {"conditions": [{"fn": "isSet", "argv": [{"ref": "Endpoint"}]}], "type": "endpoint",
                 "endpoint": {"url": {"ref": "Endpoint"}}},
                {"conditions": [{"fn": "aws.partition", "argv": [{"ref": "Region"}], "assign": "P"}],
                 "type": "tree", "rules": [
                   {"conditions": [{"fn": "booleanEquals", "argv": [{"ref": "UseFIPS"}, true]}],
                    "type": "endpoint", "endpoint": {"url": "https://x-fips.{Region}.{P#dnsSuffix}"}},
                   {"conditions": [], "type": "endpoint",
                    "endpoint": {"url": "https://x.{Region}.{P#dualStackDnsSuffix}"}}]},
                {"conditions": [], "type": "error", "error": "Invalid Configuration"}]}"#,
        )
        .unwrap();
        assert_eq!(
            aws_template(&rules, &Json::Null).unwrap(),
            "https://x.{region}.api.aws"
        );
        let fips = Json::parse(br#"{"UseFIPS": {"value": true}}"#).unwrap();
        assert_eq!(
            aws_template(&rules, &fips).unwrap(),
            "https://x-fips.{region}.amazonaws.com"
        );
    }
}
