//! Watching every run: `%prun` and `%%chunksweep` need the profiles of all
//! computations a statement starts, however deep in user code they begin.
//! A [`Recording`] collects each finished run's [`Profile`] until it ends;
//! with no recording active the scheduler pays one atomic load per run.

use super::events::Profile;
use parking_lot::Mutex;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};

static ACTIVE: AtomicUsize = AtomicUsize::new(0);
static NEXT_ID: AtomicU64 = AtomicU64::new(1);
static RECORDINGS: Mutex<Vec<(u64, Vec<Profile>)>> = Mutex::new(Vec::new());

/// Collects the profiles of runs that finish while it is alive.
#[must_use = "a recording collects nothing once dropped"]
pub struct Recording {
    id: u64,
}

impl Recording {
    /// Start collecting.
    pub fn start() -> Self {
        let id = NEXT_ID.fetch_add(1, Ordering::Relaxed);
        RECORDINGS.lock().push((id, Vec::new()));
        ACTIVE.fetch_add(1, Ordering::SeqCst);
        Recording { id }
    }

    /// Stop and return the profiles collected, in the order runs finished.
    pub fn finish(self) -> Vec<Profile> {
        let mut all = RECORDINGS.lock();
        let idx = all.iter().position(|(id, _)| *id == self.id);
        idx.map(|i| std::mem::take(&mut all[i].1))
            .unwrap_or_default()
        // `self` drops here and unregisters.
    }
}

impl Drop for Recording {
    fn drop(&mut self) {
        let mut all = RECORDINGS.lock();
        if let Some(i) = all.iter().position(|(id, _)| *id == self.id) {
            all.remove(i);
            ACTIVE.fetch_sub(1, Ordering::SeqCst);
        }
    }
}

/// Hand a finished run's profile to every active recording.
pub(super) fn record(p: &Profile) {
    if ACTIVE.load(Ordering::SeqCst) == 0 {
        return;
    }
    for (_, profiles) in RECORDINGS.lock().iter_mut() {
        profiles.push(p.clone());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recordings_see_only_runs_while_alive() {
        // Distinctive totals: other tests may run computes concurrently.
        let p = |n: usize| Profile {
            total: 987_650 + n,
            ..Profile::default()
        };
        record(&p(1));
        let outer = Recording::start();
        record(&p(2));
        let inner = Recording::start();
        record(&p(3));
        let inner_seen: Vec<usize> = inner
            .finish()
            .iter()
            .map(|p| p.total.wrapping_sub(987_650))
            .collect();
        record(&p(4));
        let outer_seen: Vec<usize> = outer
            .finish()
            .iter()
            .map(|p| p.total.wrapping_sub(987_650))
            .collect();
        let pos = |v: &[usize], x| v.iter().position(|&y| y == x);
        assert!(pos(&inner_seen, 3).is_some() && pos(&inner_seen, 2).is_none());
        assert!(pos(&inner_seen, 4).is_none());
        assert!(pos(&outer_seen, 2) < pos(&outer_seen, 3));
        assert!(pos(&outer_seen, 4).is_some() && pos(&outer_seen, 1).is_none());
    }
}
