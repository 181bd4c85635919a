//! Français.

use super::{NoticeTexts, Texts};

pub static TEXTS: Texts = Texts {
    date_format: "%d/%m/%Y",
    and: "et",
    yes: "oui",
    no: "non",
    colon: " : ",

    advert: "Ce message est une communication commerciale de {sender}.",
    represented_by: "Représentant légal : {name}",
    email: "E-mail",
    phone: "Téléphone",
    impressum: "Mentions légales",
    privacy: "Politique de confidentialité",

    why_consent: "Pourquoi vous recevez ce message : vous y avez consenti le {date}.",
    why_customer: "Pourquoi vous recevez ce message : vous êtes client, et nous vous informons de nos propres produits et services analogues.",
    why_professional: "Pourquoi vous recevez ce message : en raison de votre activité professionnelle — notre offre concerne votre métier. Nous avons obtenu votre adresse professionnelle auprès de {source}.",
    why_source: "Pourquoi vous recevez ce message : nous avons obtenu votre adresse auprès de {source}.",

    art14_source: "Origine de vos données (art. 14 RGPD) : nous avons obtenu vos données ({categories}) auprès de {source} le {date} ; cette source est {public}.",
    public: "accessible au public",
    not_public: "non accessible au public",
    art14_purposes: "Nous les traitons pour {purposes}.",
    art14_rights: "Vous disposez d'un droit d'accès, de rectification, d'effacement, de limitation du traitement, d'opposition et à la portabilité, du droit de retirer votre consentement à tout moment et du droit d'introduire une réclamation auprès d'une autorité de contrôle (en France : la CNIL).",
    art14_dpo: "Délégué à la protection des données : {dpo}.",
    art14_more: "Informations complètes (destinataires, durée de conservation, vos droits) :",

    objection: "Votre droit d'opposition (art. 21 RGPD) : vous pouvez vous opposer à tout moment à l'utilisation de vos données à des fins de prospection ; nous cesserons alors de les utiliser à cette fin. Répondez simplement à ce message ou utilisez le lien de désinscription.",
    customer_objection: "Vous pouvez vous opposer à tout moment, sans frais autres que ceux liés à la transmission du refus, à l'utilisation de votre adresse électronique à des fins de prospection.",
    unsubscribe: "Se désinscrire",
    unsubscribe_subject: "Désinscription {token}",

    salutation_named: "Bonjour {name},",
    salutation_anonymous: "Madame, Monsieur,",

    cat_name: "nom",
    cat_email: "adresse e-mail",
    cat_phone: "numéro de téléphone",
    cat_professional: "données professionnelles (entreprise, fonction)",
    cat_postal: "adresse postale",

    notice: NoticeTexts {
        title: "Information au titre de l'article 14 du RGPD pour {name}",
        intro: "Nous traitons des données personnelles vous concernant que nous n'avons pas collectées auprès de vous. Cette notice vous indique qui nous sommes, quelles données nous détenons, d'où elles proviennent et quels sont vos droits.",
        controller: "1. Responsable du traitement",
        dpo: "Délégué à la protection des données : {dpo}",
        no_dpo: "Nous n'avons pas désigné de délégué à la protection des données ; écrivez-nous à {email}.",
        purposes: "2. Finalités et base légale",
        no_purposes: "Aucune finalité n'est encore enregistrée ; nous vous informerons avant d'utiliser vos données.",
        legitimate_interest: "Notre intérêt légitime : la prospection commerciale pour nos propres produits et services (considérant 47 du RGPD).",
        withdraw: "Lorsque nous nous fondons sur votre consentement, vous pouvez le retirer à tout moment pour l'avenir.",
        categories: "3. Catégories de données personnelles",
        recipients: "4. Destinataires",
        transfers: "5. Transferts hors de l'UE/de l'EEE",
        retention: "6. Durée de conservation",
        see_privacy: "Voir notre politique de confidentialité : {url}",
        source: "7. Origine des données",
        source_line: "{source}, obtenues le {date}",
        source_public: "Source accessible au public",
        rights: "8. Vos droits",
        rights_text: "Vous disposez d'un droit d'accès (art. 15), de rectification (art. 16), d'effacement (art. 17), de limitation du traitement (art. 18) et à la portabilité (art. 20).",
        objection: "Droit d'opposition (art. 21 RGPD) : vous pouvez vous opposer à tout moment à l'utilisation de vos données à des fins de prospection ; nous cesserons alors de les utiliser à cette fin. Vous pouvez aussi vous opposer, pour des raisons tenant à votre situation particulière, à un traitement fondé sur nos intérêts légitimes.",
        complaint: "Vous avez le droit d'introduire une réclamation auprès d'une autorité de contrôle, notamment dans l'État de l'UE où vous résidez ou travaillez (en France : la CNIL).",
        closing: "{company}",
    },
};
