//! `paginators-1.json` → `paginator(...)`.
//!
//! botocore's paginators name members by their model names, tokens as
//! JMESPath expressions. The macros take one input token, one output
//! token (a dotted path) and at most one item list; anything else (two
//! tokens, `||`, `[-1]`) is not expressible, and the operation is then
//! generated without `paginate` and a comment saying why.

use super::{Ctx, Op};
use crate::json::Json;
use crate::model::target;
use crate::naming::{field_ident, str_lit};

/// A single string, or a list holding one.
fn single(value: &Json) -> Option<&str> {
    match value {
        Json::String(s) => Some(s),
        Json::Array(items) if items.len() == 1 => items[0].as_str(),
        _ => None,
    }
}

impl Ctx<'_> {
    /// The field path of a dotted member path through `shape`
    /// (`Result.NextToken` → `result.next_token`).
    fn field_path(&self, shape: &str, path: &str) -> Result<String, String> {
        let mut current = shape.to_string();
        let mut fields = Vec::new();
        for segment in path.split('.') {
            let members = self.members(&current)?;
            let (_, reference) = members
                .iter()
                .find(|(m, _)| m == segment)
                .ok_or_else(|| format!("`{path}` is not a member path of `{shape}`"))?;
            let (ident, escaped) = field_ident(segment);
            if escaped || ident.starts_with("r#") {
                return Err(format!("`{segment}` has no plain field name"));
            }
            fields.push(ident);
            current = target(reference, "a member")?;
        }
        Ok(fields.join("."))
    }

    /// The shape at a dotted member path through `shape`.
    fn path_shape(&self, shape: &str, path: &str) -> Option<String> {
        let mut current = shape.to_string();
        for segment in path.split('.') {
            let members = self.members(&current).ok()?;
            let (_, reference) = members.iter().find(|(m, _)| m == segment)?;
            current = target(reference, "a member").ok()?;
        }
        Some(current)
    }

    /// `paginator(...)` for `op` (and a note on what it leaves out), or why
    /// there is none.
    pub(crate) fn paginator_args(
        &self,
        op: &Op,
    ) -> Option<Result<(String, Option<String>), String>> {
        let spec = self.paginators?.get("pagination").get(&op.name);
        if matches!(spec, Json::Null) {
            return None;
        }
        Some(self.paginator_spec(op, spec))
    }

    fn paginator_spec(&self, op: &Op, spec: &Json) -> Result<(String, Option<String>), String> {
        let (Some(input), Some(output)) = (&op.input, &op.output) else {
            return Err("the operation has no input or no output".to_string());
        };
        let input_token =
            single(spec.get("input_token")).ok_or("it pages with more than one input token")?;
        let output_token =
            single(spec.get("output_token")).ok_or("it pages with more than one output token")?;
        let in_members = self.members(input)?;
        let input_field = |name: &str| -> Result<String, String> {
            if !in_members.iter().any(|(m, _)| m == name) {
                return Err(format!("`{name}` is not a member of the input"));
            }
            self.field_path(input, name)
        };
        let mut args = vec![
            format!("input_token = {}", str_lit(&input_field(input_token)?)),
            format!(
                "output_token = {}",
                str_lit(&self.field_path(output, output_token)?)
            ),
        ];
        if self.required(input).iter().any(|m| m == input_token) {
            return Err(format!(
                "its input token `{input_token}` is a required member"
            ));
        }
        // botocore may aggregate several result keys (DynamoDB's `Items`,
        // `Count`, `ScannedCount`); the macros' `items` is one list: the
        // one list among them, else none (pages are still walked).
        let keys: Vec<&str> = match spec.get("result_key") {
            Json::String(key) => vec![key.as_str()],
            keys => keys.items().iter().filter_map(Json::as_str).collect(),
        };
        let lists: Vec<&str> = keys
            .iter()
            .copied()
            .filter(|key| {
                self.path_shape(output, key)
                    .is_some_and(|shape| matches!(self.kind(&shape), Ok(super::Kind::List { .. })))
            })
            .collect();
        let mut note = None;
        match lists.as_slice() {
            [items] => args.push(format!(
                "items = {}",
                str_lit(&self.field_path(output, items)?)
            )),
            [] if keys.is_empty() => {}
            _ => {
                note = Some(format!(
                    "botocore's paginator gathers {}: not one list, so `paginate` has no `items()`",
                    keys.join(", ")
                ))
            }
        }
        if let Some(limit) = spec.str("limit_key") {
            args.push(format!("page_size = {}", str_lit(&input_field(limit)?)));
        }
        if let Some(more) = spec.str("more_results") {
            args.push(format!(
                "more_results = {}",
                str_lit(&self.field_path(output, more)?)
            ));
        }
        Ok((format!("paginator({})", args.join(", ")), note))
    }
}
