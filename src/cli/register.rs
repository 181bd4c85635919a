//! `consentbook register export|check|list|preset`.

use std::path::PathBuf;

use clap::Subcommand;
use serde_json::json;

use super::{CliError, CliResult, print_json};
use crate::domain::Language;
use crate::domain::register::export::ExportFormat;
use crate::domain::register::presets::Preset;
use crate::i18n::I18n;
use crate::store::Store;

#[derive(Debug, Subcommand)]
pub enum RegisterCmd {
    /// Write the register as printable HTML, PDF or JSON
    Export {
        #[arg(long, value_parser = parse_format)]
        format: ExportFormat,
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// Language of the headings (en, de, fr) [default: the book's language]
        #[arg(long, value_parser = parse_lang)]
        lang: Option<Language>,
    },
    /// List what is missing or inconsistent (JSON); exit 0 even with findings
    Check,
    /// List the activities with how many contacts and sources they cover (JSON)
    List,
    /// Presets for a small business
    #[command(subcommand)]
    Preset(PresetCmd),
}

#[derive(Debug, Subcommand)]
pub enum PresetCmd {
    /// The preset names (JSON)
    List,
    /// Add the activity of a preset to the register
    Apply {
        #[arg(value_parser = parse_preset)]
        name: Preset,
        /// Language of the preset's texts [default: the book's language]
        #[arg(long, value_parser = parse_lang)]
        lang: Option<Language>,
    },
}

fn one_of(all: &[&str]) -> String {
    format!("expected one of {}", all.join(", "))
}

pub(super) fn parse_format(s: &str) -> Result<ExportFormat, String> {
    ExportFormat::from_code(s).ok_or_else(|| {
        one_of(
            &ExportFormat::ALL
                .iter()
                .map(|f| f.code())
                .collect::<Vec<_>>(),
        )
    })
}

pub(super) fn parse_lang(s: &str) -> Result<Language, String> {
    Language::from_code(s)
        .ok_or_else(|| one_of(&Language::ALL.iter().map(|l| l.code()).collect::<Vec<_>>()))
}

fn parse_preset(s: &str) -> Result<Preset, String> {
    Preset::from_code(s)
        .ok_or_else(|| one_of(&Preset::ALL.iter().map(|p| p.code()).collect::<Vec<_>>()))
}

/// The language asked for, else the book's.
pub(super) fn language(store: &Store, lang: Option<Language>) -> CliResult<Language> {
    Ok(match lang {
        Some(l) => l,
        None => store.settings()?.language,
    })
}

pub fn run(store: &mut Store, cmd: &RegisterCmd) -> CliResult {
    let now = chrono::Utc::now();
    match cmd {
        RegisterCmd::Export { format, out, lang } => {
            let lang = language(store, *lang)?;
            let export = store.register_export(lang, now)?;
            let i18n = I18n::new(lang);
            let bytes = export
                .render(*format, &|id| i18n.tr(id))
                .map_err(|e| CliError(e.to_string()))?;
            std::fs::write(out, bytes)
                .map_err(|e| CliError(format!("cannot write {}: {e}", out.display())))?;
            print_json(&json!({
                "file": out.display().to_string(),
                "format": format.code(),
                "version": export.version,
                "activities": export.activities.len(),
            }))
        }
        RegisterCmd::Check => print_json(&store.register_check(now)?),
        RegisterCmd::List => print_json(&store.activity_summaries()?),
        RegisterCmd::Preset(PresetCmd::List) => {
            let names: Vec<&str> = Preset::ALL.iter().map(|p| p.code()).collect();
            print_json(&names)
        }
        RegisterCmd::Preset(PresetCmd::Apply { name, lang }) => {
            let lang = language(store, *lang)?;
            let id = store.apply_preset(*name, lang)?;
            let version = store.register_version()?.version;
            print_json(&json!({ "id": id, "preset": name.code(), "version": version }))
        }
    }
}
