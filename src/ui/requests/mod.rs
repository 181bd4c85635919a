//! The Requests panel: data-subject requests with their deadlines, and the
//! rights workspace (access report, portability, erasure, objection,
//! withdrawal, restriction, rectification) for a request or a contact.

mod apply;
mod detail;
mod erase_dialog;
mod list;
mod log_form;
mod override_form;
mod rights;

use std::path::PathBuf;

use chrono::NaiveDate;
use eframe::egui::{self, RichText};

use super::command::Command;
use super::model::Model;
use crate::domain::requests::deadline::Extension;
use crate::domain::requests::erasure_plan::{ErasurePlan, KeepChoice};
use crate::domain::requests::portability::PortabilityFormat;
use crate::domain::requests::report::ReportFormat;
use crate::domain::requests::{
    DataRequest, DueSummary, IdentityCheck, RequestDraft, RequestId, RequestStatus,
};
use crate::domain::{ConsentEventDraft, ContactFields, ContactId};
use crate::i18n::I18n;
use crate::store::{
    ContactDetail, ContactRow, ErasureOrder, NewContact, ObjectionScope, ReportTarget,
};

pub use override_form::OverrideForm;

/// What the Requests views ask the app to do.
#[derive(Debug, Clone, PartialEq)]
pub enum RequestCommand {
    /// Show closed requests too.
    ShowClosed(bool),
    Select(Option<RequestId>),
    /// Open the rights workspace for a contact (from the contact detail).
    FocusContact(ContactId),
    /// Go to the contact in the Contacts panel.
    OpenContact(ContactId),
    /// Contacts matching a search, for linking a request.
    SearchContacts(String),
    Log(RequestDraft),
    SetIdentity(RequestId, IdentityCheck),
    Extend(RequestId, Extension),
    AddNote(RequestId, String),
    Close(RequestId, RequestStatus, NaiveDate, Vec<String>),
    ExportReport {
        target: ReportTarget,
        request: Option<RequestId>,
        format: ReportFormat,
        path: PathBuf,
    },
    ExportPortability {
        contact: ContactId,
        request: Option<RequestId>,
        format: PortabilityFormat,
        path: PathBuf,
    },
    /// Show (or recompute) the plan: kept purposes, and whether to suppress.
    PlanErasure(ContactId, Vec<KeepChoice>, bool),
    CancelErasure,
    Erase(ContactId, ErasureOrder),
    Object(ContactId, ObjectionScope, Option<RequestId>),
    Withdraw(ContactId, String, Option<RequestId>),
    Restrict(ContactId, Option<RequestId>),
    LiftRestriction(ContactId, NaiveDate, Option<RequestId>),
    Rectify(ContactId, ContactFields, Option<RequestId>),
    /// Add a suppressed person with the new consent they gave.
    AddWithNewConsent(NewContact, ConsentEventDraft),
}

impl From<RequestCommand> for Command {
    fn from(c: RequestCommand) -> Self {
        Command::Requests(c)
    }
}

/// What the Requests panel displays (loaded by the app).
#[derive(Debug, Default)]
pub struct RequestsModel {
    pub list: Vec<DataRequest>,
    pub show_closed: bool,
    pub summary: DueSummary,
    /// The selected request, reloaded after every change.
    pub selected: Option<DataRequest>,
    /// The contact whose rights are worked on (the request's, or a focused one).
    pub contact: Option<ContactDetail>,
    pub plan: Option<ErasurePlan>,
    pub plan_error: Option<String>,
    pub matches: Vec<ContactRow>,
    /// Result line of the last export (path), shown under the buttons.
    pub last_file: Option<PathBuf>,
}

/// Transient state of the Requests panel.
#[derive(Debug, Default)]
pub struct RequestsView {
    selected: Option<RequestId>,
    focus: Option<ContactId>,
    log: Option<log_form::LogForm>,
    detail: detail::DetailDrafts,
    rights: rights::RightsDrafts,
    erase: erase_dialog::EraseDrafts,
}

impl RequestsView {
    pub fn selected(&self) -> Option<RequestId> {
        self.selected
    }

    /// The contact the workspace is about: the focused one, else the request's.
    pub fn focused_contact(&self, model: &RequestsModel) -> Option<ContactId> {
        self.focus
            .or_else(|| model.selected.as_ref().and_then(DataRequest::contact_id))
    }

    pub fn select(&mut self, id: Option<RequestId>) {
        if self.selected != id {
            self.detail = Default::default();
            self.rights = Default::default();
            self.erase = Default::default();
        }
        self.selected = id;
        self.focus = None;
    }

    pub fn focus(&mut self, contact: ContactId) {
        self.selected = None;
        self.focus = Some(contact);
        self.detail = Default::default();
        self.rights = Default::default();
        self.erase = Default::default();
    }

    pub fn logged(&mut self, id: RequestId) {
        self.log = None;
        self.select(Some(id));
    }

    pub fn log_failed(&mut self, e: &crate::store::StoreError, i18n: &I18n) {
        if let Some(f) = &mut self.log {
            f.show_store_error(e, i18n);
        }
    }

    /// After a successful change, drafts that were sent are cleared.
    pub fn changed(&mut self) {
        self.detail.clear_sent();
        self.rights.clear_sent();
    }

    pub fn erased(&mut self) {
        self.erase = Default::default();
        self.focus = None;
    }

    pub fn ui(&mut self, ui: &mut egui::Ui, model: &Model, i18n: &I18n) -> Vec<Command> {
        let mut cmds = Vec::new();
        let rm = &model.requests;
        let workspace = rm.selected.is_some() || (self.focus.is_some() && rm.contact.is_some());
        if workspace {
            egui::Panel::right("request-detail")
                .resizable(true)
                .default_size(520.0)
                .min_size(380.0)
                .show(ui, |ui| {
                    egui::ScrollArea::vertical()
                        .auto_shrink([false, false])
                        .show(ui, |ui| self.workspace(ui, model, i18n, &mut cmds));
                });
        }
        egui::CentralPanel::default_margins().show(ui, |ui| {
            self.header(ui, rm, i18n, &mut cmds);
            ui.separator();
            list::ui(self, ui, rm, i18n, &mut cmds);
        });
        if let Some(form) = &mut self.log {
            match form.ui(ui.ctx(), model, i18n, &mut cmds) {
                log_form::LogAction::None => {}
                log_form::LogAction::Cancel => self.log = None,
            }
        }
        erase_dialog::ui(&mut self.erase, ui.ctx(), model, i18n, &mut cmds);
        cmds
    }

    fn header(
        &mut self,
        ui: &mut egui::Ui,
        rm: &RequestsModel,
        i18n: &I18n,
        cmds: &mut Vec<Command>,
    ) {
        ui.horizontal(|ui| {
            ui.heading(i18n.tr("requests-title"));
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui.button(i18n.tr("requests-log")).clicked() {
                    self.log = Some(log_form::LogForm::new());
                }
                let mut closed = rm.show_closed;
                if ui
                    .checkbox(&mut closed, i18n.tr("requests-show-closed"))
                    .changed()
                {
                    cmds.push(RequestCommand::ShowClosed(closed).into());
                }
            });
        });
        ui.label(RichText::new(i18n.tr("requests-intro")).weak());
        if !rm.summary.is_quiet() {
            let color = if rm.summary.overdue > 0 {
                ui.visuals().error_fg_color
            } else {
                ui.visuals().warn_fg_color
            };
            let text = format!("⚠ {}", due_notice(i18n, rm.summary));
            ui.label(RichText::new(text).color(color).strong());
        }
    }

    fn workspace(
        &mut self,
        ui: &mut egui::Ui,
        model: &Model,
        i18n: &I18n,
        cmds: &mut Vec<Command>,
    ) {
        let rm = &model.requests;
        ui.horizontal(|ui| {
            if ui.button(i18n.tr("close")).clicked() {
                cmds.push(RequestCommand::Select(None).into());
            }
        });
        if let Some(r) = &rm.selected {
            detail::ui(&mut self.detail, ui, r, model, i18n, cmds);
            ui.separator();
        }
        let request = rm.selected.as_ref();
        if let (Some(c), None) = (&rm.contact, request)
            && ui.button(i18n.tr("requests-log-for-contact")).clicked()
        {
            let name = c.contact.fields.display_name();
            self.log = Some(log_form::LogForm::for_contact(c.contact.id, name));
        }
        match (&rm.contact, request) {
            (Some(c), _) => rights::ui(
                &mut self.rights,
                &mut self.erase,
                ui,
                c,
                request,
                model,
                i18n,
                cmds,
            ),
            (None, Some(r)) => rights::no_contact(&mut self.rights, ui, r, i18n, cmds),
            (None, None) => {}
        }
    }
}

/// "2 requests overdue, 1 due within 7 days" (only the parts that apply).
pub fn due_notice(i18n: &I18n, s: DueSummary) -> String {
    let mut parts = Vec::new();
    if s.overdue > 0 {
        parts.push(i18n.tr_args("requests-overdue-count", &[("count", s.overdue.into())]));
    }
    if s.due_soon > 0 {
        parts.push(i18n.tr_args("requests-due-soon-count", &[("count", s.due_soon.into())]));
    }
    parts.join(" · ")
}

/// Parses `YYYY-MM-DD`; empty means `default`.
pub(crate) fn parse_day(
    s: &str,
    default: NaiveDate,
) -> Result<NaiveDate, crate::domain::FieldError> {
    if s.trim().is_empty() {
        Ok(default)
    } else {
        crate::domain::source::parse_date(s)
    }
}

#[cfg(test)]
mod tests {
    use crate::domain::Language;
    use crate::i18n::I18n;

    /// Ids the panel passes through variables (the source scan misses them).
    const DYNAMIC: &[&str] = &[
        "toast-request-logged",
        "toast-request-saved",
        "toast-request-extended",
        "toast-request-closed",
        "toast-report-exported",
        "toast-portability-exported",
        "toast-erased",
        "toast-objection-recorded",
        "toast-withdrawal-recorded",
        "toast-restricted",
        "toast-restriction-lifted",
        "toast-rectified",
        "toast-contact-added-with-consent",
        "requests-path-missing",
        "erase-identifier-email",
        "erase-identifier-phone",
    ];

    #[test]
    fn dynamic_ids_exist_in_every_language() {
        for lang in Language::ALL {
            let i18n = I18n::new(*lang);
            let missing: Vec<&&str> = DYNAMIC.iter().filter(|id| !i18n.has(id)).collect();
            assert!(missing.is_empty(), "{}: {missing:?}", lang.code());
        }
    }

    #[test]
    fn days_parse_with_a_default() {
        let d = chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        assert_eq!(super::parse_day("", d), Ok(d));
        assert_eq!(
            super::parse_day("2026-01-31", d).unwrap().to_string(),
            "2026-01-31"
        );
        assert!(super::parse_day("31.01.2026", d).is_err());
    }
}
