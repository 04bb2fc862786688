//! Fuzzing the dialect: arbitrary text through parse, compile and evaluate,
//! then completion, inspection and `is_complete` at a cursor, as the kernel
//! would. Every run is interrupted after a short budget, as a user would
//! interrupt a loop; a panic anywhere (even one the interpreter catches and
//! reports as `SystemError: Tessera internal error`) is a crash.

use crate::lang::{CapturedOutput, ExecContext, Interpreter};
use crate::sched::CancelToken;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

/// How long one case may run before it is interrupted.
pub const BUDGET: Duration = Duration::from_millis(100);

/// The stack the kernel's execution thread has (cells run on it).
const STACK: usize = 64 << 20;

/// One fuzz case: `data` as cell text (lossy UTF-8), run in a fresh interpreter.
pub fn one(data: &[u8]) {
    let text = String::from_utf8_lossy(data).into_owned();
    let cancel = CancelToken::new();
    let done = Arc::new(AtomicBool::new(false));
    let watchdog = {
        let (cancel, done) = (cancel.clone(), done.clone());
        std::thread::spawn(move || {
            let step = Duration::from_millis(5);
            let mut waited = Duration::ZERO;
            while waited < BUDGET {
                std::thread::sleep(step);
                if done.load(Ordering::Relaxed) {
                    return;
                }
                waited += step;
            }
            cancel.cancel();
        })
    };
    let result = std::thread::Builder::new()
        .stack_size(STACK)
        .spawn(move || {
            let ctx = ExecContext {
                out: Arc::new(CapturedOutput::new()),
                cancel,
            };
            let mut it = Interpreter::new();
            let r = it.exec_cell(&text, "Cell In[1]", &ctx);
            let cursor = text.chars().count() / 2;
            let _ = it.complete(&text, cursor);
            let _ = it.inspect(&text, cursor, 1);
            let _ = it.is_complete(&text);
            r.err().map(|e| (e.ename, e.evalue))
        })
        .expect("spawn the cell thread")
        .join();
    done.store(true, Ordering::Relaxed);
    let _ = watchdog.join();
    match result {
        Err(_) => panic!("the cell thread panicked"),
        Ok(Some((ename, evalue))) if evalue.contains("Tessera internal error") => {
            panic!("{ename}: {evalue}")
        }
        Ok(_) => {}
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn ordinary_and_broken_cells_run_to_an_answer() {
        super::one(b"x = [i * i for i in range(10)]\nprint(sum(x))");
        super::one(b"def f(:\n  pass");
        super::one(b"while True:\n    pass"); // interrupted by the budget
        super::one(&[0xFF, 0xFE, b'(']);
    }
}
