//! Deutsch.

use super::{NoticeTexts, Texts};

pub static TEXTS: Texts = Texts {
    date_format: "%d.%m.%Y",
    and: "und",
    yes: "ja",
    no: "nein",
    colon: ": ",

    advert: "Dies ist eine Werbe-E-Mail von {sender}.",
    represented_by: "Vertreten durch {name}",
    email: "E-Mail",
    phone: "Telefon",
    impressum: "Impressum",
    privacy: "Datenschutzerklärung",

    why_consent: "Warum Sie diese E-Mail erhalten: Sie haben am {date} eingewilligt.",
    why_customer: "Warum Sie diese E-Mail erhalten: Sie haben bei uns gekauft, und wir informieren Sie über eigene ähnliche Waren und Dienstleistungen.",
    why_professional: "Warum Sie diese E-Mail erhalten: wegen Ihrer beruflichen Tätigkeit — unser Angebot betrifft Ihre Arbeit. Ihre geschäftliche Adresse haben wir von {source} erhalten.",
    why_source: "Warum Sie diese E-Mail erhalten: Ihre Adresse haben wir von {source} erhalten.",

    art14_source: "Herkunft Ihrer Daten (Art. 14 DSGVO): Wir haben am {date} von {source} folgende Daten über Sie erhalten: {categories}; diese Quelle ist {public}.",
    public: "öffentlich zugänglich",
    not_public: "nicht öffentlich zugänglich",
    art14_purposes: "Wir verarbeiten sie für {purposes}.",
    art14_rights: "Sie haben das Recht auf Auskunft, Berichtigung, Löschung, Einschränkung der Verarbeitung, Widerspruch und Datenübertragbarkeit, das Recht, eine Einwilligung jederzeit zu widerrufen, und das Recht auf Beschwerde bei einer Aufsichtsbehörde.",
    art14_dpo: "Datenschutzbeauftragte(r): {dpo}.",
    art14_more: "Alle Informationen (Empfänger, Speicherdauer, Ihre Rechte):",

    objection: "Ihr Widerspruchsrecht (Art. 21 DSGVO): Sie können der Verwendung Ihrer Daten für Direktwerbung jederzeit widersprechen; wir verwenden sie dann nicht mehr für diesen Zweck. Antworten Sie einfach auf diese E-Mail oder nutzen Sie den Abmeldelink.",
    customer_objection: "Sie können der Verwendung Ihrer E-Mail-Adresse für Werbung jederzeit widersprechen, ohne dass hierfür andere als die Übermittlungskosten nach den Basistarifen entstehen.",
    unsubscribe: "Abmelden",
    unsubscribe_subject: "Abmelden {token}",

    salutation_named: "Guten Tag {name},",
    salutation_anonymous: "Sehr geehrte Damen und Herren,",

    cat_name: "Name",
    cat_email: "E-Mail-Adresse",
    cat_phone: "Telefonnummer",
    cat_professional: "berufliche Angaben (Firma, Position)",
    cat_postal: "Postanschrift",

    notice: NoticeTexts {
        title: "Informationen nach Art. 14 DSGVO für {name}",
        intro: "Wir verarbeiten personenbezogene Daten über Sie, die wir nicht bei Ihnen erhoben haben. Hier erfahren Sie, wer wir sind, welche Daten wir haben, woher sie stammen und welche Rechte Sie haben.",
        controller: "1. Verantwortlicher",
        dpo: "Datenschutzbeauftragte(r): {dpo}",
        no_dpo: "Wir haben keinen Datenschutzbeauftragten benannt; schreiben Sie uns an {email}.",
        purposes: "2. Zwecke und Rechtsgrundlage",
        no_purposes: "Noch ist kein Zweck erfasst; wir informieren Sie, bevor wir Ihre Daten verwenden.",
        legitimate_interest: "Unser berechtigtes Interesse: Direktwerbung für eigene Waren und Dienstleistungen (Erwägungsgrund 47 DSGVO).",
        withdraw: "Soweit wir uns auf Ihre Einwilligung stützen, können Sie sie jederzeit mit Wirkung für die Zukunft widerrufen.",
        categories: "3. Kategorien personenbezogener Daten",
        recipients: "4. Empfänger",
        transfers: "5. Übermittlung in Länder außerhalb der EU/des EWR",
        retention: "6. Speicherdauer",
        see_privacy: "Siehe unsere Datenschutzerklärung: {url}",
        source: "7. Herkunft der Daten",
        source_line: "{source}, erhalten am {date}",
        source_public: "Öffentlich zugängliche Quelle",
        rights: "8. Ihre Rechte",
        rights_text: "Sie haben das Recht auf Auskunft (Art. 15), Berichtigung (Art. 16), Löschung (Art. 17), Einschränkung der Verarbeitung (Art. 18) und Datenübertragbarkeit (Art. 20).",
        objection: "Widerspruchsrecht (Art. 21 DSGVO): Sie können der Verwendung Ihrer Daten für Direktwerbung jederzeit widersprechen. Wir verwenden sie dann nicht mehr für diesen Zweck. Aus Gründen, die sich aus Ihrer besonderen Situation ergeben, können Sie auch einer Verarbeitung auf Grundlage unserer berechtigten Interessen widersprechen.",
        complaint: "Sie haben das Recht, sich bei einer Aufsichtsbehörde zu beschweren, insbesondere in dem EU-Staat, in dem Sie wohnen oder arbeiten.",
        closing: "{company}",
    },
};
