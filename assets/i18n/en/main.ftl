## Navigation
nav-contacts = Contacts
nav-import = Import
nav-sources = Sources
nav-requests = Requests
nav-register = Register
nav-footers = Footers
nav-settings = Settings


## Common
save = Save
cancel = Cancel
close = Close
edit = Edit
delete = Delete
yes = yes
file-browse = Browse…
file-no-dialog = No file dialog is available on this desktop; type the path instead.
job-cancelling = Cancelling…
toast-dismiss = Dismiss

## Start
open-error-title = This book cannot be opened
welcome-title = Welcome to Consentbook
welcome-text = Your contact book is empty. Look around in a demo book full of fake people first, or start with your own contacts.
welcome-open-demo = Open demo data
welcome-import = Import a list
demo-banner = Demo book — every person in it is fake.
demo-leave = Back to my book
toast-demo-opened = Demo book opened. Nothing in it is real.

## Contacts
contacts-search = Search
contacts-search-hint = Name, e-mail or company
contacts-add = Add contact
contacts-count = { $count ->
    [one] 1 contact
   *[other] { $count } contacts
}
contacts-none-found = No contacts match.
contacts-filter-source = Source: { $source }
contacts-filter-clear = Show all
col-name = Name
col-email = E-mail
col-company = Company
col-source = Source
col-basis = Legal basis
col-status = Status
col-when = When
col-purpose = Purpose
col-channel = Channel
col-event = Event
col-method = Method
col-kind = Kind
col-vendor = Vendor
col-acquired = Acquired
col-contacts = Contacts
col-doubtful = Doubtful
col-actions = Actions

status-restricted = Restricted
status-objected = Objected
status-consented = Consent given
status-awaiting = Awaiting confirmation
status-withdrawn = Consent withdrawn
status-none = No consent recorded

form-add-contact = Add contact
form-edit-contact = Edit contact
form-source = Source
form-manual-source = Manual entry
form-purpose = Purpose
form-basis = Legal basis

detail-provenance = Where this contact came from
detail-bases = Legal basis per purpose
detail-history = Consent history
detail-address = Address
detail-created = Created
detail-updated = Updated
detail-last-inbound = Last contact from them
detail-first-seen = First seen
detail-batch = Import batch
detail-raw-row = Row as received
detail-no-bases = No legal basis recorded yet.
detail-no-events = No consent events yet.
detail-set-basis = Set basis
detail-recorded = Recorded

consent-form-title = Record consent event
consent-channel = Channel
consent-event = Event
consent-method = How
consent-at = When
consent-at-hint = When: YYYY-MM-DD HH:MM in local time; empty means now.
consent-record = Record event

delete-title = Delete this contact?
delete-text = { $name } will be deleted with their sources, legal bases and consent history. This cannot be undone.
delete-confirm = Delete contact

toast-contact-added = Contact added.
toast-contact-saved = Contact saved.
toast-contact-deleted = Contact deleted.
toast-basis-set = Legal basis set.
toast-consent-recorded = Consent event recorded.

## Sources
sources-intro = Every contact keeps a link to where it came from: your own form, an event, a bought or rented list, a partner, a public register.
sources-new = New source
sources-edit = Edit source
sources-none = No sources yet.
sources-show-contacts = Show contacts
sources-flag-doubtful = Flag { $source } as doubtful
source-public = Publicly accessible
source-doubtful = Flagged as doubtful
source-doubtful-badge = ⚠ doubtful
toast-source-saved = Source saved.

## Settings
settings-controller = Who is responsible (controller)
settings-controller-intro = Shown in access reports, notices and e-mail footers.
settings-save = Save settings
toast-settings-saved = Settings saved.
audit-title = Audit log
audit-intro = Every change is logged in a hash chain; editing or removing an entry breaks it.
audit-verify = Verify audit log
audit-intact = The audit log is intact ({ $count } entries).
audit-broken = The audit log is broken at entry { $row }.
about-title = About
about-not-legal-advice = Consentbook helps you keep records the GDPR asks for. It is not legal advice.

## Store errors
store-error-duplicate-email = A contact with this e-mail address already exists.
store-error-duplicate-source = A source with this name already exists.
store-error-suppressed = This person is on the suppression list (erased or objected earlier). Add them again only with a new consent they gave you.
store-error-not-empty = Demo data can only go into an empty book.
store-error-not-found = It no longer exists.
store-error-not-a-database = This file is not a Consentbook book, or it is encrypted.
store-error-newer-schema = This book was written by a newer Consentbook; it was left unchanged.
store-error-cancelled = Cancelled; nothing was changed.
store-error-encrypted = The book is encrypted; enter its passphrase.
store-error-wrong-passphrase = This passphrase does not open the book (or the file is not a Consentbook book). The file was not changed.
store-error-invalid = Please check: { $details }
store-error-other = Something went wrong: { $details }

## Fields
field-first_name = First name
field-last_name = Last name
field-email = E-mail
field-phone = Phone
field-company = Company
field-job_title = Job title
field-street = Street
field-postal_code = Postal code
field-city = City
field-country = Country (ISO code)
field-language = Language (ISO code)
field-audience = Business or consumer
field-notes = Notes
field-name = Name
field-kind = Kind
field-vendor_name = Vendor
field-vendor_contact = Vendor contact
field-acquired_on = Acquired on (YYYY-MM-DD)
field-contract_ref = Contract reference
field-claimed_basis = Legal basis claimed by the vendor
field-evidence_ref = Vendor's consent evidence
field-purpose = Purpose
field-at = When
field-ip = IP address
field-wording = Exact wording shown
field-evidence = Evidence note
field-passphrase = Passphrase
field-value = Value

## Field errors
error-required = Required.
error-invalid-email = Not a valid e-mail address.
error-invalid-phone = Not a valid phone number.
error-too-short = Too short.
error-too-long = Too long.
error-no-way-to-reach = Enter an e-mail address or a phone number.
error-in-future = Lies in the future.
error-invalid-date = Not a date (YYYY-MM-DD).
error-invalid-url = Not a web address (https://…).
error-invalid-ip = Not an IP address.
error-invalid-country = Use a two-letter country code, e.g. DE.
error-invalid-language = Use a two-letter language code, e.g. de.
error-invalid-choice = Not allowed here.
error-vendor-required = A bought or rented list needs its vendor.
error-invalid-purpose = Use lowercase letters, digits and dashes.
error-control-chars = Contains control characters.

## Values
basis-consent = Consent
basis-contract = Contract
basis-legal-obligation = Legal obligation
basis-vital-interest = Vital interests
basis-public-task = Public task
basis-legitimate-interest = Legitimate interests

source-kind-web-form = Own web form
source-kind-event = Event / business card
source-kind-existing-customer = Existing customer
source-kind-purchased-list = Purchased list
source-kind-rented-list = Rented list
source-kind-partner = Partner
source-kind-public-register = Public register
source-kind-manual = Manual entry

channel-email = E-mail
channel-phone = Phone
channel-sms = SMS
channel-post = Post

event-given = Consent given
event-doi-sent = Double opt-in mail sent
event-doi-confirmed = Double opt-in confirmed
event-withdrawn = Consent withdrawn
event-objected = Objected

method-web-form = Web form
method-paper = Paper form
method-oral = Oral (note)
method-business-card = Business card
method-email = E-mail
method-phone = Phone
method-import = Import from a vendor
method-other = Other

audience-b2b = Business (B2B)
audience-b2c = Consumer (B2C)

jurisdiction-de = Germany
jurisdiction-fr = France
jurisdiction-eu = Other EU country

language-en = English
language-de = Deutsch
language-fr = Français

setting-company = Company name
setting-legal_form = Legal form
setting-address = Postal address
setting-representative = Represented by
setting-email = E-mail
setting-phone = Phone
setting-website = Website
setting-impressum_url = Impressum URL
setting-privacy_url = Privacy notice URL
setting-unsubscribe_url = Unsubscribe URL or mailto:
setting-dpo = Data protection officer
setting-jurisdiction = Jurisdiction
setting-language = Language

erasure-reason-deleted = Deleted by you
erasure-reason-request = Erasure request (Art. 17)
erasure-reason-objection = Objection (Art. 21)
erasure-reason-withdrawal = Consent withdrawn
erasure-reason-retention = Retention period over
erasure-reason-import-undo = Import undone
erasure-reason-reapplied = Erased again after restoring an older backup
setting-backups_keep = Backups to keep
