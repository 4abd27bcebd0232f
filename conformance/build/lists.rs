//! The checked-in case lists: `skip-list.json` (cases the runtime defers on
//! purpose) and `compile-failures.json` (cases whose declarations the
//! current macros reject: reported as failures, never as skips).

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;

/// The only reasons a case may be skipped.
const CATEGORIES: &[&str] = &[
    "endpoint-trait",
    "checksum",
    "request-compression",
    "content-encoding",
    "botocore-ignore-list",
];

/// A skipped case.
pub struct Skip {
    pub category: String,
    pub reason: String,
    /// Generate and run the case anyway, reporting its outcome without
    /// counting it (for ignore-list cases the macros can express).
    pub run: bool,
}

/// A case that is not generated because its declaration does not compile.
pub struct CompileFailure {
    pub reason: String,
}

/// Where a case comes from: fixture (file name without `.json`),
/// direction (`"input"` / `"output"`), case id.
pub type CaseKey = (String, String, String);

/// Both lists, keyed by fixture, direction and case id.
#[derive(Default)]
pub struct Lists {
    pub skips: BTreeMap<CaseKey, Skip>,
    pub compile_failures: BTreeMap<CaseKey, CompileFailure>,
    /// Case ids in botocore's ignore list.
    pub ignored_by_botocore: BTreeSet<CaseKey>,
    /// Problems with the lists themselves, per fixture; each becomes a
    /// failing entry of that fixture's input suite.
    pub problems: BTreeMap<String, Vec<String>>,
}

fn entries<'a>(doc: &'a Value, fixture: &str, direction: &str) -> impl Iterator<Item = &'a Value> {
    doc.get(fixture)
        .and_then(|f| f.get(direction))
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
}

fn text(entry: &Value, key: &str) -> Option<String> {
    entry.get(key).and_then(Value::as_str).map(str::to_string)
}

impl Lists {
    /// Reads the three files for `fixtures` (each with its key in
    /// botocore's ignore list); unreadable or malformed lists become
    /// problems.
    pub fn load(
        skip_list: Result<String, String>,
        compile_failures: Result<String, String>,
        ignore_list: Result<String, String>,
        fixtures: &[(&str, &str)],
    ) -> Lists {
        let mut lists = Lists::default();
        let mut problems = Vec::new();
        let parse =
            |name: &str, text: Result<String, String>, problems: &mut Vec<String>| match text
                .and_then(|t| {
                    serde_json::from_str::<Value>(&t)
                        .map_err(|e| format!("{name} is not valid JSON: {e}"))
                }) {
                Ok(v) => v,
                Err(e) => {
                    problems.push(e);
                    Value::Null
                }
            };
        let skip_doc = parse("skip-list.json", skip_list, &mut problems);
        let fail_doc = parse("compile-failures.json", compile_failures, &mut problems);
        let ignore_doc = parse(
            "protocol-tests-ignore-list.json",
            ignore_list,
            &mut problems,
        );
        for key in skip_doc.as_object().into_iter().flatten().map(|(k, _)| k) {
            if key != "_about" && !fixtures.iter().any(|(f, _)| f == key) {
                problems.push(format!("skip-list.json names `{key}`, which is no fixture"));
            }
        }
        if let Some((first, _)) = fixtures.first() {
            lists.problems.insert(first.to_string(), problems);
        }
        for (fixture, ignore_key) in fixtures {
            lists.load_fixture(&skip_doc, &fail_doc, &ignore_doc, fixture, ignore_key);
        }
        lists
    }

    fn load_fixture(
        &mut self,
        skip_doc: &Value,
        fail_doc: &Value,
        ignore_doc: &Value,
        fixture: &str,
        ignore_key: &str,
    ) {
        let lists = self;
        let problems = lists.problems.entry(fixture.to_string()).or_default();
        for direction in ["input", "output"] {
            let ignored = ignore_doc
                .pointer(&format!("/protocols/{ignore_key}/{direction}/cases"))
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
                .filter_map(Value::as_str);
            for id in ignored {
                lists.ignored_by_botocore.insert((
                    fixture.to_string(),
                    direction.to_string(),
                    id.to_string(),
                ));
            }

            for entry in entries(skip_doc, fixture, direction) {
                let (Some(id), Some(category), Some(reason)) = (
                    text(entry, "id"),
                    text(entry, "category"),
                    text(entry, "reason"),
                ) else {
                    problems.push(format!(
                        "skip-list.json: {fixture} {direction} entry {entry} needs id, category and reason"
                    ));
                    continue;
                };
                if !CATEGORIES.contains(&category.as_str()) {
                    problems.push(format!(
                        "skip-list.json: {fixture} {direction} {id}: category `{category}` is not one of {CATEGORIES:?}"
                    ));
                    continue;
                }
                let key = (fixture.to_string(), direction.to_string(), id.clone());
                if category == "botocore-ignore-list" && !lists.ignored_by_botocore.contains(&key) {
                    problems.push(format!(
                        "skip-list.json: {fixture} {direction} {id} is not in protocol-tests-ignore-list.json for {ignore_key}"
                    ));
                    continue;
                }
                let run = entry.get("run").and_then(Value::as_bool).unwrap_or(false);
                lists.skips.insert(
                    key,
                    Skip {
                        category,
                        reason,
                        run,
                    },
                );
            }

            for entry in entries(fail_doc, fixture, direction) {
                let (Some(id), Some(reason)) = (text(entry, "id"), text(entry, "reason")) else {
                    problems.push(format!(
                        "compile-failures.json: {fixture} {direction} entry {entry} needs id and reason"
                    ));
                    continue;
                };
                lists.compile_failures.insert(
                    (fixture.to_string(), direction.to_string(), id),
                    CompileFailure { reason },
                );
            }
        }
    }
}
