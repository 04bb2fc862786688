//! The execution thread: owns the `Session`, handles shell requests in arrival
//! order (busy → work → reply → idle), numbers executions, keeps history, and
//! aborts queued cells after an error when `stop_on_error` asks for it.

use super::history::History;
use super::iopub::{log, IopubSender};
use super::output::{bundle_json, CellOutput, CurrentOutput};
use super::stdin::StdinBridge;
use super::wire::{self, bool_field, int_field, str_field, Incoming};
use crate::lang::PyException;
use crate::session::{CellOutcome, IsComplete, Payload, Session};
use jupyter_protocol::JupyterMessage;
use serde_json::{json, Map, Value};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::mpsc::Receiver;
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::sync::mpsc::UnboundedSender;

/// How long after an error we keep aborting execute requests that were already queued.
const ABORT_WINDOW: Duration = Duration::from_millis(30);

/// State of the execution thread.
pub struct Executor {
    session: Session,
    iopub: IopubSender,
    shell_replies: UnboundedSender<JupyterMessage>,
    stdin: Arc<StdinBridge>,
    current: CurrentOutput,
    history: History,
    execution_count: i64,
}

impl Executor {
    /// Assemble the executor; `session` is shared with nobody (the cancel token is).
    pub fn new(
        session: Session,
        iopub: IopubSender,
        shell_replies: UnboundedSender<JupyterMessage>,
        stdin: Arc<StdinBridge>,
        current: CurrentOutput,
    ) -> Self {
        Self {
            session,
            iopub,
            shell_replies,
            stdin,
            current,
            history: History::default(),
            execution_count: 0,
        }
    }

    /// Serve shell requests until the channel closes. A panic while handling a
    /// request (outside the cell, which the Session already guards) is logged,
    /// the request is closed with idle, and serving goes on.
    pub fn run(mut self, requests: Receiver<Incoming>) {
        while let Ok(req) = requests.recv() {
            let outcome = catch_unwind(AssertUnwindSafe(|| self.handle(&req, false)));
            match outcome {
                Ok(Some(failed_at)) => self.abort_queued(&requests, failed_at),
                Ok(None) => {}
                Err(panic) => {
                    log(&format!(
                        "internal error handling '{}': {}",
                        req.msg_type,
                        crate::session::panic_message(&panic)
                    ));
                    *self.current.lock() = None;
                    self.iopub.status("idle", Some(&req.msg));
                }
            }
        }
    }

    /// After a failed cell with stop_on_error: answer the execute requests that
    /// were queued before the failure was answered — already arrived, or
    /// stamped by their sender before the error reply — with `aborted`;
    /// anything sent later runs normally. The moment is taken just before the
    /// reply, so slow clean-up after the failure cannot abort a cell the
    /// client sent after seeing the error.
    fn abort_queued(
        &mut self,
        requests: &Receiver<Incoming>,
        failed_at: (Instant, chrono::DateTime<chrono::Utc>),
    ) {
        let mut failed_at = failed_at;
        loop {
            let req = match requests.recv_timeout(ABORT_WINDOW) {
                Ok(req) => req,
                Err(_) => return,
            };
            // Queued: it had arrived before the error reply, or its sender
            // stamped it before then (it may still have been in flight).
            let date = req.msg.header.date;
            let dated = date != chrono::DateTime::<chrono::Utc>::default();
            let queued_before = req.received < failed_at.0 || (dated && date < failed_at.1);
            if let Some(t) = self.handle(&req, queued_before) {
                failed_at = t;
            }
        }
    }

    /// Handle one request; returns when the failure was answered if it was a
    /// cell that failed with stop_on_error.
    fn handle(
        &mut self,
        req: &Incoming,
        aborting: bool,
    ) -> Option<(Instant, chrono::DateTime<chrono::Utc>)> {
        let parent = &req.msg;
        self.iopub.status("busy", Some(parent));
        let mut failed = None;
        match req.msg_type.as_str() {
            "execute_request" if aborting => {
                let content =
                    json!({ "status": "aborted", "execution_count": self.execution_count });
                self.reply(parent, "execute_reply", content);
            }
            "execute_request" => failed = self.execute(req),
            "kernel_info_request" => {
                self.reply(parent, "kernel_info_reply", super::info::kernel_info())
            }
            "complete_request" => self.complete(req),
            "inspect_request" => self.inspect(req),
            "is_complete_request" => self.is_complete(req),
            "history_request" => {
                let history = self.history.query(&req.content);
                self.reply(
                    parent,
                    "history_reply",
                    json!({ "status": "ok", "history": history }),
                );
            }
            "comm_info_request" => {
                self.reply(
                    parent,
                    "comm_info_reply",
                    json!({ "status": "ok", "comms": {} }),
                );
            }
            "comm_open" => {
                // No comm targets are registered: close the comm so the frontend knows.
                let id = str_field(&req.content, "comm_id", "").to_string();
                let target = str_field(&req.content, "target_name", "");
                log(&format!("no comm target '{target}': closing comm {id}"));
                self.iopub.publish(
                    "comm_close",
                    json!({ "comm_id": id, "data": {} }),
                    Some(parent),
                );
            }
            "comm_msg" | "comm_close" => {}
            other => log(&format!("ignoring unsupported shell request '{other}'")),
        }
        self.iopub.status("idle", Some(parent));
        failed
    }

    fn reply(&self, parent: &JupyterMessage, msg_type: &str, content: Value) {
        let status = content.get("status").cloned().unwrap_or(Value::Null);
        let msg = wire::message(msg_type, content, Some(parent)).with_metadata(json!({
            "status": status,
            "dependencies_met": true,
            "engine": "tessera",
            "started": chrono::Utc::now().to_rfc3339(),
        }));
        let _ = self.shell_replies.send(msg);
    }

    /// Run an execute request; if it failed and queued cells should be aborted,
    /// returns the moment just before the error reply went out.
    fn execute(&mut self, req: &Incoming) -> Option<(Instant, chrono::DateTime<chrono::Utc>)> {
        let c = &req.content;
        let code = str_field(c, "code", "").to_string();
        let silent = bool_field(c, "silent", false);
        let store_history = bool_field(c, "store_history", !silent) && !silent;
        let allow_stdin = bool_field(c, "allow_stdin", true);
        let stop_on_error = bool_field(c, "stop_on_error", true);
        if store_history {
            self.execution_count += 1;
        }
        let count = self.execution_count.max(1);
        let count_now = self.execution_count;
        if !silent {
            self.iopub.publish(
                "execute_input",
                json!({ "code": code, "execution_count": count_now }),
                Some(&req.msg),
            );
        }
        let out = Arc::new(CellOutput::new(
            self.iopub.clone(),
            req.msg.clone(),
            allow_stdin.then(|| self.stdin.clone()),
            self.session.cancel_token(),
        ));
        *self.current.lock() = Some(out.clone());
        crate::alloc::cell_started();
        let outcome = self
            .session
            .run_cell(&code, &format!("Cell In[{count}]"), out.clone());
        let mut result_text = None;
        let content = match outcome {
            CellOutcome::Ok { result, payload } => {
                if let Some(bundle) = result.filter(|_| !silent) {
                    result_text = Some(bundle.text().to_string());
                    out.publish(
                        "execute_result",
                        json!({ "execution_count": count_now, "data": bundle_json(&bundle), "metadata": {} }),
                    );
                }
                let user_expressions = self.user_expressions(c, out.clone());
                let payload: Vec<Value> = payload
                    .into_iter()
                    .map(|p| match p {
                        Payload::Page(b) => {
                            json!({ "source": "page", "data": bundle_json(&b), "start": 0 })
                        }
                    })
                    .collect();
                json!({
                    "status": "ok",
                    "execution_count": count_now,
                    "user_expressions": user_expressions,
                    "payload": payload,
                })
            }
            CellOutcome::Error(exc) => {
                if exc.ename == "UsageError" {
                    // IPython shows usage errors as one red stderr line, not a traceback.
                    use crate::lang::Output as _;
                    out.stream(
                        crate::lang::StreamName::Stderr,
                        &format!("UsageError: {}\n", exc.evalue),
                    );
                } else {
                    out.publish("error", error_json(&exc));
                }
                let mut content = error_json(&exc);
                let m = content.as_object_mut().expect("object");
                m.insert("status".into(), json!("error"));
                m.insert("execution_count".into(), json!(count_now));
                m.insert("user_expressions".into(), json!({}));
                m.insert("payload".into(), json!([]));
                content
            }
        };
        out.flush();
        *self.current.lock() = None;
        if store_history {
            self.history.push(count_now, &code, result_text);
        }
        let failed = (content["status"] == "error" && stop_on_error && !silent)
            .then(|| (Instant::now(), chrono::Utc::now()));
        self.reply(&req.msg, "execute_reply", content);
        // Give memory freed by the cell (a cancelled compute's chunks) back to
        // the system instead of keeping it in the allocator's free lists, once
        // no other cell follows within a second (back-to-back cells reuse it).
        crate::alloc::cell_finished();
        failed
    }

    fn user_expressions(&mut self, c: &Value, out: Arc<CellOutput>) -> Value {
        let mut results = Map::new();
        if let Some(exprs) = c.get("user_expressions").and_then(Value::as_object) {
            for (name, expr) in exprs {
                let code = expr.as_str().unwrap_or("");
                let r = match self.session.eval_expression(code, out.clone()) {
                    Ok(b) => json!({ "status": "ok", "data": bundle_json(&b), "metadata": {} }),
                    Err(e) => {
                        let mut v = error_json(&e);
                        v["status"] = json!("error");
                        v
                    }
                };
                results.insert(name.clone(), r);
            }
        }
        Value::Object(results)
    }

    fn complete(&self, req: &Incoming) {
        let code = str_field(&req.content, "code", "");
        let cursor = cursor_pos(&req.content, code);
        let comp = self.session.complete(code, cursor);
        let types: Vec<Value> = comp
            .types
            .iter()
            .map(|(text, ty)| json!({ "start": comp.start, "end": comp.end, "text": text, "type": ty }))
            .collect();
        self.reply(
            &req.msg,
            "complete_reply",
            json!({
                "status": "ok",
                "matches": comp.matches,
                "cursor_start": comp.start,
                "cursor_end": comp.end,
                "metadata": { "_jupyter_types_experimental": types },
            }),
        );
    }

    fn inspect(&self, req: &Incoming) {
        let code = str_field(&req.content, "code", "");
        let cursor = cursor_pos(&req.content, code);
        let detail = int_field(&req.content, "detail_level", 0).clamp(0, 1) as u8;
        let content = match self.session.inspect(code, cursor, detail) {
            Some(text) => {
                json!({ "status": "ok", "found": true, "data": { "text/plain": text }, "metadata": {} })
            }
            None => json!({ "status": "ok", "found": false, "data": {}, "metadata": {} }),
        };
        self.reply(&req.msg, "inspect_reply", content);
    }

    fn is_complete(&self, req: &Incoming) {
        let code = str_field(&req.content, "code", "");
        let content = match self.session.is_complete(code) {
            IsComplete::Complete => json!({ "status": "complete" }),
            IsComplete::Incomplete(indent) => json!({ "status": "incomplete", "indent": indent }),
            IsComplete::Invalid => json!({ "status": "invalid" }),
            IsComplete::Unknown => json!({ "status": "unknown" }),
        };
        self.reply(&req.msg, "is_complete_reply", content);
    }
}

/// `cursor_pos` in code points, defaulting to the end of the code.
fn cursor_pos(content: &Value, code: &str) -> usize {
    let len = code.chars().count();
    content
        .get("cursor_pos")
        .and_then(Value::as_u64)
        .map(|c| (c as usize).min(len))
        .unwrap_or(len)
}

/// The `ename/evalue/traceback` triple of an error.
fn error_json(e: &PyException) -> Value {
    json!({ "ename": e.ename, "evalue": e.evalue, "traceback": e.traceback })
}
