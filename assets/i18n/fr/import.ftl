## Assistant d'import
import-intro = Importer une liste (CSV, Excel, vCard). Chaque contact importé garde son origine ; les personnes de la liste d'opposition restent dehors, et rien de déjà connu n'est écrasé.
import-step = Étape { $n } sur 5 : { $name }
import-step-file = Fichier
import-step-source = Origine
import-step-mapping = Colonnes
import-step-preview = Aperçu
import-step-import = Import
import-file = Fichier
import-drop-hint = Ou déposez un fichier sur la fenêtre.
import-read = Lire le fichier
import-no-file = Saisissez le chemin d'un fichier ou choisissez-en un avec « Parcourir… ».
import-delimiter = séparé par { $d }
import-columns = { $count ->
    [one] 1 colonne
   *[other] { $count } colonnes
}
import-recognised = Reconnu : { $tool }
import-sheet = Feuille
import-empty-file = Le fichier ne contient aucune ligne à importer.
import-next = Suivant
import-back = Retour
import-running = Import en cours… « Annuler » laisse le carnet exactement comme il était.
import-source = Origine
import-pick-source = Choisissez une origine.
import-source-new = Nouvelle origine
import-source-existing = Origine existante
import-purpose = Finalité des preuves de consentement
import-purpose-hint = Si le fichier contient des données d'inscription ou de désinscription (par ex. OPTIN_TIME de Mailchimp), elles deviennent des événements de consentement pour cette finalité, enregistrés comme « import d'un fournisseur ».
import-col-column = Colonne du fichier
import-col-sample = Premières valeurs
import-col-target = Importer comme
import-target-none = — ne pas importer —
import-preset = Correspondance enregistrée
import-preset-apply = Appliquer
import-preset-name = Enregistrer la correspondance sous
import-preset-save = Enregistrer la correspondance
import-preset-saved = Correspondance enregistrée.
import-no-reach-column = Associez une colonne à E-mail ou Téléphone : un contact doit pouvoir être joint.
import-consent-columns = Colonnes de consentement trouvées : elles deviennent des événements de consentement pour « { $purpose } ».
import-preview = Aperçu
import-previewing = Vérification de chaque ligne…
import-preview-intro = Rien n'est encore écrit. Ces chiffres viennent de la même vérification que celle de l'import.
import-consent-events = Événements de consentement du fichier
import-first-rows = Premières lignes : { $group }
import-line = Ligne { $line }
import-fills = complète { $fields }
import-conflicts = { $count ->
    [one] 1 valeur diffère de celle du carnet (conservée telle quelle)
   *[other] { $count } valeurs diffèrent de celles du carnet (conservées telles quelles)
}
import-conflict = Ligne { $line } : { $field } reste « { $kept } » (le fichier indique « { $offered } »)
import-warnings = { $count ->
    [one] 1 remarque
   *[other] { $count } remarques
}
import-commit = { $count ->
    [one] Importer 1 ligne
   *[other] Importer { $count } lignes
}
import-done = Importé comme lot n° { $batch }.
import-rejected = { $count ->
    [one] 1 ligne non importée
   *[other] { $count } lignes non importées
}
import-rejected-path = Enregistrer sous
import-save-rejected = Enregistrer les lignes rejetées en CSV
import-rejected-saved = Lignes rejetées enregistrées.
import-another = Importer un autre fichier
import-cancelled = L'import a été annulé. Rien n'a été écrit.

import-reason-unreadable = La ligne est illisible.
import-reason-unterminated = Une vCard sans END:VCARD.
import-reason-empty = Ligne vide.
import-reason-too-many-cells = La ligne a { $found } cellules, l'en-tête { $expected }.
import-reason-suppressed = Sur la liste d'opposition (effacé ou opposé auparavant).
import-reason-duplicate = Même personne qu'à la ligne { $line } de ce fichier.
import-warning-short-row = La ligne a { $found } cellules, l'en-tête { $expected } ; les cellules manquantes sont lues comme vides.
import-warning-time = { $column } : date illisible ; ignorée.
import-warning-future = { $column } : date dans le futur ; ignorée.
import-warning-held-back = { $count } événement(s) de consentement du fichier non appliqué(s) : la personne s'est opposée, a retiré son consentement ou fait l'objet d'une limitation.
import-warning-restricted = Le traitement est limité : seule l'origine a été ajoutée.

import-batches = Imports précédents
import-batches-none = Aucun import pour l'instant.
import-col-batch = Lot
import-col-when = Quand
import-col-file = Fichier
import-col-counts = Contacts
import-batch-counts = { $added } nouveaux, { $merged } fusionnés, { $linked } liés actuellement
import-undone = annulé
import-undo = Annuler le lot
import-undo-batch = Annuler le lot n° { $batch }
import-undo-title = Annuler le lot n° { $batch } ?
import-undo-text = Les contacts venus uniquement de cet import sont supprimés avec leurs événements de consentement ; les liens qu'il a ajoutés à d'autres contacts sont retirés. Les contacts ayant leurs propres enregistrements depuis (un événement de consentement ultérieur, une limitation) sont conservés.
import-undo-confirm = Annuler cet import
import-undone-toast = Import annulé : { $removed } supprimés, { $unlinked } liens retirés, { $kept } conservés.
import-error-read = Le fichier est illisible : { $details }
import-error-mapping = La correspondance des colonnes ne convient pas au fichier : { $details }
import-error-undone = Cet import a déjà été annulé.
import-error-save = Le fichier n'a pas pu être enregistré : { $details }

import-format-csv = Texte CSV
import-format-sheet = Tableur
import-format-vcard = vCard

import-profile-google = Export de Google Contacts
import-profile-outlook = Export d'Outlook
import-profile-linkedin = Export des relations LinkedIn
import-profile-mailchimp = Export d'audience Mailchimp
import-profile-brevo = Export de contacts Brevo
import-profile-vcard = Carnet d'adresses vCard

import-group-new = Nouveaux contacts
import-group-merged = Fusionnés avec un contact existant
import-group-suppressed = En opposition
import-group-invalid = Invalides
import-group-duplicate = Doublons dans le fichier

import-target-first_name = Prénom
import-target-last_name = Nom
import-target-full_name = Nom complet (séparé)
import-target-email = E-mail
import-target-phone = Téléphone
import-target-company = Société
import-target-job_title = Poste
import-target-street = Rue
import-target-postal_code = Code postal
import-target-city = Ville
import-target-country = Pays
import-target-language = Langue
import-target-notes = Notes
import-target-optin_time = Date d'inscription (consentement)
import-target-optin_ip = Adresse IP d'inscription
import-target-confirm_time = Double opt-in confirmé le
import-target-confirm_ip = Adresse IP de confirmation
import-target-unsub_time = Désinscrit le
import-target-opt_out = Désinscrit (oui/non)
