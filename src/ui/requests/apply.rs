//! Running the Requests panel's commands against the store.

use chrono::Local;

use super::{RequestCommand, due_notice};
use crate::domain::requests::RequestAction;
use crate::store::{ContactQuery, Store, StoreError};
use crate::ui::app::App;
use crate::ui::apply::store_error_text;
use crate::ui::command::Nav;

/// What a command did, to report.
enum Outcome {
    /// Success toast (message id); the view's sent drafts are cleared.
    Done(&'static str),
    /// A contact was added (success toast, then show it).
    Added(&'static str, crate::domain::ContactId),
    /// Nothing to report.
    Quiet,
}

impl App {
    /// Runs one Requests command, then refreshes what the views show.
    pub(in crate::ui) fn apply_requests(&mut self, cmd: RequestCommand) {
        match cmd {
            RequestCommand::ShowClosed(v) => self.model.requests.show_closed = v,
            RequestCommand::Select(id) => self.requests.select(id),
            RequestCommand::FocusContact(id) => {
                self.requests.focus(id);
                self.nav = Nav::Requests;
            }
            RequestCommand::OpenContact(id) => {
                self.nav = Nav::Contacts;
                self.contacts.select(Some(id));
            }
            RequestCommand::SearchContacts(text) => {
                let q = ContactQuery {
                    text,
                    ..Default::default()
                };
                self.model.requests.matches =
                    match self.store.as_ref().map(|s| s.contact_page(&q, 0, 8)) {
                        Some(Ok(rows)) if !q.text.is_empty() => rows,
                        _ => Vec::new(),
                    };
                return;
            }
            RequestCommand::CancelErasure => {
                self.model.requests.plan = None;
                self.model.requests.plan_error = None;
                return;
            }
            RequestCommand::PlanErasure(id, keep, suppress) => {
                self.plan_erasure(id, &keep, suppress);
                return;
            }
            other => self.apply_request_change(other),
        }
        self.refresh();
    }

    fn plan_erasure(
        &mut self,
        id: i64,
        keep: &[crate::domain::requests::erasure_plan::KeepChoice],
        suppress: bool,
    ) {
        let Some(store) = self.store.as_ref() else {
            return;
        };
        match store.erasure_plan(id, keep, suppress) {
            Ok(p) => {
                self.model.requests.plan = Some(p);
                self.model.requests.plan_error = None;
            }
            Err(e) => self.model.requests.plan_error = Some(store_error_text(&self.i18n, &e)),
        }
    }

    fn apply_request_change(&mut self, cmd: RequestCommand) {
        let Some(store) = self.store.as_mut() else {
            return;
        };
        let result = run(store, &cmd);
        let i18n = &self.i18n;
        match (result, cmd) {
            (Ok(Outcome::Quiet), _) => {}
            (Ok(Outcome::Done(msg)), RequestCommand::Log(_)) => {
                if let Ok(rs) = store.requests(true)
                    && let Some(newest) = rs.iter().map(|r| r.id).max()
                {
                    self.requests.logged(newest);
                }
                self.toasts.success(i18n.tr(msg));
            }
            (Ok(Outcome::Done(msg)), RequestCommand::Erase(..)) => {
                self.requests.erased();
                self.model.requests.plan = None;
                self.toasts.success(i18n.tr(msg));
            }
            (Ok(Outcome::Added(msg, id)), _) => {
                self.contacts.form_saved();
                self.contacts.select(Some(id));
                self.toasts.success(i18n.tr(msg));
            }
            (Ok(Outcome::Done(msg)), RequestCommand::ExportReport { path, .. })
            | (Ok(Outcome::Done(msg)), RequestCommand::ExportPortability { path, .. }) => {
                self.model.requests.last_file = Some(path);
                self.requests.changed();
                self.toasts.success(i18n.tr(msg));
            }
            (Ok(Outcome::Done(msg)), _) => {
                self.requests.changed();
                self.toasts.success(i18n.tr(msg));
            }
            (Err(e), RequestCommand::Log(_)) => self.requests.log_failed(&e, i18n),
            (Err(e), RequestCommand::AddWithNewConsent(..)) => self.contacts.form_failed(&e, i18n),
            (Err(e), _) => self.toasts.error(store_error_text(i18n, &e)),
        }
    }

    /// Loads what the Requests panel shows (called from `refresh`).
    pub(in crate::ui) fn reload_requests(&mut self) {
        let Some(store) = self.store.as_ref() else {
            return;
        };
        let today = Local::now().date_naive();
        let rm = &mut self.model.requests;
        let loaded = (|| -> Result<_, StoreError> {
            let list = store.requests(rm.show_closed)?;
            let summary = store.request_due_summary(today)?;
            let selected = match self.requests.selected() {
                Some(id) => match store.request(id) {
                    Ok(r) => Some(r),
                    Err(StoreError::NotFound(_)) => None,
                    Err(e) => return Err(e),
                },
                None => None,
            };
            Ok((list, summary, selected))
        })();
        match loaded {
            Ok((list, summary, selected)) => {
                rm.list = list;
                rm.summary = summary;
                rm.selected = selected;
            }
            Err(e) => self.toasts.error(store_error_text(&self.i18n, &e)),
        }
        let contact = self.requests.focused_contact(&self.model.requests);
        self.model.requests.contact = contact.and_then(|id| store.contact_detail(id).ok());
    }

    /// The start-up notice: overdue and soon-due requests.
    pub(in crate::ui) fn requests_startup_notice(&mut self) {
        let s = self.model.requests.summary;
        if s.overdue > 0 {
            self.toasts.error(due_notice(&self.i18n, s));
        } else if s.due_soon > 0 {
            self.toasts.success(due_notice(&self.i18n, s));
        }
    }
}

/// Runs a command that changes the book.
fn run(store: &mut Store, cmd: &RequestCommand) -> Result<Outcome, StoreError> {
    use RequestCommand as C;
    Ok(match cmd {
        C::Log(d) => {
            store.log_request(d)?;
            Outcome::Done("toast-request-logged")
        }
        C::SetIdentity(id, check) => {
            store.set_request_identity(*id, check)?;
            Outcome::Done("toast-request-saved")
        }
        C::Extend(id, ext) => {
            store.extend_request(*id, ext)?;
            Outcome::Done("toast-request-extended")
        }
        C::AddNote(id, note) => {
            store.record_request_action(*id, RequestAction::Note, note)?;
            Outcome::Quiet
        }
        C::Close(id, status, on, files) => {
            store.close_request(*id, *status, *on, files)?;
            Outcome::Done("toast-request-closed")
        }
        C::ExportReport {
            target,
            request,
            format,
            path,
        } => {
            store.export_access_report(target, *request, None, *format, path)?;
            Outcome::Done("toast-report-exported")
        }
        C::ExportPortability {
            contact,
            request,
            format,
            path,
        } => {
            store.export_portability(*contact, *request, *format, path)?;
            Outcome::Done("toast-portability-exported")
        }
        C::Erase(id, order) => {
            store.erase_for_request(*id, order)?;
            Outcome::Done("toast-erased")
        }
        C::Object(id, scope, r) => {
            store.record_objection(*id, scope, *r)?;
            Outcome::Done("toast-objection-recorded")
        }
        C::Withdraw(id, purpose, r) => {
            store.record_withdrawal(*id, purpose, *r)?;
            Outcome::Done("toast-withdrawal-recorded")
        }
        C::Restrict(id, r) => {
            store.restrict_processing(*id, *r)?;
            Outcome::Done("toast-restricted")
        }
        C::LiftRestriction(id, told, r) => {
            store.lift_restriction(*id, *told, *r)?;
            Outcome::Done("toast-restriction-lifted")
        }
        C::Rectify(id, fields, r) => {
            store.rectify_contact(*id, fields, *r)?;
            Outcome::Done("toast-rectified")
        }
        C::AddWithNewConsent(new, consent) => {
            let id = store.add_contact_with_new_consent(new, consent)?;
            Outcome::Added("toast-contact-added-with-consent", id)
        }
        _ => Outcome::Quiet,
    })
}
