//! The IOPub publisher: one actor task owns the XPUB socket, so every producer's
//! messages go out in the order they were queued; each new subscriber gets
//! `iopub_welcome` (JEP 65).

use super::wire;
use bytes::Bytes;
use jupyter_protocol::JupyterMessage;
use jupyter_zmq_client::{KernelIoPubXPubConnection, SubscriptionEvent};
use serde_json::{json, Value};
use tokio::sync::mpsc;

/// A clonable handle that queues messages for IOPub.
#[derive(Clone)]
pub struct IopubSender {
    tx: mpsc::UnboundedSender<JupyterMessage>,
    kernel_id: String,
}

impl IopubSender {
    /// Publish `msg_type` with `content` as a child of `parent`.
    pub fn publish(&self, msg_type: &str, content: Value, parent: Option<&JupyterMessage>) {
        let mut msg = wire::message(msg_type, content, parent);
        // Routing ids of the shell request must not leak into IOPub topics.
        let topic = format!("kernel.{}.{}", self.kernel_id, msg_type);
        msg.zmq_identities = vec![Bytes::from(topic.into_bytes())];
        let _ = self.tx.send(msg);
    }

    /// A sender feeding a plain channel (for tests of the layers that publish).
    #[cfg(test)]
    pub fn for_test(tx: mpsc::UnboundedSender<JupyterMessage>) -> Self {
        Self {
            tx,
            kernel_id: "test".into(),
        }
    }

    /// Publish `status: busy|idle|starting`.
    pub fn status(&self, state: &str, parent: Option<&JupyterMessage>) {
        self.publish("status", json!({ "execution_state": state }), parent);
    }
}

/// Start the actor; returns the handle and a future to spawn.
pub fn start(
    mut conn: KernelIoPubXPubConnection,
    kernel_id: String,
) -> (IopubSender, impl std::future::Future<Output = ()>) {
    let (tx, mut rx) = mpsc::unbounded_channel::<JupyterMessage>();
    let sender = IopubSender {
        tx,
        kernel_id: kernel_id.clone(),
    };
    let actor = async move {
        loop {
            tokio::select! {
                biased;
                sub = conn.recv_subscription() => {
                    if let Ok(SubscriptionEvent::Subscribe(topic)) = sub {
                        let mut welcome = wire::message("iopub_welcome", json!({ "subscription": topic }), None);
                        welcome.zmq_identities = vec![Bytes::from(topic.into_bytes())];
                        let _ = conn.send(welcome).await;
                    }
                }
                msg = rx.recv() => match msg {
                    Some(m) => {
                        if let Err(e) = conn.send(m).await {
                            log(&format!("iopub send failed: {e}"));
                        }
                    }
                    None => break,
                },
            }
        }
    };
    (sender, actor)
}

/// Log to the kernel's stderr (visible in the Jupyter server's log, never in a cell).
pub fn log(line: &str) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr(), "[tessera] {line}");
}
