//! The footer part of the Footers panel: pick a contact, purpose and language;
//! see the decision, the footer as text, HTML source, preview and headers with
//! Copy buttons, the Art. 14 clock and notice.

use eframe::egui::{self, RichText};

use super::{FooterPreview, FootersView, OutreachCommand, decision_label, missing_text};
use crate::domain::outreach::{Footer, Inline, NoticeClock, NoticeError, NoticeState};
use crate::domain::{ContactId, Language};
use crate::i18n::I18n;
use crate::ui::command::{Command, Nav};
use crate::ui::model::Model;
use crate::ui::widgets::{error_label, form_grid};

/// The view of the footer on screen.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Tab {
    #[default]
    Preview,
    Text,
    Html,
    Headers,
    Notice,
}

pub(super) const TABS: [(Tab, &str); 5] = [
    (Tab::Preview, "outreach-tab-preview"),
    (Tab::Text, "outreach-tab-text"),
    (Tab::Html, "outreach-tab-html"),
    (Tab::Headers, "outreach-tab-headers"),
    (Tab::Notice, "outreach-tab-notice"),
];

fn out(cmds: &mut Vec<Command>, c: OutreachCommand) {
    cmds.push(Command::Outreach(c));
}

pub fn ui(
    view: &mut FootersView,
    ui: &mut egui::Ui,
    model: &Model,
    i18n: &I18n,
    cmds: &mut Vec<Command>,
) {
    ui.strong(i18n.tr("outreach-footer-section"));
    form_grid(ui, "footer-choice", |ui| {
        contact_picker(view, ui, model, i18n, cmds);
        purpose_and_language(view, ui, model, i18n);
    });
    let Some(p) = model
        .outreach
        .preview
        .as_ref()
        .filter(|p| Some(&p.key) == view.key(model).as_ref())
    else {
        if view.contact.is_none() {
            ui.label(RichText::new(i18n.tr("outreach-pick-contact")).weak());
        }
        return;
    };
    ui.add_space(6.0);
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.label(
            RichText::new(i18n.tr_args(
                "outreach-footer-for",
                &[
                    ("name", p.name.clone().into()),
                    ("email", p.email.clone().into()),
                    ("language", i18n.tr(p.lang.i18n_id()).into()),
                ],
            ))
            .weak(),
        );
        decision_label(ui, i18n, &p.decision);
    });
    clock_ui(ui, i18n, p.clock.as_ref(), p.key.contact, cmds);
    ui.add_space(6.0);
    ui.horizontal(|ui| {
        for (tab, id) in TABS {
            ui.selectable_value(&mut view.tab, tab, i18n.tr(id));
        }
    });
    ui.add_space(4.0);
    match (&p.footer, view.tab) {
        (_, Tab::Notice) => notice_tab(ui, p, i18n, cmds),
        (Err(missing), _) => {
            error_label(ui, &missing_text(i18n, missing));
            if ui.button(i18n.tr("outreach-open-settings")).clicked() {
                cmds.push(Command::Navigate(Nav::Settings));
            }
        }
        (Ok(f), tab) => footer_tab(ui, f, tab, i18n, cmds),
    }
}

fn contact_picker(
    view: &mut FootersView,
    ui: &mut egui::Ui,
    model: &Model,
    i18n: &I18n,
    cmds: &mut Vec<Command>,
) {
    let label = ui.label(i18n.tr("outreach-contact"));
    ui.vertical(|ui| {
        if let Some((_, shown)) = &view.contact {
            ui.strong(shown);
        }
        let r = ui
            .add(
                egui::TextEdit::singleline(&mut view.search)
                    .hint_text(i18n.tr("outreach-contact-hint"))
                    .desired_width(320.0),
            )
            .labelled_by(label.id);
        if r.changed() {
            out(cmds, OutreachCommand::Search(view.search.trim().to_owned()));
        }
        if view.search.trim().is_empty() {
            return;
        }
        for (id, name, email) in &model.outreach.found {
            let text = format!("{name} <{email}>");
            if ui.selectable_label(false, &text).clicked() {
                view.contact = Some((*id, text));
                view.search.clear();
            }
        }
    });
    ui.end_row();
}

fn purpose_and_language(view: &mut FootersView, ui: &mut egui::Ui, model: &Model, i18n: &I18n) {
    let label = ui.label(i18n.tr("form-purpose"));
    let current = view.purpose(model);
    egui::ComboBox::from_id_salt("footer-purpose")
        .selected_text(current.clone().unwrap_or_default())
        .show_ui(ui, |ui| {
            for p in &model.purposes {
                if ui
                    .selectable_label(current.as_deref() == Some(&p.key), &p.key)
                    .clicked()
                {
                    view.purpose = Some(p.key.clone());
                }
            }
        })
        .response
        .labelled_by(label.id);
    ui.end_row();
    let label = ui.label(i18n.tr("outreach-language"));
    let own = i18n.tr("outreach-language-own");
    let shown = view
        .lang
        .map(|l| i18n.tr(l.i18n_id()))
        .unwrap_or_else(|| own.clone());
    egui::ComboBox::from_id_salt("footer-language")
        .selected_text(shown)
        .show_ui(ui, |ui| {
            ui.selectable_value(&mut view.lang, None, own);
            for &l in Language::ALL {
                ui.selectable_value(&mut view.lang, Some(l), i18n.tr(l.i18n_id()));
            }
        })
        .response
        .labelled_by(label.id);
    ui.end_row();
}

/// Shows a text read-only with a Copy button above it.
fn copy_block(
    ui: &mut egui::Ui,
    i18n: &I18n,
    label_id: &str,
    copy_id: &str,
    text: &str,
    cmds: &mut Vec<Command>,
) {
    ui.horizontal(|ui| {
        ui.strong(i18n.tr(label_id));
        if ui.button(i18n.tr(copy_id)).clicked() {
            ui.ctx().copy_text(text.to_owned());
            out(cmds, OutreachCommand::Copied);
        }
    });
    let label = ui.label(RichText::new(i18n.tr("outreach-read-only")).weak().small());
    let mut shown: &str = text;
    ui.add(
        egui::TextEdit::multiline(&mut shown)
            .code_editor()
            .desired_width(f32::INFINITY)
            .desired_rows(8),
    )
    .labelled_by(label.id);
}

fn footer_tab(ui: &mut egui::Ui, f: &Footer, tab: Tab, i18n: &I18n, cmds: &mut Vec<Command>) {
    for w in &f.warnings {
        let c = ui.visuals().warn_fg_color;
        ui.label(RichText::new(format!("⚠ {}", i18n.tr(w.i18n_id()))).color(c));
    }
    match tab {
        Tab::Preview => {
            ui.horizontal(|ui| {
                ui.strong(i18n.tr("outreach-tab-preview"));
                if ui.button(i18n.tr("outreach-copy-html")).clicked() {
                    ui.ctx().copy_text(f.html());
                    out(cmds, OutreachCommand::Copied);
                }
            });
            preview(ui, f);
        }
        Tab::Text => copy_block(
            ui,
            i18n,
            "outreach-tab-text",
            "outreach-copy-text",
            &f.text(),
            cmds,
        ),
        Tab::Html => copy_block(
            ui,
            i18n,
            "outreach-tab-html",
            "outreach-copy-html",
            &f.html(),
            cmds,
        ),
        Tab::Headers => copy_block(
            ui,
            i18n,
            "outreach-tab-headers",
            "outreach-copy-headers",
            &f.headers(),
            cmds,
        ),
        Tab::Notice => {}
    }
}

/// A faithful rendering of the HTML footer: the same paragraphs, bold parts
/// and links, in the same small grey type.
fn preview(ui: &mut egui::Ui, f: &Footer) {
    // The HTML's 12px #555 text; bold parts darker, as <strong> looks in a mail program.
    let grey = egui::Color32::from_rgb(0x55, 0x55, 0x55);
    let dark = egui::Color32::from_rgb(0x22, 0x22, 0x22);
    let size = 12.0;
    egui::Frame::new()
        .fill(egui::Color32::WHITE)
        .stroke(egui::Stroke::new(1.0, egui::Color32::from_gray(200)))
        .inner_margin(12.0)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            for para in &f.paragraphs {
                ui.horizontal_wrapped(|ui| {
                    ui.spacing_mut().item_spacing.x = 0.0;
                    for part in para {
                        match part {
                            Inline::Text(t) => {
                                ui.label(RichText::new(t).size(size).color(grey));
                            }
                            Inline::Strong(t) => {
                                ui.label(RichText::new(t).size(size).color(dark).strong());
                            }
                            Inline::Link { text, url } => {
                                let link = RichText::new(text).size(size).color(grey).underline();
                                ui.hyperlink_to(link, url).on_hover_text(url);
                            }
                            Inline::Break => ui.end_row(),
                        }
                    }
                });
                ui.add_space(8.0);
            }
        });
}

fn notice_tab(ui: &mut egui::Ui, p: &FooterPreview, i18n: &I18n, cmds: &mut Vec<Command>) {
    match &p.notice {
        Ok(text) => copy_block(
            ui,
            i18n,
            "outreach-tab-notice",
            "outreach-copy-notice",
            text,
            cmds,
        ),
        Err(NoticeError::NotThirdParty) => {
            ui.label(i18n.tr("outreach-notice-not-needed"));
        }
        Err(NoticeError::Missing(keys)) => {
            error_label(ui, &missing_text(i18n, keys));
        }
    }
}

/// The Art. 14 clock with its record buttons (nothing without third-party data).
pub fn clock_ui(
    ui: &mut egui::Ui,
    i18n: &I18n,
    clock: Option<&NoticeClock>,
    contact: ContactId,
    cmds: &mut Vec<Command>,
) {
    let Some(c) = clock else {
        return;
    };
    let due = super::ui_date(i18n, c.due_on);
    let text = i18n.tr_args(
        match c.state {
            NoticeState::Due => "outreach-clock-due",
            NoticeState::Overdue => "outreach-clock-overdue",
            NoticeState::Sent => "outreach-clock-sent",
        },
        &[
            ("due", due.into()),
            (
                "sent",
                c.notice_sent_at
                    .map(|t| super::ui_date(i18n, t.date_naive()))
                    .unwrap_or_default()
                    .into(),
            ),
        ],
    );
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(text).strong());
        if let Some(t) = c.first_contact_at {
            ui.label(i18n.tr_args(
                "outreach-first-contact-at",
                &[("date", super::ui_date(i18n, t.date_naive()).into())],
            ));
        }
        if c.first_contact_at.is_none()
            && ui
                .button(i18n.tr("outreach-record-first-contact"))
                .clicked()
        {
            out(cmds, OutreachCommand::RecordFirstContact(contact));
        }
        if c.notice_sent_at.is_none() && ui.button(i18n.tr("outreach-record-notice")).clicked() {
            out(cmds, OutreachCommand::RecordNoticeSent(contact));
        }
    });
}
