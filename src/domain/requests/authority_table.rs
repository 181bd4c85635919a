//! The supervisory authorities the access report can name. Names, postal
//! addresses and websites as published by the authorities (checked 2026-11);
//! the report always adds the official list so a reader can verify.

/// One authority.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entry {
    pub name: &'static str,
    pub address: &'static str,
    pub website: &'static str,
}

/// The BfDI's list of the federal states' authorities.
pub const DE_LIST_URL: &str =
    "https://www.bfdi.bund.de/DE/Service/Anschriften/Laender/Laender-node.html";
/// The EDPB's list of the member states' authorities.
pub const EU_LIST_URL: &str = "https://www.edpb.europa.eu/about-edpb/about-edpb/members_en";

pub const CNIL: Entry = Entry {
    name: "Commission Nationale de l'Informatique et des Libertés (CNIL)",
    address: "3 Place de Fontenoy, TSA 80715, 75334 Paris Cedex 07, France",
    website: "https://www.cnil.fr",
};

/// German federal states: (code, names that identify it in an address, authority for businesses).
pub const LAENDER: &[(&str, &[&str], Entry)] = &[
    (
        "BW",
        &["baden-württemberg", "baden-wuerttemberg"],
        Entry {
            name: "Der Landesbeauftragte für den Datenschutz und die Informationsfreiheit Baden-Württemberg",
            address: "Lautenschlagerstraße 20, 70173 Stuttgart",
            website: "https://www.baden-wuerttemberg.datenschutz.de",
        },
    ),
    (
        "BY",
        &["bayern", "bavaria", "bavière", "freistaat bayern"],
        Entry {
            name: "Bayerisches Landesamt für Datenschutzaufsicht (BayLDA)",
            address: "Promenade 18, 91522 Ansbach",
            website: "https://www.lda.bayern.de",
        },
    ),
    (
        "BE",
        &["berlin"],
        Entry {
            name: "Berliner Beauftragte für Datenschutz und Informationsfreiheit",
            address: "Alt-Moabit 59-61, 10555 Berlin",
            website: "https://www.datenschutz-berlin.de",
        },
    ),
    (
        "BB",
        &["brandenburg"],
        Entry {
            name: "Die Landesbeauftragte für den Datenschutz und für das Recht auf Akteneinsicht Brandenburg",
            address: "Stahnsdorfer Damm 77, 14532 Kleinmachnow",
            website: "https://www.lda.brandenburg.de",
        },
    ),
    (
        "HB",
        &["bremen", "bremerhaven"],
        Entry {
            name: "Die Landesbeauftragte für Datenschutz und Informationsfreiheit der Freien Hansestadt Bremen",
            address: "Arndtstraße 1, 27570 Bremerhaven",
            website: "https://www.datenschutz.bremen.de",
        },
    ),
    (
        "HH",
        &["hamburg"],
        Entry {
            name: "Der Hamburgische Beauftragte für Datenschutz und Informationsfreiheit",
            address: "Ludwig-Erhard-Straße 22, 20459 Hamburg",
            website: "https://datenschutz-hamburg.de",
        },
    ),
    (
        "HE",
        &["hessen", "hesse"],
        Entry {
            name: "Der Hessische Beauftragte für Datenschutz und Informationsfreiheit",
            address: "Gustav-Stresemann-Ring 1, 65189 Wiesbaden",
            website: "https://datenschutz.hessen.de",
        },
    ),
    (
        "MV",
        &["mecklenburg-vorpommern", "mecklenburg-western pomerania"],
        Entry {
            name: "Der Landesbeauftragte für Datenschutz und Informationsfreiheit Mecklenburg-Vorpommern",
            address: "Werderstraße 74a, 19055 Schwerin",
            website: "https://www.datenschutz-mv.de",
        },
    ),
    (
        "NI",
        &["niedersachsen", "lower saxony", "basse-saxe"],
        Entry {
            name: "Der Landesbeauftragte für den Datenschutz Niedersachsen",
            address: "Prinzenstraße 5, 30159 Hannover",
            website: "https://www.lfd.niedersachsen.de",
        },
    ),
    (
        "NW",
        &[
            "nordrhein-westfalen",
            "north rhine-westphalia",
            "nrw",
            "rhénanie-du-nord-westphalie",
        ],
        Entry {
            name: "Landesbeauftragte für Datenschutz und Informationsfreiheit Nordrhein-Westfalen",
            address: "Kavalleriestraße 2-4, 40213 Düsseldorf",
            website: "https://www.ldi.nrw.de",
        },
    ),
    (
        "RP",
        &[
            "rheinland-pfalz",
            "rhineland-palatinate",
            "rhénanie-palatinat",
        ],
        Entry {
            name: "Der Landesbeauftragte für den Datenschutz und die Informationsfreiheit Rheinland-Pfalz",
            address: "Hintere Bleiche 34, 55116 Mainz",
            website: "https://www.datenschutz.rlp.de",
        },
    ),
    (
        "SL",
        &["saarland", "sarre"],
        Entry {
            name: "Unabhängiges Datenschutzzentrum Saarland",
            address: "Fritz-Dobisch-Straße 12, 66111 Saarbrücken",
            website: "https://www.datenschutz.saarland.de",
        },
    ),
    (
        "SN",
        &["sachsen", "saxony", "saxe", "freistaat sachsen"],
        Entry {
            name: "Die Sächsische Datenschutz- und Transparenzbeauftragte",
            address: "Devrientstraße 5, 01067 Dresden",
            website: "https://www.datenschutz.sachsen.de",
        },
    ),
    (
        "ST",
        &["sachsen-anhalt", "saxony-anhalt", "saxe-anhalt"],
        Entry {
            name: "Die Landesbeauftragte für den Datenschutz Sachsen-Anhalt",
            address: "Otto-von-Guericke-Straße 34a, 39104 Magdeburg",
            website: "https://datenschutz.sachsen-anhalt.de",
        },
    ),
    (
        "SH",
        &["schleswig-holstein"],
        Entry {
            name: "Unabhängiges Landeszentrum für Datenschutz Schleswig-Holstein (ULD)",
            address: "Holstenstraße 98, 24103 Kiel",
            website: "https://www.datenschutzzentrum.de",
        },
    ),
    (
        "TH",
        &[
            "thüringen",
            "thueringen",
            "thuringia",
            "thuringe",
            "freistaat thüringen",
        ],
        Entry {
            name: "Der Thüringer Landesbeauftragte für den Datenschutz und die Informationsfreiheit",
            address: "Häßlerstraße 8, 99096 Erfurt",
            website: "https://www.tlfdi.de",
        },
    ),
];

/// German postal code regions → federal state. Two-digit regions that lie in
/// one state; where a region spans states, three-digit prefixes decide, and
/// prefixes left out stay undecided (the report then names the state's
/// authority only if the address names the state).
pub const PLZ_REGIONS: &[(u32, u32, &str)] = &[
    // (first three-digit prefix, last three-digit prefix, state)
    (10, 29, "SN"),
    (30, 39, "BB"),
    (40, 47, "SN"),
    (60, 64, "ST"),
    (66, 69, "ST"),
    (70, 79, "TH"),
    (80, 99, "SN"),
    (100, 141, "BE"),
    (144, 169, "BB"),
    (170, 171, "MV"),
    (174, 192, "MV"),
    (200, 209, "HH"),
    (220, 227, "HH"),
    (228, 238, "SH"),
    (239, 239, "MV"),
    (240, 259, "SH"),
    (260, 274, "NI"),
    (275, 275, "HB"),
    (276, 279, "NI"),
    (281, 287, "HB"),
    (288, 319, "NI"),
    (320, 339, "NW"),
    (340, 342, "HE"),
    (344, 344, "NW"),
    (345, 346, "HE"),
    (350, 359, "HE"),
    (380, 387, "NI"),
    (388, 399, "ST"),
    (400, 483, "NW"),
    (486, 487, "NW"),
    (500, 533, "NW"),
    (534, 535, "RP"),
    (536, 539, "NW"),
    (540, 569, "RP"),
    (580, 599, "NW"),
    (600, 619, "HE"),
    (630, 636, "HE"),
    (637, 639, "BY"),
    (640, 654, "HE"),
    (657, 659, "HE"),
    (660, 663, "SL"),
    (665, 667, "SL"),
    (668, 679, "RP"),
    (681, 683, "BW"),
    (687, 693, "BW"),
    (695, 766, "BW"),
    (768, 769, "RP"),
    (770, 799, "BW"),
    (800, 879, "BY"),
    (880, 880, "BW"),
    (881, 881, "BY"),
    (882, 889, "BW"),
    (900, 977, "BY"),
    (978, 979, "BW"),
    (980, 999, "TH"),
];

/// EU / EEA member states other than DE and FR: (ISO code, names, authority).
pub const MEMBER_STATES: &[(&str, &[&str], Entry)] = &[
    (
        "AT",
        &["austria", "österreich", "autriche"],
        eu(
            "Österreichische Datenschutzbehörde",
            "https://www.dsb.gv.at",
        ),
    ),
    (
        "BE",
        &["belgium", "belgien", "belgique", "belgië"],
        eu(
            "Autorité de protection des données / Gegevensbeschermingsautoriteit",
            "https://www.dataprotectionauthority.be",
        ),
    ),
    (
        "BG",
        &["bulgaria", "bulgarien", "bulgarie", "българия"],
        eu(
            "Commission for Personal Data Protection",
            "https://www.cpdp.bg",
        ),
    ),
    (
        "HR",
        &["croatia", "kroatien", "croatie", "hrvatska"],
        eu(
            "Agencija za zaštitu osobnih podataka (AZOP)",
            "https://azop.hr",
        ),
    ),
    (
        "CY",
        &["cyprus", "zypern", "chypre", "κύπρος"],
        eu(
            "Commissioner for Personal Data Protection",
            "https://www.dataprotection.gov.cy",
        ),
    ),
    (
        "CZ",
        &[
            "czechia",
            "czech republic",
            "tschechien",
            "tchéquie",
            "česko",
        ],
        eu("Úřad pro ochranu osobních údajů", "https://uoou.gov.cz"),
    ),
    (
        "DK",
        &["denmark", "dänemark", "danemark", "danmark"],
        eu("Datatilsynet", "https://www.datatilsynet.dk"),
    ),
    (
        "EE",
        &["estonia", "estland", "estonie", "eesti"],
        eu("Andmekaitse Inspektsioon", "https://www.aki.ee"),
    ),
    (
        "FI",
        &["finland", "finnland", "finlande", "suomi"],
        eu("Tietosuojavaltuutetun toimisto", "https://tietosuoja.fi"),
    ),
    (
        "GR",
        &["greece", "griechenland", "grèce", "ελλάδα"],
        eu("Hellenic Data Protection Authority", "https://www.dpa.gr"),
    ),
    (
        "HU",
        &["hungary", "ungarn", "hongrie", "magyarország"],
        eu(
            "Nemzeti Adatvédelmi és Információszabadság Hatóság (NAIH)",
            "https://www.naih.hu",
        ),
    ),
    (
        "IE",
        &["ireland", "irland", "irlande", "éire"],
        eu(
            "Data Protection Commission",
            "https://www.dataprotection.ie",
        ),
    ),
    (
        "IT",
        &["italy", "italien", "italie", "italia"],
        eu(
            "Garante per la protezione dei dati personali",
            "https://www.garanteprivacy.it",
        ),
    ),
    (
        "LV",
        &["latvia", "lettland", "lettonie", "latvija"],
        eu("Datu valsts inspekcija", "https://www.dvi.gov.lv"),
    ),
    (
        "LT",
        &["lithuania", "litauen", "lituanie", "lietuva"],
        eu(
            "Valstybinė duomenų apsaugos inspekcija",
            "https://vdai.lrv.lt",
        ),
    ),
    (
        "LU",
        &["luxembourg", "luxemburg", "lëtzebuerg"],
        eu(
            "Commission nationale pour la protection des données (CNPD)",
            "https://cnpd.public.lu",
        ),
    ),
    (
        "MT",
        &["malta", "malte"],
        eu(
            "Information and Data Protection Commissioner",
            "https://idpc.org.mt",
        ),
    ),
    (
        "NL",
        &[
            "netherlands",
            "the netherlands",
            "niederlande",
            "pays-bas",
            "nederland",
        ],
        eu(
            "Autoriteit Persoonsgegevens",
            "https://www.autoriteitpersoonsgegevens.nl",
        ),
    ),
    (
        "PL",
        &["poland", "polen", "pologne", "polska"],
        eu(
            "Urząd Ochrony Danych Osobowych (UODO)",
            "https://uodo.gov.pl",
        ),
    ),
    (
        "PT",
        &["portugal"],
        eu(
            "Comissão Nacional de Proteção de Dados (CNPD)",
            "https://www.cnpd.pt",
        ),
    ),
    (
        "RO",
        &["romania", "rumänien", "roumanie", "românia"],
        eu(
            "Autoritatea Națională de Supraveghere a Prelucrării Datelor cu Caracter Personal (ANSPDCP)",
            "https://www.dataprotection.ro",
        ),
    ),
    (
        "SK",
        &["slovakia", "slowakei", "slovaquie", "slovensko"],
        eu(
            "Úrad na ochranu osobných údajov Slovenskej republiky",
            "https://dataprotection.gov.sk",
        ),
    ),
    (
        "SI",
        &["slovenia", "slowenien", "slovénie", "slovenija"],
        eu("Informacijski pooblaščenec", "https://www.ip-rs.si"),
    ),
    (
        "ES",
        &["spain", "spanien", "espagne", "españa"],
        eu(
            "Agencia Española de Protección de Datos (AEPD)",
            "https://www.aepd.es",
        ),
    ),
    (
        "SE",
        &["sweden", "schweden", "suède", "sverige"],
        eu("Integritetsskyddsmyndigheten (IMY)", "https://www.imy.se"),
    ),
    (
        "IS",
        &["iceland", "island", "islande", "ísland"],
        eu("Persónuvernd", "https://www.personuvernd.is"),
    ),
    (
        "LI",
        &["liechtenstein"],
        eu(
            "Datenschutzstelle Liechtenstein",
            "https://www.datenschutzstelle.li",
        ),
    ),
    (
        "NO",
        &["norway", "norwegen", "norvège", "norge"],
        eu("Datatilsynet", "https://www.datatilsynet.no"),
    ),
];

const fn eu(name: &'static str, website: &'static str) -> Entry {
    Entry {
        name,
        address: "",
        website,
    }
}
