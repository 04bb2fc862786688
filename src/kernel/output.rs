//! `lang::Output` for a running execute request: streams are batched (flushed
//! every 50 ms by the flusher thread, before any other output, and before the
//! reply), displays and clears go straight to IOPub, `input()` goes to stdin.

use super::iopub::IopubSender;
use super::stdin::StdinBridge;
use crate::display::MimeBundle;
use crate::lang::{InputError, Output, StreamName};
use crate::sched::CancelToken;
use jupyter_protocol::JupyterMessage;
use parking_lot::Mutex;
use serde_json::{json, Map, Value};
use std::sync::Arc;
use std::time::Duration;

/// Flush a buffered stream once it holds this many bytes.
const FLUSH_BYTES: usize = 64 * 1024;

/// Output of one execute request, parented to it.
pub struct CellOutput {
    iopub: IopubSender,
    parent: JupyterMessage,
    buffer: Mutex<Option<(StreamName, String)>>,
    stdin: Option<Arc<StdinBridge>>,
    cancel: CancelToken,
}

impl CellOutput {
    /// Output for `parent`; `stdin` is `None` when the request disallows input.
    pub fn new(
        iopub: IopubSender,
        parent: JupyterMessage,
        stdin: Option<Arc<StdinBridge>>,
        cancel: CancelToken,
    ) -> Self {
        Self {
            iopub,
            parent,
            buffer: Mutex::new(None),
            stdin,
            cancel,
        }
    }

    /// Send buffered stream text now.
    pub fn flush(&self) {
        let mut buf = self.buffer.lock();
        self.flush_locked(&mut buf);
    }

    fn flush_locked(&self, buf: &mut Option<(StreamName, String)>) {
        if let Some((name, text)) = buf.take() {
            let name = match name {
                StreamName::Stdout => "stdout",
                StreamName::Stderr => "stderr",
            };
            self.iopub.publish(
                "stream",
                json!({ "name": name, "text": text }),
                Some(&self.parent),
            );
        }
    }

    /// Publish a message after flushing streams, keeping order.
    pub fn publish(&self, msg_type: &str, content: Value) {
        let mut buf = self.buffer.lock();
        self.flush_locked(&mut buf);
        self.iopub.publish(msg_type, content, Some(&self.parent));
    }
}

/// A MIME bundle as a Jupyter `data` object.
pub fn bundle_json(bundle: &MimeBundle) -> Value {
    let mut m = Map::new();
    for (k, v) in &bundle.data {
        let value = if k == "application/json" || k.ends_with("+json") {
            serde_json::from_str(v).unwrap_or_else(|_| Value::String(v.clone()))
        } else {
            Value::String(v.clone())
        };
        m.insert(k.clone(), value);
    }
    Value::Object(m)
}

impl Output for CellOutput {
    fn stream(&self, name: StreamName, text: &str) {
        let mut buf = self.buffer.lock();
        if matches!(&*buf, Some((n, _)) if *n != name) {
            self.flush_locked(&mut buf);
        }
        match &mut *buf {
            Some((_, t)) => t.push_str(text),
            None => *buf = Some((name, text.to_string())),
        }
        if buf.as_ref().is_some_and(|(_, t)| t.len() >= FLUSH_BYTES) {
            self.flush_locked(&mut buf);
        }
    }

    fn display(&self, bundle: MimeBundle, display_id: Option<&str>, update: bool) {
        let transient = match display_id {
            Some(id) => json!({ "display_id": id }),
            None => json!({}),
        };
        let msg_type = if update && display_id.is_some() {
            "update_display_data"
        } else {
            "display_data"
        };
        self.publish(
            msg_type,
            json!({ "data": bundle_json(&bundle), "metadata": {}, "transient": transient }),
        );
    }

    fn clear_output(&self, wait: bool) {
        self.publish("clear_output", json!({ "wait": wait }));
    }

    fn input(&self, prompt: &str, password: bool) -> Result<String, InputError> {
        let stdin = self.stdin.as_ref().ok_or(InputError::NotAllowed)?;
        self.flush();
        stdin.request(&self.parent, prompt, password, &self.cancel)
    }
}

/// The slot the flusher thread watches: the output of the running cell, if any.
pub type CurrentOutput = Arc<Mutex<Option<Arc<CellOutput>>>>;

/// Flush the running cell's streams every 50 ms so long cells show progress.
pub fn spawn_flusher(current: CurrentOutput) {
    std::thread::Builder::new()
        .name("tessera-flush".into())
        .spawn(move || loop {
            std::thread::sleep(Duration::from_millis(50));
            let out = current.lock().clone();
            if let Some(out) = out {
                out.flush();
            }
        })
        .expect("spawn flusher thread");
}
