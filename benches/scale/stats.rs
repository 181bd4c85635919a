//! Median, p95 and spread of timing samples, printed as one line.

use std::time::{Duration, Instant};

/// Samples in milliseconds.
#[derive(Debug, Default)]
pub struct Samples(pub Vec<f64>);

impl Samples {
    pub fn push(&mut self, d: Duration) {
        self.0.push(d.as_secs_f64() * 1000.0);
    }

    /// Times `f` once and keeps the sample.
    pub fn time<T>(&mut self, f: impl FnOnce() -> T) -> T {
        let t = Instant::now();
        let v = f();
        self.push(t.elapsed());
        v
    }

    fn quantile(sorted: &[f64], q: f64) -> f64 {
        if sorted.is_empty() {
            return f64::NAN;
        }
        let i = ((sorted.len() - 1) as f64 * q).round() as usize;
        sorted[i]
    }

    /// Prints `name: median … p95 … min … max … (n samples) target …`.
    pub fn report(&self, name: &str, target: &str) {
        let mut s = self.0.clone();
        s.sort_by(f64::total_cmp);
        println!(
            "{name:<58} median {:>9.3} ms  p95 {:>9.3} ms  min {:>9.3}  max {:>9.3}  n={:<4} target {target}",
            Self::quantile(&s, 0.5),
            Self::quantile(&s, 0.95),
            s.first().copied().unwrap_or(f64::NAN),
            s.last().copied().unwrap_or(f64::NAN),
            s.len()
        );
    }
}
