//! `consentbook check | footer | notice | export mailable | purpose-rules`.

use std::io::Write;
use std::path::PathBuf;

use clap::{Args, Subcommand};
use serde_json::json;

use super::{CliError, CliResult, print_json};
use crate::domain::outreach::{
    ContactOutreach, FooterContext, MergeFormat, NoticeError, PurposeRules,
};
use crate::domain::{Channel, ContactId, Language, SettingKey};
use crate::store::{ExportOptions, OutreachError, Store};

#[derive(Debug, Subcommand)]
pub enum OutreachCmd {
    /// May this contact be contacted for a purpose? Prints {"allowed", "reason", "rule"}
    Check(CheckArgs),
    /// Print the e-mail footer (or its headers) for a contact
    Footer(FooterArgs),
    /// Print the Art. 14 notice for a contact whose data came from a third party
    Notice(NoticeArgs),
    /// Write files for other programs
    #[command(subcommand)]
    Export(ExportCmd),
    /// Show or set the facts a purpose's mailability rests on
    PurposeRules(RulesArgs),
    /// Find the contact an unsubscribe token (from a link or mail subject) belongs to
    UnsubscribeToken {
        #[arg(long)]
        token: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum ExportCmd {
    /// A mail-merge file (CSV or XLSX) of every contact mailable for a purpose
    Mailable(ExportArgs),
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    #[arg(long)]
    email: String,
    #[arg(long)]
    purpose: String,
    #[arg(long, value_parser = code::<Channel>, default_value = "email")]
    channel: Channel,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum FooterFormat {
    Text,
    Html,
    Headers,
}

#[derive(Debug, Args)]
pub struct FooterArgs {
    #[arg(long)]
    email: String,
    /// de, en or fr [default: the contact's language, else the book's]
    #[arg(long, value_parser = code::<Language>)]
    lang: Option<Language>,
    #[arg(long, value_enum, default_value_t = FooterFormat::Text)]
    format: FooterFormat,
    /// The purpose the mail serves [default: the first the contact may be e-mailed for]
    #[arg(long)]
    purpose: Option<String>,
}

#[derive(Debug, Args)]
pub struct NoticeArgs {
    #[arg(long)]
    email: String,
    #[arg(long, value_parser = code::<Language>)]
    lang: Option<Language>,
    /// Also record that the notice was sent now (settles the Art. 14 clock)
    #[arg(long)]
    record_sent: bool,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    #[arg(long)]
    purpose: String,
    #[arg(long, value_name = "FILE")]
    out: PathBuf,
    /// csv or xlsx [default: from the file name]
    #[arg(long, value_parser = code::<MergeFormat>)]
    format: Option<MergeFormat>,
    /// Footer language for every row [default: each contact's own, else the book's]
    #[arg(long, value_parser = code::<Language>)]
    lang: Option<Language>,
    /// Record now as the first contact of every exported person (use when the
    /// mailing goes out); this settles their Art. 14 clock. Off by default.
    #[arg(long)]
    record_first_contact: bool,
}

#[derive(Debug, Args)]
pub struct RulesArgs {
    #[arg(long)]
    purpose: String,
    /// The purpose offers own goods or services similar to what customers bought
    #[arg(long, value_parser = yes_no)]
    similar_goods: Option<bool>,
    /// Customers were told at collection that they may object free of charge
    #[arg(long, value_parser = yes_no)]
    informed_at_collection: Option<bool>,
    /// The offer relates to the recipient's job (France, B2B)
    #[arg(long, value_parser = yes_no)]
    job_related: Option<bool>,
    /// Businesses can be presumed interested in calls for it (Germany)
    #[arg(long, value_parser = yes_no)]
    presumed_interest: Option<bool>,
    /// Consumer calls are screened against Bloctel (France)
    #[arg(long, value_parser = yes_no)]
    bloctel_screened: Option<bool>,
}

fn code<T: std::str::FromStr>(s: &str) -> Result<T, String>
where
    T::Err: std::fmt::Display,
{
    s.parse::<T>().map_err(|e| e.to_string())
}

fn yes_no(s: &str) -> Result<bool, String> {
    match s.trim().to_ascii_lowercase().as_str() {
        "yes" | "true" | "1" => Ok(true),
        "no" | "false" | "0" => Ok(false),
        _ => Err("expected yes or no".into()),
    }
}

impl From<OutreachError> for CliError {
    fn from(e: OutreachError) -> Self {
        Self(e.to_string())
    }
}

fn missing(keys: &[SettingKey]) -> CliError {
    OutreachError::MissingSettings(keys.to_vec()).into()
}

pub fn run(store: &mut Store, cmd: &OutreachCmd) -> CliResult {
    match cmd {
        OutreachCmd::Check(a) => check(store, a),
        OutreachCmd::Footer(a) => footer(store, a),
        OutreachCmd::Notice(a) => notice(store, a),
        OutreachCmd::Export(ExportCmd::Mailable(a)) => export(store, a),
        OutreachCmd::PurposeRules(a) => rules(store, a),
        OutreachCmd::UnsubscribeToken { token } => token_owner(store, token),
    }
}

fn contact_by_email(store: &Store, email: &str) -> CliResult<ContactId> {
    store
        .contact_id_by_email(email)?
        .ok_or_else(|| CliError("no contact with that e-mail address".into()))
}

fn check(store: &Store, a: &CheckArgs) -> CliResult {
    let id = contact_by_email(store, &a.email)?;
    let d = store.may_contact(id, a.purpose.trim(), a.channel)?;
    print_json(&json!({
        "allowed": d.allowed,
        "reason": d.english(),
        "rule": d.rule,
        "code": d.reason.code(),
    }))
}

/// The purpose a footer is for: the one asked, else the first the contact may be e-mailed for.
fn footer_purpose(store: &Store, o: &ContactOutreach, asked: Option<&str>) -> CliResult<String> {
    if let Some(p) = asked {
        return Ok(p.trim().to_owned());
    }
    let j = store.settings()?.jurisdiction;
    let purposes = store.purposes()?;
    for p in &purposes {
        let rules = store.purpose_rules(&p.key)?;
        if o.decide(j, &p.key, Channel::Email, rules).allowed {
            return Ok(p.key.clone());
        }
    }
    Ok("newsletter".to_owned())
}

fn footer(store: &Store, a: &FooterArgs) -> CliResult {
    let id = contact_by_email(store, &a.email)?;
    let o = store.contact_outreach(id)?;
    let settings = store.settings()?;
    let purpose = footer_purpose(store, &o, a.purpose.as_deref())?;
    let decision = o.decide(
        settings.jurisdiction,
        &purpose,
        Channel::Email,
        store.purpose_rules(&purpose)?,
    );
    let lang = a.lang.unwrap_or_else(|| o.language(settings.language));
    let ctx = FooterContext {
        controller: &settings.controller,
        lang,
        secret: store.secret(),
    };
    let f = o.footer(&ctx, &decision).map_err(|k| missing(&k))?;
    if !decision.allowed {
        eprintln!(
            "warning: this contact may not be e-mailed for {purpose}: {}",
            decision.english()
        );
    }
    let text = match a.format {
        FooterFormat::Text => f.text(),
        FooterFormat::Html => f.html(),
        FooterFormat::Headers => f.headers(),
    };
    let mut out = std::io::stdout().lock();
    writeln!(out, "{}", text.trim_end())?;
    Ok(())
}

fn notice(store: &mut Store, a: &NoticeArgs) -> CliResult {
    let id = contact_by_email(store, &a.email)?;
    let o = store.contact_outreach(id)?;
    let settings = store.settings()?;
    let lang = a.lang.unwrap_or_else(|| o.language(settings.language));
    let text = o
        .notice(&settings.controller, lang, &store.notice_details()?)
        .map_err(|e| match e {
            NoticeError::Missing(k) => missing(&k),
            NoticeError::NotThirdParty => CliError(
                "this contact's data came from the person themselves (Art. 13 applies); no Art. 14 notice is needed"
                    .into(),
            ),
        })?;
    let mut out = std::io::stdout().lock();
    write!(out, "{text}")?;
    if a.record_sent {
        store.record_notice_sent(id, chrono::Utc::now())?;
    }
    Ok(())
}

fn export(store: &mut Store, a: &ExportArgs) -> CliResult {
    let opts = ExportOptions {
        purpose: a.purpose.trim().to_owned(),
        lang: a.lang,
        format: a.format.unwrap_or_else(|| MergeFormat::from_path(&a.out)),
    };
    let progress = crate::domain::progress::Progress::new();
    let summary = store.export_mailable(&opts, &a.out, &progress)?;
    let recorded = if a.record_first_contact {
        store.record_first_contact(&summary.ids, chrono::Utc::now(), true)?
    } else {
        0
    };
    print_json(&json!({
        "exported": summary.rows,
        "file": summary.path,
        "format": opts.format,
        "with_art14": summary.with_art14,
        "first_contact_recorded": recorded,
    }))
}

fn token_owner(store: &Store, token: &str) -> CliResult {
    let id = store
        .contact_by_unsubscribe_token(token)?
        .ok_or_else(|| CliError("no contact has this unsubscribe token".into()))?;
    let c = store.contact(id)?;
    print_json(&json!({ "contact": id, "email": c.fields.email, "name": c.fields.display_name() }))
}

fn rules(store: &mut Store, a: &RulesArgs) -> CliResult {
    let purpose = a.purpose.trim();
    let mut r: PurposeRules = store.purpose_rules(purpose)?;
    let changes = [
        (&mut r.similar_goods, a.similar_goods),
        (&mut r.informed_at_collection, a.informed_at_collection),
        (&mut r.job_related, a.job_related),
        (&mut r.presumed_interest, a.presumed_interest),
        (&mut r.bloctel_screened, a.bloctel_screened),
    ];
    let mut any = false;
    for (field, value) in changes {
        if let Some(v) = value {
            *field = v;
            any = true;
        }
    }
    if any {
        store.set_purpose_rules(purpose, r)?;
    }
    print_json(&json!({ "purpose": purpose, "rules": r }))
}
