//! The progress bar of a running computation: HTML for the notebook (sent first with
//! display_data and then refreshed with update_display_data) and Dask's one-line text bar for
//! `tessera run` and `with ProgressBar():`. [`ProgressPolicy`] says when to show and redraw.

use crate::display::html::escape;
use crate::display::units::{format_time, thousands};
use crate::display::MimeBundle;

/// Where a computation stands.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ProgressState {
    /// Still running.
    #[default]
    Running,
    /// All tasks done.
    Finished,
    /// Stopped by an interrupt.
    Cancelled,
    /// Stopped by a failing task.
    Failed,
}

/// A snapshot of a computation's progress, filled in by the scheduler's event hook.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct ProgressView {
    /// Tasks finished.
    pub done: usize,
    /// Tasks in the graph.
    pub total: usize,
    /// Seconds since the computation started.
    pub elapsed_secs: f64,
    /// Running, finished, cancelled or failed.
    pub state: ProgressState,
}

impl ProgressView {
    /// Fraction done in 0..=1 (an empty graph counts as done once finished).
    pub fn fraction(&self) -> f64 {
        if self.total == 0 {
            return if self.state == ProgressState::Finished {
                1.0
            } else {
                0.0
            };
        }
        (self.done as f64 / self.total as f64).clamp(0.0, 1.0)
    }

    fn word(&self) -> &'static str {
        match self.state {
            ProgressState::Running | ProgressState::Finished => "Completed",
            ProgressState::Cancelled => "Cancelled",
            ProgressState::Failed => "Failed",
        }
    }
}

/// Dask's text bar: `[########                                ] | 20% Completed | 1.23 s`.
pub fn progress_text(view: &ProgressView, width: usize) -> String {
    let frac = view.fraction();
    let filled = ((width as f64) * frac).floor() as usize;
    format!(
        "[{}{}] | {}% {} | {}",
        "#".repeat(filled),
        " ".repeat(width - filled.min(width)),
        (100.0 * frac).floor() as u64,
        view.word(),
        format_time(view.elapsed_secs)
    )
}

/// The HTML bar: filled track, percent, done/total tasks, elapsed time and rate.
pub fn progress_html(view: &ProgressView) -> String {
    let frac = view.fraction();
    let pct = (100.0 * frac).floor() as u64;
    let colour = match view.state {
        ProgressState::Running => "#4e79a7",
        ProgressState::Finished => "#59a14f",
        ProgressState::Cancelled => "#9c9c9c",
        ProgressState::Failed => "#e15759",
    };
    let mut detail = format!(
        "{} / {} tasks · {} elapsed",
        thousands(view.done as u64),
        thousands(view.total as u64),
        format_time(view.elapsed_secs)
    );
    if view.elapsed_secs > 0.0 && view.done > 0 {
        let rate = view.done as f64 / view.elapsed_secs;
        detail.push_str(&format!(" · {} tasks/s", thousands(rate.round() as u64)));
    }
    match view.state {
        ProgressState::Cancelled => detail.push_str(" · cancelled"),
        ProgressState::Failed => detail.push_str(" · failed"),
        _ => {}
    }
    format!(
        "<div class=\"tessera-progress\" style=\"font-family: sans-serif; font-size: 12px; max-width: 520px; margin: 2px 0\">\
<div style=\"display: flex; align-items: center; gap: 8px\">\
<div role=\"progressbar\" aria-valuemin=\"0\" aria-valuemax=\"100\" aria-valuenow=\"{pct}\" style=\"flex: 1; height: 14px; background: #e8e8e8; border-radius: 3px; overflow: hidden\">\
<div style=\"width: {:.1}%; height: 100%; background: {colour}\"></div></div>\
<span style=\"min-width: 3em; text-align: right\">{pct}%</span></div>\
<div style=\"color: #555; margin-top: 2px\">{}</div></div>",
        100.0 * frac,
        escape(&detail)
    )
}

/// The bundle for display_data / update_display_data: text/plain (the text bar) + text/html.
pub fn progress_bundle(view: &ProgressView) -> MimeBundle {
    MimeBundle::plain(progress_text(view, 40)).with("text/html", progress_html(view))
}

/// When to show a bar and how often to redraw it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ProgressPolicy {
    /// Show nothing for computations shorter than this (seconds).
    pub show_after: f64,
    /// Redraw at most this often (seconds): 0.1 = 10 updates per second.
    pub min_interval: f64,
}

impl Default for ProgressPolicy {
    fn default() -> Self {
        Self {
            show_after: 0.5,
            min_interval: 0.1,
        }
    }
}

impl ProgressPolicy {
    /// Whether a redraw is due at `elapsed`, given the elapsed time of the last one (if any).
    /// The final state (finished/cancelled/failed) is always drawn once a bar is showing.
    pub fn should_draw(&self, view: &ProgressView, last_drawn: Option<f64>) -> bool {
        match last_drawn {
            None => view.state == ProgressState::Running && view.elapsed_secs >= self.show_after,
            Some(_) if view.state != ProgressState::Running => true,
            Some(t) => view.elapsed_secs - t >= self.min_interval,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::display::xmlcheck::assert_well_formed;

    fn view(done: usize, total: usize, secs: f64, state: ProgressState) -> ProgressView {
        ProgressView {
            done,
            total,
            elapsed_secs: secs,
            state,
        }
    }

    #[test]
    fn text_bar_matches_dask() {
        let full = progress_text(&view(10, 10, 1.2, ProgressState::Finished), 40);
        assert_eq!(
            full,
            format!("[{}] | 100% Completed | 1.20 s", "#".repeat(40))
        );
        let part = progress_text(&view(9, 20, 0.0123, ProgressState::Running), 40);
        assert_eq!(
            part,
            format!(
                "[{}{}] | 45% Completed | 12.30 ms",
                "#".repeat(18),
                " ".repeat(22)
            )
        );
        let cancelled = progress_text(&view(1, 4, 2.0, ProgressState::Cancelled), 4);
        assert_eq!(cancelled, "[#   ] | 25% Cancelled | 2.00 s");
        assert_eq!(view(0, 0, 0.0, ProgressState::Finished).fraction(), 1.0);
        assert_eq!(view(0, 0, 0.0, ProgressState::Running).fraction(), 0.0);
    }

    #[test]
    fn html_bar_has_counts_rate_and_state() {
        let h = progress_html(&view(450, 1000, 1.5, ProgressState::Running));
        assert_well_formed(&h);
        assert!(h.contains("width: 45.0%"));
        assert!(h.contains("aria-valuenow=\"45\""));
        assert!(h.contains("450 / 1,000 tasks"));
        assert!(h.contains("1.50 s elapsed"));
        assert!(h.contains("300 tasks/s"));
        let failed = progress_html(&view(3, 10, 1.0, ProgressState::Failed));
        assert!(failed.contains("failed") && failed.contains("#e15759"));
        let b = progress_bundle(&view(10, 10, 1.0, ProgressState::Finished));
        assert!(b.text().contains("100% Completed"));
        assert!(b.data["text/html"].contains("#59a14f"));
    }

    #[test]
    fn policy_delays_and_throttles() {
        let p = ProgressPolicy::default();
        assert!(!p.should_draw(&view(1, 9, 0.3, ProgressState::Running), None));
        assert!(p.should_draw(&view(1, 9, 0.6, ProgressState::Running), None));
        assert!(!p.should_draw(&view(2, 9, 0.65, ProgressState::Running), Some(0.6)));
        assert!(p.should_draw(&view(2, 9, 0.71, ProgressState::Running), Some(0.6)));
        assert!(p.should_draw(&view(9, 9, 0.62, ProgressState::Finished), Some(0.6)));
        assert!(!p.should_draw(&view(9, 9, 0.2, ProgressState::Finished), None));
    }
}
