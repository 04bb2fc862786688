//! pyplot's implicit state: the open figures and the current one, process-wide
//! like matplotlib's. Figures still open when a cell ends are shown then.

use crate::display::figure::{Axes, Figure};
use crate::lang::ExecContext;
use parking_lot::Mutex;
use std::sync::Arc;

/// One open figure and its current axes.
pub struct FigState {
    /// The plain-data figure the display layer draws.
    pub fig: Mutex<Figure>,
    /// Index of the current axes (`gca`).
    pub current_ax: Mutex<usize>,
}

static OPEN: Mutex<Vec<Arc<FigState>>> = Mutex::new(Vec::new());

/// A new figure, made current.
pub fn new_figure(fig: Figure) -> Arc<FigState> {
    let f = Arc::new(FigState {
        fig: Mutex::new(fig),
        current_ax: Mutex::new(0),
    });
    OPEN.lock().push(f.clone());
    f
}

/// The current figure (a default 6.4 × 4.8 in one if none is open).
pub fn gcf() -> Arc<FigState> {
    if let Some(f) = OPEN.lock().last() {
        return f.clone();
    }
    new_figure(Figure::new(6.4, 4.8))
}

/// Make `f` current again (drawing on an older figure's axes).
pub fn make_current(f: &Arc<FigState>) {
    let mut open = OPEN.lock();
    if let Some(i) = open.iter().position(|g| Arc::ptr_eq(g, f)) {
        let g = open.remove(i);
        open.push(g);
    }
}

/// Run `edit` on axes `idx` of `f`, creating axes up to it if needed.
pub fn with_axes<T>(f: &Arc<FigState>, idx: usize, edit: impl FnOnce(&mut Axes) -> T) -> T {
    make_current(f);
    *f.current_ax.lock() = idx;
    let mut fig = f.fig.lock();
    while fig.axes.len() <= idx {
        fig.axes.push(Axes::default());
    }
    edit(&mut fig.axes[idx])
}

/// Close figure `f` (or all when `None`).
pub fn close(f: Option<&Arc<FigState>>) {
    let mut open = OPEN.lock();
    match f {
        Some(f) => open.retain(|g| !Arc::ptr_eq(g, f)),
        None => open.clear(),
    }
}

/// Show every open figure as display_data and close them (`plt.show()`, cell end).
pub fn flush(ctx: &ExecContext) {
    let figs: Vec<Arc<FigState>> = std::mem::take(&mut *OPEN.lock());
    for f in figs {
        let fig = f.fig.lock().clone();
        ctx.out.display(fig.bundle(), None, false);
    }
}

/// Serialise tests that use the process-wide figure list.
#[cfg(test)]
pub fn test_lock() -> parking_lot::MutexGuard<'static, ()> {
    static L: Mutex<()> = Mutex::new(());
    L.lock()
}
