//! The facts only the owner can state: per purpose (similar goods, job-related
//! offer …) and for Art. 14 notices (recipients, transfers, retention).

use eframe::egui::{self, RichText};

use super::{FootersView, OutreachCommand};
use crate::domain::outreach::{NoticeDetails, PurposeRules};
use crate::i18n::I18n;
use crate::ui::command::Command;
use crate::ui::model::Model;

/// Drafts of the rules and notice details while they are edited.
#[derive(Debug, Default)]
pub struct RulesDraft {
    /// (purpose, rules) being edited.
    rules: Option<(String, PurposeRules)>,
    details: Option<NoticeDetails>,
}

/// Label and help text of each purpose rule, in the order of [`PurposeRules`]'s fields.
pub(super) const RULE_IDS: [(&str, &str); 5] = [
    ("outreach-rule-similar", "outreach-rule-similar-help"),
    ("outreach-rule-informed", "outreach-rule-informed-help"),
    ("outreach-rule-job", "outreach-rule-job-help"),
    ("outreach-rule-presumed", "outreach-rule-presumed-help"),
    ("outreach-rule-bloctel", "outreach-rule-bloctel-help"),
];

pub fn ui(
    view: &mut FootersView,
    ui: &mut egui::Ui,
    model: &Model,
    i18n: &I18n,
    cmds: &mut Vec<Command>,
) {
    let Some(purpose) = view.current_purpose(model) else {
        return;
    };
    egui::CollapsingHeader::new(i18n.tr_args(
        "outreach-rules-title",
        &[("purpose", purpose.clone().into())],
    ))
    .id_salt("outreach-rules")
    .default_open(true)
    .show(ui, |ui| rules(view, ui, &purpose, model, i18n, cmds));
    egui::CollapsingHeader::new(i18n.tr("outreach-details-title"))
        .id_salt("outreach-details")
        .default_open(false)
        .show(ui, |ui| details(view, ui, model, i18n, cmds));
}

fn rules(
    view: &mut FootersView,
    ui: &mut egui::Ui,
    purpose: &str,
    model: &Model,
    i18n: &I18n,
    cmds: &mut Vec<Command>,
) {
    let stored = model
        .outreach
        .rules
        .as_ref()
        .filter(|(p, _)| p == purpose)
        .map(|(_, r)| *r);
    let Some(stored) = stored else {
        return;
    };
    ui.label(RichText::new(i18n.tr("outreach-rules-intro")).weak());
    let draft = &mut view.rules.rules;
    if draft.as_ref().is_none_or(|(p, _)| p != purpose) {
        *draft = Some((purpose.to_owned(), stored));
    }
    let Some((_, r)) = draft.as_mut() else {
        return;
    };
    let boxes: [&mut bool; 5] = [
        &mut r.similar_goods,
        &mut r.informed_at_collection,
        &mut r.job_related,
        &mut r.presumed_interest,
        &mut r.bloctel_screened,
    ];
    for (value, (label, help)) in boxes.into_iter().zip(RULE_IDS) {
        ui.checkbox(value, i18n.tr(label))
            .on_hover_text(i18n.tr(help));
    }
    let changed = *r != stored;
    if ui
        .add_enabled(changed, egui::Button::new(i18n.tr("outreach-rules-save")))
        .clicked()
    {
        cmds.push(Command::Outreach(OutreachCommand::SetRules(
            purpose.to_owned(),
            *r,
        )));
    }
}

fn details(
    view: &mut FootersView,
    ui: &mut egui::Ui,
    model: &Model,
    i18n: &I18n,
    cmds: &mut Vec<Command>,
) {
    ui.label(RichText::new(i18n.tr("outreach-details-intro")).weak());
    let d = view
        .rules
        .details
        .get_or_insert_with(|| model.outreach.details.clone());
    for (value, id) in [
        (&mut d.recipients, "outreach-details-recipients"),
        (&mut d.transfers, "outreach-details-transfers"),
        (&mut d.retention, "outreach-details-retention"),
    ] {
        let label = ui.label(i18n.tr(id));
        ui.add(
            egui::TextEdit::multiline(value)
                .desired_rows(2)
                .desired_width(f32::INFINITY),
        )
        .labelled_by(label.id);
    }
    let changed = *d != model.outreach.details;
    if ui
        .add_enabled(changed, egui::Button::new(i18n.tr("outreach-details-save")))
        .clicked()
    {
        cmds.push(Command::Outreach(OutreachCommand::SaveNoticeDetails(
            d.clone(),
        )));
    }
}

impl RulesDraft {
    /// Forgets the drafts (after saving), so they follow what is stored.
    pub fn saved(&mut self) {
        self.rules = None;
        self.details = None;
    }
}
