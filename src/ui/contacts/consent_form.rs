//! "Record consent event": appends one event to a contact's history.

use chrono::{DateTime, Local, NaiveDate, NaiveDateTime, TimeZone, Utc};
use eframe::egui;

use crate::domain::{
    Channel, ConsentEventDraft, ConsentEventKind, ConsentMethod, ContactId, Field, FieldError,
    FieldErrors,
};
use crate::i18n::I18n;
use crate::store::StoreError;
use crate::ui::apply::store_error_text;
use crate::ui::command::Command;
use crate::ui::model::Model;
use crate::ui::widgets::{
    combo_row, err, error_label, form_grid, multiline_row, purpose_row, text_row,
};

/// The draft of a consent event.
#[derive(Debug, Clone)]
pub struct ConsentForm {
    purpose: Option<usize>,
    channel: Option<Channel>,
    kind: Option<ConsentEventKind>,
    method: Option<ConsentMethod>,
    at: String,
    wording: String,
    evidence: String,
    ip: String,
    errors: FieldErrors,
    general_error: Option<String>,
}

impl Default for ConsentForm {
    fn default() -> Self {
        Self {
            purpose: None,
            channel: Some(Channel::Email),
            kind: Some(ConsentEventKind::Given),
            method: Some(ConsentMethod::WebForm),
            at: String::new(),
            wording: String::new(),
            evidence: String::new(),
            ip: String::new(),
            errors: FieldErrors::default(),
            general_error: None,
        }
    }
}

/// Parses a time typed by the user: RFC 3339, `YYYY-MM-DD HH:MM` or `YYYY-MM-DD`
/// (local time); empty means now.
pub fn parse_user_time(input: &str, now: DateTime<Utc>) -> Result<DateTime<Utc>, FieldError> {
    let s = input.trim();
    if s.is_empty() {
        return Ok(now);
    }
    if let Some(t) = crate::domain::parse_time(s) {
        return Ok(t);
    }
    let naive = NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M")
        .or_else(|_| {
            NaiveDate::parse_from_str(s, "%Y-%m-%d")
                .map(|d| d.and_hms_opt(12, 0, 0).unwrap_or_default())
        })
        .map_err(|_| FieldError::InvalidDate)?;
    Local
        .from_local_datetime(&naive)
        .earliest()
        .map(|t| t.with_timezone(&Utc))
        .ok_or(FieldError::InvalidDate)
}

impl ConsentForm {
    pub fn show_store_error(&mut self, e: &StoreError, i18n: &I18n) {
        match e {
            StoreError::Invalid(errs) => self.errors = errs.clone(),
            other => self.general_error = Some(store_error_text(i18n, other)),
        }
    }

    fn draft(&self, model: &Model) -> Result<ConsentEventDraft, FieldErrors> {
        let mut errors = FieldErrors::default();
        let purpose = self.purpose.and_then(|i| model.purposes.get(i));
        if purpose.is_none() {
            errors.push(Field::Purpose, FieldError::Required);
        }
        let at = errors.check(Field::At, parse_user_time(&self.at, Utc::now()));
        let (Some(p), Some(at), Some(channel), Some(kind), Some(method)) =
            (purpose, at, self.channel, self.kind, self.method)
        else {
            return Err(errors);
        };
        let mut d = ConsentEventDraft::new(&p.key, channel, kind, at);
        d.method = method;
        d.wording = Some(self.wording.trim().to_owned()).filter(|w| !w.is_empty());
        d.evidence = self.evidence.trim().to_owned();
        d.ip = Some(self.ip.trim().to_owned()).filter(|ip| !ip.is_empty());
        d.validate(Utc::now())?;
        Ok(d)
    }

    /// Draws the form; returns a command when the user records a valid event.
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        contact: ContactId,
        model: &Model,
        i18n: &I18n,
    ) -> Option<Command> {
        if self.purpose.is_none() {
            self.purpose = model.purposes.iter().position(|p| p.key == "newsletter");
        }
        let e = self.errors.clone();
        form_grid(ui, "consent-form-grid", |ui| {
            purpose_row(
                ui,
                &i18n.tr("form-purpose"),
                &mut self.purpose,
                &model.purposes,
            );
            combo_row(
                ui,
                &i18n.tr("consent-channel"),
                &mut self.channel,
                Channel::ALL,
                None,
                |c| i18n.tr(c.i18n_id()),
            );
            combo_row(
                ui,
                &i18n.tr("consent-event"),
                &mut self.kind,
                ConsentEventKind::ALL,
                None,
                |k| i18n.tr(k.i18n_id()),
            );
            combo_row(
                ui,
                &i18n.tr("consent-method"),
                &mut self.method,
                ConsentMethod::ALL,
                None,
                |m| i18n.tr(m.i18n_id()),
            );
            text_row(
                ui,
                i18n,
                &i18n.tr("consent-at"),
                &mut self.at,
                err(&e, Field::At),
            );
            multiline_row(
                ui,
                i18n,
                &i18n.tr("field-wording"),
                &mut self.wording,
                err(&e, Field::Wording),
            );
            multiline_row(
                ui,
                i18n,
                &i18n.tr("field-evidence"),
                &mut self.evidence,
                err(&e, Field::Evidence),
            );
            text_row(
                ui,
                i18n,
                &i18n.tr("field-ip"),
                &mut self.ip,
                err(&e, Field::Ip),
            );
        });
        if let Some(p) = err(&e, Field::Purpose) {
            error_label(ui, &i18n.tr(p.i18n_id()));
        }
        if let Some(g) = &self.general_error {
            error_label(ui, g);
        }
        ui.label(
            egui::RichText::new(i18n.tr("consent-at-hint"))
                .weak()
                .small(),
        );
        if ui.button(i18n.tr("consent-record")).clicked() {
            self.general_error = None;
            match self.draft(model) {
                Ok(d) => {
                    self.errors = FieldErrors::default();
                    return Some(Command::RecordConsent(contact, d));
                }
                Err(errs) => self.errors = errs,
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_times() {
        let now = Utc.with_ymd_and_hms(2026, 11, 22, 10, 0, 0).unwrap();
        assert_eq!(parse_user_time("", now), Ok(now));
        assert_eq!(
            parse_user_time("2026-11-01T08:30:00Z", now),
            Ok(Utc.with_ymd_and_hms(2026, 11, 1, 8, 30, 0).unwrap())
        );
        assert!(parse_user_time("2026-11-01 08:30", now).is_ok());
        assert!(parse_user_time("2026-11-01", now).is_ok());
        assert_eq!(
            parse_user_time("1.11.2026", now),
            Err(FieldError::InvalidDate)
        );
    }
}
