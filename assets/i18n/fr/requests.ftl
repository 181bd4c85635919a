## Demandes des personnes concernées : valeurs

request-kind-access = Accès (art. 15)
request-kind-rectification = Rectification (art. 16)
request-kind-erasure = Effacement (art. 17)
request-kind-restriction = Limitation (art. 18)
request-kind-portability = Portabilité (art. 20)
request-kind-objection = Opposition (art. 21)
request-kind-withdrawal = Retrait du consentement (art. 7, par. 3)

request-status-open = Ouverte
request-status-awaiting-identity = Vérification d'identité en attente
request-status-completed = Traitée
request-status-declined = Refusée

request-channel-email = E-mail
request-channel-post = Courrier
request-channel-phone = Téléphone
request-channel-in-person = En personne
request-channel-web-form = Formulaire web
request-channel-other = Autre

identity-method-address-on-file = Reçue de / confirmée via l'adresse enregistrée
identity-method-callback = Rappel au numéro enregistré
identity-method-known-person = Personne connue de nous
identity-method-id-document = Pièce d'identité présentée (seulement en cas de doute raisonnable)
identity-method-other = Autre

identity-result-pending = Pas encore vérifiée
identity-result-confirmed = Confirmée
identity-result-failed = Non confirmée
identity-result-not-needed = Inutile

request-action-logged = Demande enregistrée
request-action-identity-checked = Identité vérifiée
request-action-extended = Délai prolongé
request-action-report-exported = Réponse d'accès exportée
request-action-portability-exported = Données portables exportées
request-action-erased = Données effacées
request-action-objection-recorded = Opposition enregistrée
request-action-withdrawal-recorded = Retrait enregistré
request-action-restricted = Traitement limité
request-action-restriction-lifted = Limitation levée
request-action-rectified = Données rectifiées
request-action-note = Note
request-action-closed = Demande close

exception-legal-obligation = Obligation légale, p. ex. droit fiscal (art. 17, par. 3, b)
exception-legal-claims = Droits en justice (art. 17, par. 3, e)
exception-expression = Liberté d'expression (art. 17, par. 3, a)
exception-public-health = Santé publique (art. 17, par. 3, c)
exception-archiving = Archives, recherche, statistiques (art. 17, par. 3, d)

plan-item-contact-fields = Coordonnées
plan-item-source-links = Liens vers les sources
plan-item-raw-rows = Lignes telles que reçues des sources
plan-item-bases = Bases légales
plan-item-consent-personal-fields = Événements de consentement : lien avec la personne, adresse IP et note de preuve (ce qui a été accepté, quand et avec quelle formulation reste comme preuve anonyme)
plan-item-request-identifiers = Identifiants conservés avec les demandes

due-state-pending = Ouverte
due-state-due-soon = Échéance sous 7 jours
due-state-overdue = En retard
due-state-closed = Close dans les délais
due-state-closed-late = Close en retard

field-received_on = Reçue le (AAAA-MM-JJ)
field-requester = Demandeur
field-checked_on = Vérifiée le (AAAA-MM-JJ)
field-months = Prolongation (mois)
field-reason = Motif
field-told_on = Personne informée le (AAAA-MM-JJ)
field-closed_on = Close le (AAAA-MM-JJ)
erase-confirmation-label = Confirmation

error-outside-request = Doit se situer entre la réception de la demande et aujourd'hui.
error-told-too-late = Doit se situer dans le premier mois suivant la réception de la demande.
error-extension-too-long = Prolonger de 1 ou 2 mois.
error-before-suppression = Doit être postérieur à l'effacement ou à l'opposition de la personne.

report-format-html = Page imprimable (HTML)
report-format-pdf = PDF
report-format-json = Lisible par machine (JSON)
portability-format-json = JSON
portability-format-csv = CSV (tableur)
portability-format-vcard = vCard (carnet d'adresses)

## Demandes

requests-title = Demandes des personnes concernées
requests-intro = Chaque demande doit recevoir une réponse dans un délai d'un mois à compter de sa réception. Enregistrez-la ici le jour où elle arrive.
requests-log = Enregistrer une demande
requests-show-closed = Afficher les demandes closes
requests-none = Aucune demande.
requests-overdue-count = { $count ->
    [one] 1 demande est en retard
   *[other] { $count } demandes sont en retard
}
requests-due-soon-count = { $count ->
    [one] 1 demande arrive à échéance sous 7 jours
   *[other] { $count } demandes arrivent à échéance sous 7 jours
}
requests-not-in-book = { $who } (absent du fichier)
requests-erased-person = (personne effacée)
requests-col-type = Demande
requests-col-requester = Demandeur
requests-col-received = Reçue
requests-col-due = Échéance
requests-col-status = État
requests-col-deadline = Délai
requests-log-for-contact = Enregistrer une demande de cette personne
requests-log-title = Nouvelle demande
requests-log-submit = Enregistrer la demande
requests-type = Type de demande
requests-channel = Reçue par
requests-id-method = Identité vérifiée par
requests-id-result = Résultat de la vérification
requests-notes = Notes sur la demande
requests-linked-to = Concerne : { $name }
requests-unlink = Choisir une autre personne
requests-find-contact = Rechercher un contact
requests-not-in-book-hint = Absent du fichier ? Indiquez l'adresse d'où vient la demande ; la réponse sera alors « nous ne détenons aucune donnée vous concernant ».
requests-email-not-in-book = E-mail (absent du fichier)
requests-phone-not-in-book = Téléphone (absent du fichier)
requests-overdue-by = En retard de { $days } jours
requests-days-left = Échéance dans { $days } jours
requests-first-due = Premier délai
requests-extended = Prolongée
requests-extension-summary = de { $months } mois ; personne informée le { $told }
requests-files-sent = Fichiers envoyés
requests-erased-note = La personne a été effacée ; rien ne permet plus de l'identifier dans cette demande.
requests-identity = Vérification d'identité
requests-identity-hint = Ne demandez de justificatif qu'en cas de doute raisonnable (art. 12, par. 6 RGPD), p. ex. confirmation via l'adresse enregistrée.
requests-identity-save = Enregistrer la vérification
requests-extend = Prolonger le délai
requests-extend-hint = Seulement pour des demandes complexes ou nombreuses, de deux mois au plus, et seulement si vous en informez la personne dans le premier mois, avec les motifs.
requests-extend-save = Prolonger le délai
requests-actions = Mesures prises
requests-note = Note
requests-note-add = Ajouter la note
requests-close = Clôture
requests-close-as = Clore comme
requests-declined-hint = Si vous ne donnez pas suite à une demande, indiquez-en les motifs à la personne ainsi que son droit d'introduire une réclamation (art. 12, par. 4 RGPD).
requests-close-save = Clore la demande
requests-open-contact = Voir dans les contacts
requests-rights-button = Droits…
requests-restricted-banner = ⚠ Traitement limité depuis le { $date } (art. 18) : conservation uniquement, aucune autre utilisation.
requests-access-section = Droit d'accès (art. 15)
requests-access-hint = Tout ce qui est détenu sur la personne, son origine, et les informations exigées par l'article 15. Les finalités, destinataires et durées sont des valeurs par défaut tant que vous ne tenez pas de registre des traitements : relisez le document avant de l'envoyer.
requests-report-format = Format de la réponse
requests-report-path = Enregistrer la réponse sous
requests-report-export = Exporter la réponse d'accès
requests-path-missing = Saisissez d'abord un chemin de fichier ou choisissez-en un avec « Parcourir… ».
requests-no-data-hint = Cette personne n'est pas dans le fichier. Envoyez-lui la réponse qui le confirme.
requests-portability-section = Portabilité (art. 20)
requests-portability-hint = Les données que la personne vous a fournies, dans un format lisible par machine.
requests-portability-format = Format des données
requests-portability-path = Enregistrer les données sous
requests-portability-export = Exporter les données
requests-objection-section = Opposition et retrait (art. 21, art. 7, par. 3)
requests-objection-hint = Prend effet immédiatement. Une opposition à toute prospection inscrit aussi la personne sur la liste repoussoir, afin qu'aucune importation ne la fasse revenir.
requests-object-to = Opposition à
requests-object-all = Toute prospection
requests-object-record = Enregistrer l'opposition
requests-withdraw-purpose = Retirer le consentement pour
requests-withdraw-record = Enregistrer le retrait
requests-restriction-section = Limitation (art. 18)
requests-restriction-hint = Tant que le traitement est limité, les données sont seulement conservées : aucun envoi, aucune autre utilisation. Informez la personne avant de lever la limitation.
requests-restrict = Limiter le traitement
requests-lift = Lever la limitation
requests-rectification-section = Rectification (art. 16)
requests-rectification-hint = Corriger ou compléter les données ; la modification est journalisée (noms des champs uniquement).
requests-rectify-field = Corriger : { $field }
requests-rectify-save = Enregistrer la correction
requests-erasure-section = Effacement (art. 17)
requests-erasure-hint = Affiche d'abord le plan : ce qui est supprimé, ce qui est conservé et pourquoi, qui informer. Rien ne se passe avant votre confirmation.
requests-erase-open = Effacer…
requests-last-file = Dernier fichier écrit : { $path }

## Effacement

erase-title = Effacer { $name } ?
erase-deleted = Supprimé définitivement
erase-anonymised = Anonymisé
erase-suppression = Liste repoussoir
erase-suppression-none = Rien n'est inscrit sur la liste repoussoir.
erase-suppression-list = Inscrits sur la liste repoussoir, uniquement sous forme d'empreintes à clé (HMAC) : { $kinds }. La personne est refusée si elle est réimportée ou ajoutée à nouveau.
erase-identifier-email = Adresse e-mail
erase-identifier-phone = Numéro de téléphone
erase-kept = Conservé en vertu d'une exception
erase-kept-line = { $purpose } : { $exception } ; conservés : { $fields }
erase-notify = Destinataires à informer (art. 19)
erase-notify-none = Aucun destinataire consigné : personne à informer.
erase-copies = Copies hors du fichier : supprimez-les vous-même
erase-keep-title = Conserver des données que la loi vous oblige à garder ?
erase-keep-hint = P. ex. des factures au titre du droit fiscal. Seuls le nom et l'adresse postale restent, limités à cette finalité ; tout le reste est effacé.
erase-keep-purpose = Conserver les données pour « { $purpose } »
erase-exception = Exception
erase-keep-note = Quoi et pourquoi
erase-keep-note-missing = Indiquez ce qui est conservé et pourquoi pour chaque finalité conservée.
erase-suppress = Inscrire la personne sur la liste repoussoir
erase-confirm-word = EFFACER
erase-type-email = Pour confirmer, saisissez l'adresse e-mail de la personne : { $email }
erase-type-word = Pour confirmer, saisissez { $word }
erase-now = Effacer maintenant

## Nouveau consentement d'une personne inscrite sur la liste repoussoir

override-title = L'ajouter avec un nouveau consentement qu'elle a donné
override-hint = Une personne inscrite sur la liste repoussoir ne peut revenir que si elle vous a donné un nouveau consentement après son effacement ou son opposition. Consignez-le avec sa preuve ; l'inscription est alors levée.
override-purpose = Consentement pour
override-channel = Canal du consentement
override-method = Consentement donné par
override-at = Consentement donné le
override-wording = Formulation acceptée
override-evidence = Preuve du nouveau consentement
override-submit = Ajouter avec ce consentement

toast-request-logged = Demande enregistrée.
toast-request-saved = Demande enregistrée.
toast-request-extended = Délai prolongé.
toast-request-closed = Demande close.
toast-report-exported = Réponse d'accès écrite.
toast-portability-exported = Export des données écrit.
toast-erased = Effacé.
toast-objection-recorded = Opposition enregistrée.
toast-withdrawal-recorded = Retrait enregistré.
toast-restricted = Traitement limité.
toast-restriction-lifted = Limitation levée.
toast-rectified = Correction enregistrée.
toast-contact-added-with-consent = Contact ajouté avec le nouveau consentement ; l'inscription sur la liste repoussoir a été levée.
