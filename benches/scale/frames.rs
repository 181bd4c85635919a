//! The GUI headless: the real `App` in a bare `egui::Context` (no window, no
//! GPU): each frame is `run_ui` plus tessellation, what a window's CPU does.

use std::path::Path;
use std::time::{Duration, Instant};

use consentbook::store::{ContactQuery, Store};
use consentbook::ui::{App, Command};
use eframe::egui::{self, Event, MouseWheelUnit, Pos2, Rect, TouchPhase, vec2};

use super::stats::Samples;

const SIZE: egui::Vec2 = vec2(1400.0, 900.0);

/// A headless window: context, app, and the clock.
pub struct Window {
    pub ctx: egui::Context,
    pub app: App,
    time: f64,
}

impl Window {
    pub fn new(app: App) -> Self {
        Self {
            ctx: egui::Context::default(),
            app,
            time: 0.0,
        }
    }

    /// One frame with these input events.
    pub fn frame(&mut self, events: Vec<Event>) {
        self.time += 1.0 / 60.0;
        let input = egui::RawInput {
            screen_rect: Some(Rect::from_min_size(Pos2::ZERO, SIZE)),
            time: Some(self.time),
            predicted_dt: 1.0 / 60.0,
            events,
            ..Default::default()
        };
        let app = &mut self.app;
        let mut out = self.ctx.run_ui(input, |ui| app.headless_frame(ui));
        out.textures_delta.clear();
        let prims = self.ctx.tessellate(out.shapes, out.pixels_per_point);
        std::hint::black_box(prims);
    }

    /// Scrolls the table down by `points`.
    pub fn scroll(&mut self, points: f32) {
        self.frame(vec![
            Event::PointerMoved(Pos2::new(700.0, 450.0)),
            Event::MouseWheel {
                unit: MouseWheelUnit::Point,
                delta: vec2(0.0, -points),
                phase: TouchPhase::Move,
                source: egui::MouseWheelSource::Unknown,
                modifiers: egui::Modifiers::NONE,
            },
        ]);
    }

    /// Frames until the background count is in (at most `limit`).
    pub fn settle(&mut self, limit: Duration) -> Duration {
        let t = Instant::now();
        while self.app.is_counting() && t.elapsed() < limit {
            std::thread::sleep(Duration::from_millis(2));
            self.frame(Vec::new());
        }
        t.elapsed()
    }
}

/// Open the book, build the app, draw the first frame of the Contacts panel.
pub fn open_and_first_frame(path: &Path) {
    let mut first = Samples::default();
    let mut open = Samples::default();
    let mut count = Samples::default();
    for i in 0..12 {
        let t = Instant::now();
        let store = Store::open(path).expect("open");
        let app = App::new(store);
        open.push(t.elapsed());
        let mut w = Window::new(app);
        w.frame(Vec::new());
        let d = t.elapsed();
        let waited = w.settle(Duration::from_secs(30));
        if i > 0 {
            // The first run warms the OS page cache.
            first.push(d);
            count.push(d + waited);
        }
    }
    open.report("open: Store::open + App::new (incl. 1st page)", "-");
    first.report("open + first frame of Contacts", "<= 250 ms");
    count.report("open until the total is counted (background)", "-");
}

/// Frames while scrolling down with the wheel (pages load as they come into view).
pub fn scrolling(path: &Path) {
    let store = Store::open(path).expect("open");
    let mut w = Window::new(App::new(store));
    w.frame(Vec::new());
    w.settle(Duration::from_secs(30));
    for _ in 0..10 {
        w.frame(Vec::new());
    }
    let mut s = Samples::default();
    for _ in 0..600 {
        s.time(|| w.scroll(120.0));
    }
    s.report(
        "frame while scrolling (wheel, 120 pt/frame)",
        "<= 4 ms median",
    );
    // Jumps deep into the book (scroll bar dragged): offset pages.
    let q = ContactQuery::default();
    let store = w.app.store().expect("store");
    let mut deep = Samples::default();
    let mut after = Samples::default();
    for k in 0..20u64 {
        let rows = deep.time(|| store.contact_page(&q, 40_000 * k + 7, 100).expect("page"));
        if let Some(last) = rows.last() {
            after.time(|| store.contact_page_after(&q, &last.key, 100).expect("page"));
        }
    }
    deep.report("page by OFFSET at 0…760 000 (a jump)", "-");
    after.report("next page by key (keyset)", "-");
}

/// Peak RSS of the GUI on the book, in a child process of its own.
pub fn memory(path: &Path) {
    let exe = std::env::current_exe().expect("exe");
    let out = std::process::Command::new(exe)
        .arg("--memory-child")
        .arg(path)
        .output()
        .expect("child");
    print!("{}", String::from_utf8_lossy(&out.stdout));
    if !out.status.success() {
        println!(
            "memory child failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

fn status_kb(field: &str) -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .unwrap_or_default()
        .lines()
        .find(|l| l.starts_with(field))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(0)
}

/// The child: opens the book, scrolls 3 000 frames, types searches, reads VmHWM.
pub fn memory_child(path: &Path) {
    let store = Store::open(path).expect("open");
    let mut w = Window::new(App::new(store));
    w.frame(Vec::new());
    w.settle(Duration::from_secs(30));
    let after_open = status_kb("VmRSS:");
    for _ in 0..3000 {
        w.scroll(240.0);
    }
    let after_scroll = status_kb("VmRSS:");
    for word in ["Schmidt", "Müller", "Weber", "anna", "Berg"] {
        for end in 1..=word.len() {
            if !word.is_char_boundary(end) {
                continue;
            }
            let q = ContactQuery {
                text: word[..end].to_owned(),
                ..Default::default()
            };
            let ctx = w.ctx.clone();
            w.app.apply(&ctx, Command::SearchContacts(q));
            w.frame(Vec::new());
            w.settle(Duration::from_secs(30));
            for _ in 0..30 {
                w.scroll(240.0);
            }
        }
    }
    let q = ContactQuery {
        mailable_for: Some("newsletter".into()),
        ..Default::default()
    };
    let ctx = w.ctx.clone();
    w.app.apply(&ctx, Command::SearchContacts(q));
    w.settle(Duration::from_secs(60));
    for _ in 0..500 {
        w.scroll(240.0);
    }
    println!(
        "memory (GUI headless; KiB): after open {after_open}, after 3000 scroll frames {after_scroll}, \
         now {} ; peak VmHWM {} KiB = {:.0} MB   target < 200 MB",
        status_kb("VmRSS:"),
        status_kb("VmHWM:"),
        status_kb("VmHWM:") as f64 / 1024.0
    );
}
