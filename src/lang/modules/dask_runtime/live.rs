//! Progress while a compute runs: the notebook's HTML bar (shown after 0.5 s, redrawn
//! ≤ 10×/s with update_display_data, finished at 100 % or marked cancelled/failed) and
//! the text bars of active `ProgressBar`s. A ticker thread draws from counters the
//! scheduler's events update, so a bar moves even while one long task runs.

use super::diagnostics::{self, BarSpec};
use crate::display::progress::{
    progress_bundle, progress_text, ProgressPolicy, ProgressState, ProgressView,
};
use crate::lang::output::StreamName;
use crate::lang::ExecContext;
use crate::sched::{EventSink, Progress};
use parking_lot::{Condvar, Mutex};
use std::cell::Cell;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

thread_local! {
    static DEPTH: Cell<usize> = const { Cell::new(0) };
}
static NEXT_ID: AtomicU64 = AtomicU64::new(1);

/// Turn live bars off on this thread (background futures: their cell may be over).
pub fn quiet_thread() {
    DEPTH.with(|d| d.set(usize::MAX / 2));
}

#[derive(Default)]
struct Counters {
    done: AtomicUsize,
    total: AtomicUsize,
    over: Mutex<bool>,
    wake: Condvar,
}

impl EventSink for Counters {
    fn started(&self, total: usize) {
        self.total.store(total, Ordering::Relaxed);
    }
    fn progress(&self, p: Progress) {
        self.done.store(p.done, Ordering::Relaxed);
        self.total.store(p.total, Ordering::Relaxed);
    }
    fn finished(&self, p: Progress, _ok: bool) {
        self.done.store(p.done, Ordering::Relaxed);
        self.total.store(p.total, Ordering::Relaxed);
    }
}

struct Drawer<'a> {
    ctx: &'a ExecContext,
    html: bool,
    bars: Vec<BarSpec>,
    id: String,
    html_drawn: Option<f64>,
    text_drawn: Vec<Option<f64>>,
}

impl Drawer<'_> {
    fn draw(&mut self, view: &ProgressView) {
        if self.html {
            let policy = ProgressPolicy::default();
            if policy.should_draw(view, self.html_drawn) {
                let update = self.html_drawn.is_some();
                self.ctx
                    .out
                    .display(progress_bundle(view), Some(&self.id), update);
                self.html_drawn = Some(view.elapsed_secs);
            }
        }
        let running = view.state == ProgressState::Running;
        for (bar, last) in self.bars.iter().zip(self.text_drawn.iter_mut()) {
            let due = match last {
                None => true,
                Some(t) => !running || view.elapsed_secs - *t >= bar.dt,
            };
            if due && view.elapsed_secs >= bar.minimum {
                let end = if running { "" } else { "\n" };
                self.ctx.out.stream(
                    StreamName::Stdout,
                    &format!("\r{}{end}", progress_text(view, bar.width)),
                );
                *last = Some(view.elapsed_secs);
            }
        }
    }
}

fn view(c: &Counters, t0: Instant, state: ProgressState) -> ProgressView {
    ProgressView {
        done: c.done.load(Ordering::Relaxed),
        total: c.total.load(Ordering::Relaxed),
        elapsed_secs: t0.elapsed().as_secs_f64(),
        state,
    }
}

/// A sink that hides `n` bookkeeping tasks (e.g. the literal carrying the cell's
/// context in delayed graphs) from the counts users see.
pub struct Hiding<'a>(pub &'a dyn EventSink, pub usize);

impl EventSink for Hiding<'_> {
    fn started(&self, total: usize) {
        self.0.started(total.saturating_sub(self.1));
    }
    fn progress(&self, p: Progress) {
        self.0.progress(self.hide(p));
    }
    fn finished(&self, p: Progress, ok: bool) {
        self.0.finished(self.hide(p), ok);
    }
}

impl Hiding<'_> {
    fn hide(&self, p: Progress) -> Progress {
        Progress {
            done: p.done.saturating_sub(self.1),
            total: p.total.saturating_sub(self.1),
            ..p
        }
    }
}

/// Run `work` with live progress for it; `work` gets the sink to hand to the scheduler
/// and returns whether it succeeded and whether it was cancelled.
pub fn observe<T>(
    ctx: &ExecContext,
    work: impl FnOnce(&dyn EventSink) -> T,
    outcome: impl Fn(&T) -> ProgressState,
) -> T {
    let nested = DEPTH.with(|d| d.get()) > 0 || rayon::current_thread_index().is_some();
    let bars = if nested {
        Vec::new()
    } else {
        diagnostics::active_bars()
    };
    let html = !nested && bars.is_empty();
    let counters = Counters::default();
    if !html && bars.is_empty() {
        return work(&counters);
    }
    DEPTH.with(|d| d.set(d.get() + 1));
    let t0 = Instant::now();
    let mut drawer = Drawer {
        ctx,
        html,
        text_drawn: vec![None; bars.len()],
        bars,
        id: format!(
            "tessera-progress-{}-{}",
            std::process::id(),
            NEXT_ID.fetch_add(1, Ordering::Relaxed)
        ),
        html_drawn: None,
    };
    let tick = drawer
        .bars
        .iter()
        .map(|b| b.dt)
        .fold(0.1f64, f64::min)
        .max(0.02);
    let c = &counters;
    let result = std::thread::scope(|s| {
        let ticker = s.spawn(move || {
            let mut over = c.over.lock();
            while !*over {
                c.wake.wait_for(&mut over, Duration::from_secs_f64(tick));
                if !*over {
                    drawer.draw(&view(c, t0, ProgressState::Running));
                }
            }
            drop(over);
            drawer
        });
        let r = work(c);
        *c.over.lock() = true;
        c.wake.notify_all();
        let mut drawer = ticker.join().expect("progress ticker");
        let state = outcome(&r);
        let mut last = view(c, t0, state);
        if state == ProgressState::Finished {
            last.done = last.total;
        }
        drawer.draw(&last);
        r
    });
    DEPTH.with(|d| d.set(d.get() - 1));
    result
}
