//! Cooperative cancellation shared by the kernel's interrupt handler, the
//! interpreter's loops and the scheduler's task loop.

use std::cell::RefCell;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

/// A cheap, clonable flag: the kernel sets it on interrupt, long-running code polls it.
#[derive(Clone, Debug, Default)]
pub struct CancelToken(Arc<AtomicBool>);

impl CancelToken {
    /// A fresh token that is not cancelled.
    pub fn new() -> Self {
        Self::default()
    }

    /// Ask everything watching this token to stop.
    pub fn cancel(&self) {
        self.0.store(true, Ordering::SeqCst);
    }

    /// Whether cancellation was requested.
    pub fn is_cancelled(&self) -> bool {
        self.0.load(Ordering::Relaxed)
    }

    /// Clear the flag before running the next cell.
    pub fn reset(&self) {
        self.0.store(false, Ordering::SeqCst);
    }

    /// Sleep for `dur`, waking early (returning `false`) if cancelled.
    /// Polls every few milliseconds so interrupts land quickly.
    pub fn sleep(&self, dur: Duration) -> bool {
        let deadline = std::time::Instant::now() + dur;
        loop {
            if self.is_cancelled() {
                return false;
            }
            let now = std::time::Instant::now();
            if now >= deadline {
                return true;
            }
            std::thread::sleep((deadline - now).min(Duration::from_millis(5)));
        }
    }
}

thread_local! {
    /// The token of the computation whose task is running on this thread.
    static CURRENT: RefCell<Option<CancelToken>> = const { RefCell::new(None) };
}

impl CancelToken {
    /// The token of the computation running a task on this thread, if any. Long
    /// kernels (called from a task) poll it without it being passed down.
    pub fn current() -> Option<CancelToken> {
        CURRENT.with(|c| c.borrow().clone())
    }

    /// Whether the computation running on this thread was asked to stop (false
    /// outside computations). Cheap enough to call every few thousand elements.
    pub fn current_cancelled() -> bool {
        CURRENT.with(|c| c.borrow().as_ref().is_some_and(CancelToken::is_cancelled))
    }

    /// Whether two handles share one flag.
    pub fn same(&self, other: &CancelToken) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }

    /// Make this the current token of this thread (no clone if it already is).
    pub(crate) fn install(&self) {
        CURRENT.with(|c| {
            let mut c = c.borrow_mut();
            if !c.as_ref().is_some_and(|t| t.same(self)) {
                *c = Some(self.clone());
            }
        });
    }

    /// Replace this thread's current token, returning the previous one.
    pub(crate) fn swap_current(token: Option<CancelToken>) -> Option<CancelToken> {
        CURRENT.with(|c| std::mem::replace(&mut *c.borrow_mut(), token))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sleep_wakes_on_cancel() {
        let t = CancelToken::new();
        let t2 = t.clone();
        let h = std::thread::spawn(move || t2.sleep(Duration::from_secs(10)));
        std::thread::sleep(Duration::from_millis(20));
        t.cancel();
        assert!(!h.join().unwrap());
        t.reset();
        assert!(t.sleep(Duration::from_millis(1)));
    }
}
