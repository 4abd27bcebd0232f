//! Cases and the runner that counts and reports them.

use std::fmt::Write as _;
use std::panic::{catch_unwind, AssertUnwindSafe};

/// A generated case body: `Ok` when the case holds, `Err(why)` when not.
pub type CaseFn = fn() -> Result<(), String>;

/// One conformance case, as the generator planned it.
#[derive(Debug, Clone)]
pub struct Case {
    id: &'static str,
    plan: Plan,
}

#[derive(Debug, Clone)]
enum Plan {
    Run(CaseFn),
    Skipped {
        reason: &'static str,
        informational: Option<CaseFn>,
    },
    NotGenerated(&'static str),
}

impl Case {
    /// A case that runs and counts.
    pub fn run(id: &'static str, body: CaseFn) -> Case {
        Case {
            id,
            plan: Plan::Run(body),
        }
    }

    /// A case in the skip list (a deferred feature).
    pub fn skipped(id: &'static str, reason: &'static str) -> Case {
        Case {
            id,
            plan: Plan::Skipped {
                reason,
                informational: None,
            },
        }
    }

    /// A skip-listed case that is run anyway: its outcome is reported, not counted.
    pub fn skipped_but_run(id: &'static str, reason: &'static str, body: CaseFn) -> Case {
        Case {
            id,
            plan: Plan::Skipped {
                reason,
                informational: Some(body),
            },
        }
    }

    /// A case the generator could not, or was told not to, compile: a failure.
    pub fn not_generated(id: &'static str, reason: &'static str) -> Case {
        Case {
            id,
            plan: Plan::NotGenerated(reason),
        }
    }

    /// The case id from the fixture.
    pub fn id(&self) -> &'static str {
        self.id
    }
}

/// What running a list of cases gave.
#[derive(Debug, Clone, Default)]
pub struct Report {
    /// Cases that ran and held.
    pub passed: usize,
    /// Cases that ran and did not hold, or could not be generated.
    pub failed: usize,
    /// Skip-listed cases.
    pub skipped: usize,
    /// `(case id, why)` for every failure.
    pub failures: Vec<(&'static str, String)>,
    /// Every skip, with its reason.
    pub skips: Vec<Skip>,
}

/// A skipped case in a [`Report`].
#[derive(Debug, Clone)]
pub struct Skip {
    /// The case id.
    pub id: &'static str,
    /// Why it is skipped (category: reason).
    pub reason: &'static str,
    /// Its outcome, when the skip list asks to run it anyway.
    pub ran: Option<Result<(), String>>,
}

/// Runs one case body; a panic is a failure, not an abort of the whole run.
fn outcome(body: CaseFn) -> Result<(), String> {
    match catch_unwind(AssertUnwindSafe(body)) {
        Ok(result) => result,
        Err(panic) => {
            let message = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "a non-string panic payload".to_string());
            Err(format!("panicked: {message}"))
        }
    }
}

/// Runs every case and counts the outcomes.
pub fn run_cases(cases: Vec<Case>) -> Report {
    let mut report = Report::default();
    for case in cases {
        match case.plan {
            Plan::Run(body) => match outcome(body) {
                Ok(()) => report.passed += 1,
                Err(why) => {
                    report.failed += 1;
                    report.failures.push((case.id, why));
                }
            },
            Plan::Skipped {
                reason,
                informational,
            } => {
                report.skipped += 1;
                report.skips.push(Skip {
                    id: case.id,
                    reason,
                    ran: informational.map(outcome),
                });
            }
            Plan::NotGenerated(why) => {
                report.failed += 1;
                report
                    .failures
                    .push((case.id, format!("not generated: {why}")));
            }
        }
    }
    report
}

impl Report {
    /// The totals line, then every failure and skip with its reason.
    pub fn render(&self, title: &str) -> String {
        let mut out = format!(
            "{title}: {} passed, {} failed, {} skipped\n",
            self.passed, self.failed, self.skipped
        );
        for (id, why) in &self.failures {
            let why = why.replace('\n', "\n        ");
            writeln!(out, "  FAILED  {id}: {why}").ok();
        }
        for Skip { id, reason, ran } in &self.skips {
            let ran = match ran {
                None => String::new(),
                Some(Ok(())) => " [run anyway: passes]".to_string(),
                Some(Err(why)) => {
                    format!(" [run anyway: fails: {}]", why.replace('\n', "\n        "))
                }
            };
            writeln!(out, "  skipped {id}: {reason}{ran}").ok();
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok() -> Result<(), String> {
        Ok(())
    }

    fn fails() -> Result<(), String> {
        Err("wrong".into())
    }

    fn panics() -> Result<(), String> {
        let empty: Vec<u8> = Vec::new();
        Err(format!("{}", empty[0]))
    }

    #[test]
    fn counts_and_reports_every_outcome() {
        let report = run_cases(vec![
            Case::run("A", ok),
            Case::run("B", fails),
            Case::run("C", panics),
            Case::not_generated("D", "unsupported"),
            Case::skipped("E", "checksum: deferred"),
            Case::skipped_but_run("F", "botocore-ignore-list: x", fails),
        ]);
        assert_eq!((report.passed, report.failed, report.skipped), (1, 3, 2));
        let text = report.render("t");
        assert!(text.starts_with("t: 1 passed, 3 failed, 2 skipped\n"));
        for line in [
            "FAILED  B: wrong",
            "FAILED  C: panicked",
            "FAILED  D: not generated: unsupported",
            "skipped E: checksum",
            "skipped F: botocore-ignore-list: x [run anyway: fails: wrong]",
        ] {
            assert!(text.contains(line), "{line} in {text}");
        }
    }
}
