//! A mock's rules, kept per operation type, and the hook a mock client's
//! attempts go through.

use std::any::{Any, TypeId};
use std::fmt::{self, Debug};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use awsop_runtime::http::HttpRequest;
use awsop_runtime::mock_hook::AttemptHook;
use awsop_runtime::operation::{Operation, OperationMetadata};

use super::rule::{lock, RuleState};

/// Every rule of one mock, by operation type, in the order they were set up.
#[derive(Default)]
pub(crate) struct Registry {
    strict: AtomicBool,
    operations: Mutex<Vec<(TypeId, Arc<dyn Rules>)>>,
}

/// The rules of one operation type, behind its type.
trait Rules: Send + Sync {
    fn as_any(&self) -> &dyn Any;
    fn name(&self) -> &'static str;
    fn count(&self) -> usize;
    fn answer(&self, operation: &dyn Any) -> Result<Box<dyn Any + Send>, String>;
    fn leftovers(&self, out: &mut Vec<String>);
}

struct OperationRules<O: Operation> {
    rules: Mutex<Vec<Arc<Mutex<RuleState<O>>>>>,
    /// Every input a rule answered, in order.
    calls: Mutex<Vec<O>>,
    // Captured where the rules were set up, which asks for `Clone + Debug`:
    // the hook only knows `O: Operation`.
    clone: fn(&O) -> O,
    show: fn(&O) -> String,
}

impl Registry {
    pub(super) fn set_strict(&self) {
        self.strict.store(true, Ordering::Relaxed);
    }

    fn find(&self, operation: TypeId) -> Option<Arc<dyn Rules>> {
        lock(&self.operations)
            .iter()
            .find(|(id, _)| *id == operation)
            .map(|(_, rules)| Arc::clone(rules))
    }

    fn rules_of<O: Operation>(&self) -> Option<Arc<dyn Rules>> {
        self.find(TypeId::of::<O>())
    }

    pub(super) fn register<O: Operation + Clone + Debug>(&self, rule: Arc<Mutex<RuleState<O>>>) {
        let rules = {
            let mut operations = lock(&self.operations);
            match operations.iter().find(|(id, _)| *id == TypeId::of::<O>()) {
                Some((_, rules)) => Arc::clone(rules),
                None => {
                    let rules: Arc<dyn Rules> = Arc::new(OperationRules::<O> {
                        rules: Mutex::new(Vec::new()),
                        calls: Mutex::new(Vec::new()),
                        clone: O::clone,
                        show: |input| format!("{input:?}"),
                    });
                    operations.push((TypeId::of::<O>(), Arc::clone(&rules)));
                    rules
                }
            }
        };
        if let Some(rules) = rules.as_any().downcast_ref::<OperationRules<O>>() {
            lock(&rules.rules).push(rule);
        }
    }

    pub(super) fn calls<O: Operation + Clone>(&self) -> Vec<O> {
        self.rules_of::<O>()
            .and_then(|rules| {
                let rules = rules.as_any().downcast_ref::<OperationRules<O>>()?;
                Some(lock(&rules.calls).clone())
            })
            .unwrap_or_default()
    }

    pub(super) fn leftovers(&self) -> Vec<String> {
        let operations: Vec<Arc<dyn Rules>> = lock(&self.operations)
            .iter()
            .map(|(_, rules)| Arc::clone(rules))
            .collect();
        let mut out = Vec::new();
        for rules in operations {
            rules.leftovers(&mut out);
        }
        out
    }
}

impl AttemptHook for Registry {
    fn answer(
        &self,
        operation: &dyn Any,
        metadata: &OperationMetadata,
        request: &HttpRequest,
    ) -> Result<Box<dyn Any + Send>, String> {
        let answer = match self.find(operation.type_id()) {
            Some(rules) => rules.answer(operation),
            None => Err(unregistered(metadata, request)),
        };
        match answer {
            Err(why) if self.strict.load(Ordering::Relaxed) => panic!("{why}"),
            answer => answer,
        }
    }
}

/// Why a call of an operation no rule was set up for has no answer. Its
/// input has no known `Debug` here, so the request it serialized to shows
/// what was asked.
fn unregistered(metadata: &OperationMetadata, request: &HttpRequest) -> String {
    let mut why = format!(
        "the mock has no rule for {service} {name} (set one up with mock.on::<{name}>()); \
         the call was {method} {uri}",
        service = metadata.service_id,
        name = metadata.name,
        method = request.method,
        uri = request.uri,
    );
    if !request.body.is_empty() {
        const SHOWN: usize = 500;
        let body = String::from_utf8_lossy(&request.body[..request.body.len().min(SHOWN)]);
        why.push_str(" with the body ");
        why.push_str(&awsop_runtime::text::escape(&body));
        if request.body.len() > SHOWN {
            why.push_str("...");
        }
    }
    why
}

impl<O: Operation> Rules for OperationRules<O> {
    fn as_any(&self) -> &dyn Any {
        self
    }

    fn name(&self) -> &'static str {
        O::METADATA.name
    }

    fn count(&self) -> usize {
        lock(&self.rules).len()
    }

    fn answer(&self, operation: &dyn Any) -> Result<Box<dyn Any + Send>, String> {
        let Some(input) = operation.downcast_ref::<O>() else {
            return Err(format!(
                "the mock's rules for {} got another type",
                self.name()
            ));
        };
        let rules = lock(&self.rules).clone();
        let mut declined = Vec::with_capacity(rules.len());
        for rule in &rules {
            // The matcher is the test's code: it runs with no lock held.
            let (matcher, at) = {
                let state = lock(rule);
                (state.matcher.clone(), state.at)
            };
            if matcher.is_some_and(|matches| !matches(input)) {
                declined.push(format!("the rule set up at {at} does not match it"));
                continue;
            }
            let mut state = lock(rule);
            let Some(respond) = state.take() else {
                declined.push(format!(
                    "the rule set up at {at} matches it, but {}",
                    state.used_up()
                ));
                continue;
            };
            state.calls.push((self.clone)(input));
            drop(state);
            lock(&self.calls).push((self.clone)(input));
            return Ok(Box::new(respond(input)));
        }
        Err(format!(
            "no mock rule answers this {} {} call: {}\n  {}",
            O::METADATA.service_id,
            self.name(),
            (self.show)(input),
            declined.join("\n  "),
        ))
    }

    fn leftovers(&self, out: &mut Vec<String>) {
        for rule in lock(&self.rules).iter() {
            let state = lock(rule);
            out.extend(
                state
                    .leftovers()
                    .map(|answer| format!("{}: {answer}", self.name())),
            );
        }
    }
}

impl Debug for Registry {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let operations = lock(&self.operations);
        let mut map = f.debug_map();
        for (_, rules) in operations.iter() {
            map.entry(&rules.name(), &rules.count());
        }
        map.finish()
    }
}
