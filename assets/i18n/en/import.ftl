## Import wizard
import-intro = Bring in a list (CSV, Excel, vCard). Every imported contact keeps its origin; people on the suppression list stay out, and nothing already known is overwritten.
import-step = Step { $n } of 5: { $name }
import-step-file = File
import-step-source = Source
import-step-mapping = Columns
import-step-preview = Preview
import-step-import = Import
import-file = File
import-drop-hint = Or drop a file onto the window.
import-read = Read file
import-no-file = Type the path of a file, or choose one with Browse…
import-delimiter = separated by { $d }
import-columns = { $count ->
    [one] 1 column
   *[other] { $count } columns
}
import-recognised = Recognised: { $tool }
import-sheet = Sheet
import-empty-file = The file holds no rows to import.
import-next = Next
import-back = Back
import-running = Importing… Cancel leaves the book exactly as it was.
import-source = Source
import-pick-source = Choose a source.
import-source-new = New source
import-source-existing = Existing source
import-purpose = Purpose of the consent evidence
import-purpose-hint = Where the file carries opt-in or unsubscribe data (e.g. Mailchimp's OPTIN_TIME), it becomes consent events for this purpose, recorded as "import from a vendor".
import-col-column = Column in the file
import-col-sample = First values
import-col-target = Import as
import-target-none = — not imported —
import-preset = Saved mapping
import-preset-apply = Apply
import-preset-name = Save mapping as
import-preset-save = Save mapping
import-preset-saved = Mapping saved.
import-no-reach-column = Map a column to E-mail or Phone: a contact needs a way to reach it.
import-consent-columns = Consent columns found: they become consent events for "{ $purpose }".
import-preview = Preview
import-previewing = Checking every row…
import-preview-intro = Nothing has been written yet. These counts come from the same check the import runs.
import-consent-events = Consent events from the file
import-first-rows = First rows: { $group }
import-line = Line { $line }
import-fills = fills { $fields }
import-conflicts = { $count ->
    [one] 1 value differs from what the book holds (kept as it was)
   *[other] { $count } values differ from what the book holds (kept as they were)
}
import-conflict = Line { $line }: { $field } stays "{ $kept }" (the file says "{ $offered }")
import-warnings = { $count ->
    [one] 1 note
   *[other] { $count } notes
}
import-commit = { $count ->
    [one] Import 1 row
   *[other] Import { $count } rows
}
import-done = Imported as batch #{ $batch }.
import-rejected = { $count ->
    [one] 1 row not imported
   *[other] { $count } rows not imported
}
import-rejected-path = Save to
import-save-rejected = Save rejected rows as CSV
import-rejected-saved = Rejected rows saved.
import-another = Import another file
import-cancelled = The import was cancelled. Nothing was written.

import-reason-unreadable = The row could not be read.
import-reason-unterminated = A vCard without END:VCARD.
import-reason-empty = Empty row.
import-reason-too-many-cells = The row has { $found } cells, the header { $expected }.
import-reason-suppressed = On the suppression list (erased or objected earlier).
import-reason-duplicate = Same person as line { $line } of this file.
import-warning-short-row = The row has { $found } cells, the header { $expected }; the missing ones read as empty.
import-warning-time = { $column }: not a readable time; left out.
import-warning-future = { $column }: lies in the future; left out.
import-warning-held-back = { $count } consent event(s) from the file not applied: the person objected, withdrew or is restricted.
import-warning-restricted = Processing is restricted: only the source link was added.

import-batches = Past imports
import-batches-none = No imports yet.
import-col-batch = Batch
import-col-when = When
import-col-file = File
import-col-counts = Contacts
import-batch-counts = { $added } new, { $merged } merged, { $linked } linked now
import-undone = undone
import-undo = Undo batch
import-undo-batch = Undo batch #{ $batch }
import-undo-title = Undo batch #{ $batch }?
import-undo-text = Contacts that came only from this import are removed with their consent events; the links it added to other contacts are removed. Contacts with records of their own since (a later consent event, a restriction) are kept.
import-undo-confirm = Undo this import
import-undone-toast = Import undone: { $removed } removed, { $unlinked } links removed, { $kept } kept.
import-error-read = The file cannot be read: { $details }
import-error-mapping = The column mapping does not fit the file: { $details }
import-error-undone = This import was already undone.
import-error-save = The file could not be saved: { $details }

import-format-csv = CSV text
import-format-sheet = Spreadsheet
import-format-vcard = vCard

import-profile-google = Google Contacts export
import-profile-outlook = Outlook export
import-profile-linkedin = LinkedIn connections export
import-profile-mailchimp = Mailchimp audience export
import-profile-brevo = Brevo contacts export
import-profile-vcard = vCard address book

import-group-new = New contacts
import-group-merged = Merged with an existing contact
import-group-suppressed = Suppressed
import-group-invalid = Invalid
import-group-duplicate = Duplicates in the file

import-target-first_name = First name
import-target-last_name = Last name
import-target-full_name = Full name (split)
import-target-email = E-mail
import-target-phone = Phone
import-target-company = Company
import-target-job_title = Job title
import-target-street = Street
import-target-postal_code = Postal code
import-target-city = City
import-target-country = Country
import-target-language = Language
import-target-notes = Notes
import-target-optin_time = Opt-in time (consent)
import-target-optin_ip = Opt-in IP address
import-target-confirm_time = Double opt-in confirmed at
import-target-confirm_ip = Confirmation IP address
import-target-unsub_time = Unsubscribed at
import-target-opt_out = Opted out (yes/no)
