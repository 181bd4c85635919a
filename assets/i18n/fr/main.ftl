## Navigation
nav-contacts = Contacts
nav-import = Import
nav-sources = Sources
nav-requests = Demandes
nav-register = Registre
nav-footers = Pieds de mail
nav-settings = Réglages


## Common
save = Enregistrer
cancel = Annuler
close = Fermer
edit = Modifier
delete = Supprimer
yes = oui
file-browse = Parcourir…
file-no-dialog = Aucune boîte de dialogue de fichiers n’est disponible ici ; saisissez le chemin.
job-cancelling = Annulation…
toast-dismiss = Masquer

## Start
open-error-title = Ce carnet ne peut pas être ouvert
welcome-title = Bienvenue dans Consentbook
welcome-text = Votre carnet de contacts est vide. Explorez d’abord un carnet de démonstration rempli de personnes fictives, ou commencez avec vos propres contacts.
welcome-open-demo = Ouvrir les données de démonstration
welcome-import = Importer une liste
demo-banner = Carnet de démonstration — toutes les personnes sont fictives.
demo-leave = Retour à mon carnet
toast-demo-opened = Carnet de démonstration ouvert. Rien n’y est réel.

## Contacts
contacts-search = Recherche
contacts-search-hint = Nom, e-mail ou société
contacts-add = Ajouter un contact
contacts-count = { $count ->
    [one] 1 contact
   *[other] { $count } contacts
}
contacts-none-found = Aucun contact ne correspond.
contacts-filter-source = Source : { $source }
contacts-filter-clear = Tout afficher
col-name = Nom
col-email = E-mail
col-company = Société
col-source = Source
col-basis = Base légale
col-status = Statut
col-when = Quand
col-purpose = Finalité
col-channel = Canal
col-event = Événement
col-method = Moyen
col-kind = Type
col-vendor = Fournisseur
col-acquired = Acquis le
col-contacts = Contacts
col-doubtful = Douteuse
col-actions = Actions

status-restricted = Limité
status-objected = Opposition
status-consented = Consentement donné
status-awaiting = Confirmation en attente
status-withdrawn = Consentement retiré
status-none = Aucun consentement enregistré

form-add-contact = Ajouter un contact
form-edit-contact = Modifier le contact
form-source = Source
form-manual-source = Saisie manuelle
form-purpose = Finalité
form-basis = Base légale

detail-provenance = D’où vient ce contact
detail-bases = Base légale par finalité
detail-history = Historique du consentement
detail-address = Adresse
detail-created = Créé
detail-updated = Modifié
detail-last-inbound = Dernier contact de sa part
detail-first-seen = Vu pour la première fois
detail-batch = Lot d’import
detail-raw-row = Ligne telle que reçue
detail-no-bases = Aucune base légale enregistrée.
detail-no-events = Aucun événement de consentement.
detail-set-basis = Définir la base
detail-recorded = Enregistré

consent-form-title = Enregistrer un événement de consentement
consent-channel = Canal
consent-event = Événement
consent-method = Comment
consent-at = Quand
consent-at-hint = Quand : AAAA-MM-JJ HH:MM en heure locale ; vide signifie maintenant.
consent-record = Enregistrer l’événement

delete-title = Supprimer ce contact ?
delete-text = { $name } sera supprimé avec ses sources, ses bases légales et son historique de consentement. C’est irréversible.
delete-confirm = Supprimer le contact

toast-contact-added = Contact ajouté.
toast-contact-saved = Contact enregistré.
toast-contact-deleted = Contact supprimé.
toast-basis-set = Base légale définie.
toast-consent-recorded = Événement de consentement enregistré.

## Sources
sources-intro = Chaque contact garde le lien avec son origine : votre formulaire, un salon, un fichier acheté ou loué, un partenaire, un registre public.
sources-new = Nouvelle source
sources-edit = Modifier la source
sources-none = Aucune source.
sources-show-contacts = Voir les contacts
sources-flag-doubtful = Marquer { $source } comme douteuse
source-public = Accessible au public
source-doubtful = Marquée comme douteuse
source-doubtful-badge = ⚠ douteuse
toast-source-saved = Source enregistrée.

## Settings
settings-controller = Responsable du traitement
settings-controller-intro = Figure dans les rapports d’accès, les informations et les pieds de mail.
settings-save = Enregistrer les réglages
toast-settings-saved = Réglages enregistrés.
audit-title = Journal d’audit
audit-intro = Chaque modification est journalisée dans une chaîne de hachage ; modifier ou retirer une entrée la rompt.
audit-verify = Vérifier le journal d’audit
audit-intact = Le journal d’audit est intact ({ $count } entrées).
audit-broken = Le journal d’audit est rompu à l’entrée { $row }.
about-title = À propos
about-not-legal-advice = Consentbook vous aide à tenir les registres que le RGPD demande. Ce n’est pas un conseil juridique.

## Store errors
store-error-duplicate-email = Un contact avec cette adresse e-mail existe déjà.
store-error-duplicate-source = Une source portant ce nom existe déjà.
store-error-suppressed = Cette personne figure sur la liste repoussoir (effacée ou opposée auparavant). Ne l’ajoutez qu’avec un nouveau consentement qu’elle vous a donné.
store-error-not-empty = Les données de démonstration ne vont que dans un carnet vide.
store-error-not-found = Cet élément n’existe plus.
store-error-not-a-database = Ce fichier n’est pas un carnet Consentbook, ou il est chiffré.
store-error-newer-schema = Ce carnet a été écrit par une version plus récente de Consentbook ; il n’a pas été modifié.
store-error-cancelled = Annulé ; rien n’a été modifié.
store-error-encrypted = Le carnet est chiffré ; saisissez sa phrase secrète.
store-error-wrong-passphrase = Cette phrase secrète n’ouvre pas le carnet (ou le fichier n’est pas un carnet Consentbook). Le fichier n’a pas été modifié.
store-error-invalid = Veuillez vérifier : { $details }
store-error-other = Une erreur est survenue : { $details }

## Fields
field-first_name = Prénom
field-last_name = Nom
field-email = E-mail
field-phone = Téléphone
field-company = Société
field-job_title = Poste
field-street = Rue
field-postal_code = Code postal
field-city = Ville
field-country = Pays (code ISO)
field-language = Langue (code ISO)
field-audience = Professionnel ou particulier
field-notes = Notes
field-name = Nom
field-kind = Type
field-vendor_name = Fournisseur
field-vendor_contact = Contact chez le fournisseur
field-acquired_on = Acquis le (AAAA-MM-JJ)
field-contract_ref = Référence du contrat
field-claimed_basis = Base légale revendiquée par le fournisseur
field-evidence_ref = Preuve de consentement du fournisseur
field-purpose = Finalité
field-at = Quand
field-ip = Adresse IP
field-wording = Texte exact présenté
field-evidence = Note de preuve
field-passphrase = Phrase secrète
field-value = Valeur

## Field errors
error-required = Obligatoire.
error-invalid-email = Adresse e-mail invalide.
error-invalid-phone = Numéro de téléphone invalide.
error-too-short = Trop court.
error-too-long = Trop long.
error-no-way-to-reach = Indiquez une adresse e-mail ou un numéro de téléphone.
error-in-future = Date dans le futur.
error-invalid-date = Ce n’est pas une date (AAAA-MM-JJ).
error-invalid-url = Ce n’est pas une adresse web (https://…).
error-invalid-ip = Ce n’est pas une adresse IP.
error-invalid-country = Utilisez un code pays à deux lettres, p. ex. FR.
error-invalid-language = Utilisez un code langue à deux lettres, p. ex. fr.
error-invalid-choice = Non autorisé ici.
error-vendor-required = Un fichier acheté ou loué doit nommer son fournisseur.
error-invalid-purpose = Lettres minuscules, chiffres et tirets uniquement.
error-control-chars = Contient des caractères de contrôle.

## Values
basis-consent = Consentement
basis-contract = Contrat
basis-legal-obligation = Obligation légale
basis-vital-interest = Intérêts vitaux
basis-public-task = Mission d’intérêt public
basis-legitimate-interest = Intérêts légitimes

source-kind-web-form = Formulaire web propre
source-kind-event = Salon / carte de visite
source-kind-existing-customer = Client existant
source-kind-purchased-list = Fichier acheté
source-kind-rented-list = Fichier loué
source-kind-partner = Partenaire
source-kind-public-register = Registre public
source-kind-manual = Saisie manuelle

channel-email = E-mail
channel-phone = Téléphone
channel-sms = SMS
channel-post = Courrier

event-given = Consentement donné
event-doi-sent = E-mail de double opt-in envoyé
event-doi-confirmed = Double opt-in confirmé
event-withdrawn = Consentement retiré
event-objected = Opposition

method-web-form = Formulaire web
method-paper = Formulaire papier
method-oral = Oral (note)
method-business-card = Carte de visite
method-email = E-mail
method-phone = Téléphone
method-import = Import d’un fournisseur
method-other = Autre

audience-b2b = Professionnel (B2B)
audience-b2c = Particulier (B2C)

jurisdiction-de = Allemagne
jurisdiction-fr = France
jurisdiction-eu = Autre pays de l’UE

language-en = English
language-de = Deutsch
language-fr = Français

setting-company = Raison sociale
setting-legal_form = Forme juridique
setting-address = Adresse postale
setting-representative = Représenté par
setting-email = E-mail
setting-phone = Téléphone
setting-website = Site web
setting-impressum_url = URL des mentions légales
setting-privacy_url = URL de la politique de confidentialité
setting-unsubscribe_url = URL de désinscription ou mailto:
setting-dpo = Délégué à la protection des données
setting-jurisdiction = Juridiction
setting-language = Langue

erasure-reason-deleted = Supprimé par vous
erasure-reason-request = Demande d’effacement (art. 17)
erasure-reason-objection = Opposition (art. 21)
erasure-reason-withdrawal = Consentement retiré
erasure-reason-retention = Durée de conservation écoulée
erasure-reason-import-undo = Import annulé
erasure-reason-reapplied = Effacé à nouveau après la restauration d’une sauvegarde plus ancienne
setting-backups_keep = Sauvegardes à conserver
