## Import-Assistent
import-intro = Eine Liste einlesen (CSV, Excel, vCard). Jeder importierte Kontakt behält seine Herkunft; Personen auf der Sperrliste bleiben draußen, und nichts Bekanntes wird überschrieben.
import-step = Schritt { $n } von 5: { $name }
import-step-file = Datei
import-step-source = Herkunft
import-step-mapping = Spalten
import-step-preview = Vorschau
import-step-import = Import
import-file = Datei
import-drop-hint = Oder eine Datei auf das Fenster ziehen.
import-read = Datei lesen
import-no-file = Den Pfad einer Datei eingeben oder mit „Durchsuchen…“ wählen.
import-delimiter = getrennt durch { $d }
import-columns = { $count ->
    [one] 1 Spalte
   *[other] { $count } Spalten
}
import-recognised = Erkannt: { $tool }
import-sheet = Tabellenblatt
import-empty-file = Die Datei enthält keine Zeilen zum Importieren.
import-next = Weiter
import-back = Zurück
import-running = Import läuft … „Abbrechen“ lässt das Buch genau so, wie es war.
import-source = Herkunft
import-pick-source = Bitte eine Herkunft wählen.
import-source-new = Neue Herkunft
import-source-existing = Vorhandene Herkunft
import-purpose = Zweck der Einwilligungsnachweise
import-purpose-hint = Enthält die Datei Opt-in- oder Abmeldedaten (z. B. OPTIN_TIME von Mailchimp), werden daraus Einwilligungsereignisse für diesen Zweck, erfasst als „Import von einem Anbieter“.
import-col-column = Spalte in der Datei
import-col-sample = Erste Werte
import-col-target = Importieren als
import-target-none = — nicht importieren —
import-preset = Gespeicherte Zuordnung
import-preset-apply = Anwenden
import-preset-name = Zuordnung speichern als
import-preset-save = Zuordnung speichern
import-preset-saved = Zuordnung gespeichert.
import-no-reach-column = Bitte eine Spalte E-Mail oder Telefon zuordnen: Ein Kontakt braucht einen Weg, ihn zu erreichen.
import-consent-columns = Einwilligungsspalten gefunden: Sie werden zu Einwilligungsereignissen für „{ $purpose }“.
import-preview = Vorschau
import-previewing = Jede Zeile wird geprüft …
import-preview-intro = Noch ist nichts geschrieben. Diese Zahlen stammen aus derselben Prüfung, die der Import ausführt.
import-consent-events = Einwilligungsereignisse aus der Datei
import-first-rows = Erste Zeilen: { $group }
import-line = Zeile { $line }
import-fills = ergänzt { $fields }
import-conflicts = { $count ->
    [one] 1 Wert weicht vom Buch ab (bleibt, wie er war)
   *[other] { $count } Werte weichen vom Buch ab (bleiben, wie sie waren)
}
import-conflict = Zeile { $line }: { $field } bleibt „{ $kept }“ (die Datei sagt „{ $offered }“)
import-warnings = { $count ->
    [one] 1 Hinweis
   *[other] { $count } Hinweise
}
import-commit = { $count ->
    [one] 1 Zeile importieren
   *[other] { $count } Zeilen importieren
}
import-done = Importiert als Stapel #{ $batch }.
import-rejected = { $count ->
    [one] 1 Zeile nicht importiert
   *[other] { $count } Zeilen nicht importiert
}
import-rejected-path = Speichern unter
import-save-rejected = Abgelehnte Zeilen als CSV speichern
import-rejected-saved = Abgelehnte Zeilen gespeichert.
import-another = Weitere Datei importieren
import-cancelled = Der Import wurde abgebrochen. Es wurde nichts geschrieben.

import-reason-unreadable = Die Zeile ist nicht lesbar.
import-reason-unterminated = Eine vCard ohne END:VCARD.
import-reason-empty = Leere Zeile.
import-reason-too-many-cells = Die Zeile hat { $found } Zellen, die Kopfzeile { $expected }.
import-reason-suppressed = Auf der Sperrliste (früher gelöscht oder widersprochen).
import-reason-duplicate = Dieselbe Person wie in Zeile { $line } dieser Datei.
import-warning-short-row = Die Zeile hat { $found } Zellen, die Kopfzeile { $expected }; die fehlenden gelten als leer.
import-warning-time = { $column }: keine lesbare Zeitangabe; ausgelassen.
import-warning-future = { $column }: liegt in der Zukunft; ausgelassen.
import-warning-held-back = { $count } Einwilligungsereignis(se) aus der Datei nicht übernommen: Die Person hat widersprochen, widerrufen oder ist eingeschränkt.
import-warning-restricted = Die Verarbeitung ist eingeschränkt: Nur die Herkunft wurde ergänzt.

import-batches = Frühere Importe
import-batches-none = Noch keine Importe.
import-col-batch = Stapel
import-col-when = Wann
import-col-file = Datei
import-col-counts = Kontakte
import-batch-counts = { $added } neu, { $merged } zusammengeführt, { $linked } jetzt verknüpft
import-undone = rückgängig gemacht
import-undo = Stapel rückgängig machen
import-undo-batch = Stapel #{ $batch } rückgängig machen
import-undo-title = Stapel #{ $batch } rückgängig machen?
import-undo-text = Kontakte, die nur aus diesem Import stammen, werden mit ihren Einwilligungsereignissen entfernt; die Verknüpfungen, die er bei anderen Kontakten ergänzt hat, ebenfalls. Kontakte mit eigenen späteren Einträgen (ein späteres Einwilligungsereignis, eine Einschränkung) bleiben erhalten.
import-undo-confirm = Diesen Import rückgängig machen
import-undone-toast = Import rückgängig gemacht: { $removed } entfernt, { $unlinked } Verknüpfungen entfernt, { $kept } behalten.
import-error-read = Die Datei ist nicht lesbar: { $details }
import-error-mapping = Die Spaltenzuordnung passt nicht zur Datei: { $details }
import-error-undone = Dieser Import wurde bereits rückgängig gemacht.
import-error-save = Die Datei konnte nicht gespeichert werden: { $details }

import-format-csv = CSV-Text
import-format-sheet = Tabellenkalkulation
import-format-vcard = vCard

import-profile-google = Export aus Google Kontakte
import-profile-outlook = Export aus Outlook
import-profile-linkedin = Export der LinkedIn-Kontakte
import-profile-mailchimp = Export einer Mailchimp-Zielgruppe
import-profile-brevo = Kontaktexport aus Brevo
import-profile-vcard = vCard-Adressbuch

import-group-new = Neue Kontakte
import-group-merged = Mit vorhandenem Kontakt zusammengeführt
import-group-suppressed = Gesperrt
import-group-invalid = Ungültig
import-group-duplicate = Doppelt in der Datei

import-target-first_name = Vorname
import-target-last_name = Nachname
import-target-full_name = Voller Name (wird geteilt)
import-target-email = E-Mail
import-target-phone = Telefon
import-target-company = Firma
import-target-job_title = Position
import-target-street = Straße
import-target-postal_code = PLZ
import-target-city = Ort
import-target-country = Land
import-target-language = Sprache
import-target-notes = Notizen
import-target-optin_time = Opt-in-Zeitpunkt (Einwilligung)
import-target-optin_ip = Opt-in-IP-Adresse
import-target-confirm_time = Double-Opt-in bestätigt am
import-target-confirm_ip = IP-Adresse der Bestätigung
import-target-unsub_time = Abgemeldet am
import-target-opt_out = Abgemeldet (ja/nein)
