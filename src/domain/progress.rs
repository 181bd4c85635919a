//! Progress and cancellation shared between long work (on a worker thread)
//! and the window that shows it. Plain atomics: no UI, no SQL.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

/// Counts done/total and carries a cancel request.
#[derive(Debug, Default)]
pub struct Progress {
    done: AtomicU64,
    total: AtomicU64,
    cancel: AtomicBool,
}

impl Progress {
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets how many units the work has (0 = unknown).
    pub fn set_total(&self, total: u64) {
        self.total.store(total, Ordering::Relaxed);
    }

    /// Sets how many units are done.
    pub fn set_done(&self, done: u64) {
        self.done.store(done, Ordering::Relaxed);
    }

    pub fn add_done(&self, n: u64) {
        self.done.fetch_add(n, Ordering::Relaxed);
    }

    /// (done, total)
    pub fn get(&self) -> (u64, u64) {
        (
            self.done.load(Ordering::Relaxed),
            self.total.load(Ordering::Relaxed),
        )
    }

    /// Share done, 0.0..=1.0 (0 while the total is unknown).
    pub fn fraction(&self) -> f32 {
        let (d, t) = self.get();
        if t == 0 {
            0.0
        } else {
            (d as f32 / t as f32).clamp(0.0, 1.0)
        }
    }

    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::Relaxed);
    }

    pub fn is_cancelled(&self) -> bool {
        self.cancel.load(Ordering::Relaxed)
    }
}

#[cfg(test)]
mod tests {
    use super::Progress;

    #[test]
    fn counts_and_cancels() {
        let p = Progress::new();
        assert_eq!(p.fraction(), 0.0);
        p.set_total(4);
        p.add_done(1);
        p.add_done(1);
        assert_eq!(p.get(), (2, 4));
        assert_eq!(p.fraction(), 0.5);
        assert!(!p.is_cancelled());
        p.cancel();
        assert!(p.is_cancelled());
    }
}
