//! `consentbook contacts add|list`.

use std::io::Write;

use clap::{Args, Subcommand, ValueEnum};
use serde_json::json;

use super::{CliError, CliResult, print_json};
use crate::domain::spreadsheet::neutralize_formula;
use crate::domain::{ContactFields, LegalBasis, SourceFields, SourceKind};
use crate::store::{ContactExport, NewContact, Store};

#[derive(Debug, Subcommand)]
pub enum ContactsCmd {
    /// Add a contact by hand
    Add(AddArgs),
    /// List all contacts with their sources
    List {
        #[arg(long, value_enum, default_value_t = ListFormat::Json)]
        format: ListFormat,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    Json,
    Csv,
}

#[derive(Debug, Args)]
pub struct AddArgs {
    #[arg(long)]
    email: String,
    #[arg(long)]
    first: Option<String>,
    #[arg(long)]
    last: Option<String>,
    #[arg(long)]
    company: Option<String>,
    #[arg(long)]
    phone: Option<String>,
    /// Name of the source it came from (created if new) [default: Manual entry]
    #[arg(long)]
    source: Option<String>,
    /// Kind of a newly created source
    #[arg(long, value_parser = parse_kind, default_value = "manual")]
    source_kind: SourceKind,
    /// Legal basis for --purpose
    #[arg(long, value_parser = parse_basis)]
    basis: Option<LegalBasis>,
    /// The purpose the basis applies to
    #[arg(long, default_value = "newsletter")]
    purpose: String,
}

fn parse_basis(s: &str) -> Result<LegalBasis, String> {
    LegalBasis::from_code(s).ok_or_else(|| {
        let all: Vec<_> = LegalBasis::ALL.iter().map(|b| b.code()).collect();
        format!("expected one of {}", all.join(", "))
    })
}

fn parse_kind(s: &str) -> Result<SourceKind, String> {
    SourceKind::from_code(s).ok_or_else(|| {
        let all: Vec<_> = SourceKind::ALL.iter().map(|k| k.code()).collect();
        format!("expected one of {}", all.join(", "))
    })
}

pub fn run(store: &mut Store, cmd: &ContactsCmd) -> CliResult {
    match cmd {
        ContactsCmd::Add(a) => add(store, a),
        ContactsCmd::List {
            format: ListFormat::Json,
        } => list_json(store),
        ContactsCmd::List {
            format: ListFormat::Csv,
        } => list_csv(store),
    }
}

fn add(store: &mut Store, a: &AddArgs) -> CliResult {
    let mut created_source = false;
    let source = match &a.source {
        None => None,
        Some(name) => match store.source_by_name(name)? {
            Some(s) => Some(s.id),
            None => {
                created_source = true;
                Some(store.create_source(&SourceFields::new(name.trim(), a.source_kind))?)
            }
        },
    };
    let fields = ContactFields {
        email: a.email.clone(),
        first_name: a.first.clone().unwrap_or_default(),
        last_name: a.last.clone().unwrap_or_default(),
        company: a.company.clone().unwrap_or_default(),
        phone: a.phone.clone().unwrap_or_default(),
        ..Default::default()
    };
    let basis = a.basis.map(|b| (a.purpose.clone(), b));
    let id = store.add_contact(&NewContact {
        fields,
        source,
        basis,
    })?;
    print_json(&json!({ "id": id, "source_created": created_source }))
}

fn list_json(store: &Store) -> CliResult {
    let mut out = std::io::stdout().lock();
    out.write_all(b"[")?;
    let mut first = true;
    store.for_each_contact(|c| -> CliResult {
        let sep: &[u8] = if first { b"\n" } else { b",\n" };
        out.write_all(sep)?;
        first = false;
        serde_json::to_writer(&mut out, &c)?;
        Ok(())
    })?;
    let end: &[u8] = if first { b"]\n" } else { b"\n]\n" };
    out.write_all(end)?;
    Ok(())
}

const CSV_HEADER: [&str; 19] = [
    "id",
    "first_name",
    "last_name",
    "email",
    "phone",
    "company",
    "job_title",
    "street",
    "postal_code",
    "city",
    "country",
    "language",
    "audience",
    "created_at",
    "updated_at",
    "sources",
    "bases",
    "status",
    "notes",
];

fn csv_row(c: &ContactExport) -> Vec<String> {
    let f = &c.contact.fields;
    let sources: Vec<_> = c.sources.iter().map(|s| s.name.as_str()).collect();
    let bases: Vec<_> = c
        .bases
        .iter()
        .map(|b| format!("{}:{}", b.purpose, b.basis.code()))
        .collect();
    [
        c.contact.id.to_string(),
        f.first_name.clone(),
        f.last_name.clone(),
        f.email.clone(),
        f.phone.clone(),
        f.company.clone(),
        f.job_title.clone(),
        f.street.clone(),
        f.postal_code.clone(),
        f.city.clone(),
        f.country.clone(),
        f.language.clone(),
        f.audience.map(|a| a.code().to_owned()).unwrap_or_default(),
        crate::domain::fmt_time(c.contact.created_at),
        crate::domain::fmt_time(c.contact.updated_at),
        sources.join("; "),
        bases.join("; "),
        c.status.to_owned(),
        f.notes.clone(),
    ]
    .into_iter()
    .map(|cell| neutralize_formula(&cell))
    .collect()
}

fn list_csv(store: &Store) -> CliResult {
    let mut w = csv::Writer::from_writer(std::io::stdout().lock());
    let to_err = |e: csv::Error| CliError(format!("output error: {e}"));
    w.write_record(CSV_HEADER).map_err(to_err)?;
    store.for_each_contact(|c| w.write_record(csv_row(&c)).map_err(to_err))?;
    w.flush()?;
    Ok(())
}
