//! Where a running cell's output goes. Implemented by the kernel (IOPub messages),
//! by `tessera run` and by the tests (capture). `Send + Sync` with `&self` methods,
//! so scheduler threads running user functions can print too.

use crate::display::MimeBundle;
use parking_lot::Mutex;

/// Which standard stream a piece of text belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StreamName {
    /// `sys.stdout` / `print`.
    Stdout,
    /// `sys.stderr` / warnings.
    Stderr,
}

/// Why `input()` could not read a line.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum InputError {
    /// The frontend does not accept input requests (`allow_stdin` false).
    #[error("raw_input was called, but this frontend does not support input requests.")]
    NotAllowed,
    /// The cell was interrupted while waiting.
    #[error("interrupted")]
    Interrupted,
    /// End of input.
    #[error("EOF when reading a line")]
    Eof,
}

/// The sink for everything a cell shows: streams, displays and input prompts.
pub trait Output: Send + Sync {
    /// Write text to stdout or stderr.
    fn stream(&self, name: StreamName, text: &str);
    /// Show a rich display; `update` replaces the earlier display with the same `display_id`.
    fn display(&self, bundle: MimeBundle, display_id: Option<&str>, update: bool);
    /// Clear the cell's output (`wait`: when the next output arrives).
    fn clear_output(&self, wait: bool);
    /// Ask the user for one line of input.
    fn input(&self, prompt: &str, password: bool) -> Result<String, InputError>;
}

/// One captured output event, in order.
#[derive(Clone, Debug, PartialEq)]
pub enum OutputEvent {
    /// Text on a stream.
    Stream(StreamName, String),
    /// A display (or its update).
    Display {
        /// The representations.
        bundle: MimeBundle,
        /// Transient display id, when given.
        display_id: Option<String>,
        /// Whether this updates an earlier display.
        update: bool,
    },
    /// A clear_output request.
    Clear {
        /// Deferred until the next output.
        wait: bool,
    },
}

/// An `Output` that records events, for tests and `tessera run`.
#[derive(Default)]
pub struct CapturedOutput {
    events: Mutex<Vec<OutputEvent>>,
    inputs: Mutex<Vec<String>>,
}

impl CapturedOutput {
    /// An empty capture whose `input()` answers with EOF.
    pub fn new() -> Self {
        Self::default()
    }

    /// A capture whose `input()` answers with these lines in order.
    pub fn with_inputs(lines: Vec<String>) -> Self {
        let mut rev = lines;
        rev.reverse();
        Self {
            events: Mutex::new(Vec::new()),
            inputs: Mutex::new(rev),
        }
    }

    /// Take the recorded events.
    pub fn take(&self) -> Vec<OutputEvent> {
        std::mem::take(&mut *self.events.lock())
    }

    /// All stdout text recorded so far, concatenated.
    pub fn stdout(&self) -> String {
        self.events
            .lock()
            .iter()
            .filter_map(|e| match e {
                OutputEvent::Stream(StreamName::Stdout, t) => Some(t.as_str()),
                _ => None,
            })
            .collect()
    }
}

impl Output for CapturedOutput {
    fn stream(&self, name: StreamName, text: &str) {
        let mut ev = self.events.lock();
        if let Some(OutputEvent::Stream(n, t)) = ev.last_mut() {
            if *n == name {
                t.push_str(text);
                return;
            }
        }
        ev.push(OutputEvent::Stream(name, text.to_string()));
    }

    fn display(&self, bundle: MimeBundle, display_id: Option<&str>, update: bool) {
        self.events.lock().push(OutputEvent::Display {
            bundle,
            display_id: display_id.map(str::to_string),
            update,
        });
    }

    fn clear_output(&self, wait: bool) {
        self.events.lock().push(OutputEvent::Clear { wait });
    }

    fn input(&self, prompt: &str, _password: bool) -> Result<String, InputError> {
        // Echo the prompt like a terminal does, so transcripts match CPython's.
        if !prompt.is_empty() {
            self.stream(StreamName::Stdout, prompt);
        }
        self.inputs.lock().pop().ok_or(InputError::Eof)
    }
}
