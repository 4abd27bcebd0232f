//! A `tracing` subscriber for tests: writes every span (with its fields and
//! later records) and every event, at every level, into one string.

use std::error::Error as StdError;
use std::fmt::{self, Write as _};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, OnceLock};

use tracing::field::{Field, Visit};
use tracing::level_filters::LevelFilter;
use tracing::span::{Attributes, Id, Record};
use tracing::{Event, Metadata, Subscriber};

/// A `tracing` subscriber that writes every span (its fields and later
/// records) and every event, at every level, into one string.
struct Capture {
    out: Arc<Mutex<String>>,
    next_id: AtomicU64,
}

struct Fields<'a>(&'a mut String);

impl Visit for Fields<'_> {
    fn record_str(&mut self, field: &Field, value: &str) {
        let _ = write!(self.0, " {}={value}", field.name());
    }

    fn record_error(&mut self, field: &Field, value: &(dyn StdError + 'static)) {
        let _ = write!(self.0, " {}={value}", field.name());
        let mut source = value.source();
        while let Some(s) = source {
            let _ = write!(self.0, ": {s} ({s:?})");
            source = s.source();
        }
    }

    fn record_debug(&mut self, field: &Field, value: &dyn fmt::Debug) {
        let _ = write!(self.0, " {}={value:?}", field.name());
    }
}

impl Capture {
    fn write(&self, what: &str, metadata: &Metadata<'_>, fields: impl FnOnce(&mut Fields<'_>)) {
        let mut out = self.out.lock().unwrap_or_else(|p| p.into_inner());
        let _ = write!(
            out,
            "{what} {} {} {}:",
            metadata.level(),
            metadata.target(),
            metadata.name()
        );
        fields(&mut Fields(&mut out));
        out.push('\n');
    }
}

impl Subscriber for Capture {
    fn enabled(&self, _: &Metadata<'_>) -> bool {
        true
    }

    fn max_level_hint(&self) -> Option<LevelFilter> {
        Some(LevelFilter::TRACE)
    }

    fn new_span(&self, span: &Attributes<'_>) -> Id {
        self.write("span", span.metadata(), |f| span.record(f));
        Id::from_u64(self.next_id.fetch_add(1, Ordering::Relaxed))
    }

    fn record(&self, _: &Id, values: &Record<'_>) {
        let mut out = self.out.lock().unwrap_or_else(|p| p.into_inner());
        out.push_str("record:");
        values.record(&mut Fields(&mut out));
        out.push('\n');
    }

    fn record_follows_from(&self, _: &Id, _: &Id) {}

    fn event(&self, event: &Event<'_>) {
        self.write("event", event.metadata(), |f| event.record(f));
    }

    fn enter(&self, _: &Id) {}

    fn exit(&self, _: &Id) {}
}

/// The process-wide capture, installed once for every test in this file.
pub(crate) fn logs() -> &'static Arc<Mutex<String>> {
    static LOGS: OnceLock<Arc<Mutex<String>>> = OnceLock::new();
    LOGS.get_or_init(|| {
        let out = Arc::new(Mutex::new(String::new()));
        tracing::subscriber::set_global_default(Capture {
            out: out.clone(),
            next_id: AtomicU64::new(1),
        })
        .expect("no other subscriber in this test binary");
        out
    })
}
