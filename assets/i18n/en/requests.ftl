## Data-subject requests: values

request-kind-access = Access (Art. 15)
request-kind-rectification = Rectification (Art. 16)
request-kind-erasure = Erasure (Art. 17)
request-kind-restriction = Restriction (Art. 18)
request-kind-portability = Portability (Art. 20)
request-kind-objection = Objection (Art. 21)
request-kind-withdrawal = Consent withdrawal (Art. 7(3))

request-status-open = Open
request-status-awaiting-identity = Waiting for identity check
request-status-completed = Completed
request-status-declined = Declined

request-channel-email = E-mail
request-channel-post = Letter
request-channel-phone = Phone
request-channel-in-person = In person
request-channel-web-form = Web form
request-channel-other = Other

identity-method-address-on-file = Came from / confirmed via the address on file
identity-method-callback = Called back on the number on file
identity-method-known-person = Known to us in person
identity-method-id-document = Identity document shown (only on reasonable doubt)
identity-method-other = Other

identity-result-pending = Not checked yet
identity-result-confirmed = Confirmed
identity-result-failed = Could not be confirmed
identity-result-not-needed = Not needed

request-action-logged = Request logged
request-action-identity-checked = Identity checked
request-action-extended = Deadline extended
request-action-report-exported = Access report exported
request-action-portability-exported = Portable data exported
request-action-erased = Data erased
request-action-objection-recorded = Objection recorded
request-action-withdrawal-recorded = Withdrawal recorded
request-action-restricted = Processing restricted
request-action-restriction-lifted = Restriction lifted
request-action-rectified = Data rectified
request-action-note = Note
request-action-closed = Request closed

exception-legal-obligation = Legal obligation, e.g. tax law (Art. 17(3)(b))
exception-legal-claims = Legal claims (Art. 17(3)(e))
exception-expression = Freedom of expression (Art. 17(3)(a))
exception-public-health = Public health (Art. 17(3)(c))
exception-archiving = Archiving, research, statistics (Art. 17(3)(d))

plan-item-contact-fields = Contact details
plan-item-source-links = Links to the sources
plan-item-raw-rows = Rows as received from the sources
plan-item-bases = Legal bases
plan-item-consent-personal-fields = Consent events: link to the person, IP address and evidence note (what was agreed, when and with which wording stays as anonymous proof)
plan-item-request-identifiers = Identifiers kept with the requests

due-state-pending = Open
due-state-due-soon = Due within 7 days
due-state-overdue = Overdue
due-state-closed = Closed in time
due-state-closed-late = Closed late

field-received_on = Received on (YYYY-MM-DD)
field-requester = Requester
field-checked_on = Checked on (YYYY-MM-DD)
field-months = Extension (months)
field-reason = Reason
field-told_on = Person told on (YYYY-MM-DD)
field-closed_on = Closed on (YYYY-MM-DD)
erase-confirmation-label = Confirmation

error-outside-request = Must lie between the day the request came in and today.
error-told-too-late = Must lie within the first month after the request came in.
error-extension-too-long = Extend by 1 or 2 months.
error-before-suppression = Must be after the person was erased or objected.

report-format-html = Printable page (HTML)
report-format-pdf = PDF
report-format-json = Machine-readable (JSON)
portability-format-json = JSON
portability-format-csv = CSV (spreadsheet)
portability-format-vcard = vCard (address book)

## Requests panel

requests-title = Data-subject requests
requests-intro = Every request must be answered within one month of receipt. Log it here the day it arrives.
requests-log = Log a request
requests-show-closed = Show closed requests
requests-none = No requests.
requests-overdue-count = { $count ->
    [one] 1 request is overdue
   *[other] { $count } requests are overdue
}
requests-due-soon-count = { $count ->
    [one] 1 request is due within 7 days
   *[other] { $count } requests are due within 7 days
}
requests-not-in-book = { $who } (not in the book)
requests-erased-person = (erased person)
requests-col-type = Request
requests-col-requester = Requester
requests-col-received = Received
requests-col-due = Due
requests-col-status = Status
requests-col-deadline = Deadline
requests-log-for-contact = Log a request from this person
requests-log-title = New data-subject request
requests-log-submit = Log request
requests-type = Request type
requests-channel = Came in by
requests-id-method = Identity checked by
requests-id-result = Identity check result
requests-notes = Notes on the request
requests-linked-to = About: { $name }
requests-unlink = Choose someone else
requests-find-contact = Find a contact
requests-not-in-book-hint = Not in the book? Enter the address they wrote from; the answer is then "we hold no data about you".
requests-email-not-in-book = E-mail (not in the book)
requests-phone-not-in-book = Phone (not in the book)
requests-overdue-by = Overdue by { $days } days
requests-days-left = Due in { $days } days
requests-first-due = First deadline
requests-extended = Extended
requests-extension-summary = by { $months } months; person told on { $told }
requests-files-sent = Files sent
requests-erased-note = The person was erased; nothing identifying is kept with this request.
requests-identity = Identity check
requests-identity-hint = Ask for more proof only if you have reasonable doubt (Art. 12(6) GDPR), e.g. confirm via the address you have on file.
requests-identity-save = Save identity check
requests-extend = Extend the deadline
requests-extend-hint = Only for complex or many requests, by up to two more months, and only if you tell the person within the first month, with the reasons.
requests-extend-save = Extend deadline
requests-actions = Actions taken
requests-note = Note
requests-note-add = Add note
requests-close = Closing
requests-close-as = Close as
requests-declined-hint = When you do not act on a request, tell the person why and that they may complain to a supervisory authority (Art. 12(4) GDPR).
requests-close-save = Close request
requests-open-contact = Show in contacts
requests-rights-button = Rights…
requests-restricted-banner = ⚠ Processing restricted since { $date } (Art. 18): storage only, no other use.
requests-access-section = Access report (Art. 15)
requests-access-hint = Everything held about the person, where it came from, and the information Art. 15 requires. Purposes, recipients and retention use stated defaults until you keep a processing register: read the report before you send it.
requests-report-format = Report format
requests-report-path = Save the report to
requests-report-export = Export access report
requests-path-missing = Type a file path or choose one with Browse… first.
requests-no-data-hint = This person is not in the book. Send them the report that says so.
requests-portability-section = Portability (Art. 20)
requests-portability-hint = The data the person gave you, in a machine-readable format.
requests-portability-format = Data format
requests-portability-path = Save the data to
requests-portability-export = Export data
requests-objection-section = Objection and withdrawal (Art. 21, Art. 7(3))
requests-objection-hint = Takes effect at once. An objection to all direct marketing also puts the person on the suppression list, so that no import brings them back.
requests-object-to = Object to
requests-object-all = All direct marketing
requests-object-record = Record objection
requests-withdraw-purpose = Withdraw consent for
requests-withdraw-record = Record withdrawal
requests-restriction-section = Restriction (Art. 18)
requests-restriction-hint = While restricted, the data are only stored: no mailing, no other use. Tell the person before you lift it.
requests-restrict = Restrict processing
requests-lift = Lift restriction
requests-rectification-section = Rectification (Art. 16)
requests-rectification-hint = Correct or complete the details; the change is logged (field names only).
requests-rectify-field = Correct: { $field }
requests-rectify-save = Save correction
requests-erasure-section = Erasure (Art. 17)
requests-erasure-hint = Shows the plan first: what is deleted, what is kept and why, whom to tell. Nothing happens until you confirm.
requests-erase-open = Erase…
requests-last-file = Last file written: { $path }

## Erasure dialog

erase-title = Erase { $name }?
erase-deleted = Deleted for good
erase-anonymised = Anonymised
erase-suppression = Suppression list
erase-suppression-none = Nothing goes on the suppression list.
erase-suppression-list = On the suppression list, as keyed hashes only: { $kinds }. The person is refused if imported or added again.
erase-identifier-email = E-mail address
erase-identifier-phone = Phone number
erase-kept = Kept under an exception
erase-kept-line = { $purpose }: { $exception }; kept: { $fields }
erase-notify = Recipients to tell (Art. 19)
erase-notify-none = No recipients are recorded: nobody to tell.
erase-copies = Copies outside the book: delete them yourself
erase-keep-title = Keep data you must keep by law?
erase-keep-hint = E.g. invoices kept for tax law. Only name and postal address stay, restricted to that purpose; everything else is erased.
erase-keep-purpose = Keep data for "{ $purpose }"
erase-exception = Exception
erase-keep-note = What and why
erase-keep-note-missing = Say what is kept and why for every purpose you keep.
erase-suppress = Put the person on the suppression list
erase-confirm-word = ERASE
erase-type-email = To confirm, type the person's e-mail address: { $email }
erase-type-word = To confirm, type { $word }
erase-now = Erase now

## New consent for a suppressed person (add-contact form)

override-title = Add them with a new consent they gave
override-hint = A suppressed person may come back only if they gave you a new consent after their erasure or objection. Record it with its evidence; the suppression entry is then lifted.
override-purpose = Consent for
override-channel = Consent channel
override-method = Consent given by
override-at = Consent given on
override-wording = Wording they agreed to
override-evidence = Evidence of the new consent
override-submit = Add with this consent

toast-request-logged = Request logged.
toast-request-saved = Request saved.
toast-request-extended = Deadline extended.
toast-request-closed = Request closed.
toast-report-exported = Access report written.
toast-portability-exported = Data export written.
toast-erased = Erased.
toast-objection-recorded = Objection recorded.
toast-withdrawal-recorded = Withdrawal recorded.
toast-restricted = Processing restricted.
toast-restriction-lifted = Restriction lifted.
toast-rectified = Correction saved.
toast-contact-added-with-consent = Contact added with the new consent; the suppression entry was lifted.
