//! The rights workspace for one contact: access report, portability,
//! erasure, objection, withdrawal, restriction, rectification.

use chrono::Local;
use eframe::egui::{self, RichText};

use super::erase_dialog::EraseDrafts;
use super::{RequestCommand, parse_day};
use crate::domain::requests::portability::PortabilityFormat;
use crate::domain::requests::report::ReportFormat;
use crate::domain::requests::{DataRequest, RequestKind, Requester};
use crate::domain::{ContactFields, Field, FieldErrors};
use crate::i18n::I18n;
use crate::store::{ContactDetail, ObjectionScope, ReportTarget};
use crate::ui::command::Command;
use crate::ui::file_dialog::{PathKind, PathPicker};
use crate::ui::model::Model;
use crate::ui::widgets::{combo_row, err, error_label, form_grid, text_row};

/// What an objection is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Target {
    AllMarketing,
    Purpose(usize),
}

/// Drafts of the rights workspace.
#[derive(Debug)]
pub struct RightsDrafts {
    report_format: Option<ReportFormat>,
    report_path: PathPicker,
    port_format: Option<PortabilityFormat>,
    port_path: PathPicker,
    objection: Option<Target>,
    withdraw: Option<usize>,
    told_on: String,
    rectify: Option<ContactFields>,
    errors: FieldErrors,
    path_error: Option<&'static str>,
}

impl Default for RightsDrafts {
    fn default() -> Self {
        Self {
            report_format: Some(ReportFormat::Pdf),
            report_path: PathPicker::new(PathKind::Save)
                .filter("PDF", &["pdf"])
                .filter("HTML", &["html"])
                .filter("JSON", &["json"])
                .default_name("access-report.pdf"),
            port_format: Some(PortabilityFormat::Json),
            port_path: PathPicker::new(PathKind::Save)
                .filter("JSON", &["json"])
                .filter("CSV", &["csv"])
                .filter("vCard", &["vcf"])
                .default_name("my-data.json"),
            objection: Some(Target::AllMarketing),
            withdraw: None,
            told_on: String::new(),
            rectify: None,
            errors: FieldErrors::default(),
            path_error: None,
        }
    }
}

impl RightsDrafts {
    pub fn clear_sent(&mut self) {
        self.rectify = None;
        self.told_on.clear();
        self.errors = FieldErrors::default();
        self.path_error = None;
    }
}

/// Swaps a path's extension when it was the old format's.
fn swap_extension(picker: &mut PathPicker, old: &str, new: &str) {
    let t = picker.text.trim();
    if let Some(stem) = t.strip_suffix(&format!(".{old}")) {
        picker.text = format!("{stem}.{new}");
    }
}

fn open_for(kind: Option<RequestKind>, k: RequestKind) -> bool {
    kind == Some(k)
}

#[allow(clippy::too_many_arguments)]
pub fn ui(
    d: &mut RightsDrafts,
    erase: &mut EraseDrafts,
    ui: &mut egui::Ui,
    c: &ContactDetail,
    request: Option<&DataRequest>,
    model: &Model,
    i18n: &I18n,
    cmds: &mut Vec<Command>,
) {
    let id = c.contact.id;
    let rid = request.map(|r| r.id);
    let kind = request.map(|r| r.kind);
    ui.horizontal(|ui| {
        ui.heading(c.contact.fields.display_name());
        if ui.button(i18n.tr("requests-open-contact")).clicked() {
            cmds.push(RequestCommand::OpenContact(id).into());
        }
    });
    ui.label(RichText::new(i18n.tr(c.status.i18n_id())).strong());
    if let Some(since) = c.contact.restricted_at {
        let color = ui.visuals().warn_fg_color;
        let date = since.with_timezone(&Local).date_naive().to_string();
        ui.label(
            RichText::new(i18n.tr_args("requests-restricted-banner", &[("date", date.into())]))
                .color(color),
        );
    }
    egui::CollapsingHeader::new(i18n.tr("requests-access-section"))
        .default_open(kind.is_none() || open_for(kind, RequestKind::Access))
        .show(ui, |ui| {
            access(d, ui, ReportTarget::Contact(id), rid, i18n, cmds)
        });
    egui::CollapsingHeader::new(i18n.tr("requests-portability-section"))
        .default_open(open_for(kind, RequestKind::Portability))
        .show(ui, |ui| portability(d, ui, id, rid, i18n, cmds));
    egui::CollapsingHeader::new(i18n.tr("requests-objection-section"))
        .default_open(
            open_for(kind, RequestKind::Objection) || open_for(kind, RequestKind::Withdrawal),
        )
        .show(ui, |ui| objection(d, ui, c, rid, model, i18n, cmds));
    egui::CollapsingHeader::new(i18n.tr("requests-restriction-section"))
        .default_open(open_for(kind, RequestKind::Restriction))
        .show(ui, |ui| restriction(d, ui, c, rid, i18n, cmds));
    egui::CollapsingHeader::new(i18n.tr("requests-rectification-section"))
        .default_open(open_for(kind, RequestKind::Rectification))
        .show(ui, |ui| rectification(d, ui, c, rid, i18n, cmds));
    ui.separator();
    ui.strong(i18n.tr("requests-erasure-section"));
    ui.label(RichText::new(i18n.tr("requests-erasure-hint")).weak());
    if ui.button(i18n.tr("requests-erase-open")).clicked() {
        erase.open(id, rid);
        cmds.push(RequestCommand::PlanErasure(id, Vec::new(), true).into());
    }
    if let Some(path) = &model.requests.last_file {
        ui.label(
            RichText::new(i18n.tr_args(
                "requests-last-file",
                &[("path", path.display().to_string().into())],
            ))
            .weak(),
        );
    }
}

/// A request from someone not in the book (or erased): only the "no data" report.
pub fn no_contact(
    d: &mut RightsDrafts,
    ui: &mut egui::Ui,
    r: &DataRequest,
    i18n: &I18n,
    cmds: &mut Vec<Command>,
) {
    if let Requester::NotInBook { email, phone } = &r.requester {
        let who = if email.is_empty() {
            phone.clone()
        } else {
            email.clone()
        };
        ui.label(i18n.tr("requests-no-data-hint"));
        access(d, ui, ReportTarget::Identifier(who), Some(r.id), i18n, cmds);
    }
}

fn access(
    d: &mut RightsDrafts,
    ui: &mut egui::Ui,
    target: ReportTarget,
    rid: Option<i64>,
    i18n: &I18n,
    cmds: &mut Vec<Command>,
) {
    ui.label(RichText::new(i18n.tr("requests-access-hint")).weak());
    let before = d.report_format;
    form_grid(ui, "report-format-grid", |ui| {
        combo_row(
            ui,
            &i18n.tr("requests-report-format"),
            &mut d.report_format,
            ReportFormat::ALL,
            None,
            |f| i18n.tr(f.i18n_id()),
        );
    });
    if let (Some(old), Some(new)) = (before, d.report_format)
        && old != new
    {
        swap_extension(&mut d.report_path, old.extension(), new.extension());
    }
    d.report_path.ui(ui, i18n, &i18n.tr("requests-report-path"));
    if ui.button(i18n.tr("requests-report-export")).clicked() {
        match (d.report_path.path(), d.report_format) {
            (Some(path), Some(format)) => {
                d.path_error = None;
                cmds.push(
                    RequestCommand::ExportReport {
                        target,
                        request: rid,
                        format,
                        path,
                    }
                    .into(),
                );
            }
            _ => d.path_error = Some("requests-path-missing"),
        }
    }
    if let Some(e) = d.path_error {
        error_label(ui, &i18n.tr(e));
    }
}

fn portability(
    d: &mut RightsDrafts,
    ui: &mut egui::Ui,
    id: i64,
    rid: Option<i64>,
    i18n: &I18n,
    cmds: &mut Vec<Command>,
) {
    ui.label(RichText::new(i18n.tr("requests-portability-hint")).weak());
    let before = d.port_format;
    form_grid(ui, "portability-format-grid", |ui| {
        combo_row(
            ui,
            &i18n.tr("requests-portability-format"),
            &mut d.port_format,
            PortabilityFormat::ALL,
            None,
            |f| i18n.tr(f.i18n_id()),
        );
    });
    if let (Some(old), Some(new)) = (before, d.port_format)
        && old != new
    {
        swap_extension(&mut d.port_path, old.extension(), new.extension());
    }
    d.port_path
        .ui(ui, i18n, &i18n.tr("requests-portability-path"));
    if ui.button(i18n.tr("requests-portability-export")).clicked() {
        match (d.port_path.path(), d.port_format) {
            (Some(path), Some(format)) => {
                d.path_error = None;
                cmds.push(
                    RequestCommand::ExportPortability {
                        contact: id,
                        request: rid,
                        format,
                        path,
                    }
                    .into(),
                );
            }
            _ => d.path_error = Some("requests-path-missing"),
        }
    }
    if let Some(e) = d.path_error {
        error_label(ui, &i18n.tr(e));
    }
}

fn objection(
    d: &mut RightsDrafts,
    ui: &mut egui::Ui,
    c: &ContactDetail,
    rid: Option<i64>,
    model: &Model,
    i18n: &I18n,
    cmds: &mut Vec<Command>,
) {
    ui.label(RichText::new(i18n.tr("requests-objection-hint")).weak());
    let purposes = &model.purposes;
    let mut targets = vec![Target::AllMarketing];
    targets.extend((0..purposes.len()).map(Target::Purpose));
    let label = |t: Target| match t {
        Target::AllMarketing => i18n.tr("requests-object-all"),
        Target::Purpose(i) => purposes.get(i).map(|p| p.label.clone()).unwrap_or_default(),
    };
    let idx: Vec<usize> = (0..purposes.len()).collect();
    form_grid(ui, "objection-grid", |ui| {
        combo_row(
            ui,
            &i18n.tr("requests-object-to"),
            &mut d.objection,
            &targets,
            None,
            label,
        );
        combo_row(
            ui,
            &i18n.tr("requests-withdraw-purpose"),
            &mut d.withdraw,
            &idx,
            None,
            |i| purposes.get(i).map(|p| p.label.clone()).unwrap_or_default(),
        );
    });
    ui.horizontal(|ui| {
        if ui.button(i18n.tr("requests-object-record")).clicked() {
            let scope = match d.objection {
                Some(Target::Purpose(i)) => purposes
                    .get(i)
                    .map(|p| ObjectionScope::Purpose(p.key.clone())),
                _ => Some(ObjectionScope::AllMarketing),
            };
            if let Some(scope) = scope {
                cmds.push(RequestCommand::Object(c.contact.id, scope, rid).into());
            }
        }
        if ui.button(i18n.tr("requests-withdraw-record")).clicked()
            && let Some(p) = d.withdraw.and_then(|i| purposes.get(i))
        {
            cmds.push(RequestCommand::Withdraw(c.contact.id, p.key.clone(), rid).into());
        }
    });
}

fn restriction(
    d: &mut RightsDrafts,
    ui: &mut egui::Ui,
    c: &ContactDetail,
    rid: Option<i64>,
    i18n: &I18n,
    cmds: &mut Vec<Command>,
) {
    ui.label(RichText::new(i18n.tr("requests-restriction-hint")).weak());
    if c.contact.restricted_at.is_none() {
        if ui.button(i18n.tr("requests-restrict")).clicked() {
            cmds.push(RequestCommand::Restrict(c.contact.id, rid).into());
        }
        return;
    }
    let e = d.errors.clone();
    form_grid(ui, "lift-grid", |ui| {
        text_row(
            ui,
            i18n,
            &i18n.tr("field-told_on"),
            &mut d.told_on,
            err(&e, Field::ToldOn),
        );
    });
    if ui.button(i18n.tr("requests-lift")).clicked() {
        let mut errors = FieldErrors::default();
        if d.told_on.trim().is_empty() {
            errors.push(Field::ToldOn, crate::domain::FieldError::Required);
        } else if let Some(told) = errors.check(
            Field::ToldOn,
            parse_day(&d.told_on, Local::now().date_naive()),
        ) {
            cmds.push(RequestCommand::LiftRestriction(c.contact.id, told, rid).into());
        }
        d.errors = errors;
    }
}

fn rectification(
    d: &mut RightsDrafts,
    ui: &mut egui::Ui,
    c: &ContactDetail,
    rid: Option<i64>,
    i18n: &I18n,
    cmds: &mut Vec<Command>,
) {
    ui.label(RichText::new(i18n.tr("requests-rectification-hint")).weak());
    let f = d.rectify.get_or_insert_with(|| c.contact.fields.clone());
    let e = d.errors.clone();
    form_grid(ui, "rectify-grid", |ui| {
        let rows: [(Field, &mut String); 10] = [
            (Field::FirstName, &mut f.first_name),
            (Field::LastName, &mut f.last_name),
            (Field::Email, &mut f.email),
            (Field::Phone, &mut f.phone),
            (Field::Company, &mut f.company),
            (Field::JobTitle, &mut f.job_title),
            (Field::Street, &mut f.street),
            (Field::PostalCode, &mut f.postal_code),
            (Field::City, &mut f.city),
            (Field::Country, &mut f.country),
        ];
        for (field, value) in rows {
            let label = i18n.tr_args(
                "requests-rectify-field",
                &[("field", i18n.tr(field.i18n_id()).into())],
            );
            text_row(ui, i18n, &label, value, err(&e, field));
        }
    });
    if ui.button(i18n.tr("requests-rectify-save")).clicked() {
        cmds.push(RequestCommand::Rectify(c.contact.id, f.clone(), rid).into());
    }
}
