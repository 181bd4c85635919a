//! The detail pane: fields, provenance, legal bases, consent history.

use eframe::egui::{self, RichText};

use super::{ContactForm, ContactsView};
use crate::domain::{ConsentEvent, LegalBasis, SourceLink};
use crate::i18n::I18n;
use crate::store::ContactDetail;
use crate::ui::command::Command;
use crate::ui::model::Model;
use crate::ui::widgets::{form_grid, info_row};

fn date_time(t: chrono::DateTime<chrono::Utc>) -> String {
    t.with_timezone(&chrono::Local)
        .format("%Y-%m-%d %H:%M")
        .to_string()
}

pub fn ui(
    view: &mut ContactsView,
    ui: &mut egui::Ui,
    d: &ContactDetail,
    model: &Model,
    i18n: &I18n,
    cmds: &mut Vec<Command>,
) {
    let c = &d.contact;
    ui.horizontal(|ui| {
        ui.heading(c.fields.display_name());
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui.button(i18n.tr("close")).clicked() {
                cmds.push(Command::SelectContact(None));
            }
            if ui.button(i18n.tr("delete")).clicked() {
                view.confirm_delete = Some(c.id);
            }
            if ui.button(i18n.tr("edit")).clicked() {
                view.form = Some(ContactForm::edit(c.id, c.fields.clone()));
            }
            if ui.button(i18n.tr("requests-rights-button")).clicked() {
                cmds.push(crate::ui::requests::RequestCommand::FocusContact(c.id).into());
            }
        });
    });
    ui.label(RichText::new(i18n.tr(d.status.i18n_id())).strong());
    if let Some(since) = c.restricted_at {
        let date = since.with_timezone(&chrono::Local).date_naive().to_string();
        let text = i18n.tr_args("requests-restricted-banner", &[("date", date.into())]);
        ui.label(RichText::new(text).color(ui.visuals().warn_fg_color));
    }
    ui.separator();
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            fields(ui, d, i18n);
            ui.add_space(8.0);
            egui::CollapsingHeader::new(i18n.tr("detail-provenance"))
                .default_open(true)
                .show(ui, |ui| {
                    for (i, link) in d.sources.iter().enumerate() {
                        provenance(ui, i, link, i18n);
                    }
                });
            egui::CollapsingHeader::new(i18n.tr("detail-bases"))
                .default_open(true)
                .show(ui, |ui| bases(view, ui, d, model, i18n, cmds));
            egui::CollapsingHeader::new(i18n.tr("detail-history"))
                .default_open(true)
                .show(ui, |ui| history(ui, &d.events, i18n));
            egui::CollapsingHeader::new(i18n.tr("consent-form-title"))
                .default_open(true)
                .show(ui, |ui| {
                    if let Some(cmd) = view.consent.ui(ui, c.id, model, i18n) {
                        cmds.push(cmd);
                    }
                });
            egui::CollapsingHeader::new(i18n.tr("outreach-detail-title"))
                .default_open(true)
                .show(ui, |ui| {
                    crate::ui::outreach::detail_section(ui, c.id, model, i18n, cmds)
                });
        });
}

fn fields(ui: &mut egui::Ui, d: &ContactDetail, i18n: &I18n) {
    let f = &d.contact.fields;
    let address = [
        f.street.clone(),
        format!("{} {}", f.postal_code, f.city).trim().to_owned(),
        f.country.clone(),
    ]
    .into_iter()
    .filter(|s| !s.is_empty())
    .collect::<Vec<_>>()
    .join(", ");
    form_grid(ui, "contact-detail-grid", |ui| {
        info_row(ui, &i18n.tr("field-email"), &f.email);
        info_row(ui, &i18n.tr("field-phone"), &f.phone);
        info_row(ui, &i18n.tr("field-company"), &f.company);
        info_row(ui, &i18n.tr("field-job_title"), &f.job_title);
        info_row(ui, &i18n.tr("detail-address"), &address);
        info_row(ui, &i18n.tr("field-language"), &f.language);
        info_row(
            ui,
            &i18n.tr("field-audience"),
            &f.audience.map(|a| i18n.tr(a.i18n_id())).unwrap_or_default(),
        );
        info_row(ui, &i18n.tr("field-notes"), &f.notes);
        info_row(
            ui,
            &i18n.tr("detail-created"),
            &date_time(d.contact.created_at),
        );
        info_row(
            ui,
            &i18n.tr("detail-updated"),
            &date_time(d.contact.updated_at),
        );
        info_row(
            ui,
            &i18n.tr("detail-last-inbound"),
            &d.contact.last_inbound_at.map(date_time).unwrap_or_default(),
        );
    });
}

fn provenance(ui: &mut egui::Ui, i: usize, link: &SourceLink, i18n: &I18n) {
    let s = &link.source.fields;
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.horizontal(|ui| {
            ui.strong(&s.name);
            ui.label(RichText::new(i18n.tr(s.kind.i18n_id())).weak());
            if s.doubtful {
                let c = ui.visuals().warn_fg_color;
                ui.label(RichText::new(i18n.tr("source-doubtful-badge")).color(c));
            }
        });
        form_grid(ui, &format!("provenance-{i}"), |ui| {
            info_row(ui, &i18n.tr("field-vendor_name"), &s.vendor_name);
            info_row(ui, &i18n.tr("field-vendor_contact"), &s.vendor_contact);
            info_row(
                ui,
                &i18n.tr("field-acquired_on"),
                &s.acquired_on.map(|d| d.to_string()).unwrap_or_default(),
            );
            info_row(ui, &i18n.tr("field-contract_ref"), &s.contract_ref);
            let basis = s
                .claimed_basis
                .map(|b| format!("{} ({})", i18n.tr(b.i18n_id()), b.article()));
            info_row(
                ui,
                &i18n.tr("field-claimed_basis"),
                &basis.unwrap_or_default(),
            );
            info_row(ui, &i18n.tr("field-evidence_ref"), &s.consent_evidence_ref);
            if s.publicly_accessible {
                info_row(ui, &i18n.tr("source-public"), &i18n.tr("yes"));
            }
            info_row(
                ui,
                &i18n.tr("detail-first-seen"),
                &date_time(link.first_seen_at),
            );
            info_row(
                ui,
                &i18n.tr("detail-batch"),
                &link.batch_id.map(|b| b.to_string()).unwrap_or_default(),
            );
        });
        if let Some(raw) = &link.raw_row {
            egui::CollapsingHeader::new(i18n.tr("detail-raw-row"))
                .id_salt(("raw", i))
                .show(ui, |ui| raw_row(ui, raw));
        }
    });
}

/// Shows a stored row as received: JSON objects as key/value lines, anything else verbatim.
fn raw_row(ui: &mut egui::Ui, raw: &str) {
    match serde_json::from_str::<serde_json::Map<String, serde_json::Value>>(raw) {
        Ok(map) => {
            for (k, v) in map {
                let v = v
                    .as_str()
                    .map(str::to_owned)
                    .unwrap_or_else(|| v.to_string());
                ui.label(RichText::new(format!("{k}: {v}")).monospace());
            }
        }
        Err(_) => {
            ui.label(RichText::new(raw).monospace());
        }
    }
}

fn bases(
    view: &mut ContactsView,
    ui: &mut egui::Ui,
    d: &ContactDetail,
    model: &Model,
    i18n: &I18n,
    cmds: &mut Vec<Command>,
) {
    if d.bases.is_empty() {
        ui.label(RichText::new(i18n.tr("detail-no-bases")).weak());
    }
    form_grid(ui, "bases-grid", |ui| {
        for (p, b) in &d.bases {
            ui.label(&p.label);
            ui.label(format!("{} — {}", b.article(), i18n.tr(b.i18n_id())));
            ui.end_row();
        }
    });
    ui.horizontal_wrapped(|ui| {
        let purposes: Vec<usize> = (0..model.purposes.len()).collect();
        let purpose_label = ui.label(i18n.tr("form-purpose"));
        let shown = view
            .basis_purpose
            .and_then(|i| model.purposes.get(i))
            .map(|p| p.label.clone());
        egui::ComboBox::from_id_salt("basis-purpose")
            .selected_text(shown.unwrap_or_default())
            .show_ui(ui, |ui| {
                for i in purposes {
                    let label = model
                        .purposes
                        .get(i)
                        .map(|p| p.label.clone())
                        .unwrap_or_default();
                    ui.selectable_value(&mut view.basis_purpose, Some(i), label);
                }
            })
            .response
            .labelled_by(purpose_label.id);
        let basis_label = ui.label(i18n.tr("form-basis"));
        egui::ComboBox::from_id_salt("basis-choice")
            .selected_text(
                view.basis_choice
                    .map(|b| i18n.tr(b.i18n_id()))
                    .unwrap_or_default(),
            )
            .show_ui(ui, |ui| {
                for &b in LegalBasis::ALL {
                    ui.selectable_value(
                        &mut view.basis_choice,
                        Some(b),
                        format!("{} — {}", b.article(), i18n.tr(b.i18n_id())),
                    );
                }
            })
            .response
            .labelled_by(basis_label.id);
        let ready = view.basis_purpose.is_some() && view.basis_choice.is_some();
        if ui
            .add_enabled(ready, egui::Button::new(i18n.tr("detail-set-basis")))
            .clicked()
            && let (Some(p), Some(b)) = (
                view.basis_purpose.and_then(|i| model.purposes.get(i)),
                view.basis_choice,
            )
        {
            cmds.push(Command::SetBasis(d.contact.id, p.key.clone(), b));
        }
    });
}

fn history(ui: &mut egui::Ui, events: &[ConsentEvent], i18n: &I18n) {
    if events.is_empty() {
        ui.label(RichText::new(i18n.tr("detail-no-events")).weak());
        return;
    }
    egui::Grid::new("history-grid")
        .striped(true)
        .num_columns(5)
        .show(ui, |ui| {
            for h in [
                "col-when",
                "col-purpose",
                "col-channel",
                "col-event",
                "col-method",
            ] {
                ui.strong(i18n.tr(h));
            }
            ui.end_row();
            for e in events.iter().rev() {
                ui.label(date_time(e.at));
                ui.label(&e.purpose);
                ui.label(i18n.tr(e.channel.i18n_id()));
                let r = ui.label(i18n.tr(e.kind.i18n_id()));
                let mut tip = Vec::new();
                if !e.evidence.is_empty() {
                    tip.push(format!("{}: {}", i18n.tr("field-evidence"), e.evidence));
                }
                if let Some(ip) = &e.ip {
                    tip.push(format!("IP: {ip}"));
                }
                if let (Some(w), Some(h)) = (&e.wording, &e.wording_sha256) {
                    tip.push(format!(
                        "{}: \"{w}\"\nSHA-256: {h}",
                        i18n.tr("field-wording")
                    ));
                }
                tip.push(format!(
                    "{}: {}",
                    i18n.tr("detail-recorded"),
                    date_time(e.recorded_at)
                ));
                r.on_hover_text(tip.join("\n"));
                ui.label(i18n.tr(e.method.i18n_id()));
                ui.end_row();
            }
        });
}
