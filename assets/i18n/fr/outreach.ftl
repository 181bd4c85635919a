## Prospection : le panneau Pieds de page, l'autorisation d'écrire, l'information de l'art. 14, le publipostage
outreach-title = Pieds de page, informations et publipostage
outreach-intro = Puis-je écrire à cette personne ? Obtenez la réponse avec sa règle de droit, le pied de page à coller sous votre message, l'information de l'article 14 pour les données achetées ou louées, et un fichier de publipostage de toutes les personnes que vous pouvez contacter.
outreach-detail-title = Puis-je écrire à cette personne ?
outreach-allowed = Peut recevoir des e-mails
outreach-not-allowed = Ne peut pas recevoir d'e-mails
outreach-rule = Règle : { $rule }
outreach-open-footer = Pied de page pour ce contact…
outreach-filter-mailable = Contactable pour
outreach-filter-any = (tous)
col-art14 = Information art. 14

outreach-reason-restricted = Le traitement est limité (art. 18) : les données peuvent seulement être conservées.
outreach-reason-suppressed = L'adresse figure sur la liste d'exclusion (effacée ou opposée auparavant).
outreach-reason-objected = La personne s'est opposée à la prospection. Une opposition n'expire jamais.
outreach-reason-withdrawn = La personne a retiré son consentement (désinscription) pour cette finalité.
outreach-reason-no-address = Aucune adresse n'est enregistrée pour ce canal.
outreach-reason-consent = Consentement préalable donné le { $date }.
outreach-reason-awaiting-confirmation = Le consentement attend sa confirmation (double opt-in). N'écrivez pas avant la confirmation.
outreach-reason-no-consent = Aucun consentement préalable pour cette finalité et ce canal.
outreach-reason-existing-customer = Client existant : adresse issue d'une vente, produits analogues, informé à la collecte, aucune opposition. Chaque message doit offrir une opposition gratuite (le pied de page le fait).
outreach-reason-customer-not-similar = Client existant, mais cette finalité n'est pas marquée comme proposant vos propres produits ou services analogues.
outreach-reason-customer-not-informed = Client existant, mais il n'est pas indiqué que les clients ont été informés à la collecte de leur droit de s'opposer gratuitement.
outreach-reason-job-related = Contact professionnel : autorisé avec information et droit d'opposition, car l'offre concerne la profession de la personne.
outreach-reason-not-job-related = Contact professionnel sans consentement, et cette finalité n'est pas marquée comme liée à la profession du destinataire.
outreach-reason-generic-address = Adresse générique d'entreprise (contact@, info@ …) : données de l'entreprise, pas d'une personne.
outreach-reason-presumed-interest = Contact professionnel : consentement présumé, car cette finalité est marquée comme présumée intéressante pour les entreprises.
outreach-reason-no-presumed-interest = Appel professionnel sans consentement, et cette finalité n'est pas marquée comme présumée intéressante.
outreach-reason-business-call-opt-out = Appel professionnel : autorisé tant que la personne ne s'y est pas opposée.
outreach-reason-bloctel-screened = Appel à un consommateur : autorisé, car les appels pour cette finalité sont filtrés avec la liste Bloctel.
outreach-reason-not-bloctel-screened = Appel à un consommateur sans consentement, et les appels pour cette finalité ne sont pas marqués comme filtrés avec Bloctel.
outreach-reason-post-opt-out = Publicité postale : autorisée tant que la personne ne s'y est pas opposée.

notice-state-due = Information à donner
notice-state-overdue = Information en retard
notice-state-sent = Information donnée
outreach-clock-due = Information de l'art. 14 à donner avant le { $due } (un mois après l'obtention des données, ou le premier message s'il est plus tôt).
outreach-clock-overdue = Information de l'art. 14 en retard depuis le { $due } : envoyez-la maintenant ou mettez-la dans le pied de page du prochain message.
outreach-clock-sent = Information de l'art. 14 donnée le { $sent }.
outreach-first-contact-at = Premier contact : { $date }
outreach-record-first-contact = Enregistrer le premier message envoyé (avec ce pied de page)
outreach-record-notice = Enregistrer l'information envoyée séparément
outreach-first-contact-recorded = Premier contact enregistré.
outreach-notice-recorded = Information de l'art. 14 enregistrée comme envoyée.

outreach-footer-section = Pied de page pour un contact
outreach-footer-for = { $name } <{ $email }>, pied de page en { $language }
outreach-contact = Contact
outreach-contact-hint = Saisissez un nom, un e-mail ou une entreprise
outreach-pick-contact = Choisissez un contact pour voir son pied de page.
outreach-language = Langue du pied de page
outreach-language-own = Langue du contact
outreach-tab-preview = Aperçu
outreach-tab-text = Texte brut
outreach-tab-html = Source HTML
outreach-tab-headers = En-têtes
outreach-tab-notice = Information art. 14
outreach-read-only = Texte généré (lecture seule)
outreach-copy-text = Copier le texte
outreach-copy-html = Copier le HTML
outreach-copy-headers = Copier les en-têtes
outreach-copy-notice = Copier l'information
outreach-copied = Copié dans le presse-papiers.
outreach-missing-settings = Un pied de page complet nécessite ces réglages : { $settings }.
outreach-open-settings = Ouvrir les réglages
outreach-notice-not-needed = Les données de ce contact viennent de la personne elle-même (l'art. 13 s'applique) : aucune information au titre de l'art. 14 n'est nécessaire.
footer-warning-no-https = Pas d'adresse de désinscription https : les messageries ne peuvent pas proposer la désinscription en un clic (Gmail et Yahoo l'exigent pour les envois en masse). Indiquez une URL de désinscription https dans les réglages.
footer-warning-no-token = L'URL de désinscription ne contient pas {"{"}token{"}"} : elle ne peut pas distinguer les destinataires.

outreach-rules-title = Ce que propose « { $purpose } » (des faits que vous seul connaissez)
outreach-rules-intro = Les règles ont besoin de ces faits. Rien n'est présumé : ne cochez que ce qui est vrai.
outreach-rule-similar = Elle propose mes propres produits ou services analogues à ceux achetés
outreach-rule-similar-help = L.34-5 CPCE / UWG § 7(3) n° 2 : l'exception client ne vaut que pour des produits analogues du même vendeur.
outreach-rule-informed = Les clients ont été informés à la collecte qu'ils peuvent s'opposer à tout moment et gratuitement
outreach-rule-informed-help = UWG § 7(3) n° 4 / L.34-5 CPCE : l'information à la collecte ; le pied de page la répète dans chaque message.
outreach-rule-job = L'offre concerne la profession des destinataires (France, B2B)
outreach-rule-job-help = CNIL : l'e-mail professionnel sans consentement est permis si l'offre est en rapport avec la profession de la personne, avec information et droit d'opposition.
outreach-rule-presumed = Les entreprises sont présumées intéressées par des appels à ce sujet (Allemagne)
outreach-rule-presumed-help = UWG § 7(2) n° 1 : les appels aux entreprises exigent au moins un consentement présumé, fondé sur des faits concrets.
outreach-rule-bloctel = Les appels aux consommateurs sont filtrés avec Bloctel (France)
outreach-rule-bloctel-help = Code de la consommation L.223-1 : les consommateurs inscrits sur Bloctel ne doivent pas être appelés.
outreach-rules-save = Enregistrer ces faits
outreach-rules-saved = Enregistré. Chaque décision en tient compte désormais.

outreach-details-title = Précisions pour l'information de l'art. 14
outreach-details-intro = Ce que l'information indique sur les destinataires, les transferts et la conservation. Laissé vide, elle renvoie à votre politique de confidentialité.
outreach-details-recipients = Destinataires (p. ex. hébergeur en tant que sous-traitant)
outreach-details-transfers = Transferts hors de l'UE/de l'EEE et garanties
outreach-details-retention = Durée de conservation des données
outreach-details-save = Enregistrer les précisions
outreach-details-saved = Précisions enregistrées.

outreach-export-title = Publipostage : tous les contacts autorisés pour « { $purpose } »
outreach-export-intro = Un fichier CSV ou Excel avec l'e-mail, les noms, la formule d'appel et le pied de page de chaque personne (texte et HTML) ainsi que l'en-tête List-Unsubscribe, pour un publipostage dans Thunderbird, Outlook ou LibreOffice.
outreach-mailable-count = { $count ->
    [one] 1 contact peut recevoir des e-mails pour { $purpose }.
   *[other] { $count } contacts peuvent recevoir des e-mails pour { $purpose }.
}
outreach-export-format = Format
outreach-export-file = Enregistrer sous
outreach-export-start = Exporter les contacts autorisés
outreach-export-done = { $count } contacts exportés vers { $path } ({ $art14 } pieds de page contiennent l'information de l'art. 14).
outreach-export-cancelled = L'export a été annulé ; aucun fichier n'a été écrit.
outreach-file-error = Le fichier n'a pas pu être écrit : { $details }
outreach-export-confirm = Envoyez-vous ce publipostage maintenant ? Enregistrez alors aujourd'hui comme premier contact de ces { $count } personnes : cela règle le délai de l'art. 14 de celles dont le pied de page contenait l'information.
outreach-export-record = Enregistrer le premier contact
outreach-export-not-now = Pas maintenant
outreach-exported-recorded = Premier contact enregistré pour { $count } contacts.
