## Betroffenenanfragen: Werte

request-kind-access = Auskunft (Art. 15)
request-kind-rectification = Berichtigung (Art. 16)
request-kind-erasure = Löschung (Art. 17)
request-kind-restriction = Einschränkung (Art. 18)
request-kind-portability = Datenübertragbarkeit (Art. 20)
request-kind-objection = Widerspruch (Art. 21)
request-kind-withdrawal = Widerruf der Einwilligung (Art. 7 Abs. 3)

request-status-open = Offen
request-status-awaiting-identity = Identitätsprüfung ausstehend
request-status-completed = Erledigt
request-status-declined = Abgelehnt

request-channel-email = E-Mail
request-channel-post = Brief
request-channel-phone = Telefon
request-channel-in-person = Persönlich
request-channel-web-form = Webformular
request-channel-other = Sonstiges

identity-method-address-on-file = Kam von / bestätigt über die gespeicherte Adresse
identity-method-callback = Rückruf unter der gespeicherten Nummer
identity-method-known-person = Uns persönlich bekannt
identity-method-id-document = Ausweis vorgelegt (nur bei begründeten Zweifeln)
identity-method-other = Sonstiges

identity-result-pending = Noch nicht geprüft
identity-result-confirmed = Bestätigt
identity-result-failed = Nicht bestätigt
identity-result-not-needed = Nicht nötig

request-action-logged = Anfrage erfasst
request-action-identity-checked = Identität geprüft
request-action-extended = Frist verlängert
request-action-report-exported = Auskunft exportiert
request-action-portability-exported = Daten zur Übertragung exportiert
request-action-erased = Daten gelöscht
request-action-objection-recorded = Widerspruch festgehalten
request-action-withdrawal-recorded = Widerruf festgehalten
request-action-restricted = Verarbeitung eingeschränkt
request-action-restriction-lifted = Einschränkung aufgehoben
request-action-rectified = Daten berichtigt
request-action-note = Notiz
request-action-closed = Anfrage abgeschlossen

exception-legal-obligation = Gesetzliche Pflicht, z. B. Steuerrecht (Art. 17 Abs. 3 lit. b)
exception-legal-claims = Rechtsansprüche (Art. 17 Abs. 3 lit. e)
exception-expression = Meinungs- und Informationsfreiheit (Art. 17 Abs. 3 lit. a)
exception-public-health = Öffentliche Gesundheit (Art. 17 Abs. 3 lit. c)
exception-archiving = Archiv, Forschung, Statistik (Art. 17 Abs. 3 lit. d)

plan-item-contact-fields = Kontaktangaben
plan-item-source-links = Verknüpfungen mit den Quellen
plan-item-raw-rows = Zeilen, wie sie von den Quellen kamen
plan-item-bases = Rechtsgrundlagen
plan-item-consent-personal-fields = Einwilligungsereignisse: Bezug zur Person, IP-Adresse und Nachweisnotiz (was wann mit welchem Wortlaut vereinbart wurde, bleibt als anonymer Nachweis)
plan-item-request-identifiers = Bei den Anfragen gespeicherte Kennungen

due-state-pending = Offen
due-state-due-soon = Fällig in 7 Tagen
due-state-overdue = Überfällig
due-state-closed = Fristgerecht erledigt
due-state-closed-late = Verspätet erledigt

field-received_on = Eingegangen am (JJJJ-MM-TT)
field-requester = Anfragende Person
field-checked_on = Geprüft am (JJJJ-MM-TT)
field-months = Verlängerung (Monate)
field-reason = Grund
field-told_on = Person informiert am (JJJJ-MM-TT)
field-closed_on = Abgeschlossen am (JJJJ-MM-TT)
erase-confirmation-label = Bestätigung

error-outside-request = Muss zwischen dem Eingang der Anfrage und heute liegen.
error-told-too-late = Muss im ersten Monat nach Eingang der Anfrage liegen.
error-extension-too-long = Um 1 oder 2 Monate verlängern.
error-before-suppression = Muss nach der Löschung oder dem Widerspruch der Person liegen.

report-format-html = Druckbare Seite (HTML)
report-format-pdf = PDF
report-format-json = Maschinenlesbar (JSON)
portability-format-json = JSON
portability-format-csv = CSV (Tabelle)
portability-format-vcard = vCard (Adressbuch)

## Anfragen

requests-title = Betroffenenanfragen
requests-intro = Jede Anfrage muss innerhalb eines Monats nach Eingang beantwortet werden. Erfassen Sie sie hier am Tag des Eingangs.
requests-log = Anfrage erfassen
requests-show-closed = Abgeschlossene Anfragen zeigen
requests-none = Keine Anfragen.
requests-overdue-count = { $count ->
    [one] 1 Anfrage ist überfällig
   *[other] { $count } Anfragen sind überfällig
}
requests-due-soon-count = { $count ->
    [one] 1 Anfrage ist in 7 Tagen fällig
   *[other] { $count } Anfragen sind in 7 Tagen fällig
}
requests-not-in-book = { $who } (nicht im Buch)
requests-erased-person = (gelöschte Person)
requests-col-type = Anfrage
requests-col-requester = Anfragende Person
requests-col-received = Eingegangen
requests-col-due = Fällig
requests-col-status = Stand
requests-col-deadline = Frist
requests-log-for-contact = Anfrage dieser Person erfassen
requests-log-title = Neue Betroffenenanfrage
requests-log-submit = Anfrage speichern
requests-type = Art der Anfrage
requests-channel = Eingegangen per
requests-id-method = Identität geprüft durch
requests-id-result = Ergebnis der Identitätsprüfung
requests-notes = Notizen zur Anfrage
requests-linked-to = Betrifft: { $name }
requests-unlink = Andere Person wählen
requests-find-contact = Kontakt suchen
requests-not-in-book-hint = Nicht im Buch? Geben Sie die Adresse an, von der die Anfrage kam; die Antwort lautet dann „Wir haben keine Daten über Sie“.
requests-email-not-in-book = E-Mail (nicht im Buch)
requests-phone-not-in-book = Telefon (nicht im Buch)
requests-overdue-by = Seit { $days } Tagen überfällig
requests-days-left = Fällig in { $days } Tagen
requests-first-due = Erste Frist
requests-extended = Verlängert
requests-extension-summary = um { $months } Monate; Person informiert am { $told }
requests-files-sent = Versandte Dateien
requests-erased-note = Die Person wurde gelöscht; bei dieser Anfrage bleibt nichts, was sie erkennbar macht.
requests-identity = Identitätsprüfung
requests-identity-hint = Verlangen Sie weitere Nachweise nur bei begründeten Zweifeln (Art. 12 Abs. 6 DSGVO), z. B. Bestätigung über die gespeicherte Adresse.
requests-identity-save = Identitätsprüfung speichern
requests-extend = Frist verlängern
requests-extend-hint = Nur bei komplexen oder vielen Anfragen, um höchstens zwei weitere Monate, und nur wenn Sie die Person innerhalb des ersten Monats mit Gründen informieren.
requests-extend-save = Frist verlängern
requests-actions = Ergriffene Maßnahmen
requests-note = Notiz
requests-note-add = Notiz hinzufügen
requests-close = Abschluss
requests-close-as = Abschließen als
requests-declined-hint = Wenn Sie nicht tätig werden, teilen Sie der Person die Gründe mit und dass sie sich bei einer Aufsichtsbehörde beschweren kann (Art. 12 Abs. 4 DSGVO).
requests-close-save = Anfrage abschließen
requests-open-contact = Im Kontakt zeigen
requests-rights-button = Betroffenenrechte…
requests-restricted-banner = ⚠ Verarbeitung eingeschränkt seit { $date } (Art. 18): nur Speicherung, keine andere Nutzung.
requests-access-section = Auskunft (Art. 15)
requests-access-hint = Alles, was über die Person gespeichert ist, woher es stammt, und die nach Art. 15 nötigen Angaben. Zwecke, Empfänger und Speicherdauer sind Standardangaben, bis Sie ein Verarbeitungsverzeichnis führen: Lesen Sie die Auskunft vor dem Versand.
requests-report-format = Format der Auskunft
requests-report-path = Auskunft speichern unter
requests-report-export = Auskunft exportieren
requests-path-missing = Geben Sie zuerst einen Dateipfad ein oder wählen Sie einen mit „Durchsuchen…“.
requests-no-data-hint = Diese Person ist nicht im Buch. Senden Sie ihr die Auskunft, die das bestätigt.
requests-portability-section = Datenübertragbarkeit (Art. 20)
requests-portability-hint = Die Daten, die die Person Ihnen gegeben hat, in einem maschinenlesbaren Format.
requests-portability-format = Datenformat
requests-portability-path = Daten speichern unter
requests-portability-export = Daten exportieren
requests-objection-section = Widerspruch und Widerruf (Art. 21, Art. 7 Abs. 3)
requests-objection-hint = Wirkt sofort. Ein Widerspruch gegen jede Direktwerbung setzt die Person außerdem auf die Sperrliste, damit kein Import sie zurückbringt.
requests-object-to = Widerspruch gegen
requests-object-all = Jede Direktwerbung
requests-object-record = Widerspruch festhalten
requests-withdraw-purpose = Einwilligung widerrufen für
requests-withdraw-record = Widerruf festhalten
requests-restriction-section = Einschränkung (Art. 18)
requests-restriction-hint = Solange eingeschränkt, werden die Daten nur gespeichert: kein Versand, keine andere Nutzung. Informieren Sie die Person, bevor Sie die Einschränkung aufheben.
requests-restrict = Verarbeitung einschränken
requests-lift = Einschränkung aufheben
requests-rectification-section = Berichtigung (Art. 16)
requests-rectification-hint = Angaben berichtigen oder vervollständigen; die Änderung wird protokolliert (nur Feldnamen).
requests-rectify-field = Berichtigen: { $field }
requests-rectify-save = Berichtigung speichern
requests-erasure-section = Löschung (Art. 17)
requests-erasure-hint = Zeigt zuerst den Plan: was gelöscht wird, was warum bleibt, wer zu informieren ist. Nichts geschieht, bevor Sie bestätigen.
requests-erase-open = Löschen…
requests-last-file = Zuletzt geschriebene Datei: { $path }

## Löschdialog

erase-title = { $name } löschen?
erase-deleted = Endgültig gelöscht
erase-anonymised = Anonymisiert
erase-suppression = Sperrliste
erase-suppression-none = Nichts kommt auf die Sperrliste.
erase-suppression-list = Es kommen auf die Sperrliste (nur als Hashwerte mit geheimem Schlüssel, HMAC): { $kinds }. Die Person wird bei einem erneuten Import oder Eintrag abgewiesen.
erase-identifier-email = E-Mail-Adresse
erase-identifier-phone = Telefonnummer
erase-kept = Aufgrund einer Ausnahme aufbewahrt
erase-kept-line = { $purpose }: { $exception }; es bleiben: { $fields }
erase-notify = Zu informierende Empfänger (Art. 19)
erase-notify-none = Keine Empfänger festgehalten: niemand zu informieren.
erase-copies = Kopien außerhalb des Buchs: bitte selbst löschen
erase-keep-title = Daten aufbewahren, die Sie gesetzlich aufbewahren müssen?
erase-keep-hint = Z. B. Rechnungen nach Steuerrecht. Nur Name und Postanschrift bleiben, beschränkt auf diesen Zweck; alles andere wird gelöscht.
erase-keep-purpose = Daten für „{ $purpose }“ aufbewahren
erase-exception = Ausnahme
erase-keep-note = Was und warum
erase-keep-note-missing = Geben Sie für jeden aufbewahrten Zweck an, was warum aufbewahrt wird.
erase-suppress = Person auf die Sperrliste setzen
erase-confirm-word = LÖSCHEN
erase-type-email = Zur Bestätigung die E-Mail-Adresse der Person eingeben: { $email }
erase-type-word = Zur Bestätigung { $word } eingeben
erase-now = Jetzt löschen

## Neue Einwilligung einer gesperrten Person (Kontaktformular)

override-title = Mit einer neuen Einwilligung der Person hinzufügen
override-hint = Eine gesperrte Person darf nur zurückkommen, wenn sie Ihnen nach ihrer Löschung oder ihrem Widerspruch eine neue Einwilligung gegeben hat. Halten Sie diese mit Nachweis fest; der Sperreintrag wird dann aufgehoben.
override-purpose = Einwilligung für
override-channel = Kanal der Einwilligung
override-method = Einwilligung erteilt per
override-at = Einwilligung erteilt am
override-wording = Wortlaut, dem die Person zugestimmt hat
override-evidence = Nachweis der neuen Einwilligung
override-submit = Mit dieser Einwilligung hinzufügen

toast-request-logged = Anfrage erfasst.
toast-request-saved = Anfrage gespeichert.
toast-request-extended = Frist verlängert.
toast-request-closed = Anfrage abgeschlossen.
toast-report-exported = Auskunft geschrieben.
toast-portability-exported = Datenexport geschrieben.
toast-erased = Gelöscht.
toast-objection-recorded = Widerspruch festgehalten.
toast-withdrawal-recorded = Widerruf festgehalten.
toast-restricted = Verarbeitung eingeschränkt.
toast-restriction-lifted = Einschränkung aufgehoben.
toast-rectified = Berichtigung gespeichert.
toast-contact-added-with-consent = Kontakt mit der neuen Einwilligung hinzugefügt; der Sperreintrag wurde aufgehoben.
