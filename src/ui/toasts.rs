//! Short notices in the bottom-right corner that fade after a while.

use eframe::egui::{self, Align2, Color32, RichText};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ToastKind {
    Success,
    Error,
}

#[derive(Debug, Clone)]
struct Toast {
    text: String,
    kind: ToastKind,
    shown_at: Option<f64>,
}

/// Pending and visible notices.
#[derive(Debug, Default)]
pub struct Toasts {
    items: Vec<Toast>,
}

impl Toasts {
    pub fn success(&mut self, text: impl Into<String>) {
        self.items.push(Toast {
            text: text.into(),
            kind: ToastKind::Success,
            shown_at: None,
        });
    }

    pub fn error(&mut self, text: impl Into<String>) {
        self.items.push(Toast {
            text: text.into(),
            kind: ToastKind::Error,
            shown_at: None,
        });
    }

    /// The texts currently queued or shown (for tests and the status line).
    pub fn texts(&self) -> Vec<(ToastKind, &str)> {
        self.items
            .iter()
            .map(|t| (t.kind, t.text.as_str()))
            .collect()
    }

    pub fn show(&mut self, ctx: &egui::Context, dismiss_label: &str) {
        let now = ctx.input(|i| i.time);
        self.items.retain(|t| {
            let ttl = if t.kind == ToastKind::Error {
                10.0
            } else {
                4.0
            };
            t.shown_at.is_none_or(|s| now - s < ttl)
        });
        if self.items.is_empty() {
            return;
        }
        let mut dismiss = None;
        egui::Area::new(egui::Id::unique("toasts"))
            .anchor(Align2::RIGHT_BOTTOM, [-12.0, -12.0])
            .order(egui::Order::Foreground)
            .show(ctx, |ui| {
                for (i, t) in self.items.iter_mut().enumerate() {
                    t.shown_at.get_or_insert(now);
                    let (fill, icon) = match t.kind {
                        ToastKind::Success => (Color32::from_rgb(30, 90, 50), "✔"),
                        ToastKind::Error => (Color32::from_rgb(130, 30, 30), "⚠"),
                    };
                    egui::Frame::popup(ui.style()).fill(fill).show(ui, |ui| {
                        ui.set_max_width(420.0);
                        ui.horizontal(|ui| {
                            ui.label(
                                RichText::new(format!("{icon} {}", t.text)).color(Color32::WHITE),
                            );
                            if ui.small_button("✖").on_hover_text(dismiss_label).clicked() {
                                dismiss = Some(i);
                            }
                        });
                    });
                }
            });
        if let Some(i) = dismiss {
            self.items.remove(i);
        }
        ctx.request_repaint_after(std::time::Duration::from_millis(500));
    }
}
