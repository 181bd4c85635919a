//! The e-mail footer (LEGAL-NOTES section 7): sender identity and address,
//! Impressum and privacy links, why the person gets the mail, the Art. 14
//! information at first contact for third-party data, the Art. 21(4)
//! objection notice, the § 7(3) notice for existing customers, the
//! unsubscribe link, and the List-Unsubscribe headers. Rendered as plain text
//! and as HTML from one list of paragraphs, so both say the same.

use chrono::NaiveDate;
use hmac::{Hmac, Mac};
use serde::Serialize;
use sha2::Sha256;

use super::decision::{Decision, Reason};
use super::facts::{
    DataCategory, NamedSource, PurposeBasis, address_line, categories_text, missing_for_footer,
    sender_name,
};
use super::lang::{self, fill, texts};
use crate::domain::contact::ContactId;
use crate::domain::settings::{ControllerIdentity, Language, SettingKey};

/// A piece of a paragraph.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum Inline {
    Text(String),
    Strong(String),
    Link { text: String, url: String },
    Break,
}

pub type Paragraph = Vec<Inline>;

crate::code_enum! {
    /// Something the owner should fix, though the footer is complete.
    pub enum FooterWarning: "footer-warning" {
        /// No https unsubscribe URL: no one-click unsubscribe (RFC 8058, Gmail/Yahoo).
        NoHttps = "no-https",
        /// The unsubscribe URL has no `{token}`: it cannot tell recipients apart.
        NoToken = "no-token",
    }
}

/// Why the person receives the mail.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Why {
    Consent(NaiveDate),
    Customer,
    /// Professional interest, with the source of the address.
    Professional(String),
    /// Only where the address came from.
    Source(String),
}

impl Why {
    /// The statement that fits a decision; `source` names where the address came from.
    pub fn from_decision(d: &Decision, source: &str) -> Self {
        match (d.allowed, d.reason, d.consent_at) {
            (true, Reason::Consent, Some(at)) => Self::Consent(at.date_naive()),
            (true, Reason::ExistingCustomer, _) => Self::Customer,
            (
                true,
                Reason::JobRelated
                | Reason::GenericAddress
                | Reason::PresumedInterest
                | Reason::BusinessCallOptOut,
                _,
            ) => Self::Professional(source.to_owned()),
            _ => Self::Source(source.to_owned()),
        }
    }
}

/// The Art. 14 information a first mail carries for third-party data.
#[derive(Debug, Clone, Copy)]
pub struct Art14Brief<'a> {
    pub sources: &'a [NamedSource],
    pub categories: &'a [DataCategory],
    pub purposes: &'a [PurposeBasis],
}

/// What a footer is made from.
#[derive(Debug, Clone, Copy)]
pub struct FooterInput<'a> {
    pub controller: &'a ControllerIdentity,
    pub lang: Language,
    pub token: &'a str,
    pub why: &'a Why,
    /// `Some` while the Art. 14 notice is still to be given.
    pub art14: Option<Art14Brief<'a>>,
    pub existing_customer: bool,
}

/// A generated footer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Footer {
    pub paragraphs: Vec<Paragraph>,
    /// The link (or mailto) shown in the footer.
    pub unsubscribe_url: String,
    /// The value of the `List-Unsubscribe` header.
    pub list_unsubscribe: String,
    /// Whether `List-Unsubscribe-Post: List-Unsubscribe=One-Click` applies.
    pub one_click: bool,
    pub warnings: Vec<FooterWarning>,
    /// How the language separates a link's label from its URL in plain text.
    pub colon: String,
}

/// The per-contact unsubscribe token: a keyed hash of the contact id, so the
/// link identifies the person without anything stored.
pub fn unsubscribe_token(secret: &[u8], contact: ContactId) -> String {
    let mut mac = match <Hmac<Sha256> as Mac>::new_from_slice(secret) {
        Ok(m) => m,
        Err(_) => unreachable!("HMAC takes keys of any length"),
    };
    mac.update(b"unsubscribe:");
    mac.update(contact.to_string().as_bytes());
    let mut token = hex::encode(mac.finalize().into_bytes());
    token.truncate(32);
    token
}

/// Escapes text for HTML content and attribute values.
pub fn html_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Percent-encodes everything but unreserved characters (RFC 3986).
fn percent_encode(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn with_subject(mailto: &str, subject: &str) -> String {
    let sep = if mailto.contains('?') { '&' } else { '?' };
    format!("{mailto}{sep}subject={}", percent_encode(subject))
}

struct Unsubscribe {
    visible: String,
    mailto: String,
    https: Option<String>,
    warnings: Vec<FooterWarning>,
}

fn unsubscribe(c: &ControllerIdentity, lang: Language, token: &str) -> Unsubscribe {
    let subject = fill(texts(lang).unsubscribe_subject, &[("token", token)]);
    let template = c.unsubscribe_url.trim();
    let fallback_mailto = with_subject(&format!("mailto:{}", c.email.trim()), &subject);
    let mut warnings = Vec::new();
    if template.starts_with("mailto:") {
        let mailto = with_subject(&template.replace("{token}", token), &subject);
        warnings.push(FooterWarning::NoHttps);
        return Unsubscribe {
            visible: mailto.clone(),
            mailto,
            https: None,
            warnings,
        };
    }
    if template.is_empty() {
        warnings.push(FooterWarning::NoHttps);
        return Unsubscribe {
            visible: fallback_mailto.clone(),
            mailto: fallback_mailto,
            https: None,
            warnings,
        };
    }
    if !template.contains("{token}") {
        warnings.push(FooterWarning::NoToken);
    }
    let url = template.replace("{token}", token);
    let https = url.starts_with("https://").then(|| url.clone());
    if https.is_none() {
        warnings.push(FooterWarning::NoHttps);
    }
    Unsubscribe {
        visible: url,
        mailto: fallback_mailto,
        https,
        warnings,
    }
}

fn text(s: impl Into<String>) -> Inline {
    Inline::Text(s.into())
}

fn identity(c: &ControllerIdentity, lang: Language) -> Vec<Paragraph> {
    let t = texts(lang);
    let sender = sender_name(c);
    let mut who = vec![
        Inline::Strong(sender.clone()),
        text(format!(" · {}", address_line(c))),
    ];
    if !c.representative.trim().is_empty() {
        who.push(Inline::Break);
        who.push(text(fill(
            t.represented_by,
            &[("name", c.representative.trim())],
        )));
    }
    who.push(Inline::Break);
    who.push(text(format!("{}{}{}", t.email, t.colon, c.email.trim())));
    if !c.phone.trim().is_empty() {
        who.push(text(format!(" · {}{}{}", t.phone, t.colon, c.phone.trim())));
    }
    let links = vec![
        Inline::Link {
            text: t.impressum.into(),
            url: c.impressum_url.trim().into(),
        },
        text(" · "),
        Inline::Link {
            text: t.privacy.into(),
            url: c.privacy_url.trim().into(),
        },
    ];
    vec![
        vec![text(fill(t.advert, &[("sender", &sender)]))],
        who,
        links,
    ]
}

fn why_text(why: &Why, lang: Language) -> String {
    let t = texts(lang);
    match why {
        Why::Consent(d) => fill(t.why_consent, &[("date", &lang::date(lang, *d))]),
        Why::Customer => t.why_customer.to_owned(),
        Why::Professional(s) => fill(t.why_professional, &[("source", s)]),
        Why::Source(s) => fill(t.why_source, &[("source", s)]),
    }
}

fn art14_paragraph(a: &Art14Brief<'_>, c: &ControllerIdentity, lang: Language) -> Paragraph {
    let t = texts(lang);
    let cats = categories_text(lang, a.categories);
    let mut p = Vec::new();
    for s in a.sources.iter().filter(|s| s.third_party) {
        let public = if s.publicly_accessible {
            t.public
        } else {
            t.not_public
        };
        p.push(text(fill(
            t.art14_source,
            &[
                ("categories", &cats),
                ("source", &s.label()),
                ("date", &lang::date(lang, s.obtained_on)),
                ("public", public),
            ],
        )));
        p.push(text(" "));
    }
    if !a.purposes.is_empty() {
        let items: Vec<String> = a.purposes.iter().map(|p| p.text(lang)).collect();
        let list = lang::join_list(lang, &items);
        p.push(text(fill(t.art14_purposes, &[("purposes", &list)])));
        p.push(text(" "));
    }
    p.push(text(t.art14_rights));
    if !c.dpo.trim().is_empty() {
        p.push(text(" "));
        p.push(text(fill(t.art14_dpo, &[("dpo", c.dpo.trim())])));
    }
    p.push(Inline::Break);
    p.push(Inline::Link {
        text: t.art14_more.trim_end_matches([':', ' ']).to_owned(),
        url: c.privacy_url.trim().to_owned(),
    });
    p
}

/// Builds the footer, or names the settings that are missing for a complete one.
pub fn build_footer(input: &FooterInput<'_>) -> Result<Footer, Vec<SettingKey>> {
    let c = input.controller;
    let missing = missing_for_footer(c);
    if !missing.is_empty() {
        return Err(missing);
    }
    let lang = input.lang;
    let t = texts(lang);
    let mut paragraphs = identity(c, lang);
    paragraphs.push(vec![text(why_text(input.why, lang))]);
    if let Some(a) = &input.art14 {
        paragraphs.push(art14_paragraph(a, c, lang));
    }
    paragraphs.push(vec![Inline::Strong(t.objection.to_owned())]);
    if input.existing_customer {
        paragraphs.push(vec![text(t.customer_objection)]);
    }
    let u = unsubscribe(c, lang, input.token);
    paragraphs.push(vec![Inline::Link {
        text: t.unsubscribe.into(),
        url: u.visible.clone(),
    }]);
    let list_unsubscribe = match &u.https {
        Some(url) => format!("<{}>, <{url}>", u.mailto),
        None => format!("<{}>", u.mailto),
    };
    Ok(Footer {
        paragraphs,
        unsubscribe_url: u.visible,
        list_unsubscribe,
        one_click: u.https.is_some(),
        warnings: u.warnings,
        colon: t.colon.to_owned(),
    })
}

impl Footer {
    /// The footer as plain text (links written as "label: URL").
    pub fn text(&self) -> String {
        let paras: Vec<String> = self
            .paragraphs
            .iter()
            .map(|p| {
                let mut s = String::new();
                for part in p {
                    match part {
                        Inline::Text(t) | Inline::Strong(t) => s.push_str(t),
                        Inline::Link { text, url } => {
                            s.push_str(&format!("{text}{}{url}", self.colon));
                        }
                        Inline::Break => s.push('\n'),
                    }
                }
                s
            })
            .collect();
        paras.join("\n\n")
    }

    /// The footer as an HTML fragment; every piece of text and every URL is escaped.
    pub fn html(&self) -> String {
        let mut out = String::from(
            "<div class=\"consentbook-footer\" style=\"font-family:Arial,sans-serif;font-size:12px;line-height:1.45;color:#555555\">\n",
        );
        for p in &self.paragraphs {
            out.push_str("<p style=\"margin:0 0 10px 0\">");
            for part in p {
                match part {
                    Inline::Text(t) => out.push_str(&html_escape(t)),
                    Inline::Strong(t) => {
                        out.push_str(&format!("<strong>{}</strong>", html_escape(t)))
                    }
                    Inline::Link { text, url } => out.push_str(&format!(
                        "<a href=\"{}\" style=\"color:#555555\">{}</a>",
                        html_escape(url),
                        html_escape(text)
                    )),
                    Inline::Break => out.push_str("<br>"),
                }
            }
            out.push_str("</p>\n");
        }
        out.push_str("</div>\n");
        out
    }

    /// The header lines to set on the message.
    pub fn headers(&self) -> String {
        let mut h = format!("List-Unsubscribe: {}", self.list_unsubscribe);
        if self.one_click {
            h.push_str("\nList-Unsubscribe-Post: List-Unsubscribe=One-Click");
        }
        h
    }
}

#[cfg(test)]
#[path = "footer_tests.rs"]
mod tests;
