//! One module per suite: the declarations, one function per case, and the
//! suite's `cases()` list (run, skipped, or not generated with a reason).

use std::collections::BTreeSet;
use std::fmt::Write as _;

use serde_json::Value;

use crate::lists::Lists;
use crate::literal::NanField;
use crate::model::{given, need_str, obj_at, str_at, Gen, Suite};
use crate::naming::{field_ident, str_lit, suite_module};
use crate::shapes::{Ctx, Role};

/// Which fixture a suite comes from.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Input,
    Output,
}

impl Direction {
    pub fn key(self) -> &'static str {
        match self {
            Direction::Input => "input",
            Direction::Output => "output",
        }
    }
}

/// `given` keys the generated operations express; any other key is a
/// feature the case needs and the generator cannot declare.
const KNOWN_GIVEN: &[&str] = &[
    "name",
    "http",
    "input",
    "output",
    "errors",
    "documentation",
    "idempotent",
    // `endpoint.hostPrefix`: declared as `host_prefix`.
    "endpoint",
];

/// The idempotency token the fixtures expect from a fixed generator.
const FIXED_TOKEN: &str = "00000000-0000-4000-8000-000000000000";

enum Plan {
    Run(String),
    SkipRun { reason: String, function: String },
    Skip(String),
    NotGenerated(String),
}

struct Planned<'a> {
    id: String,
    case: &'a Value,
    plan: Plan,
}

/// Why a case needs a feature the runtime defers, if it does.
fn deferred_feature(direction: Direction, case: &Value) -> Option<String> {
    let given = case.get("given")?.as_object()?;
    if let Some(key) = given.keys().find(|k| !KNOWN_GIVEN.contains(&k.as_str())) {
        return Some(format!(
            "needs `given.{key}`, which the generator does not express"
        ));
    }
    // A host behind a host prefix is the operation's `host_prefix()` in
    // front of the client endpoint's; any other host (a client endpoint
    // with a path) is endpoint resolution, which serialize does not do.
    let host_prefix = case.pointer("/given/endpoint/hostPrefix").is_some();
    if direction == Direction::Input && case.pointer("/serialized/host").is_some() && !host_prefix {
        return Some(
            "expects a host (endpoint resolution), which `Operation::serialize` does not produce"
                .into(),
        );
    }
    None
}

fn function_name(id: &str, used: &mut BTreeSet<String>) -> String {
    let (mut name, _) = field_ident(id);
    while !used.insert(name.clone()) {
        name.push('_');
    }
    name
}

/// The whole module of one suite of `fixture`: its name and its code.
pub fn suite_module_code(
    fixture: &str,
    direction: Direction,
    suite: &Suite<'_>,
    lists: &Lists,
    seen: &mut BTreeSet<String>,
) -> (String, String) {
    let mut functions_used = BTreeSet::new();
    let mut planned = Vec::new();
    for (n, case) in suite.cases.iter().enumerate() {
        let id = str_at(case, "id")
            .map(str::to_string)
            .unwrap_or_else(|| format!("suite{}-case{n}", suite.index));
        seen.insert(id.clone());
        let key = (fixture.to_string(), direction.key().to_string(), id.clone());
        let plan = if let Some(skip) = lists.skips.get(&key) {
            let reason = format!("{}: {}", skip.category, skip.reason);
            if skip.run && deferred_feature(direction, case).is_none() {
                Plan::SkipRun {
                    reason,
                    function: function_name(&id, &mut functions_used),
                }
            } else {
                Plan::Skip(reason)
            }
        } else if let Some(failure) = lists.compile_failures.get(&key) {
            Plan::NotGenerated(format!(
                "declaration rejected by the macros (compile-failures.json): {}",
                failure.reason
            ))
        } else if let Some(why) = deferred_feature(direction, case) {
            Plan::NotGenerated(format!("{why}; not in skip-list.json"))
        } else {
            Plan::Run(function_name(&id, &mut functions_used))
        };
        planned.push(Planned { id, case, plan });
    }

    let operation_name = suite
        .cases
        .first()
        .and_then(|c| c.pointer("/given/name"))
        .and_then(Value::as_str)
        .unwrap_or("Operation");
    let module = suite_module(suite.index, operation_name);

    let mut body = String::new();
    let runnable: Vec<&Value> = planned
        .iter()
        .filter(|p| matches!(p.plan, Plan::Run(_) | Plan::SkipRun { .. }))
        .map(|p| p.case)
        .collect();
    // An output suite whose cases are all errors never builds the operation
    // or its output: they are declared only for the `error = ...` wiring.
    let only_errors = direction == Direction::Output
        && runnable
            .iter()
            .all(|c| c.get("error").is_some() || c.get("errorCode").is_some());
    if let Some(first) = runnable.first() {
        match declare(suite, first, only_errors) {
            Ok((ctx, decls)) => {
                body.push_str(&decls);
                for p in &mut planned {
                    let function = match &p.plan {
                        Plan::Run(f) | Plan::SkipRun { function: f, .. } => f.clone(),
                        _ => continue,
                    };
                    let generated = match direction {
                        Direction::Input => {
                            input_case(&ctx, &p.id, p.case, &function, suite.client_endpoint)
                        }
                        Direction::Output => output_case(&ctx, &p.id, p.case, &function),
                    };
                    match generated {
                        Ok(code) => body.push_str(&code),
                        Err(why) => p.plan = Plan::NotGenerated(format!("generator: {why}")),
                    }
                }
            }
            Err(why) => {
                for p in &mut planned {
                    if matches!(p.plan, Plan::Run(_) | Plan::SkipRun { .. }) {
                        p.plan = Plan::NotGenerated(format!("generator: {why}"));
                    }
                }
            }
        }
    }

    let mut list = String::new();
    for p in &planned {
        let id = str_lit(&p.id);
        let entry = match &p.plan {
            Plan::Run(f) => format!("Case::run({id}, {f})"),
            Plan::SkipRun { reason, function } => format!(
                "Case::skipped_but_run({id}, {}, {function})",
                str_lit(reason)
            ),
            Plan::Skip(reason) => format!("Case::skipped({id}, {})", str_lit(reason)),
            Plan::NotGenerated(reason) => format!("Case::not_generated({id}, {})", str_lit(reason)),
        };
        writeln!(list, "        {entry},").ok();
    }

    let description = suite
        .cases
        .first()
        .map(|_| {
            format!(
                "Suite {} of the fixture: operation `{operation_name}`.",
                suite.index
            )
        })
        .unwrap_or_default();
    let mut out = String::new();
    writeln!(out, "mod {module} {{").ok();
    writeln!(out, "//! {description}").ok();
    if let Some(endpoint) = suite.client_endpoint {
        writeln!(
            out,
            "//! The suite's client endpoint is `{endpoint}` (only host cases use it)."
        )
        .ok();
    }
    writeln!(out, "{}", imports(&body)).ok();
    out.push_str(&body);
    writeln!(
        out,
        "pub(super) fn cases() -> Vec<Case> {{\n    vec![\n{list}    ]\n}}"
    )
    .ok();
    writeln!(out, "}}\n").ok();
    (module, out)
}

/// The `use` lines a module body needs (unused imports would warn).
fn imports(body: &str) -> String {
    let mut awsop = Vec::new();
    for name in ["aws_operation", "aws_shape", "Blob", "DateTime", "Document"] {
        if contains_word(body, name) {
            awsop.push(name);
        }
    }
    let mut out = String::new();
    if !awsop.is_empty() {
        writeln!(out, "use ::awsop::{{{}}};", awsop.join(", ")).ok();
    }
    if contains_word(body, "lit") {
        writeln!(out, "use ::conformance::lit;").ok();
    }
    writeln!(out, "use ::conformance::Case;").ok();
    if contains_word(body, "HashMap") {
        writeln!(out, "use ::std::collections::HashMap;").ok();
    }
    out
}

fn contains_word(text: &str, word: &str) -> bool {
    let is_ident = |c: char| c.is_ascii_alphanumeric() || c == '_';
    text.match_indices(word).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + word.len()..].chars().next();
        !before.is_some_and(is_ident) && !after.is_some_and(is_ident)
    })
}

fn declare<'a>(suite: &Suite<'a>, case: &'a Value, only_errors: bool) -> Gen<(Ctx<'a>, String)> {
    let given = given(case)?;
    let protocol = crate::protocol::Protocol::from_metadata(suite.metadata)?;
    let ctx = Ctx::new(
        protocol,
        suite.shapes,
        given.name,
        given.input,
        given.output,
        &given.errors,
    )?;
    let decls = ctx.declarations(&given, only_errors)?;
    Ok((ctx, decls))
}

fn doc_line(id: &str, case: &Value) -> String {
    let description = str_at(case, "description")
        .unwrap_or("")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    if description.is_empty() {
        format!("/// `{id}`")
    } else {
        format!("/// `{id}`: {description}")
    }
}

fn header_pairs(headers: &serde_json::Map<String, Value>) -> Gen<String> {
    let pairs = headers
        .iter()
        .map(|(k, v)| {
            let v = v
                .as_str()
                .ok_or_else(|| format!("header `{k}` value is not a string"))?;
            Ok(format!("({}, {})", str_lit(k), str_lit(v)))
        })
        .collect::<Gen<Vec<_>>>()?;
    Ok(format!("&[{}]", pairs.join(", ")))
}

fn name_list(value: Option<&Value>) -> Gen<String> {
    let names = value
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .map(|v| {
            v.as_str()
                .map(str_lit)
                .ok_or_else(|| "a header name is not a string".to_string())
        })
        .collect::<Gen<Vec<_>>>()?;
    Ok(format!("&[{}]", names.join(", ")))
}

fn input_case(
    ctx: &Ctx<'_>,
    id: &str,
    case: &Value,
    function: &str,
    client_endpoint: Option<&str>,
) -> Gen<String> {
    let params = case.get("params").ok_or("case has no `params`")?;
    let serialized = case.get("serialized").ok_or("case has no `serialized`")?;
    let input = ctx.struct_literal(&ctx.op_type, ctx.input(), Role::Input, params, 4, None)?;
    let has_token = match ctx.input() {
        Some(shape) => ctx
            .fields(shape, Role::Input)?
            .iter()
            .any(|f| f.attrs.iter().any(|a| a == "idempotency_token")),
        None => false,
    };
    let body = match serialized.get("body") {
        None => "None".to_string(),
        Some(Value::String(b)) => format!("Some({})", str_lit(b)),
        Some(_) => return Err("`serialized.body` is not a string".into()),
    };

    let mut out = String::new();
    writeln!(out, "{}", doc_line(id, case)).ok();
    writeln!(out, "fn {function}() -> Result<(), String> {{").ok();
    writeln!(out, "    use ::awsop::runtime::operation::Operation;").ok();
    if has_token {
        writeln!(out, "    let mut input = {input};").ok();
        writeln!(
            out,
            "    input.fill_idempotency_tokens(&::awsop::runtime::token::FixedToken({}.to_string()));",
            str_lit(FIXED_TOKEN)
        )
        .ok();
    } else {
        writeln!(out, "    let input = {input};").ok();
    }
    writeln!(out, "    let request = input.serialize().map_err(|e| format!(\"serialize refused the input: {{e}}\"))?;").ok();
    if let Some(host) = serialized.get("host").and_then(Value::as_str) {
        let endpoint = client_endpoint.ok_or("a host case in a suite without a client endpoint")?;
        writeln!(
            out,
            "    ::conformance::check_host(&input, {}, {})?;",
            str_lit(endpoint),
            str_lit(host)
        )
        .ok();
    }
    writeln!(
        out,
        "    ::conformance::check_request(&request, &::conformance::ExpectedRequest {{"
    )
    .ok();
    writeln!(
        out,
        "        method: {},",
        str_lit(need_str(serialized, "method", "`serialized`")?)
    )
    .ok();
    writeln!(
        out,
        "        uri: {},",
        str_lit(need_str(serialized, "uri", "`serialized`")?)
    )
    .ok();
    writeln!(
        out,
        "        headers: {},",
        header_pairs(obj_at(serialized, "headers"))?
    )
    .ok();
    writeln!(
        out,
        "        forbid_headers: {},",
        name_list(serialized.get("forbidHeaders"))?
    )
    .ok();
    writeln!(
        out,
        "        require_headers: {},",
        name_list(serialized.get("requireHeaders"))?
    )
    .ok();
    writeln!(out, "        body: {body},").ok();
    let maps: Vec<String> = ctx.xml_map_elements()?.iter().map(|n| str_lit(n)).collect();
    writeln!(out, "        xml_map_elements: &[{}],", maps.join(", ")).ok();
    writeln!(out, "    }})\n}}\n").ok();
    Ok(out)
}

fn output_case(ctx: &Ctx<'_>, id: &str, case: &Value, function: &str) -> Gen<String> {
    let response = case.get("response").ok_or("case has no `response`")?;
    let status = response
        .get("status_code")
        .and_then(Value::as_u64)
        .ok_or("`response` has no status_code")?;
    let headers = header_pairs(obj_at(response, "headers"))?;
    let body = str_at(response, "body").unwrap_or("");

    let mut out = String::new();
    writeln!(out, "{}", doc_line(id, case)).ok();
    writeln!(out, "fn {function}() -> Result<(), String> {{").ok();
    let is_error = case.get("error").is_some() || case.get("errorCode").is_some();
    if !is_error {
        writeln!(out, "    use ::awsop::runtime::operation::Operation;").ok();
    }
    // Binary protocols' fixtures carry their bodies in base64.
    let build = if ctx.protocol.name == "rpcv2Cbor" {
        "response_base64"
    } else {
        "response"
    };
    writeln!(
        out,
        "    let response = ::conformance::{build}({status}, {headers}, {})?;",
        str_lit(body)
    )
    .ok();

    if is_error {
        let error_type = ctx
            .error_type
            .as_ref()
            .ok_or("an error case for an operation with no modeled errors")?;
        let code = need_str(case, "errorCode", "an error case")?;
        let message = match str_at(case, "errorMessage") {
            Some(m) => format!("Some({})", str_lit(m)),
            None => "None".to_string(),
        };
        let expected = match ctx.errors.iter().find(|e| e.as_str() == code) {
            Some(shape) => {
                let value = case.get("error").unwrap_or(&Value::Null);
                let literal = ctx.struct_literal(
                    &ctx.type_name(shape)?,
                    Some(shape),
                    Role::Output,
                    value,
                    4,
                    None,
                )?;
                format!(
                    "{error_type}::{}({literal})",
                    crate::naming::pascal_ident(shape)
                )
            }
            None => format!("{error_type}::Unhandled"),
        };
        writeln!(out, "    let expected = {expected};").ok();
        writeln!(
            out,
            "    ::conformance::check_error::<{}>(&response, {}, {message}, &expected)\n}}\n",
            ctx.op_type,
            str_lit(code)
        )
        .ok();
        return Ok(out);
    }

    if !(200..300).contains(&status) {
        return Err(format!("status {status} without an expected error"));
    }
    let result = case
        .get("result")
        .ok_or("case has neither `result` nor `error`")?;
    let mut nans: Vec<NanField> = Vec::new();
    let expected = ctx.struct_literal(
        &ctx.output_type,
        ctx.output.as_deref(),
        Role::Output,
        result,
        4,
        Some(&mut nans),
    )?;
    writeln!(out, "    let expected = {expected};").ok();
    let binding = if nans.is_empty() { "let" } else { "let mut" };
    writeln!(
        out,
        "    {binding} actual = <{} as Operation>::parse_output(&response).map_err(|e| format!(\"parse_output failed: {{e}}\"))?;",
        ctx.op_type
    )
    .ok();
    for nan in &nans {
        writeln!(
            out,
            "    ::conformance::take_nan(&mut actual.{}, {})?;",
            nan.ident,
            str_lit(&nan.member)
        )
        .ok();
    }
    writeln!(
        out,
        "    ::conformance::expect_eq(&actual, &expected)\n}}\n"
    )
    .ok();
    Ok(out)
}
