//! Step 2: where the list comes from — an existing source or a new one with
//! all its provenance — and the purpose the file's consent evidence covers.

use eframe::egui;

use super::{ImportView, Step};
use crate::domain::source::parse_date;
use crate::domain::{Field, FieldError, FieldErrors, SourceFields, SourceId, SourceKind};
use crate::i18n::I18n;
use crate::store::SourceChoice;
use crate::ui::model::Model;
use crate::ui::widgets::{combo_row, err, error_label, form_grid};

/// The source part of the wizard.
#[derive(Debug, Clone)]
pub struct SourceDraft {
    pub use_existing: bool,
    pub existing: Option<SourceId>,
    pub fields: SourceFields,
    pub kind: Option<SourceKind>,
    pub acquired: String,
    pub errors: FieldErrors,
}

impl Default for SourceDraft {
    fn default() -> Self {
        Self {
            use_existing: false,
            existing: None,
            fields: SourceFields::new("", SourceKind::PurchasedList),
            kind: Some(SourceKind::PurchasedList),
            acquired: String::new(),
            errors: FieldErrors::default(),
        }
    }
}

impl SourceDraft {
    pub fn choice(&self) -> SourceChoice {
        match (self.use_existing, self.existing) {
            (true, Some(id)) => SourceChoice::Existing(id),
            _ => SourceChoice::New(self.fields.clone()),
        }
    }

    /// The name of the chosen source (for matching a saved mapping).
    pub fn names(&self, model: &Model) -> Vec<String> {
        if self.use_existing {
            model
                .sources
                .iter()
                .filter(|s| Some(s.source.id) == self.existing)
                .flat_map(|s| {
                    [
                        s.source.fields.name.clone(),
                        s.source.fields.vendor_name.clone(),
                    ]
                })
                .collect()
        } else {
            vec![self.fields.name.clone(), self.fields.vendor_name.clone()]
        }
    }

    /// Checks the draft; errors stay next to their fields.
    fn check(&mut self, model: &Model) -> bool {
        let mut errors = FieldErrors::default();
        if self.use_existing {
            if self.existing.is_none() {
                errors.push(Field::Name, FieldError::Required);
            }
            self.errors = errors;
            return self.errors.is_empty();
        }
        self.fields.kind = self.kind.unwrap_or(SourceKind::Manual);
        self.fields.acquired_on = if self.acquired.trim().is_empty() {
            None
        } else {
            errors.check(Field::AcquiredOn, parse_date(&self.acquired))
        };
        if let Err(e) = self.fields.validate(chrono::Utc::now().date_naive()) {
            for (f, x) in e.0 {
                errors.push(f, x);
            }
        }
        let name = self.fields.name.trim();
        if model
            .sources
            .iter()
            .any(|s| s.source.fields.name.eq_ignore_ascii_case(name))
        {
            errors.push(Field::Name, FieldError::InvalidChoice);
        }
        self.errors = errors;
        self.errors.is_empty()
    }
}

fn existing_ui(d: &mut SourceDraft, ui: &mut egui::Ui, model: &Model, i18n: &I18n) {
    let ids: Vec<SourceId> = model.sources.iter().map(|s| s.source.id).collect();
    let name = |id: SourceId| {
        model
            .sources
            .iter()
            .find(|s| s.source.id == id)
            .map(|s| s.source.fields.name.clone())
            .unwrap_or_default()
    };
    form_grid(ui, "import-existing-source", |ui| {
        combo_row(
            ui,
            &i18n.tr("import-source"),
            &mut d.existing,
            &ids,
            None,
            name,
        );
    });
    if err(&d.errors, Field::Name).is_some() {
        error_label(ui, &i18n.tr("import-pick-source"));
    }
}

fn new_ui(d: &mut SourceDraft, ui: &mut egui::Ui, i18n: &I18n) {
    let e = d.errors.clone();
    let f = &mut d.fields;
    form_grid(ui, "import-new-source", |ui| {
        crate::ui::sources::provenance_rows(ui, i18n, f, &mut d.kind, &mut d.acquired, &e);
    });
    if e.get(Field::Name) == Some(FieldError::InvalidChoice) {
        error_label(ui, &i18n.tr("store-error-duplicate-source"));
    }
}

pub fn ui(view: &mut ImportView, ui: &mut egui::Ui, model: &Model, i18n: &I18n) {
    let d = &mut view.source;
    ui.horizontal(|ui| {
        ui.radio_value(&mut d.use_existing, false, i18n.tr("import-source-new"));
        ui.radio_value(&mut d.use_existing, true, i18n.tr("import-source-existing"));
    });
    if d.use_existing {
        existing_ui(d, ui, model, i18n);
    } else {
        new_ui(d, ui, i18n);
    }
    ui.add_space(6.0);
    form_grid(ui, "import-purpose", |ui| {
        let l = ui.label(i18n.tr("import-purpose"));
        let purposes: Vec<String> = model.purposes.iter().map(|p| p.key.clone()).collect();
        ui.horizontal(|ui| {
            ui.add(egui::TextEdit::singleline(&mut view.purpose).desired_width(200.0))
                .labelled_by(l.id)
                .on_hover_text(purposes.join(", "));
        });
        ui.end_row();
    });
    ui.label(egui::RichText::new(i18n.tr("import-purpose-hint")).weak());
    ui.horizontal(|ui| {
        if ui.button(i18n.tr("import-back")).clicked() {
            view.step = Step::File;
        }
        if ui.button(i18n.tr("import-next")).clicked() && view.source.check(model) {
            super::mapping_step::apply_matching_preset(view, model);
            view.step = Step::Mapping;
        }
    });
}
