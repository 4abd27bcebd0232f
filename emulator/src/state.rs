//! What every connection of one emulator shares.

use std::sync::atomic::{AtomicI64, AtomicU64, Ordering};
use std::sync::{Mutex, MutexGuard};
use std::time::SystemTime;

use crate::config::EmulatorConfig;
use crate::fault::Faults;
use crate::model::Model;
use crate::rng::Rng;
use crate::store::Store;

/// The emulator's state, behind one `Arc`.
#[derive(Debug)]
pub(crate) struct Shared {
    pub(crate) config: EmulatorConfig,
    pub(crate) model: Model,
    pub(crate) faults: Faults,
    store: Mutex<Store>,
    rng: Mutex<Rng>,
    request_ids: Mutex<Rng>,
    requests: AtomicU64,
    clock_offset_ms: AtomicI64,
    /// Keys pagination tokens so clients cannot forge them.
    pub(crate) token_key: u64,
}

// Distinct streams per purpose, so that injecting a fault does not change
// the ids a later request gets.
const FAULT_STREAM: u64 = 0x6661_756c_7473;
const TOKEN_STREAM: u64 = 0x746f_6b65_6e73;
const REQUEST_ID_STREAM: u64 = 0x7265_7169_6473;

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    // Every critical section leaves the data consistent, so a panic
    // elsewhere (a bug) must not take the whole emulator down with it.
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

impl Shared {
    pub(crate) fn new(config: EmulatorConfig, model: Model) -> Shared {
        let faults = Faults::new(config.seed ^ FAULT_STREAM);
        faults.set_rate(config.fault_rate);
        let token_key = Rng::new(config.seed ^ TOKEN_STREAM).next_u64();
        Shared {
            rng: Mutex::new(Rng::new(config.seed)),
            request_ids: Mutex::new(Rng::new(config.seed ^ REQUEST_ID_STREAM)),
            config,
            model,
            faults,
            store: Mutex::new(Store::default()),
            requests: AtomicU64::new(0),
            clock_offset_ms: AtomicI64::new(0),
            token_key,
        }
    }

    /// The emulator's clock: the configured time source plus the offset.
    pub(crate) fn now(&self) -> SystemTime {
        crate::date::shift(
            self.config.time_source.now(),
            self.clock_offset_ms.load(Ordering::Relaxed),
        )
    }

    pub(crate) fn set_clock_offset_ms(&self, offset_ms: i64) {
        self.clock_offset_ms.store(offset_ms, Ordering::Relaxed);
    }

    pub(crate) fn store(&self) -> MutexGuard<'_, Store> {
        lock(&self.store)
    }

    pub(crate) fn rng(&self) -> MutexGuard<'_, Rng> {
        lock(&self.rng)
    }

    /// A fresh `x-amzn-RequestId` (its own random stream, so request ids do
    /// not shift the profile ids a seed gives).
    pub(crate) fn request_id(&self) -> String {
        lock(&self.request_ids).uuid()
    }

    pub(crate) fn count_request(&self) {
        self.requests.fetch_add(1, Ordering::Relaxed);
    }

    pub(crate) fn requests(&self) -> u64 {
        self.requests.load(Ordering::Relaxed)
    }
}
