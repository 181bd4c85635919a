//! The Footers panel (outreach): may I e-mail this person, the footer in
//! plain text and HTML with a preview, the Art. 14 notice and clock, the
//! purpose rules the decision needs, and the mail-merge export. Also the
//! pieces other panels show: the mailability section of the contact detail,
//! the "mailable for" filter and the Art. 14 column of the contacts table.

mod apply;
mod export;
mod footer_view;
mod rules_view;

use eframe::egui::{self, RichText};

use super::command::Command;
use super::jobs::Job;
use super::model::Model;
use crate::domain::outreach::{
    Decision, Footer, NoticeClock, NoticeDetails, NoticeError, NoticeState, PurposeRules,
};
use crate::domain::{ContactId, Language, SettingKey};
use crate::i18n::I18n;
use crate::store::{ExportSummary, OutreachError, OutreachSummary};

pub use export::ExportRequest;

/// What the Footers panel and the outreach pieces ask the app to do.
#[derive(Debug, Clone, PartialEq)]
pub enum OutreachCommand {
    /// Find contacts for the footer's contact picker.
    Search(String),
    /// Generate the footer, decision and notice for a contact.
    Generate(FooterKey),
    /// Open the Footers panel on this contact.
    OpenFooter(ContactId),
    SetRules(String, PurposeRules),
    SaveNoticeDetails(NoticeDetails),
    /// A mail with the generated footer went out: first contact (and Art. 14 notice).
    RecordFirstContact(ContactId),
    RecordNoticeSent(ContactId),
    StartExport(ExportRequest),
    /// After the user confirmed: the exported contacts were written to.
    RecordExported(Vec<ContactId>),
    /// Something was copied to the clipboard (for the toast).
    Copied,
    /// Load the panel's data (first visit, other purpose).
    Refresh,
}

/// Which footer the panel shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FooterKey {
    pub contact: ContactId,
    pub purpose: String,
    /// `None`: the contact's own language, else the book's.
    pub lang: Option<Language>,
}

/// A generated footer with everything shown next to it.
#[derive(Debug)]
pub struct FooterPreview {
    pub key: FooterKey,
    pub name: String,
    pub email: String,
    pub lang: Language,
    pub decision: Decision,
    pub footer: Result<Footer, Vec<SettingKey>>,
    pub notice: Result<String, NoticeError>,
    pub clock: Option<NoticeClock>,
}

/// What the outreach views display (loaded by the app).
#[derive(Debug, Default)]
pub struct OutreachModel {
    /// Decisions and clock of the contact selected in the Contacts panel.
    pub summary: Option<OutreachSummary>,
    /// Contact picker results: (id, name, e-mail).
    pub found: Vec<(ContactId, String, String)>,
    pub preview: Option<FooterPreview>,
    /// The stored rules of the panel's purpose.
    pub rules: Option<(String, PurposeRules)>,
    pub details: NoticeDetails,
    /// How many contacts are mailable for the panel's purpose.
    pub mailable: Option<(String, u64)>,
}

/// The Footers panel's transient state.
#[derive(Default)]
pub struct FootersView {
    search: String,
    /// The picked contact: (id, "Name <e-mail>").
    contact: Option<(ContactId, String)>,
    purpose: Option<String>,
    lang: Option<Language>,
    tab: footer_view::Tab,
    rules: rules_view::RulesDraft,
    export: export::ExportState,
    /// Kept from the last frame so the app can start jobs that repaint it.
    ctx: Option<egui::Context>,
}

impl std::fmt::Debug for FootersView {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FootersView")
            .field("contact", &self.contact.as_ref().map(|c| c.0))
            .field("purpose", &self.purpose)
            .finish_non_exhaustive()
    }
}

impl FootersView {
    /// The purpose shown: the chosen one, else `newsletter`, else the first.
    fn purpose(&self, model: &Model) -> Option<String> {
        self.purpose.clone().or_else(|| {
            model
                .purposes
                .iter()
                .find(|p| p.key == "newsletter")
                .or(model.purposes.first())
                .map(|p| p.key.clone())
        })
    }

    /// The footer the panel wants, if a contact is picked.
    pub fn key(&self, model: &Model) -> Option<FooterKey> {
        let (contact, _) = self.contact.as_ref()?;
        Some(FooterKey {
            contact: *contact,
            purpose: self.purpose(model)?,
            lang: self.lang,
        })
    }

    /// The purpose the rules, count and export sections are about.
    pub fn current_purpose(&self, model: &Model) -> Option<String> {
        self.purpose(model)
    }

    /// Picks a contact (from the contact detail's "Footer" button).
    pub fn pick(&mut self, id: ContactId, label: String) {
        self.contact = Some((id, label));
        self.search.clear();
    }

    pub fn ctx(&self) -> Option<egui::Context> {
        self.ctx.clone()
    }

    pub fn export_started(&mut self, job: Job<Result<ExportSummary, OutreachError>>) {
        self.export.started(job);
    }

    pub fn export_recorded(&mut self) {
        self.export.recorded();
    }

    /// Draws the panel and returns what the user asked for.
    pub fn ui(&mut self, ui: &mut egui::Ui, model: &Model, i18n: &I18n) -> Vec<Command> {
        self.ctx = Some(ui.ctx().clone());
        let mut cmds = Vec::new();
        egui::CentralPanel::default_margins().show(ui, |ui| {
            egui::ScrollArea::vertical()
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    ui.heading(i18n.tr("outreach-title"));
                    ui.label(RichText::new(i18n.tr("outreach-intro")).weak());
                    ui.add_space(6.0);
                    footer_view::ui(self, ui, model, i18n, &mut cmds);
                    ui.add_space(10.0);
                    ui.separator();
                    rules_view::ui(self, ui, model, i18n, &mut cmds);
                    ui.add_space(10.0);
                    ui.separator();
                    export::ui(self, ui, model, i18n, &mut cmds);
                });
        });
        let purpose = self.current_purpose(model);
        if purpose.is_some() && model.outreach.rules.as_ref().map(|r| &r.0) != purpose.as_ref() {
            cmds.push(Command::Outreach(OutreachCommand::Refresh));
        } else if let Some(key) = self.key(model)
            && model.outreach.preview.as_ref().map(|p| &p.key) != Some(&key)
        {
            cmds.push(Command::Outreach(OutreachCommand::Generate(key)));
        }
        cmds
    }
}

/// The text of an outreach error.
pub fn error_text(i18n: &I18n, e: &OutreachError) -> String {
    match e {
        OutreachError::Store(e) => super::apply::store_error_text(i18n, e),
        OutreachError::MissingSettings(keys) => missing_text(i18n, keys),
        OutreachError::Io(e) => {
            i18n.tr_args("outreach-file-error", &[("details", e.to_string().into())])
        }
        OutreachError::Cancelled => i18n.tr("outreach-export-cancelled"),
    }
}

/// "A complete footer needs: Company name, Postal address."
pub fn missing_text(i18n: &I18n, keys: &[SettingKey]) -> String {
    let names: Vec<String> = keys.iter().map(|k| i18n.tr(k.i18n_id())).collect();
    i18n.tr_args(
        "outreach-missing-settings",
        &[("settings", names.join(", ").into())],
    )
}

/// A date as the UI language writes it.
pub fn ui_date(i18n: &I18n, d: chrono::NaiveDate) -> String {
    crate::domain::outreach::lang::date(i18n.language(), d)
}

/// The reason of a decision in the UI language.
pub fn reason_text(i18n: &I18n, d: &Decision) -> String {
    let date = d
        .consent_at
        .map(|t| ui_date(i18n, t.date_naive()))
        .unwrap_or_default();
    i18n.tr_args(d.reason.i18n_id(), &[("date", date.into())])
}

/// "✔ May be e-mailed — reason (rule)" in green, or "✖ …" in red.
pub fn decision_label(ui: &mut egui::Ui, i18n: &I18n, d: &Decision) {
    let (icon, color, head) = if d.allowed {
        (
            "✔",
            egui::Color32::from_rgb(40, 140, 70),
            "outreach-allowed",
        )
    } else {
        ("✖", ui.visuals().error_fg_color, "outreach-not-allowed")
    };
    ui.label(
        RichText::new(format!("{icon} {}", i18n.tr(head)))
            .color(color)
            .strong(),
    );
    ui.label(reason_text(i18n, d));
    ui.label(
        RichText::new(i18n.tr_args("outreach-rule", &[("rule", d.rule.into())]))
            .weak()
            .monospace(),
    );
}

/// The "Mailable for" combo of the contacts toolbar; true when it changed.
pub fn mailable_filter(
    ui: &mut egui::Ui,
    value: &mut Option<String>,
    model: &Model,
    i18n: &I18n,
) -> bool {
    let before = value.clone();
    let label = ui.label(i18n.tr("outreach-filter-mailable"));
    let any = i18n.tr("outreach-filter-any");
    egui::ComboBox::from_id_salt("mailable-filter")
        .selected_text(value.clone().unwrap_or_else(|| any.clone()))
        .show_ui(ui, |ui| {
            ui.selectable_value(value, None, any);
            for p in &model.purposes {
                ui.selectable_value(value, Some(p.key.clone()), &p.key);
            }
        })
        .response
        .labelled_by(label.id);
    *value != before
}

/// The Art. 14 cell of the contacts table.
pub fn notice_cell(ui: &mut egui::Ui, state: Option<NoticeState>, i18n: &I18n) {
    let Some(s) = state else {
        return;
    };
    let text = RichText::new(i18n.tr(s.i18n_id()));
    ui.label(match s {
        NoticeState::Overdue => text.color(ui.visuals().error_fg_color),
        NoticeState::Due => text.color(ui.visuals().warn_fg_color),
        NoticeState::Sent => text.weak(),
    });
}

/// The mailability section of the contact detail pane.
pub fn detail_section(
    ui: &mut egui::Ui,
    contact: ContactId,
    model: &Model,
    i18n: &I18n,
    cmds: &mut Vec<Command>,
) {
    let Some(s) = model
        .outreach
        .summary
        .as_ref()
        .filter(|s| s.contact == contact)
    else {
        return;
    };
    egui::Grid::new("mailability-grid")
        .num_columns(2)
        .spacing([12.0, 4.0])
        .show(ui, |ui| {
            for (p, d) in &s.decisions {
                ui.label(&p.label);
                ui.vertical(|ui| decision_label(ui, i18n, d));
                ui.end_row();
            }
        });
    footer_view::clock_ui(ui, i18n, s.clock.as_ref(), contact, cmds);
    if ui.button(i18n.tr("outreach-open-footer")).clicked() {
        cmds.push(Command::Outreach(OutreachCommand::OpenFooter(contact)));
    }
}

#[cfg(test)]
mod tests {
    use crate::domain::Language;
    use crate::domain::outreach::{DataCategory, FooterWarning, MergeFormat, NoticeState, Reason};
    use crate::i18n::I18n;

    /// Ids built at run time, which the i18n test cannot find as string literals.
    #[test]
    fn every_computed_id_has_a_message_in_every_language() {
        let mut ids: Vec<&str> = Vec::new();
        ids.extend(Reason::ALL.iter().map(|r| r.i18n_id()));
        ids.extend(NoticeState::ALL.iter().map(|s| s.i18n_id()));
        ids.extend(FooterWarning::ALL.iter().map(|w| w.i18n_id()));
        ids.extend(super::footer_view::TABS.iter().map(|t| t.1));
        for (label, help) in super::rules_view::RULE_IDS {
            ids.push(label);
            ids.push(help);
        }
        for lang in Language::ALL {
            let i18n = I18n::new(*lang);
            let missing: Vec<_> = ids.iter().filter(|id| !i18n.has(id)).collect();
            assert!(missing.is_empty(), "{lang} lacks {missing:?}");
        }
        // not shown through Fluent: they only travel as codes
        let _ = (DataCategory::ALL, MergeFormat::ALL);
    }

    #[test]
    fn the_consent_reason_shows_its_date() {
        use chrono::TimeZone;
        let d = crate::domain::outreach::Decision {
            allowed: true,
            reason: Reason::Consent,
            rule: "UWG § 7(2) Nr. 2",
            consent_at: Some(chrono::Utc.with_ymd_and_hms(2026, 3, 1, 9, 0, 0).unwrap()),
        };
        let de = I18n::new(Language::De);
        assert_eq!(
            super::reason_text(&de, &d),
            "Vorherige Einwilligung vom 01.03.2026."
        );
    }
}
