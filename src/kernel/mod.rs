//! The Jupyter wire protocol: the only module that knows ZMQ, HMAC or message JSON.
//!
//! Threads: a tokio runtime owns the sockets (heartbeat, shell, control, stdin,
//! IOPub actor); one execution thread owns the `Session` and runs cells; a
//! flusher thread batches stream output. Control and heartbeat never wait for a cell.

mod error;
mod executor;
#[cfg(test)]
mod executor_tests;
mod history;
mod info;
pub mod install;
mod iopub;
mod output;
mod stdin;
pub mod wire;

pub use error::KernelError;

use crate::session::Session;
use iopub::log;
use jupyter_protocol::{ConnectionInfo, JupyterMessage};
use jupyter_zmq_client as zmqc;
use serde_json::json;
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::mpsc;
use zeromq::{SocketRecv, SocketSend};

/// Read a connection file and serve the kernel until a shutdown request.
pub fn run(connection_file: &Path) -> Result<(), KernelError> {
    let text =
        std::fs::read_to_string(connection_file).map_err(|e| KernelError::ConnectionFile {
            path: connection_file.display().to_string(),
            reason: e.to_string(),
        })?;
    let info: ConnectionInfo =
        serde_json::from_str(&text).map_err(|e| KernelError::ConnectionFile {
            path: connection_file.display().to_string(),
            reason: e.to_string(),
        })?;
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .thread_name("tessera-io")
        .enable_all()
        .build()?;
    rt.block_on(serve(info))
}

async fn serve(info: ConnectionInfo) -> Result<(), KernelError> {
    let session_id = uuid::Uuid::new_v4().to_string();
    let kernel_id = session_id.clone();

    let heartbeat = zmqc::create_kernel_heartbeat_connection(&info).await?;
    let iopub_conn = zmqc::create_kernel_iopub_xpub_connection(&info, &session_id).await?;
    let shell = zmqc::create_kernel_shell_connection(&info, &session_id).await?;
    let control = zmqc::create_kernel_control_connection(&info, &session_id).await?;
    let stdin = zmqc::create_kernel_stdin_connection(&info, &session_id).await?;

    let (iopub, iopub_actor) = iopub::start(iopub_conn, kernel_id);
    tokio::spawn(iopub_actor);
    iopub.status("starting", None);
    tokio::spawn(heartbeat_loop(heartbeat));

    // Shell: a reader forwarding verified requests to the execution thread,
    // and a sender for replies.
    let (shell_send, shell_recv) = shell.split();
    let (reply_tx, reply_rx) = mpsc::unbounded_channel::<JupyterMessage>();
    tokio::spawn(sender_loop(shell_send, reply_rx, "shell"));
    let (req_tx, req_rx) = std::sync::mpsc::channel::<wire::Incoming>();
    tokio::spawn(shell_reader(shell_recv, req_tx));

    // Stdin: requests out, replies in.
    let (stdin_send, stdin_recv) = stdin.split();
    let (stdin_req_tx, stdin_req_rx) = mpsc::unbounded_channel::<JupyterMessage>();
    tokio::spawn(sender_loop(stdin_send, stdin_req_rx, "stdin"));
    let (stdin_reply_tx, stdin_reply_rx) = std::sync::mpsc::channel::<String>();
    tokio::spawn(stdin_reader(stdin_recv, stdin_reply_tx));
    let stdin_bridge = Arc::new(stdin::StdinBridge::new(stdin_req_tx, stdin_reply_rx));

    // The execution thread, with a large stack for deep dialect recursion.
    let session = Session::new();
    let cancel = session.cancel_token();
    let current: output::CurrentOutput = Arc::default();
    output::spawn_flusher(current.clone());
    let exec = executor::Executor::new(session, iopub.clone(), reply_tx, stdin_bridge, current);
    std::thread::Builder::new()
        .name("tessera-exec".into())
        .stack_size(512 * 1024 * 1024)
        .spawn(move || exec.run(req_rx))?;

    // SIGINT (interrupt_mode "signal", or a terminal's ^C) interrupts the cell.
    let sig_cancel = cancel.clone();
    tokio::spawn(async move {
        if let Ok(mut s) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::interrupt())
        {
            while s.recv().await.is_some() {
                sig_cancel.cancel();
            }
        }
    });

    control_loop(control, iopub, cancel).await;
    Ok(())
}

async fn heartbeat_loop(mut hb: zmqc::KernelHeartbeatConnection) {
    loop {
        match hb.socket.recv().await {
            Ok(msg) => {
                if hb.socket.send(msg).await.is_err() {
                    log("heartbeat send failed");
                }
            }
            Err(e) => {
                log(&format!("heartbeat receive failed: {e}"));
                tokio::time::sleep(Duration::from_millis(10)).await;
            }
        }
    }
}

async fn sender_loop<S: SocketSend>(
    mut conn: zmqc::Connection<S>,
    mut rx: mpsc::UnboundedReceiver<JupyterMessage>,
    channel: &'static str,
) {
    while let Some(msg) = rx.recv().await {
        if let Err(e) = conn.send(msg).await {
            log(&format!("{channel} send failed: {e}"));
        }
    }
}

async fn shell_reader(
    mut conn: zmqc::RouterRecvConnection,
    tx: std::sync::mpsc::Sender<wire::Incoming>,
) {
    loop {
        let frames = match conn.socket.recv().await {
            Ok(f) => f,
            Err(e) => {
                log(&format!("shell receive failed: {e}"));
                tokio::time::sleep(Duration::from_millis(10)).await;
                continue;
            }
        };
        match wire::parse(frames, &conn.mac) {
            Ok(inc) => {
                if tx.send(inc).is_err() {
                    return;
                }
            }
            Err(e) => log(&format!("dropped a shell message: {e}")),
        }
    }
}

async fn stdin_reader(mut conn: zmqc::RouterRecvConnection, tx: std::sync::mpsc::Sender<String>) {
    loop {
        let Ok(frames) = conn.socket.recv().await else {
            tokio::time::sleep(Duration::from_millis(10)).await;
            continue;
        };
        match wire::parse(frames, &conn.mac) {
            Ok(inc) if inc.msg_type == "input_reply" => {
                let value = wire::str_field(&inc.content, "value", "").to_string();
                let _ = tx.send(value);
            }
            Ok(inc) => log(&format!("ignoring '{}' on stdin", inc.msg_type)),
            Err(e) => log(&format!("dropped a stdin message: {e}")),
        }
    }
}

/// Control: interrupt, shutdown and kernel_info, answered even while a cell runs.
async fn control_loop(
    control: zmqc::KernelControlConnection,
    iopub: iopub::IopubSender,
    cancel: crate::sched::CancelToken,
) {
    let (mut send, mut recv) = control.split();
    loop {
        let frames = match recv.socket.recv().await {
            Ok(f) => f,
            Err(e) => {
                log(&format!("control receive failed: {e}"));
                tokio::time::sleep(Duration::from_millis(10)).await;
                continue;
            }
        };
        let inc = match wire::parse(frames, &recv.mac) {
            Ok(inc) => inc,
            Err(e) => {
                log(&format!("dropped a control message: {e}"));
                continue;
            }
        };
        let parent = &inc.msg;
        iopub.status("busy", Some(parent));
        let mut shutting_down = false;
        let reply = match inc.msg_type.as_str() {
            "interrupt_request" => {
                cancel.cancel();
                Some(("interrupt_reply", json!({ "status": "ok" })))
            }
            "shutdown_request" => {
                shutting_down = true;
                let restart = wire::bool_field(&inc.content, "restart", false);
                let content = json!({ "status": "ok", "restart": restart });
                iopub.publish("shutdown_reply", content.clone(), Some(parent));
                Some(("shutdown_reply", content))
            }
            "kernel_info_request" => Some(("kernel_info_reply", info::kernel_info())),
            other => {
                log(&format!("ignoring unsupported control request '{other}'"));
                None
            }
        };
        if let Some((ty, content)) = reply {
            if let Err(e) = send.send(wire::message(ty, content, Some(parent))).await {
                log(&format!("control send failed: {e}"));
            }
        }
        iopub.status("idle", Some(parent));
        if shutting_down {
            cancel.cancel();
            // Let the IOPub actor flush the shutdown_reply and idle, then exit.
            tokio::time::sleep(Duration::from_millis(100)).await;
            std::process::exit(0);
        }
    }
}
