//! `consentbook import FILE --source NAME …`, `import undo BATCH`, `import list`.

use std::path::PathBuf;

use clap::{Args, Subcommand};
use serde_json::json;

use super::{CliError, CliResult, print_json};
use crate::domain::import::{FileSpec, ImportReport, MappingFile};
use crate::domain::progress::Progress;
use crate::domain::source::parse_date;
use crate::domain::spreadsheet::neutralize_formula;
use crate::domain::{LegalBasis, SourceFields, SourceKind};
use crate::store::{ImportError, ImportRequest, SourceChoice, Store};

/// `import` takes a file, or one of its subcommands.
#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true, subcommand_negates_reqs = true)]
pub struct ImportCmd {
    #[command(subcommand)]
    pub sub: Option<ImportSub>,
    #[command(flatten)]
    pub args: ImportArgs,
}

#[derive(Debug, Subcommand)]
pub enum ImportSub {
    /// Undo an import batch: remove the contacts that came only from it and its links
    Undo {
        /// The batch id (as printed by the import)
        batch: i64,
    },
    /// List past import batches
    List,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The file: CSV (any delimiter and encoding), XLSX/XLS/ODS, or vCard (.vcf)
    #[arg(required = true)]
    pub file: Option<PathBuf>,
    /// The source the contacts come from (created if new)
    #[arg(long, required = true)]
    pub source: Option<String>,
    /// Kind of a new source
    #[arg(long, value_parser = parse_kind, default_value = "manual")]
    pub kind: SourceKind,
    /// Vendor of a new source (required for purchased and rented lists)
    #[arg(long)]
    pub vendor: Option<String>,
    /// How to reach the vendor
    #[arg(long)]
    pub vendor_contact: Option<String>,
    /// When the list was acquired (YYYY-MM-DD)
    #[arg(long, value_parser = |s: &str| parse_date(s).map_err(|e| e.english()))]
    pub acquired: Option<chrono::NaiveDate>,
    /// Contract or order reference
    #[arg(long)]
    pub contract: Option<String>,
    /// Legal basis the vendor claims (consent, legitimate-interest, … or a, f)
    #[arg(long, value_parser = |s: &str| LegalBasis::parse_loose(s).ok_or("expected a legal basis, e.g. consent or legitimate-interest"))]
    pub basis: Option<LegalBasis>,
    /// Where the vendor's proof of consent is
    #[arg(long)]
    pub evidence: Option<String>,
    /// The data were publicly accessible
    #[arg(long)]
    pub public: bool,
    /// The purpose the consent evidence in the file covers
    #[arg(long, default_value = "newsletter")]
    pub purpose: String,
    /// A JSON file mapping headers to fields, e.g. {"Mail": "email", "Fax": "ignore"}
    #[arg(long, value_name = "MAPPING.json")]
    pub mapping: Option<PathBuf>,
    /// Use the saved mapping of this name
    #[arg(long, value_name = "NAME")]
    pub preset: Option<String>,
    /// Save the mapping used under this name
    #[arg(long, value_name = "NAME")]
    pub save_preset: Option<String>,
    /// The sheet of a spreadsheet [default: the first]
    #[arg(long)]
    pub sheet: Option<String>,
    /// Only show what would happen; write nothing
    #[arg(long)]
    pub dry_run: bool,
    /// Write every rejected row with its reason to this CSV file
    #[arg(long, value_name = "PATH")]
    pub rejected: Option<PathBuf>,
}

fn parse_kind(s: &str) -> Result<SourceKind, String> {
    SourceKind::from_code(s).ok_or_else(|| {
        let all: Vec<_> = SourceKind::ALL.iter().map(|k| k.code()).collect();
        format!("expected one of {}", all.join(", "))
    })
}

impl From<ImportError> for CliError {
    fn from(e: ImportError) -> Self {
        Self(e.to_string())
    }
}

pub fn run(store: &mut Store, cmd: &ImportCmd) -> CliResult {
    match &cmd.sub {
        Some(ImportSub::Undo { batch }) => {
            let s = store.undo_import_batch(*batch)?;
            print_json(&s)
        }
        Some(ImportSub::List) => print_json(&store.import_batches()?),
        None => import(store, &cmd.args),
    }
}

fn source_choice(store: &Store, a: &ImportArgs, name: &str) -> CliResult<SourceChoice> {
    let mut fields = SourceFields::new(name.trim(), a.kind);
    fields.vendor_name = a.vendor.clone().unwrap_or_default();
    fields.vendor_contact = a.vendor_contact.clone().unwrap_or_default();
    fields.acquired_on = a.acquired;
    fields.contract_ref = a.contract.clone().unwrap_or_default();
    fields.claimed_basis = a.basis;
    fields.consent_evidence_ref = a.evidence.clone().unwrap_or_default();
    fields.publicly_accessible = a.public;
    let Some(existing) = store.source_by_name(name)? else {
        return Ok(SourceChoice::New(fields));
    };
    // Provenance flags describe a new source; for an existing one they must agree.
    let e = &existing.fields;
    let differs = (a.vendor.is_some() && e.vendor_name != fields.vendor_name)
        || (a.acquired.is_some() && e.acquired_on != fields.acquired_on)
        || (a.basis.is_some() && e.claimed_basis != fields.claimed_basis)
        || (a.contract.is_some() && e.contract_ref != fields.contract_ref);
    if differs {
        return Err(CliError(
            "the source exists with other details; change them under Sources, or name a new source"
                .into(),
        ));
    }
    Ok(SourceChoice::Existing(existing.id))
}

fn mapping_file(store: &Store, a: &ImportArgs) -> CliResult<Option<MappingFile>> {
    let mut out: Option<MappingFile> = None;
    if let Some(name) = &a.preset {
        let saved = store
            .import_preset(name)?
            .ok_or_else(|| CliError("no saved mapping of that name".into()))?;
        out = Some(saved);
    }
    if let Some(path) = &a.mapping {
        let text = std::fs::read_to_string(path)
            .map_err(|e| CliError(format!("cannot read the mapping file: {e}")))?;
        let file: MappingFile = serde_json::from_str(&text).map_err(|e| {
            CliError(format!(
                "the mapping file is not a JSON object of header → field: {e}"
            ))
        })?;
        let merged = out.get_or_insert_with(MappingFile::default);
        merged.0.extend(file.0);
    }
    Ok(out)
}

fn import(store: &mut Store, a: &ImportArgs) -> CliResult {
    let (Some(file), Some(name)) = (&a.file, &a.source) else {
        return Err(CliError("import needs a FILE and --source NAME".into()));
    };
    let mut spec =
        FileSpec::detect(file).map_err(|e| CliError(format!("cannot read the file: {e}")))?;
    spec.sheet = a.sheet.clone();
    let req = ImportRequest {
        spec,
        mapping: None,
        mapping_file: mapping_file(store, a)?,
        source: source_choice(store, a, name)?,
        purpose: a.purpose.clone(),
    };
    let report = store.import(&req, &Progress::new(), a.dry_run)?;
    if let Some(preset) = &a.save_preset {
        store.save_import_preset(preset, &report.mapping.to_file(&report.headers))?;
    }
    if let Some(path) = &a.rejected {
        write_rejected(&report, path)?;
    }
    let c = report.counts;
    print_json(&json!({
        "batch": report.batch,
        "added": c.added,
        "merged": c.merged,
        "suppressed": c.suppressed,
        "invalid": c.invalid,
        "duplicates_in_file": c.duplicates_in_file,
    }))
}

/// Writes the rejected rows of a report as CSV (formula cells neutralised).
pub fn write_rejected(report: &ImportReport, path: &std::path::Path) -> CliResult {
    let f = std::fs::File::create(path)
        .map_err(|e| CliError(format!("cannot write the rejected rows: {e}")))?;
    report
        .write_rejected_csv(std::io::BufWriter::new(f), neutralize_formula)
        .map_err(|e| CliError(format!("cannot write the rejected rows: {e}")))
}
