//! Runs outreach commands against the store and loads what the outreach views show.

use chrono::Utc;

use super::{FooterKey, FooterPreview, OutreachCommand};
use crate::domain::outreach::{FooterContext, NoticeDetails, PurposeRules};
use crate::domain::{Channel, ContactId};
use crate::store::{ContactQuery, ExportOptions, Store, StoreError};
use crate::ui::app::App;
use crate::ui::apply::store_error_text;
use crate::ui::command::Nav;
use crate::ui::jobs::Job;

/// How many contacts the footer's contact picker lists.
const PICKER_ROWS: u64 = 8;

fn preview(store: &Store, key: &FooterKey) -> Result<FooterPreview, StoreError> {
    let settings = store.settings()?;
    let o = store.contact_outreach(key.contact)?;
    let rules = store.purpose_rules(&key.purpose)?;
    let decision = o.decide(settings.jurisdiction, &key.purpose, Channel::Email, rules);
    let lang = key.lang.unwrap_or_else(|| o.language(settings.language));
    let ctx = FooterContext {
        controller: &settings.controller,
        lang,
        secret: store.secret(),
    };
    Ok(FooterPreview {
        key: key.clone(),
        name: o.contact.fields.display_name(),
        email: o.contact.fields.email.clone(),
        lang,
        decision,
        footer: o.footer(&ctx, &decision),
        notice: o.notice(&settings.controller, lang, &store.notice_details()?),
        clock: o.clock(Utc::now().date_naive()),
    })
}

impl App {
    /// Runs one outreach command.
    pub(in crate::ui) fn apply_outreach(&mut self, cmd: OutreachCommand) {
        match cmd {
            OutreachCommand::Search(text) => self.outreach_search(&text),
            OutreachCommand::Generate(key) => self.outreach_generate(&key),
            OutreachCommand::OpenFooter(id) => {
                let label = self
                    .model
                    .detail
                    .as_ref()
                    .filter(|d| d.contact.id == id)
                    .map(|d| {
                        let f = &d.contact.fields;
                        format!("{} <{}>", f.display_name(), f.email)
                    })
                    .unwrap_or_default();
                self.footers.pick(id, label);
                self.nav = Nav::Footers;
                self.reload_outreach();
            }
            OutreachCommand::StartExport(req) => self.outreach_export(req),
            OutreachCommand::Refresh => self.reload_outreach(),
            OutreachCommand::Copied => self.toasts.success(self.i18n.tr("outreach-copied")),
            other => self.outreach_change(other),
        }
    }

    /// Commands that change the book.
    fn outreach_change(&mut self, cmd: OutreachCommand) {
        let Some(store) = self.store.as_mut() else {
            return;
        };
        let now = Utc::now();
        let (result, ok) = match cmd {
            OutreachCommand::SetRules(purpose, rules) => (
                store.set_purpose_rules(&purpose, rules).map(|()| 1),
                "outreach-rules-saved",
            ),
            OutreachCommand::SaveNoticeDetails(d) => (
                store.save_notice_details(&d).map(|()| 1),
                "outreach-details-saved",
            ),
            OutreachCommand::RecordFirstContact(id) => (
                store.record_first_contact(&[id], now, true),
                "outreach-first-contact-recorded",
            ),
            OutreachCommand::RecordNoticeSent(id) => (
                store.record_notice_sent(id, now).map(usize::from),
                "outreach-notice-recorded",
            ),
            OutreachCommand::RecordExported(ids) => {
                self.footers.export_recorded();
                (
                    store.record_first_contact(&ids, now, true),
                    "outreach-exported-recorded",
                )
            }
            _ => return,
        };
        match result {
            Ok(n) => {
                self.footers.rules.saved();
                let text = self.i18n.tr_args(ok, &[("count", n.into())]);
                self.toasts.success(text);
            }
            Err(e) => self.toasts.error(store_error_text(&self.i18n, &e)),
        }
        self.refresh();
    }

    fn outreach_search(&mut self, text: &str) {
        let q = ContactQuery {
            text: text.to_owned(),
            ..Default::default()
        };
        let found = if text.is_empty() {
            Ok(Vec::new())
        } else {
            self.store
                .as_ref()
                .map_or(Ok(Vec::new()), |s| s.contact_page(&q, 0, PICKER_ROWS))
        };
        match found {
            Ok(rows) => {
                self.model.outreach.found =
                    rows.into_iter().map(|r| (r.id, r.name, r.email)).collect();
            }
            Err(e) => self.toasts.error(store_error_text(&self.i18n, &e)),
        }
    }

    fn outreach_generate(&mut self, key: &FooterKey) {
        let Some(store) = self.store.as_ref() else {
            return;
        };
        match preview(store, key) {
            Ok(p) => self.model.outreach.preview = Some(p),
            Err(e) => {
                // The contact is gone or unreadable: stop asking every frame.
                self.footers.contact = None;
                self.model.outreach.preview = None;
                self.toasts.error(store_error_text(&self.i18n, &e));
            }
        }
    }

    fn outreach_export(&mut self, req: super::ExportRequest) {
        let (Some(store), Some(ctx)) = (self.store.as_ref(), self.footers.ctx()) else {
            return;
        };
        let path = store.path().to_owned();
        let opts = ExportOptions {
            purpose: req.purpose,
            lang: req.lang,
            format: req.format,
        };
        let out = req.path;
        let job = Job::spawn(&ctx, move |progress| {
            let store = Store::open(&path)?;
            store.export_mailable(&opts, &out, progress)
        });
        self.footers.export_started(job);
    }

    /// Reloads the outreach data: the selected contact's decisions, the
    /// footer on the Footers panel, its purpose's rules and mailable count.
    pub(in crate::ui) fn reload_outreach(&mut self) {
        let Some(store) = self.store.as_ref() else {
            return;
        };
        let today = Utc::now().date_naive();
        let selected: Option<ContactId> = self.contacts.selected();
        // The Footers panel's data only while it is on screen.
        let on_panel = self.nav == Nav::Footers;
        let purpose = on_panel
            .then(|| self.footers.current_purpose(&self.model))
            .flatten();
        let key = on_panel.then(|| self.footers.key(&self.model)).flatten();
        let loaded = selected
            .map(|id| store.outreach_summary(id, today))
            .transpose()
            .and_then(|summary| {
                Ok((
                    summary,
                    panel_data(store, purpose.as_deref(), key.as_ref())?,
                ))
            });
        match loaded {
            Ok((summary, panel)) => {
                let o = &mut self.model.outreach;
                o.summary = summary;
                o.rules = panel.rules;
                o.mailable = panel.mailable;
                o.preview = panel.preview;
                o.details = panel.details;
            }
            Err(e) => {
                let o = &mut self.model.outreach;
                o.summary = None;
                o.preview = None;
                // Mark the purpose as loaded so the panel does not ask again each frame.
                o.rules = purpose.map(|p| (p, Default::default()));
                if !matches!(e, StoreError::NotFound(_)) {
                    self.toasts.error(store_error_text(&self.i18n, &e));
                }
            }
        }
    }
}

/// What the Footers panel shows besides the contact picker.
struct PanelData {
    rules: Option<(String, PurposeRules)>,
    mailable: Option<(String, u64)>,
    preview: Option<FooterPreview>,
    details: NoticeDetails,
}

fn panel_data(
    store: &Store,
    purpose: Option<&str>,
    key: Option<&FooterKey>,
) -> Result<PanelData, StoreError> {
    let (rules, mailable) = match purpose {
        Some(p) => {
            let q = ContactQuery {
                mailable_for: Some(p.to_owned()),
                ..Default::default()
            };
            (
                Some((p.to_owned(), store.purpose_rules(p)?)),
                Some((p.to_owned(), store.count_contacts(&q)?)),
            )
        }
        None => (None, None),
    };
    Ok(PanelData {
        rules,
        mailable,
        preview: key.map(|k| preview(store, k)).transpose()?,
        details: store.notice_details()?,
    })
}
