## Outreach: the Footers panel, mailability, Art. 14 notices, mail-merge export
outreach-title = Footers, notices and mail merge
outreach-intro = May I write to this person? Get the answer with its legal rule, the footer to paste under your mail, the Art. 14 notice for bought or rented data, and a mail-merge file of everyone you may write to.
outreach-detail-title = May I e-mail this person?
outreach-allowed = May be e-mailed
outreach-not-allowed = May not be e-mailed
outreach-rule = Rule: { $rule }
outreach-open-footer = Footer for this contact…
outreach-filter-mailable = Mailable for
outreach-filter-any = (any)
col-art14 = Art. 14 notice

outreach-reason-restricted = Processing is restricted (Art. 18): the data may only be stored.
outreach-reason-suppressed = The address is on the suppression list (erased or objected earlier).
outreach-reason-objected = The person objected to direct marketing. An objection never expires.
outreach-reason-withdrawn = The person withdrew consent (unsubscribed) for this purpose.
outreach-reason-no-address = There is no address on file for this channel.
outreach-reason-consent = Prior consent given on { $date }.
outreach-reason-awaiting-confirmation = Consent awaits its double opt-in confirmation. Do not write before it is confirmed.
outreach-reason-no-consent = No prior consent for this purpose and channel.
outreach-reason-existing-customer = Existing customer: address from a sale, own similar goods, told at collection, no objection. Every mail must offer a free objection (the footer does).
outreach-reason-customer-not-similar = Existing customer, but this purpose is not marked as offering your own similar goods or services.
outreach-reason-customer-not-informed = Existing customer, but customers are not marked as told at collection that they may object free of charge.
outreach-reason-job-related = Business contact: allowed with information and an opt-out, as the offer relates to the person's job.
outreach-reason-not-job-related = Business contact without consent, and this purpose is not marked as relating to the recipient's job.
outreach-reason-generic-address = Generic company address (contact@, info@ …): company data, not a person's.
outreach-reason-presumed-interest = Business contact: presumed consent, as this purpose is marked as of presumed interest to businesses.
outreach-reason-no-presumed-interest = Business call without consent, and this purpose is not marked as of presumed interest.
outreach-reason-business-call-opt-out = Business call: allowed unless the person objected.
outreach-reason-bloctel-screened = Consumer call: allowed, as calls for this purpose are screened against the Bloctel list.
outreach-reason-not-bloctel-screened = Consumer call without consent, and calls for this purpose are not marked as screened against Bloctel.
outreach-reason-post-opt-out = Postal advertising: allowed unless the person objected.

notice-state-due = Notice due
notice-state-overdue = Notice overdue
notice-state-sent = Notice sent
outreach-clock-due = Art. 14 notice due by { $due } (one month after obtaining the data, or the first mail if earlier).
outreach-clock-overdue = Art. 14 notice overdue since { $due }: send it now, or put it in the next mail's footer.
outreach-clock-sent = Art. 14 notice sent on { $sent }.
outreach-first-contact-at = First contact: { $date }
outreach-record-first-contact = Record first mail sent (with this footer)
outreach-record-notice = Record notice sent separately
outreach-first-contact-recorded = First contact recorded.
outreach-notice-recorded = Art. 14 notice recorded as sent.

outreach-footer-section = Footer for a contact
outreach-footer-for = { $name } <{ $email }>, footer in { $language }
outreach-contact = Contact
outreach-contact-hint = Type a name, e-mail or company
outreach-pick-contact = Pick a contact to see the footer.
outreach-language = Footer language
outreach-language-own = The contact's language
outreach-tab-preview = Preview
outreach-tab-text = Plain text
outreach-tab-html = HTML source
outreach-tab-headers = Headers
outreach-tab-notice = Art. 14 notice
outreach-read-only = Generated text (read-only)
outreach-copy-text = Copy text
outreach-copy-html = Copy HTML
outreach-copy-headers = Copy headers
outreach-copy-notice = Copy notice
outreach-copied = Copied to the clipboard.
outreach-missing-settings = A complete footer needs these settings: { $settings }.
outreach-open-settings = Open settings
outreach-notice-not-needed = This contact's data came from the person themselves (Art. 13 applies): no Art. 14 notice is needed.
footer-warning-no-https = No https unsubscribe address: mail programs cannot offer one-click unsubscribe (Gmail and Yahoo require it for bulk mail). Set an https unsubscribe URL in Settings.
footer-warning-no-token = The unsubscribe URL has no {"{"}token{"}"}: it cannot tell recipients apart.

outreach-rules-title = What "{ $purpose }" offers (facts only you can state)
outreach-rules-intro = The rules need these facts. Nothing is assumed: tick only what is true.
outreach-rule-similar = It offers my own goods or services similar to what customers bought
outreach-rule-similar-help = UWG § 7(3) Nr. 2 / L.34-5 CPCE: the existing-customer exemption only covers own similar products.
outreach-rule-informed = Customers were told at collection that they may object at any time, free of charge
outreach-rule-informed-help = UWG § 7(3) Nr. 4: the notice at collection; the footer gives it in every mail.
outreach-rule-job = The offer relates to the recipients' jobs (France, B2B)
outreach-rule-job-help = CNIL: business e-mail without consent is allowed if the offer relates to the person's profession, with information and an opt-out.
outreach-rule-presumed = Businesses can be presumed interested in calls about it (Germany)
outreach-rule-presumed-help = UWG § 7(2) Nr. 1: calls to businesses need at least presumed consent, based on concrete facts.
outreach-rule-bloctel = Consumer calls for it are screened against Bloctel (France)
outreach-rule-bloctel-help = Code de la consommation L.223-1: consumers on the Bloctel list must not be called.
outreach-rules-save = Save these facts
outreach-rules-saved = Saved. Every decision now uses them.

outreach-details-title = Art. 14 notice details
outreach-details-intro = What the notice says about recipients, transfers and retention. Left empty, the notice points to your privacy notice.
outreach-details-recipients = Recipients (e.g. hosting provider as processor)
outreach-details-transfers = Transfers outside the EU/EEA and safeguards
outreach-details-retention = How long you keep the data
outreach-details-save = Save notice details
outreach-details-saved = Notice details saved.

outreach-export-title = Mail merge: everyone mailable for "{ $purpose }"
outreach-export-intro = A CSV or Excel file with e-mail, names, salutation and each person's footer (text and HTML) and List-Unsubscribe header, for a mail merge in Thunderbird, Outlook or LibreOffice.
outreach-mailable-count = { $count ->
    [one] 1 contact may be e-mailed for { $purpose }.
   *[other] { $count } contacts may be e-mailed for { $purpose }.
}
outreach-export-format = Format
outreach-export-file = Save as
outreach-export-start = Export mailable contacts
outreach-export-done = Exported { $count } contacts to { $path } ({ $art14 } footers carry the Art. 14 information).
outreach-export-cancelled = The export was cancelled; no file was written.
outreach-file-error = The file could not be written: { $details }
outreach-export-confirm = Are you sending this mailing now? Then record today as the first contact of these { $count } people: it settles the Art. 14 clock of those whose footer carried the notice.
outreach-export-record = Record first contact
outreach-export-not-now = Not now
outreach-exported-recorded = First contact recorded for { $count } contacts.
