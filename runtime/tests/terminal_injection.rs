//! Issue 17, attack 8: control characters from config files reached
//! `tracing` output raw (a section name with ESC rewrites the terminal, one
//! with `\r` forges a log line). Everything the runtime logs or puts in an
//! error about such text is escaped.

use std::fmt::Write as _;
use std::sync::{Arc, Mutex};

use awsop_runtime::profile::ProfileSet;
use tracing::field::{Field, Visit};
use tracing::span::{Attributes, Id, Record};
use tracing::{Event, Metadata, Subscriber};

/// Writes every event's fields raw, as a naive log formatter would.
struct Raw(Arc<Mutex<String>>);

struct Fields<'a>(&'a mut String);

impl Visit for Fields<'_> {
    fn record_str(&mut self, field: &Field, value: &str) {
        let _ = write!(self.0, " {}={value}", field.name());
    }

    fn record_debug(&mut self, field: &Field, value: &dyn std::fmt::Debug) {
        let _ = write!(self.0, " {}={value:?}", field.name());
    }
}

impl Subscriber for Raw {
    fn enabled(&self, _: &Metadata<'_>) -> bool {
        true
    }
    fn new_span(&self, _: &Attributes<'_>) -> Id {
        Id::from_u64(1)
    }
    fn record(&self, _: &Id, _: &Record<'_>) {}
    fn record_follows_from(&self, _: &Id, _: &Id) {}
    fn event(&self, event: &Event<'_>) {
        let mut out = self.0.lock().unwrap();
        event.record(&mut Fields(&mut out));
        out.push('\n');
    }
    fn enter(&self, _: &Id) {}
    fn exit(&self, _: &Id) {}
}

fn logged(work: impl FnOnce()) -> String {
    let out = Arc::new(Mutex::new(String::new()));
    tracing::subscriber::with_default(Raw(out.clone()), work);
    let text = out.lock().unwrap().clone();
    text
}

#[test]
fn a_section_name_with_esc_and_cr_is_logged_escaped() {
    let config = "[profile ok]\nregion = us-east-1\n\
                  [profile evil\u{1b}[8m\u{7}\rINFO forged]\nregion = x\n\
                  [bogus\u{1b}[2J name]\nregion = y\n\
                  [unprefixed\u{1b}[31m]\nregion = z\n";
    let credentials = "[prefix\u{1b}[1m x]\naws_access_key_id = A\n";
    let log = logged(|| {
        let set = ProfileSet::parse(config, credentials, "ok").unwrap();
        assert_eq!(set.get("region"), Some("us-east-1"));
    });
    assert!(log.lines().count() >= 4, "{log}");
    for raw in ['\u{1b}', '\r', '\u{7}'] {
        assert!(!log.contains(raw), "raw {raw:?} in {log:?}");
    }
    assert!(log.contains("evil\\u{1b}[8m\\u{7}\\rINFO forged"), "{log}");
    assert!(log.contains("bogus\\u{1b}[2J"), "{log}");
    assert!(log.contains("prefix\\u{1b}[1m"), "{log}");
}
