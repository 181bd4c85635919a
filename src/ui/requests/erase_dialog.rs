//! The erasure dialog: the plan first (deleted, anonymised, kept under which
//! exception, suppressed, recipients to tell, copies to delete), then a typed
//! confirmation.

use eframe::egui::{self, RichText};

use super::RequestCommand;
use crate::domain::requests::RequestId;
use crate::domain::requests::erasure_plan::{
    Art17Exception, Confirmation, ErasurePlan, KeepChoice, PlanItem,
};
use crate::domain::{ContactId, Field};
use crate::i18n::I18n;
use crate::store::{ErasureOrder, ErasureReason};
use crate::ui::command::Command;
use crate::ui::model::Model;
use crate::ui::widgets::error_label;

#[derive(Debug, Clone, Default)]
struct KeepDraft {
    purpose: String,
    label: String,
    on: bool,
    exception: Option<Art17Exception>,
    note: String,
}

impl KeepDraft {
    fn new(purpose: &str, label: &str) -> Self {
        Self {
            purpose: purpose.to_owned(),
            label: label.to_owned(),
            on: false,
            exception: Some(Art17Exception::LegalObligation),
            note: String::new(),
        }
    }
}

/// The dialog's state.
#[derive(Debug, Clone, Default)]
pub struct EraseDrafts {
    open_for: Option<(ContactId, Option<RequestId>)>,
    keep: Option<Vec<KeepDraft>>,
    suppress: bool,
    typed: String,
    error: Option<String>,
}

impl EraseDrafts {
    pub fn open(&mut self, contact: ContactId, request: Option<RequestId>) {
        *self = Self {
            open_for: Some((contact, request)),
            suppress: true,
            ..Default::default()
        };
    }

    fn choices(&self) -> Vec<KeepChoice> {
        self.keep
            .iter()
            .flatten()
            .filter(|k| k.on)
            .map(|k| KeepChoice {
                purpose: k.purpose.clone(),
                exception: k.exception.unwrap_or(Art17Exception::LegalObligation),
                note: k.note.trim().to_owned(),
            })
            .collect()
    }
}

fn item_detail(line_item: PlanItem, detail: &[String], i18n: &I18n) -> String {
    match line_item {
        PlanItem::ContactFields => detail
            .iter()
            .map(|code| Field::from_code(code).map_or(code.clone(), |f| i18n.tr(f.i18n_id())))
            .collect::<Vec<_>>()
            .join(", "),
        _ => detail.join(", "),
    }
}

fn plan_lines(ui: &mut egui::Ui, plan: &ErasurePlan, labels: &dyn Fn(&str) -> String, i18n: &I18n) {
    ui.strong(i18n.tr("erase-deleted"));
    for l in &plan.delete {
        let detail = item_detail(l.item, &l.detail, i18n);
        let text = format!(
            "• {} ({}){}",
            i18n.tr(l.item.i18n_id()),
            l.count,
            if detail.is_empty() {
                String::new()
            } else {
                format!(": {detail}")
            }
        );
        ui.label(text);
    }
    if !plan.anonymise.is_empty() {
        ui.strong(i18n.tr("erase-anonymised"));
        for l in &plan.anonymise {
            ui.label(format!("• {} ({})", i18n.tr(l.item.i18n_id()), l.count));
        }
    }
    ui.strong(i18n.tr("erase-suppression"));
    if plan.suppress.is_empty() {
        ui.label(i18n.tr("erase-suppression-none"));
    } else {
        let kinds: Vec<String> = plan
            .suppress
            .iter()
            .map(|k| i18n.tr(&format!("erase-identifier-{k}")))
            .collect();
        ui.label(i18n.tr_args(
            "erase-suppression-list",
            &[("kinds", kinds.join(", ").into())],
        ));
    }
    if !plan.keep.is_empty() {
        ui.strong(i18n.tr("erase-kept"));
        for k in &plan.keep {
            let fields: Vec<String> = k
                .fields
                .iter()
                .filter_map(|c| Field::from_code(c))
                .map(|f| i18n.tr(f.i18n_id()))
                .collect();
            let text = i18n.tr_args(
                "erase-kept-line",
                &[
                    ("purpose", labels(&k.purpose).into()),
                    ("exception", i18n.tr(k.exception.i18n_id()).into()),
                    ("fields", fields.join(", ").into()),
                ],
            );
            ui.label(format!("• {text}"));
        }
    }
    ui.strong(i18n.tr("erase-notify"));
    if plan.notify.is_empty() {
        ui.label(i18n.tr("erase-notify-none"));
    }
    for n in &plan.notify {
        ui.label(format!("• {} ({})", n.recipient, n.purpose));
    }
    if !plan.outside_copies.is_empty() {
        ui.strong(i18n.tr("erase-copies"));
        for f in &plan.outside_copies {
            ui.label(RichText::new(format!("• {f}")).monospace());
        }
    }
}

fn keep_choices(
    d: &mut EraseDrafts,
    ui: &mut egui::Ui,
    contact: ContactId,
    i18n: &I18n,
    cmds: &mut Vec<Command>,
) {
    let mut changed = false;
    ui.strong(i18n.tr("erase-keep-title"));
    ui.label(RichText::new(i18n.tr("erase-keep-hint")).weak());
    for (i, k) in d.keep.iter_mut().flatten().enumerate() {
        let text = i18n.tr_args("erase-keep-purpose", &[("purpose", k.label.clone().into())]);
        changed |= ui.checkbox(&mut k.on, text).changed();
        if k.on {
            ui.horizontal(|ui| {
                let l = ui.label(i18n.tr("erase-exception"));
                let before = k.exception;
                egui::ComboBox::from_id_salt(("keep-exception", i))
                    .selected_text(
                        k.exception
                            .map(|e| i18n.tr(e.i18n_id()))
                            .unwrap_or_default(),
                    )
                    .show_ui(ui, |ui| {
                        for &e in Art17Exception::ALL {
                            ui.selectable_value(&mut k.exception, Some(e), i18n.tr(e.i18n_id()));
                        }
                    })
                    .response
                    .labelled_by(l.id);
                changed |= before != k.exception;
            });
            ui.horizontal(|ui| {
                let l = ui.label(i18n.tr("erase-keep-note"));
                ui.add(egui::TextEdit::singleline(&mut k.note).desired_width(320.0))
                    .labelled_by(l.id);
            });
        }
    }
    changed |= ui
        .checkbox(&mut d.suppress, i18n.tr("erase-suppress"))
        .changed();
    if changed {
        cmds.push(RequestCommand::PlanErasure(contact, d.choices(), d.suppress).into());
    }
}

/// The typed confirmation and the buttons; returns true when cancelled.
fn confirm(
    d: &mut EraseDrafts,
    ui: &mut egui::Ui,
    plan: Option<&ErasurePlan>,
    (contact, request): (ContactId, Option<RequestId>),
    i18n: &I18n,
    cmds: &mut Vec<Command>,
) -> bool {
    let word = i18n.tr("erase-confirm-word");
    let instruction = match plan.map(|p| &p.confirm_with) {
        Some(Confirmation::Email(e)) => {
            i18n.tr_args("erase-type-email", &[("email", e.clone().into())])
        }
        _ => i18n.tr_args("erase-type-word", &[("word", word.clone().into())]),
    };
    ui.label(instruction);
    ui.horizontal(|ui| {
        let l = ui.label(i18n.tr("erase-confirmation-label"));
        ui.add(egui::TextEdit::singleline(&mut d.typed).desired_width(320.0))
            .labelled_by(l.id);
    });
    if let Some(e) = &d.error {
        error_label(ui, e);
    }
    let confirmed = plan.is_some_and(|p| p.confirms(&d.typed, &word));
    let mut cancel = false;
    ui.horizontal(|ui| {
        if ui
            .add_enabled(confirmed, egui::Button::new(i18n.tr("erase-now")))
            .clicked()
        {
            let keep = d.choices();
            if keep.iter().any(|k| k.note.is_empty()) {
                d.error = Some(i18n.tr("erase-keep-note-missing"));
            } else {
                d.error = None;
                let order = ErasureOrder {
                    reason: ErasureReason::Request,
                    suppress: d.suppress,
                    keep,
                    request,
                };
                cmds.push(RequestCommand::Erase(contact, order).into());
            }
        }
        cancel = ui.button(i18n.tr("cancel")).clicked();
    });
    cancel
}

pub fn ui(
    d: &mut EraseDrafts,
    ctx: &egui::Context,
    model: &Model,
    i18n: &I18n,
    cmds: &mut Vec<Command>,
) {
    let Some((contact, request)) = d.open_for else {
        return;
    };
    let rm = &model.requests;
    let detail = rm.contact.as_ref().filter(|c| c.contact.id == contact);
    if d.keep.is_none()
        && let Some(c) = detail
    {
        d.keep = Some(
            c.bases
                .iter()
                .map(|(p, _)| KeepDraft::new(&p.key, &p.label))
                .collect(),
        );
    }
    let name = detail
        .map(|c| c.contact.fields.display_name())
        .unwrap_or_default();
    let mut close = false;
    let modal = egui::Modal::new(egui::Id::unique("erase-dialog")).show(ctx, |ui| {
        ui.set_width(600.0);
        ui.heading(i18n.tr_args("erase-title", &[("name", name.into())]));
        egui::ScrollArea::vertical()
            .max_height(ctx.content_rect().height() * 0.6)
            .show(ui, |ui| {
                if let Some(e) = &rm.plan_error {
                    error_label(ui, e);
                }
                if let Some(plan) = &rm.plan {
                    let label = |key: &str| {
                        detail
                            .and_then(|c| c.bases.iter().find(|(p, _)| p.key == key))
                            .map_or_else(|| key.to_owned(), |(p, _)| p.label.clone())
                    };
                    plan_lines(ui, plan, &label, i18n);
                }
                ui.separator();
                keep_choices(d, ui, contact, i18n, cmds);
            });
        ui.separator();
        close = confirm(d, ui, rm.plan.as_ref(), (contact, request), i18n, cmds);
    });
    if close || modal.should_close() {
        *d = EraseDrafts::default();
        cmds.push(RequestCommand::CancelErasure.into());
    }
}
