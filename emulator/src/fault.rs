//! Failures injected on demand, so clients' retries, timeouts and
//! exactly-once behaviour can be tested against a real socket.

use std::collections::VecDeque;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;
use std::time::Duration;

use crate::rng::Rng;

/// One injected failure. All but the `*AfterProcessing` kinds strike before
/// the request is processed, so nothing is created or changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Fault {
    /// `500 InternalServerException`.
    Status500,
    /// `503 ServiceUnavailableException`.
    Status503,
    /// `429 ThrottlingException`.
    Status429,
    /// The connection is reset (TCP RST) instead of answered.
    Reset,
    /// The answer comes this much later (the request is then served normally).
    Delay(Duration),
    /// A `500 InternalServerException` whose body stops halfway: the
    /// `Content-Length` promises more bytes than are sent before the
    /// connection closes.
    Truncated,
    /// The request is processed (a profile may be created), then the
    /// connection is reset before the answer.
    ResetAfterProcessing,
    /// The request is processed, then its answer is cut halfway and the
    /// connection closed.
    TruncatedAfterProcessing,
}

impl Fault {
    /// Whether the request is processed before the failure.
    pub fn after_processing(&self) -> bool {
        matches!(
            self,
            Fault::ResetAfterProcessing | Fault::TruncatedAfterProcessing
        )
    }
}

/// The fault plan of a running emulator: an explicit schedule, served
/// first, then random faults at a rate. Shared by all connections.
///
/// ```
/// use awsop_emulator::{Fault, Faults};
/// let faults = Faults::new(7);
/// faults.push_back(Fault::Status503);
/// assert_eq!(faults.pending(), 1);
/// faults.set_rate(0.25);
/// faults.clear();
/// assert_eq!(faults.pending(), 0);
/// ```
#[derive(Debug)]
pub struct Faults {
    state: Mutex<State>,
    injected: AtomicU64,
}

#[derive(Debug)]
struct State {
    schedule: VecDeque<Fault>,
    rate: f64,
    kinds: Vec<Fault>,
    rng: Rng,
}

/// The kinds random faults are drawn from unless told otherwise: the
/// transient failures a client must retry, none of which changes state.
pub const DEFAULT_RANDOM_FAULTS: [Fault; 4] = [
    Fault::Status500,
    Fault::Status503,
    Fault::Status429,
    Fault::Reset,
];

pub(crate) fn clamp_rate(rate: f64) -> f64 {
    if rate.is_nan() {
        0.0
    } else {
        rate.clamp(0.0, 1.0)
    }
}

impl Faults {
    /// An empty plan whose random draws follow `seed`.
    pub fn new(seed: u64) -> Faults {
        Faults {
            state: Mutex::new(State {
                schedule: VecDeque::new(),
                rate: 0.0,
                kinds: DEFAULT_RANDOM_FAULTS.to_vec(),
                rng: Rng::new(seed),
            }),
            injected: AtomicU64::new(0),
        }
    }

    fn state(&self) -> std::sync::MutexGuard<'_, State> {
        // A panic elsewhere cannot leave this state half-updated: recover it.
        self.state
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Schedules `fault` for the next request not already given one.
    pub fn push_back(&self, fault: Fault) {
        self.state().schedule.push_back(fault);
    }

    /// Schedules several faults, in order.
    pub fn extend(&self, faults: impl IntoIterator<Item = Fault>) {
        self.state().schedule.extend(faults);
    }

    /// Once the schedule is empty, each request meets a random fault with
    /// probability `rate` (clamped to 0..=1; NaN is 0).
    pub fn set_rate(&self, rate: f64) {
        self.state().rate = clamp_rate(rate);
    }

    /// The kinds random faults are drawn from (uniformly). An empty list
    /// restores [`DEFAULT_RANDOM_FAULTS`].
    pub fn set_random_kinds(&self, kinds: impl IntoIterator<Item = Fault>) {
        let kinds: Vec<Fault> = kinds.into_iter().collect();
        self.state().kinds = if kinds.is_empty() {
            DEFAULT_RANDOM_FAULTS.to_vec()
        } else {
            kinds
        };
    }

    /// Empties the schedule and stops random faults.
    pub fn clear(&self) {
        let mut state = self.state();
        state.schedule.clear();
        state.rate = 0.0;
    }

    /// Scheduled faults not yet injected.
    pub fn pending(&self) -> usize {
        self.state().schedule.len()
    }

    /// Faults injected so far.
    pub fn injected(&self) -> u64 {
        self.injected.load(Ordering::Relaxed)
    }

    /// The fault for the request now arriving, if any.
    pub(crate) fn next(&self) -> Option<Fault> {
        let mut state = self.state();
        let fault = match state.schedule.pop_front() {
            Some(fault) => Some(fault),
            None if state.rate > 0.0 => {
                let roll = state.rng.next_f64();
                if roll < state.rate {
                    let len = state.kinds.len();
                    let index = state.rng.below(len);
                    state.kinds.get(index).copied()
                } else {
                    None
                }
            }
            None => None,
        };
        if fault.is_some() {
            self.injected.fetch_add(1, Ordering::Relaxed);
        }
        fault
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schedule_first_then_nothing() {
        let faults = Faults::new(1);
        faults.extend([Fault::Status500, Fault::Reset]);
        assert_eq!(faults.next(), Some(Fault::Status500));
        assert_eq!(faults.next(), Some(Fault::Reset));
        assert_eq!(faults.next(), None);
        assert_eq!(faults.injected(), 2);
    }

    #[test]
    fn rate_is_deterministic_per_seed() {
        let draw = |seed| {
            let faults = Faults::new(seed);
            faults.set_rate(0.5);
            (0..64).map(|_| faults.next()).collect::<Vec<_>>()
        };
        assert_eq!(draw(9), draw(9));
        let hits = draw(9).iter().filter(|f| f.is_some()).count();
        assert!((16..=48).contains(&hits), "{hits}");
        assert!(draw(9)
            .iter()
            .flatten()
            .all(|f| DEFAULT_RANDOM_FAULTS.contains(f)));
    }

    #[test]
    fn rate_bounds() {
        let faults = Faults::new(2);
        faults.set_rate(f64::NAN);
        assert_eq!(faults.next(), None);
        faults.set_rate(7.0);
        faults.set_random_kinds([Fault::Status429]);
        assert_eq!(faults.next(), Some(Fault::Status429));
        faults.clear();
        assert_eq!(faults.next(), None);
    }
}
