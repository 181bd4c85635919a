//! English.

use super::{NoticeTexts, Texts};

pub static TEXTS: Texts = Texts {
    date_format: "%-d %B %Y",
    and: "and",
    yes: "yes",
    no: "no",
    colon: ": ",

    advert: "This is an advertising e-mail from {sender}.",
    represented_by: "Represented by {name}",
    email: "E-mail",
    phone: "Phone",
    impressum: "Legal notice (Impressum)",
    privacy: "Privacy notice",

    why_consent: "Why you receive this e-mail: you gave your consent on {date}.",
    why_customer: "Why you receive this e-mail: you are our customer, and we are telling you about our own similar products and services.",
    why_professional: "Why you receive this e-mail: because of your professional role — our offer relates to your work. We obtained your business address from {source}.",
    why_source: "Why you receive this e-mail: we obtained your address from {source}.",

    art14_source: "Where your data come from (Art. 14 GDPR): we obtained your {categories} from {source} on {date}; this source is {public}.",
    public: "publicly accessible",
    not_public: "not publicly accessible",
    art14_purposes: "We use them for {purposes}.",
    art14_rights: "You have the right of access, rectification, erasure, restriction of processing, objection and data portability, the right to withdraw a consent at any time, and the right to lodge a complaint with a supervisory authority.",
    art14_dpo: "Data protection officer: {dpo}.",
    art14_more: "Full information (recipients, retention, your rights):",

    objection: "Your right to object (Art. 21 GDPR): you may object at any time to the use of your data for direct marketing; we will then no longer use them for this purpose. Simply reply to this e-mail or use the unsubscribe link.",
    customer_objection: "You may object to the use of your e-mail address for advertising at any time, without any costs other than the transmission costs at the basic rates.",
    unsubscribe: "Unsubscribe",
    unsubscribe_subject: "Unsubscribe {token}",

    salutation_named: "Dear {name},",
    salutation_anonymous: "Dear Sir or Madam,",

    cat_name: "name",
    cat_email: "e-mail address",
    cat_phone: "phone number",
    cat_professional: "professional details (company, job title)",
    cat_postal: "postal address",

    notice: NoticeTexts {
        title: "Information under Art. 14 GDPR for {name}",
        intro: "We hold personal data about you that we did not collect from you. This notice tells you who we are, what we hold, where it comes from, and what your rights are.",
        controller: "1. Who is responsible (controller)",
        dpo: "Data protection officer: {dpo}",
        no_dpo: "We have not appointed a data protection officer; write to us at {email}.",
        purposes: "2. Purposes and legal basis",
        no_purposes: "No purpose is recorded yet; we will tell you before we use your data.",
        legitimate_interest: "Our legitimate interest: direct marketing of our own products and services (Recital 47 GDPR).",
        withdraw: "Where we rely on your consent, you may withdraw it at any time with effect for the future.",
        categories: "3. Categories of personal data",
        recipients: "4. Recipients",
        transfers: "5. Transfers to countries outside the EU/EEA",
        retention: "6. How long we keep your data",
        see_privacy: "See our privacy notice: {url}",
        source: "7. Where your data come from",
        source_line: "{source}, obtained on {date}",
        source_public: "Publicly accessible source",
        rights: "8. Your rights",
        rights_text: "You have the right of access (Art. 15), rectification (Art. 16), erasure (Art. 17), restriction of processing (Art. 18) and data portability (Art. 20).",
        objection: "Right to object (Art. 21 GDPR): you may object at any time to the use of your data for direct marketing. We will then stop using them for this purpose. You may also object on grounds relating to your particular situation to processing based on our legitimate interests.",
        complaint: "You have the right to lodge a complaint with a supervisory authority, in particular in the EU country where you live or work.",
        closing: "{company}",
    },
};
