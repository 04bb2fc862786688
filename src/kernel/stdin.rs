//! `input()` over the stdin channel: send `input_request` routed to the client
//! that sent the execute request, then wait for its `input_reply`, waking on interrupt.

use super::wire;
use crate::lang::InputError;
use crate::sched::CancelToken;
use jupyter_protocol::JupyterMessage;
use parking_lot::Mutex;
use serde_json::json;
use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::time::Duration;
use tokio::sync::mpsc::UnboundedSender;

/// The execution thread's end of the stdin channel.
pub struct StdinBridge {
    requests: UnboundedSender<JupyterMessage>,
    replies: Mutex<Receiver<String>>,
}

impl StdinBridge {
    /// Wire a bridge from the stdin socket tasks' channels.
    pub fn new(requests: UnboundedSender<JupyterMessage>, replies: Receiver<String>) -> Self {
        Self {
            requests,
            replies: Mutex::new(replies),
        }
    }

    /// Ask the frontend for a line; blocks until answered or interrupted.
    pub fn request(
        &self,
        parent: &JupyterMessage,
        prompt: &str,
        password: bool,
        cancel: &CancelToken,
    ) -> Result<String, InputError> {
        let replies = self.replies.lock();
        while replies.try_recv().is_ok() {} // drop stale answers
        let msg = wire::message(
            "input_request",
            json!({ "prompt": prompt, "password": password }),
            Some(parent),
        );
        self.requests.send(msg).map_err(|_| InputError::Eof)?;
        loop {
            if cancel.is_cancelled() {
                return Err(InputError::Interrupted);
            }
            match replies.recv_timeout(Duration::from_millis(10)) {
                Ok(v) if v == "\u{4}" => return Err(InputError::Eof),
                Ok(v) => return Ok(v),
                Err(RecvTimeoutError::Timeout) => continue,
                Err(RecvTimeoutError::Disconnected) => return Err(InputError::Eof),
            }
        }
    }
}
