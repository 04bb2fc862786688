//! Dispatch tests: requests in, replies and IOPub messages out, no sockets.

use super::executor::Executor;
use super::iopub::IopubSender;
use super::stdin::StdinBridge;
use super::wire::{self, Incoming};
use crate::session::Session;
use jupyter_protocol::JupyterMessage;
use serde_json::{json, Value};
use std::sync::Arc;
use tokio::sync::mpsc::{unbounded_channel, UnboundedReceiver};

struct Harness {
    requests: std::sync::mpsc::Sender<Incoming>,
    iopub: UnboundedReceiver<JupyterMessage>,
    replies: UnboundedReceiver<JupyterMessage>,
    thread: Option<std::thread::JoinHandle<()>>,
}

fn harness() -> Harness {
    let (io_tx, io_rx) = unbounded_channel();
    let (rep_tx, rep_rx) = unbounded_channel();
    let (stdin_tx, _stdin_rx) = unbounded_channel();
    let (_reply_tx, reply_rx) = std::sync::mpsc::channel();
    let bridge = Arc::new(StdinBridge::new(stdin_tx, reply_rx));
    let exec = Executor::new(
        Session::new(),
        IopubSender::for_test(io_tx),
        rep_tx,
        bridge,
        Arc::default(),
    );
    let (req_tx, req_rx) = std::sync::mpsc::channel();
    let thread = std::thread::spawn(move || exec.run(req_rx));
    Harness {
        requests: req_tx,
        iopub: io_rx,
        replies: rep_rx,
        thread: Some(thread),
    }
}

fn request(msg_type: &str, content: Value) -> Incoming {
    let msg = wire::message(msg_type, content.clone(), None);
    Incoming {
        msg,
        msg_type: msg_type.into(),
        content,
        received: std::time::Instant::now(),
    }
}

fn content(m: &JupyterMessage) -> Value {
    serde_json::to_value(&m.content).unwrap()
}

impl Harness {
    fn finish(mut self) -> (Vec<JupyterMessage>, Vec<JupyterMessage>) {
        drop(self.requests);
        self.thread.take().unwrap().join().unwrap();
        let mut io = Vec::new();
        while let Ok(m) = self.iopub.try_recv() {
            io.push(m);
        }
        let mut rep = Vec::new();
        while let Ok(m) = self.replies.try_recv() {
            rep.push(m);
        }
        (io, rep)
    }
}

#[test]
fn every_request_is_framed_by_busy_and_idle() {
    let h = harness();
    let reqs = [
        request("kernel_info_request", json!({})),
        request(
            "history_request",
            json!({"hist_access_type": "tail", "n": 3}),
        ),
        request("comm_info_request", json!({})),
        request("no_such_request", json!({})),
    ];
    for r in &reqs {
        h.requests.send(r.clone()).unwrap();
    }
    let (io, rep) = h.finish();
    assert_eq!(io.len(), 8);
    for (i, r) in reqs.iter().enumerate() {
        let (busy, idle) = (&io[2 * i], &io[2 * i + 1]);
        assert_eq!(content(busy)["execution_state"], "busy");
        assert_eq!(content(idle)["execution_state"], "idle");
        assert_eq!(
            busy.parent_header.as_ref().unwrap().msg_id,
            r.msg.header.msg_id
        );
    }
    let types: Vec<_> = rep.iter().map(|m| m.header.msg_type.clone()).collect();
    assert_eq!(
        types,
        ["kernel_info_reply", "history_reply", "comm_info_reply"]
    );
    assert_eq!(content(&rep[0])["language_info"]["name"], "tessera");
    assert_eq!(content(&rep[1])["history"], json!([]));
}

#[test]
fn failing_cell_reports_error_and_aborts_queued_cells() {
    let h = harness();
    let first = request("execute_request", json!({"code": "undefined_name"}));
    let second = request("execute_request", json!({"code": "1"}));
    h.requests.send(first).unwrap();
    h.requests.send(second).unwrap();
    let (io, rep) = h.finish();
    assert_eq!(content(&rep[0])["status"], "error");
    assert_eq!(content(&rep[0])["execution_count"], 1);
    assert!(content(&rep[0])["traceback"].is_array());
    assert_eq!(content(&rep[1])["status"], "aborted");
    let types: Vec<_> = io.iter().map(|m| m.header.msg_type.as_str()).collect();
    assert_eq!(types[..3], ["status", "execute_input", "error"]);
    assert_eq!(types.last(), Some(&"status"));
}

#[test]
fn silent_cells_do_not_count_or_echo() {
    let h = harness();
    h.requests
        .send(request(
            "execute_request",
            json!({"code": "x = 1", "silent": true}),
        ))
        .unwrap();
    let (io, rep) = h.finish();
    assert_eq!(content(&rep[0])["execution_count"], 0);
    assert!(io.iter().all(|m| m.header.msg_type != "execute_input"));
}

#[test]
fn a_cell_received_after_the_error_reply_runs() {
    // Interrupted (or failed) cells abort what was queued behind them, never
    // what the client sent after seeing the error: here the next cell is
    // received the moment the error reply is out, inside the abort window.
    let mut h = harness();
    for round in 0..20 {
        let failing = request("execute_request", json!({"code": "1/0"}));
        h.requests.send(failing).unwrap();
        let rep = h.replies.blocking_recv().expect("error reply");
        assert_eq!(content(&rep)["status"], "error", "round {round}");
        let next = request("execute_request", json!({"code": "2 + 2"}));
        h.requests.send(next).unwrap();
        let rep = h.replies.blocking_recv().expect("second reply");
        assert_eq!(content(&rep)["status"], "ok", "round {round}");
    }
    drop(h.finish());
}
