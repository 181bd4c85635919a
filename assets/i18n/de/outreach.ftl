## Ansprache: das Fußzeilen-Panel, Werbeerlaubnis, Art.-14-Informationen, Serienbrief-Export
outreach-title = Fußzeilen, Informationen und Serienbrief
outreach-intro = Darf ich dieser Person schreiben? Hier erhalten Sie die Antwort mit ihrer Rechtsgrundlage, die Fußzeile für Ihre E-Mail, die Information nach Art. 14 für gekaufte oder gemietete Daten und eine Serienbrief-Datei aller Personen, die Sie anschreiben dürfen.
outreach-detail-title = Darf ich diese Person anschreiben?
outreach-allowed = Darf per E-Mail angeschrieben werden
outreach-not-allowed = Darf nicht per E-Mail angeschrieben werden
outreach-rule = Vorschrift: { $rule }
outreach-open-footer = Fußzeile für diesen Kontakt…
outreach-filter-mailable = Anschreibbar für
outreach-filter-any = (alle)
col-art14 = Art.-14-Information

outreach-reason-restricted = Die Verarbeitung ist eingeschränkt (Art. 18): Die Daten dürfen nur gespeichert werden.
outreach-reason-suppressed = Die Adresse steht auf der Sperrliste (früher gelöscht oder widersprochen).
outreach-reason-objected = Die Person hat der Direktwerbung widersprochen. Ein Widerspruch verfällt nie.
outreach-reason-withdrawn = Die Person hat ihre Einwilligung für diesen Zweck widerrufen (abgemeldet).
outreach-reason-no-address = Für diesen Kanal ist keine Adresse hinterlegt.
outreach-reason-consent = Vorherige Einwilligung vom { $date }.
outreach-reason-awaiting-confirmation = Die Einwilligung wartet auf die Double-Opt-in-Bestätigung. Schreiben Sie erst nach der Bestätigung.
outreach-reason-no-consent = Keine vorherige Einwilligung für diesen Zweck und Kanal.
outreach-reason-existing-customer = Bestandskunde: Adresse aus einem Verkauf, eigene ähnliche Waren, bei Erhebung belehrt, kein Widerspruch. Jede E-Mail muss auf den kostenlosen Widerspruch hinweisen (die Fußzeile tut es).
outreach-reason-customer-not-similar = Bestandskunde, aber dieser Zweck ist nicht als Angebot eigener ähnlicher Waren oder Dienstleistungen markiert.
outreach-reason-customer-not-informed = Bestandskunde, aber es ist nicht markiert, dass die Kunden bei der Erhebung auf den kostenlosen Widerspruch hingewiesen wurden.
outreach-reason-job-related = Geschäftskontakt: erlaubt mit Information und Widerspruchsmöglichkeit, da das Angebot die berufliche Tätigkeit der Person betrifft.
outreach-reason-not-job-related = Geschäftskontakt ohne Einwilligung, und dieser Zweck ist nicht als berufsbezogen markiert.
outreach-reason-generic-address = Allgemeine Firmenadresse (contact@, info@ …): Daten des Unternehmens, nicht einer Person.
outreach-reason-presumed-interest = Geschäftskontakt: mutmaßliche Einwilligung, da dieser Zweck als für Unternehmen mutmaßlich interessant markiert ist.
outreach-reason-no-presumed-interest = Geschäftlicher Anruf ohne Einwilligung, und dieser Zweck ist nicht als mutmaßlich interessant markiert.
outreach-reason-business-call-opt-out = Geschäftlicher Anruf: erlaubt, solange die Person nicht widersprochen hat.
outreach-reason-bloctel-screened = Anruf bei Verbrauchern: erlaubt, da Anrufe für diesen Zweck mit der Bloctel-Liste abgeglichen werden.
outreach-reason-not-bloctel-screened = Anruf bei Verbrauchern ohne Einwilligung, und Anrufe für diesen Zweck sind nicht als mit Bloctel abgeglichen markiert.
outreach-reason-post-opt-out = Briefwerbung: erlaubt, solange die Person nicht widersprochen hat.

notice-state-due = Information fällig
notice-state-overdue = Information überfällig
notice-state-sent = Information erteilt
outreach-clock-due = Information nach Art. 14 fällig bis { $due } (ein Monat nach Erhalt der Daten oder die erste E-Mail, wenn früher).
outreach-clock-overdue = Information nach Art. 14 überfällig seit { $due }: Senden Sie sie jetzt oder nehmen Sie sie in die Fußzeile der nächsten E-Mail auf.
outreach-clock-sent = Information nach Art. 14 erteilt am { $sent }.
outreach-first-contact-at = Erster Kontakt: { $date }
outreach-record-first-contact = Erste E-Mail (mit dieser Fußzeile) als gesendet erfassen
outreach-record-notice = Separat gesendete Information erfassen
outreach-first-contact-recorded = Erster Kontakt erfasst.
outreach-notice-recorded = Information nach Art. 14 als gesendet erfasst.

outreach-footer-section = Fußzeile für einen Kontakt
outreach-footer-for = { $name } <{ $email }>, Fußzeile auf { $language }
outreach-contact = Kontakt
outreach-contact-hint = Name, E-Mail oder Firma eingeben
outreach-pick-contact = Wählen Sie einen Kontakt, um die Fußzeile zu sehen.
outreach-language = Sprache der Fußzeile
outreach-language-own = Sprache des Kontakts
outreach-tab-preview = Vorschau
outreach-tab-text = Reiner Text
outreach-tab-html = HTML-Quelltext
outreach-tab-headers = Kopfzeilen
outreach-tab-notice = Information nach Art. 14
outreach-read-only = Erzeugter Text (schreibgeschützt)
outreach-copy-text = Text kopieren
outreach-copy-html = HTML kopieren
outreach-copy-headers = Kopfzeilen kopieren
outreach-copy-notice = Information kopieren
outreach-copied = In die Zwischenablage kopiert.
outreach-missing-settings = Für eine vollständige Fußzeile fehlen diese Einstellungen: { $settings }.
outreach-open-settings = Einstellungen öffnen
outreach-notice-not-needed = Die Daten dieses Kontakts stammen von der Person selbst (es gilt Art. 13): Eine Information nach Art. 14 ist nicht nötig.
footer-warning-no-https = Keine https-Abmeldeadresse: E-Mail-Programme können keine Ein-Klick-Abmeldung anbieten (Gmail und Yahoo verlangen sie bei Massenversand). Hinterlegen Sie in den Einstellungen eine https-Abmelde-URL.
footer-warning-no-token = Die Abmelde-URL enthält kein {"{"}token{"}"}: Sie kann die Empfänger nicht unterscheiden.

outreach-rules-title = Was „{ $purpose }“ anbietet (Tatsachen, die nur Sie kennen)
outreach-rules-intro = Die Regeln brauchen diese Tatsachen. Nichts wird unterstellt: Haken Sie nur an, was zutrifft.
outreach-rule-similar = Es bietet eigene Waren oder Dienstleistungen, die dem Gekauften ähnlich sind
outreach-rule-similar-help = UWG § 7 Abs. 3 Nr. 2 / L.34-5 CPCE: Die Bestandskundenausnahme gilt nur für eigene ähnliche Produkte.
outreach-rule-informed = Die Kunden wurden bei der Erhebung auf ihr jederzeitiges, kostenloses Widerspruchsrecht hingewiesen
outreach-rule-informed-help = UWG § 7 Abs. 3 Nr. 4: der Hinweis bei der Erhebung; die Fußzeile gibt ihn in jeder E-Mail.
outreach-rule-job = Das Angebot betrifft die berufliche Tätigkeit der Empfänger (Frankreich, B2B)
outreach-rule-job-help = CNIL: Geschäftliche E-Mails ohne Einwilligung sind erlaubt, wenn das Angebot den Beruf der Person betrifft, mit Information und Widerspruchsmöglichkeit.
outreach-rule-presumed = Unternehmen haben mutmaßlich Interesse an Anrufen dazu (Deutschland)
outreach-rule-presumed-help = UWG § 7 Abs. 2 Nr. 1: Anrufe bei Unternehmen brauchen mindestens eine mutmaßliche Einwilligung aufgrund konkreter Umstände.
outreach-rule-bloctel = Anrufe bei Verbrauchern dafür werden mit Bloctel abgeglichen (Frankreich)
outreach-rule-bloctel-help = Code de la consommation L.223-1: Verbraucher auf der Bloctel-Liste dürfen nicht angerufen werden.
outreach-rules-save = Diese Tatsachen speichern
outreach-rules-saved = Gespeichert. Jede Entscheidung berücksichtigt sie jetzt.

outreach-details-title = Angaben für die Information nach Art. 14
outreach-details-intro = Was die Information über Empfänger, Übermittlungen und Speicherdauer sagt. Bleibt ein Feld leer, verweist sie auf Ihre Datenschutzerklärung.
outreach-details-recipients = Empfänger (z. B. Hosting-Anbieter als Auftragsverarbeiter)
outreach-details-transfers = Übermittlungen außerhalb der EU/des EWR und Garantien
outreach-details-retention = Wie lange Sie die Daten speichern
outreach-details-save = Angaben speichern
outreach-details-saved = Angaben gespeichert.

outreach-export-title = Serienbrief: alle, die für „{ $purpose }“ angeschrieben werden dürfen
outreach-export-intro = Eine CSV- oder Excel-Datei mit E-Mail, Namen, Anrede und der Fußzeile jeder Person (Text und HTML) samt List-Unsubscribe-Kopfzeile, für einen Serienbrief in Thunderbird, Outlook oder LibreOffice.
outreach-mailable-count = { $count ->
    [one] 1 Kontakt darf für { $purpose } angeschrieben werden.
   *[other] { $count } Kontakte dürfen für { $purpose } angeschrieben werden.
}
outreach-export-format = Format
outreach-export-file = Speichern unter
outreach-export-start = Anschreibbare Kontakte exportieren
outreach-export-done = { $count } Kontakte nach { $path } exportiert ({ $art14 } Fußzeilen enthalten die Information nach Art. 14).
outreach-export-cancelled = Der Export wurde abgebrochen; es wurde keine Datei geschrieben.
outreach-file-error = Die Datei konnte nicht geschrieben werden: { $details }
outreach-export-confirm = Versenden Sie diese Aussendung jetzt? Dann erfassen Sie heute als ersten Kontakt dieser { $count } Personen: Das erledigt die Art.-14-Frist derjenigen, deren Fußzeile die Information enthielt.
outreach-export-record = Ersten Kontakt erfassen
outreach-export-not-now = Jetzt nicht
outreach-exported-recorded = Erster Kontakt für { $count } Kontakte erfasst.
