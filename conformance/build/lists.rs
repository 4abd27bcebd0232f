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

/// Both lists, per direction (`"input"` / `"output"`), keyed by case id.
#[derive(Default)]
pub struct Lists {
    pub skips: BTreeMap<(String, String), Skip>,
    pub compile_failures: BTreeMap<(String, String), CompileFailure>,
    /// rest-json case ids in botocore's ignore list, per direction.
    pub ignored_by_botocore: BTreeSet<(String, String)>,
    /// Problems with the lists themselves; each becomes a failing entry.
    pub problems: Vec<String>,
}

fn entries<'a>(doc: &'a Value, direction: &str) -> impl Iterator<Item = &'a Value> {
    doc.get(direction)
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
}

fn text(entry: &Value, key: &str) -> Option<String> {
    entry.get(key).and_then(Value::as_str).map(str::to_string)
}

impl Lists {
    /// Reads the three files; unreadable or malformed lists become problems.
    pub fn load(
        skip_list: Result<String, String>,
        compile_failures: Result<String, String>,
        ignore_list: Result<String, String>,
    ) -> Lists {
        let mut lists = Lists::default();
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
        let skip_doc = parse("skip-list.json", skip_list, &mut lists.problems);
        let fail_doc = parse(
            "compile-failures.json",
            compile_failures,
            &mut lists.problems,
        );
        let ignore_doc = parse(
            "protocol-tests-ignore-list.json",
            ignore_list,
            &mut lists.problems,
        );

        for direction in ["input", "output"] {
            let ignored = ignore_doc
                .pointer(&format!("/protocols/rest-json/{direction}/cases"))
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
                .filter_map(Value::as_str);
            for id in ignored {
                lists
                    .ignored_by_botocore
                    .insert((direction.to_string(), id.to_string()));
            }

            for entry in entries(&skip_doc, direction) {
                let (Some(id), Some(category), Some(reason)) = (
                    text(entry, "id"),
                    text(entry, "category"),
                    text(entry, "reason"),
                ) else {
                    lists.problems.push(format!(
                        "skip-list.json: {direction} entry {entry} needs id, category and reason"
                    ));
                    continue;
                };
                if !CATEGORIES.contains(&category.as_str()) {
                    lists.problems.push(format!(
                        "skip-list.json: {direction} {id}: category `{category}` is not one of {CATEGORIES:?}"
                    ));
                    continue;
                }
                let key = (direction.to_string(), id.clone());
                if category == "botocore-ignore-list" && !lists.ignored_by_botocore.contains(&key) {
                    lists.problems.push(format!(
                        "skip-list.json: {direction} {id} is not in protocol-tests-ignore-list.json for rest-json"
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

            for entry in entries(&fail_doc, direction) {
                let (Some(id), Some(reason)) = (text(entry, "id"), text(entry, "reason")) else {
                    lists.problems.push(format!(
                        "compile-failures.json: {direction} entry {entry} needs id and reason"
                    ));
                    continue;
                };
                lists
                    .compile_failures
                    .insert((direction.to_string(), id), CompileFailure { reason });
            }
        }
        lists
    }
}
