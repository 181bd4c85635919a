//! The names, companies and places demo people are made of.

pub(super) const FIRST: &[&str] = &[
    "Anna", "Jonas", "Lea", "Lukas", "Marie", "Felix", "Sophie", "Paul", "Emma", "Leon", "Hannah",
    "Elias", "Mia", "Noah", "Lina", "Ben", "Clara", "Finn", "Jürgen", "Sabine", "Günther", "Renée",
    "Élodie", "Camille", "Louis", "Chloé", "Hugo", "Léa", "Thomas", "Nathalie", "Olivia", "James",
    "Amelia", "Oliver", "Isla", "George", "Zoë", "Max", "Ida", "Karl",
];
pub(super) const LAST: &[&str] = &[
    "Müller",
    "Schmidt",
    "Schneider",
    "Fischer",
    "Weber",
    "Meyer",
    "Wagner",
    "Becker",
    "Schulz",
    "Hoffmann",
    "Koch",
    "Richter",
    "Klein",
    "Wolf",
    "Schröder",
    "Neumann",
    "Braun",
    "Zimmermann",
    "Krüger",
    "Hartmann",
    "Martin",
    "Bernard",
    "Dubois",
    "Durand",
    "Lefèvre",
    "Moreau",
    "Laurent",
    "Girard",
    "Fournier",
    "Mercier",
    "Smith",
    "Jones",
    "Taylor",
    "Brown",
    "Walker",
    "Evans",
    "Thompson",
    "Wright",
    "Weiß",
    "Groß",
];
pub(super) const COMPANIES: &[(&str, &str)] = &[
    ("Musterbau GmbH", "musterbau"),
    ("Beispiel Logistik AG", "beispiel-logistik"),
    ("Nordlicht Software GmbH", "nordlicht"),
    ("Rheinwerk Maschinen KG", "rheinwerk"),
    ("Alpenblick Hotels GmbH", "alpenblick"),
    ("Hanse Druck e.K.", "hanse-druck"),
    ("Atelier Lumière SARL", "atelier-lumiere"),
    ("Boulangerie Exemple SAS", "boulangerie-exemple"),
    ("Conseil & Associés SA", "conseil-associes"),
    ("Vignobles Modèle SCEA", "vignobles-modele"),
    ("Sample Widgets Ltd", "sample-widgets"),
    ("Placeholder Analytics Ltd", "placeholder-analytics"),
    ("Elbe Energie GmbH", "elbe-energie"),
    ("Spreewald Feinkost GmbH", "spreewald-feinkost"),
    ("Taunus Steuerberatung PartG", "taunus-stb"),
    ("Isar Medientechnik GmbH", "isar-medien"),
];
pub(super) const JOBS: &[&str] = &[
    "Geschäftsführerin",
    "Einkaufsleiter",
    "Head of Marketing",
    "Office Manager",
    "Directrice commerciale",
    "Responsable achats",
    "IT-Leiter",
    "Buchhaltung",
    "CEO",
    "Projektleiterin",
];
pub(super) const CITIES: &[(&str, &str, &str)] = &[
    ("10115", "Berlin", "DE"),
    ("20095", "Hamburg", "DE"),
    ("80331", "München", "DE"),
    ("50667", "Köln", "DE"),
    ("60311", "Frankfurt am Main", "DE"),
    ("45127", "Essen", "DE"),
    ("75001", "Paris", "FR"),
    ("69001", "Lyon", "FR"),
    ("13001", "Marseille", "FR"),
    ("1010", "Wien", "AT"),
];
pub(super) const STREETS_DE: &[&str] = &[
    "Hauptstraße",
    "Bahnhofstraße",
    "Gartenweg",
    "Lindenallee",
    "Schillerstraße",
    "Am Markt",
];
pub(super) const STREETS_FR: &[&str] = &[
    "Rue de la Paix",
    "Rue Exemple",
    "Avenue des Tilleuls",
    "Place du Marché",
];

/// How a generator names people and companies.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum NameStyle {
    /// The small lists of the demo book (40 first names, 40 surnames, 16 companies).
    #[default]
    Demo,
    /// Adds thousands of made-up surnames and companies with a long tail, as a
    /// big book of bought lists has (for benchmarks and `dev generate`).
    Varied,
}

const STEMS: &[&str] = &[
    "Acker", "Adler", "Bach", "Baum", "Berg", "Birk", "Blum", "Brand", "Brunn", "Busch", "Dorn",
    "Eber", "Eich", "Engel", "Falk", "Feld", "Fink", "Frank", "Fuchs", "Garten", "Gold", "Graf",
    "Grün", "Haber", "Hagen", "Hahn", "Hart", "Hasel", "Heil", "Hirsch", "Hoch", "Hof", "Holz",
    "Horn", "Jung", "Kalt", "Kamm", "Kessel", "Kirch", "Knapp", "Kohl", "König", "Kraft", "Kranz",
    "Kuhn", "Lang", "Lind", "Löw", "Maur", "Mohr", "Moos", "Mühl", "Neu", "Nord", "Ober", "Ost",
    "Pfeif", "Reich", "Rein", "Ritt", "Rosen", "Roth", "Sand", "Schön", "Schwarz", "Sommer",
    "Sonnen", "Stahl", "Stein", "Stern", "Storch", "Strauß", "Tann", "Thal", "Vogel", "Wald",
    "Wasser", "Weid", "Wein", "Wend", "Wester", "Wies", "Wind", "Winter", "Zeller", "Zimmer",
    "Beaul", "Chabr", "Delac", "Ferr", "Gaut", "Lamb", "Marc", "Perr", "Rouss", "Vinc",
];
const ENDINGS: &[&str] = &[
    "", "er", "mann", "bauer", "berger", "hofer", "meier", "ner", "ling", "feld", "hausen", "mayr",
    "ke", "huber", "wald", "stedt", "brink", "haus", "egger", "inger", "rath", "ert", "el", "bach",
    "ier", "ot", "and", "ault", "ard", "in",
];
const SECTORS: &[&str] = &[
    "Logistik",
    "Software",
    "Maschinenbau",
    "Consulting",
    "Handel",
    "Bau",
    "Medien",
    "Energie",
    "Feinkost",
    "Textil",
    "Druck",
    "Reisen",
    "Design",
    "Immobilien",
    "Transport",
    "Solutions",
    "Conseil",
    "Technologies",
];
const FORMS: &[&str] = &[
    "GmbH",
    "AG",
    "KG",
    "e.K.",
    "GmbH & Co. KG",
    "SARL",
    "SAS",
    "Ltd",
];

/// An index in `0..n`, skewed towards 0 like real name frequencies.
fn skewed(rng: &mut super::SplitMix64, n: usize) -> usize {
    let u = (rng.next_u64() >> 11) as f64 / (1u64 << 53) as f64;
    ((u * u * u) * n as f64) as usize % n.max(1)
}

/// A made-up surname ("Steinhofer", "Rosen-Kuhnert"), long-tailed.
pub(super) fn varied_last(rng: &mut super::SplitMix64) -> String {
    let one = |rng: &mut super::SplitMix64| {
        let stem = STEMS[skewed(rng, STEMS.len())];
        let end = ENDINGS[skewed(rng, ENDINGS.len())];
        format!("{stem}{end}")
    };
    let last = one(rng);
    if rng.chance(3) {
        format!("{last}-{}", one(rng))
    } else {
        last
    }
}

/// A made-up company and the slug of its (fake) mail domain.
pub(super) fn varied_company(rng: &mut super::SplitMix64) -> (String, String) {
    let stem = STEMS[skewed(rng, STEMS.len())];
    let end = ENDINGS[rng.below(ENDINGS.len() as u64) as usize];
    let sector = *rng.pick(SECTORS);
    let form = *rng.pick(FORMS);
    let slug = super::ascii_slug(&format!("{stem}{end}-{sector}"));
    (format!("{stem}{end} {sector} {form}"), slug)
}
