//! User-visible text through Fluent (`assets/i18n/{en,de,fr}/*.ftl`).
//! A message missing in a language falls back to English, then to its id.

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

use crate::domain::Language;

mod files {
    include!(concat!(env!("OUT_DIR"), "/i18n_files.rs"));
}

/// The embedded `.ftl` files of a language: (file name, text).
pub fn sources(lang: Language) -> &'static [(&'static str, &'static str)] {
    match lang {
        Language::En => files::EN,
        Language::De => files::DE,
        Language::Fr => files::FR,
    }
}

type Bundle = FluentBundle<FluentResource>;

fn bundle(lang: Language) -> Bundle {
    let id: LanguageIdentifier = lang.code().parse().unwrap_or_default();
    let mut b = FluentBundle::new(vec![id]);
    // Unicode isolation marks would show as boxes in egui and break label matching.
    b.set_use_isolating(false);
    for (name, text) in sources(lang) {
        let res = match FluentResource::try_new((*text).to_owned()) {
            Ok(r) => r,
            Err((r, errs)) => {
                log::warn!("{} errors in {}/{name}", errs.len(), lang.code());
                r
            }
        };
        if let Err(errs) = b.add_resource(res) {
            log::warn!(
                "{} duplicate messages in {}/{name}",
                errs.len(),
                lang.code()
            );
        }
    }
    b
}

/// Translations for the UI, switchable at run time.
pub struct I18n {
    lang: Language,
    current: Bundle,
    english: Bundle,
}

impl std::fmt::Debug for I18n {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("I18n")
            .field("lang", &self.lang)
            .finish_non_exhaustive()
    }
}

impl I18n {
    pub fn new(lang: Language) -> Self {
        Self {
            lang,
            current: bundle(lang),
            english: bundle(Language::En),
        }
    }

    pub fn language(&self) -> Language {
        self.lang
    }

    pub fn set_language(&mut self, lang: Language) {
        if lang != self.lang {
            self.lang = lang;
            self.current = bundle(lang);
        }
    }

    /// Whether `id` exists in the current language (not counting fallback).
    pub fn has(&self, id: &str) -> bool {
        self.current.has_message(id)
    }

    /// The message `id` without arguments.
    pub fn tr(&self, id: &str) -> String {
        self.format(id, None)
    }

    /// The message `id` with named arguments.
    pub fn tr_args(&self, id: &str, args: &[(&str, FluentValue<'_>)]) -> String {
        let mut fa = FluentArgs::new();
        for (k, v) in args {
            fa.set(*k, v.clone());
        }
        self.format(id, Some(&fa))
    }

    fn format(&self, id: &str, args: Option<&FluentArgs<'_>>) -> String {
        for b in [&self.current, &self.english] {
            if let Some(pattern) = b.get_message(id).and_then(|m| m.value()) {
                let mut errors = Vec::new();
                let s = b.format_pattern(pattern, args, &mut errors);
                return s.into_owned();
            }
        }
        id.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use fluent_bundle::FluentResource;
    use std::collections::BTreeSet;

    fn ids(lang: Language) -> BTreeSet<String> {
        let mut out = BTreeSet::new();
        for (name, text) in sources(lang) {
            let res = match FluentResource::try_new((*text).to_owned()) {
                Ok(r) => r,
                Err((_, errs)) => panic!("{}/{name} does not parse: {errs:?}", lang.code()),
            };
            for entry in res.entries() {
                if let fluent_syntax::ast::Entry::Message(m) = entry {
                    assert!(
                        out.insert(m.id.name.to_owned()),
                        "duplicate id {} in {}",
                        m.id.name,
                        lang.code()
                    );
                }
            }
        }
        out
    }

    #[test]
    fn every_language_has_the_same_messages() {
        let en = ids(Language::En);
        assert!(en.len() > 50, "only {} English messages", en.len());
        for lang in [Language::De, Language::Fr] {
            let other = ids(lang);
            let missing: Vec<_> = en.difference(&other).collect();
            let extra: Vec<_> = other.difference(&en).collect();
            assert!(missing.is_empty(), "{} lacks {missing:?}", lang.code());
            assert!(extra.is_empty(), "{} has unknown {extra:?}", lang.code());
        }
    }

    #[test]
    fn every_code_enum_value_has_a_message() {
        use crate::domain::*;
        let en = ids(Language::En);
        let mut wanted: Vec<&str> = Vec::new();
        wanted.extend(LegalBasis::ALL.iter().map(|v| v.i18n_id()));
        wanted.extend(SourceKind::ALL.iter().map(|v| v.i18n_id()));
        wanted.extend(Channel::ALL.iter().map(|v| v.i18n_id()));
        wanted.extend(ConsentEventKind::ALL.iter().map(|v| v.i18n_id()));
        wanted.extend(ConsentMethod::ALL.iter().map(|v| v.i18n_id()));
        wanted.extend(Audience::ALL.iter().map(|v| v.i18n_id()));
        wanted.extend(Jurisdiction::ALL.iter().map(|v| v.i18n_id()));
        wanted.extend(Language::ALL.iter().map(|v| v.i18n_id()));
        wanted.extend(Field::ALL.iter().map(|v| v.i18n_id()));
        wanted.extend(FieldError::ALL.iter().map(|v| v.i18n_id()));
        wanted.extend(SettingKey::ALL.iter().map(|v| v.i18n_id()));
        wanted.extend(crate::store::ErasureReason::ALL.iter().map(|v| v.i18n_id()));
        for s in [
            ContactStatus::Restricted,
            ContactStatus::Objected,
            ContactStatus::Consented,
            ContactStatus::AwaitingConfirmation,
            ContactStatus::Withdrawn,
            ContactStatus::NoConsent,
        ] {
            wanted.push(s.i18n_id());
        }
        let missing: Vec<_> = wanted.iter().filter(|id| !en.contains(**id)).collect();
        assert!(missing.is_empty(), "missing messages: {missing:?}");
    }

    #[test]
    fn every_id_used_in_the_source_exists() {
        let en = ids(Language::En);
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut missing = Vec::new();
        let mut stack = vec![root];
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(&dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    if !path.ends_with("i18n") {
                        stack.push(path);
                    }
                } else if path.extension().is_some_and(|e| e == "rs") {
                    let text = std::fs::read_to_string(&path).unwrap();
                    for marker in [".tr(\"", ".tr_args(\""] {
                        for part in text.split(marker).skip(1) {
                            let id = part.split('"').next().unwrap();
                            if !en.contains(id) {
                                missing.push(format!("{}: {id}", path.display()));
                            }
                        }
                    }
                }
            }
        }
        assert!(missing.is_empty(), "ids used but not defined: {missing:#?}");
    }

    #[test]
    fn fallback_and_arguments() {
        let de = I18n::new(Language::De);
        assert_eq!(de.tr("no-such-message"), "no-such-message");
        assert_eq!(de.tr("nav-contacts"), "Kontakte");
        let en = I18n::new(Language::En);
        let s = en.tr_args("contacts-count", &[("count", 3.into())]);
        assert_eq!(s, "3 contacts");
    }
}
