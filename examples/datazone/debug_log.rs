//! `--debug`: the client's tracing events on stderr, one line each.
//!
// A dozen lines of Subscriber instead of a dependency on
// tracing-subscriber: the example needs no filtering, spans or formatting
// options, only "print every event at debug level or above".

use std::sync::atomic::{AtomicU64, Ordering};

use awsop::runtime::text::Escaped;
use tracing::field::{Field, Visit};
use tracing::span::{Attributes, Id, Record};
use tracing::{Event, Level, Metadata, Subscriber};

/// Prints events at `DEBUG` and above to stderr.
#[derive(Debug, Default)]
struct StderrDebug {
    next_span: AtomicU64,
}

/// Installs the stderr logger for the whole process. Installing it twice
/// (tests run the CLI repeatedly) keeps the first.
pub(crate) fn install() {
    let _ = tracing::subscriber::set_global_default(StderrDebug::default());
}

impl Subscriber for StderrDebug {
    fn enabled(&self, metadata: &Metadata<'_>) -> bool {
        // Levels compare by verbosity: DEBUG and everything less chatty.
        *metadata.level() <= Level::DEBUG
    }

    fn new_span(&self, _: &Attributes<'_>) -> Id {
        Id::from_u64(self.next_span.fetch_add(1, Ordering::Relaxed) + 1)
    }

    fn record(&self, _: &Id, _: &Record<'_>) {}

    fn record_follows_from(&self, _: &Id, _: &Id) {}

    fn event(&self, event: &Event<'_>) {
        let mut line = Line(String::new());
        event.record(&mut line);
        let metadata = event.metadata();
        eprintln!("{} {}:{}", metadata.level(), metadata.target(), line.0);
    }

    fn enter(&self, _: &Id) {}

    fn exit(&self, _: &Id) {}
}

/// The event's message, then its other fields as `name=value`.
///
/// Every value is escaped: fields recorded with `%` print through their
/// `Display`, which for a server's error code or a config file's section
/// name could hold ESC or `\r` (rewriting the terminal, forging log lines).
struct Line(String);

impl Visit for Line {
    fn record_debug(&mut self, field: &Field, value: &dyn std::fmt::Debug) {
        use std::fmt::Write as _;
        let text = format!("{value:?}");
        let text = Escaped(&text);
        let _ = if field.name() == "message" {
            write!(self.0, " {text}")
        } else {
            write!(self.0, " {}={text}", field.name())
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Records one event's fields through `Line`.
    struct Once(std::sync::Mutex<String>);

    impl Subscriber for Once {
        fn enabled(&self, _: &Metadata<'_>) -> bool {
            true
        }
        fn new_span(&self, _: &Attributes<'_>) -> Id {
            Id::from_u64(1)
        }
        fn record(&self, _: &Id, _: &Record<'_>) {}
        fn record_follows_from(&self, _: &Id, _: &Id) {}
        fn event(&self, event: &Event<'_>) {
            let mut line = Line(String::new());
            event.record(&mut line);
            *self.0.lock().unwrap() = line.0;
        }
        fn enter(&self, _: &Id) {}
        fn exit(&self, _: &Id) {}
    }

    #[test]
    fn fields_from_outside_are_escaped() {
        let once = std::sync::Arc::new(Once(std::sync::Mutex::new(String::new())));
        let dispatch = tracing::Dispatch::from(once.clone());
        tracing::dispatcher::with_default(&dispatch, || {
            let code = "Bad\u{1b}[2JCode";
            let section = "dev\r\nINFO forged";
            tracing::warn!(code = %code, "section `{section}` ignored");
        });
        let line = once.0.lock().unwrap().clone();
        assert!(
            !line.contains('\u{1b}') && !line.contains('\r') && !line.contains('\n'),
            "{line:?}"
        );
        assert!(line.contains("code=Bad\\u{1b}[2JCode"), "{line}");
        assert!(line.contains("dev\\r\\nINFO forged"), "{line}");
    }
}
