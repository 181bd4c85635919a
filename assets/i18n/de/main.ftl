## Navigation
nav-contacts = Kontakte
nav-import = Import
nav-sources = Quellen
nav-requests = Anfragen
nav-register = Verzeichnis
nav-footers = Fußzeilen
nav-settings = Einstellungen


## Common
save = Speichern
cancel = Abbrechen
close = Schließen
edit = Bearbeiten
delete = Löschen
yes = ja
file-browse = Durchsuchen…
file-no-dialog = Auf diesem Desktop steht kein Dateidialog zur Verfügung; bitte den Pfad eintippen.
job-cancelling = Wird abgebrochen…
toast-dismiss = Ausblenden

## Start
open-error-title = Dieses Buch lässt sich nicht öffnen
welcome-title = Willkommen bei Consentbook
welcome-text = Ihr Kontaktbuch ist leer. Sehen Sie sich zuerst ein Demo-Buch voller erfundener Personen an, oder beginnen Sie mit Ihren eigenen Kontakten.
welcome-open-demo = Demo-Daten öffnen
welcome-import = Liste importieren
demo-banner = Demo-Buch – alle Personen darin sind erfunden.
demo-leave = Zurück zu meinem Buch
toast-demo-opened = Demo-Buch geöffnet. Nichts darin ist echt.

## Contacts
contacts-search = Suche
contacts-search-hint = Name, E-Mail oder Firma
contacts-add = Kontakt hinzufügen
contacts-count = { $count ->
    [one] 1 Kontakt
   *[other] { $count } Kontakte
}
contacts-none-found = Keine passenden Kontakte.
contacts-filter-source = Quelle: { $source }
contacts-filter-clear = Alle zeigen
col-name = Name
col-email = E-Mail
col-company = Firma
col-source = Quelle
col-basis = Rechtsgrundlage
col-status = Status
col-when = Wann
col-purpose = Zweck
col-channel = Kanal
col-event = Ereignis
col-method = Art
col-kind = Art
col-vendor = Anbieter
col-acquired = Erworben
col-contacts = Kontakte
col-doubtful = Zweifelhaft
col-actions = Aktionen

status-restricted = Eingeschränkt
status-objected = Widersprochen
status-consented = Einwilligung erteilt
status-awaiting = Bestätigung ausstehend
status-withdrawn = Einwilligung widerrufen
status-none = Keine Einwilligung erfasst

form-add-contact = Kontakt hinzufügen
form-edit-contact = Kontakt bearbeiten
form-source = Quelle
form-manual-source = Manuelle Eingabe
form-purpose = Zweck
form-basis = Rechtsgrundlage

detail-provenance = Woher dieser Kontakt stammt
detail-bases = Rechtsgrundlage je Zweck
detail-history = Einwilligungsverlauf
detail-address = Anschrift
detail-created = Angelegt
detail-updated = Geändert
detail-last-inbound = Letzter Kontakt von der Person
detail-first-seen = Zuerst erfasst
detail-batch = Import-Stapel
detail-raw-row = Zeile wie geliefert
detail-no-bases = Noch keine Rechtsgrundlage erfasst.
detail-no-events = Noch keine Einwilligungsereignisse.
detail-set-basis = Grundlage setzen
detail-recorded = Erfasst

consent-form-title = Einwilligungsereignis erfassen
consent-channel = Kanal
consent-event = Ereignis
consent-method = Wie
consent-at = Wann
consent-at-hint = Wann: JJJJ-MM-TT HH:MM in Ortszeit; leer bedeutet jetzt.
consent-record = Ereignis erfassen

delete-title = Diesen Kontakt löschen?
delete-text = { $name } wird mit Quellen, Rechtsgrundlagen und Einwilligungsverlauf gelöscht. Das lässt sich nicht rückgängig machen.
delete-confirm = Kontakt löschen

toast-contact-added = Kontakt hinzugefügt.
toast-contact-saved = Kontakt gespeichert.
toast-contact-deleted = Kontakt gelöscht.
toast-basis-set = Rechtsgrundlage gesetzt.
toast-consent-recorded = Einwilligungsereignis erfasst.

## Sources
sources-intro = Jeder Kontakt behält seine Herkunft: eigenes Formular, Veranstaltung, gekaufte oder gemietete Liste, Partner, öffentliches Register.
sources-new = Neue Quelle
sources-edit = Quelle bearbeiten
sources-none = Noch keine Quellen.
sources-show-contacts = Kontakte zeigen
sources-flag-doubtful = { $source } als zweifelhaft markieren
source-public = Öffentlich zugänglich
source-doubtful = Als zweifelhaft markiert
source-doubtful-badge = ⚠ zweifelhaft
toast-source-saved = Quelle gespeichert.

## Settings
settings-controller = Verantwortlicher
settings-controller-intro = Erscheint in Auskünften, Hinweisen und E-Mail-Fußzeilen.
settings-save = Einstellungen speichern
toast-settings-saved = Einstellungen gespeichert.
audit-title = Prüfprotokoll
audit-intro = Jede Änderung wird in einer Hash-Kette protokolliert; wer einen Eintrag ändert oder entfernt, bricht sie.
audit-verify = Prüfprotokoll prüfen
audit-intact = Das Prüfprotokoll ist unversehrt ({ $count } Einträge).
audit-broken = Das Prüfprotokoll ist bei Eintrag { $row } gebrochen.
about-title = Über
about-not-legal-advice = Consentbook hilft Ihnen, die Nachweise zu führen, die die DSGVO verlangt. Es ist keine Rechtsberatung.

## Store errors
store-error-duplicate-email = Es gibt schon einen Kontakt mit dieser E-Mail-Adresse.
store-error-duplicate-source = Es gibt schon eine Quelle mit diesem Namen.
store-error-suppressed = Diese Person steht auf der Sperrliste (früher gelöscht oder widersprochen). Nehmen Sie sie nur mit einer neuen, von ihr erteilten Einwilligung wieder auf.
store-error-not-empty = Demo-Daten passen nur in ein leeres Buch.
store-error-not-found = Das gibt es nicht mehr.
store-error-not-a-database = Diese Datei ist kein Consentbook-Buch oder sie ist verschlüsselt.
store-error-newer-schema = Dieses Buch stammt von einer neueren Consentbook-Version; es wurde nicht verändert.
store-error-cancelled = Abgebrochen; nichts wurde geändert.
store-error-encrypted = Das Buch ist verschlüsselt; bitte die Passphrase eingeben.
store-error-wrong-passphrase = Diese Passphrase öffnet das Buch nicht (oder die Datei ist kein Consentbook-Buch). Die Datei wurde nicht verändert.
store-error-invalid = Bitte prüfen: { $details }
store-error-other = Etwas ist schiefgegangen: { $details }

## Fields
field-first_name = Vorname
field-last_name = Nachname
field-email = E-Mail
field-phone = Telefon
field-company = Firma
field-job_title = Position
field-street = Straße
field-postal_code = PLZ
field-city = Ort
field-country = Land (ISO-Code)
field-language = Sprache (ISO-Code)
field-audience = Geschäftlich oder privat
field-notes = Notizen
field-name = Name
field-kind = Art
field-vendor_name = Anbieter
field-vendor_contact = Kontakt beim Anbieter
field-acquired_on = Erworben am (JJJJ-MM-TT)
field-contract_ref = Vertragsreferenz
field-claimed_basis = Vom Anbieter behauptete Rechtsgrundlage
field-evidence_ref = Einwilligungsnachweis des Anbieters
field-purpose = Zweck
field-at = Wann
field-ip = IP-Adresse
field-wording = Genauer angezeigter Wortlaut
field-evidence = Nachweis-Notiz
field-passphrase = Passphrase
field-value = Wert

## Field errors
error-required = Pflichtfeld.
error-invalid-email = Keine gültige E-Mail-Adresse.
error-invalid-phone = Keine gültige Telefonnummer.
error-too-short = Zu kurz.
error-too-long = Zu lang.
error-no-way-to-reach = Bitte eine E-Mail-Adresse oder Telefonnummer angeben.
error-in-future = Liegt in der Zukunft.
error-invalid-date = Kein Datum (JJJJ-MM-TT).
error-invalid-url = Keine Webadresse (https://…).
error-invalid-ip = Keine IP-Adresse.
error-invalid-country = Bitte einen zweistelligen Ländercode, z. B. DE.
error-invalid-language = Bitte einen zweistelligen Sprachcode, z. B. de.
error-invalid-choice = Hier nicht erlaubt.
error-vendor-required = Eine gekaufte oder gemietete Liste braucht ihren Anbieter.
error-invalid-purpose = Bitte Kleinbuchstaben, Ziffern und Bindestriche.
error-control-chars = Enthält Steuerzeichen.

## Values
basis-consent = Einwilligung
basis-contract = Vertrag
basis-legal-obligation = Rechtliche Verpflichtung
basis-vital-interest = Lebenswichtige Interessen
basis-public-task = Öffentliche Aufgabe
basis-legitimate-interest = Berechtigte Interessen

source-kind-web-form = Eigenes Webformular
source-kind-event = Veranstaltung / Visitenkarte
source-kind-existing-customer = Bestandskunde
source-kind-purchased-list = Gekaufte Liste
source-kind-rented-list = Gemietete Liste
source-kind-partner = Partner
source-kind-public-register = Öffentliches Register
source-kind-manual = Manuelle Eingabe

channel-email = E-Mail
channel-phone = Telefon
channel-sms = SMS
channel-post = Post

event-given = Einwilligung erteilt
event-doi-sent = Double-Opt-in-Mail gesendet
event-doi-confirmed = Double-Opt-in bestätigt
event-withdrawn = Einwilligung widerrufen
event-objected = Widerspruch

method-web-form = Webformular
method-paper = Papierformular
method-oral = Mündlich (Notiz)
method-business-card = Visitenkarte
method-email = E-Mail
method-phone = Telefon
method-import = Import vom Anbieter
method-other = Sonstiges

audience-b2b = Geschäftlich (B2B)
audience-b2c = Verbraucher (B2C)

jurisdiction-de = Deutschland
jurisdiction-fr = Frankreich
jurisdiction-eu = Anderes EU-Land

language-en = English
language-de = Deutsch
language-fr = Français

setting-company = Firmenname
setting-legal_form = Rechtsform
setting-address = Postanschrift
setting-representative = Vertreten durch
setting-email = E-Mail
setting-phone = Telefon
setting-website = Website
setting-impressum_url = Impressum-URL
setting-privacy_url = URL der Datenschutzerklärung
setting-unsubscribe_url = Abmelde-URL oder mailto:
setting-dpo = Datenschutzbeauftragte/r
setting-jurisdiction = Rechtsordnung
setting-language = Sprache

erasure-reason-deleted = Von Ihnen gelöscht
erasure-reason-request = Löschantrag (Art. 17)
erasure-reason-objection = Widerspruch (Art. 21)
erasure-reason-withdrawal = Einwilligung widerrufen
erasure-reason-retention = Speicherfrist abgelaufen
erasure-reason-import-undo = Import rückgängig gemacht
erasure-reason-reapplied = Nach Wiederherstellung einer älteren Sicherung erneut gelöscht
setting-backups_keep = Aufzubewahrende Sicherungen
