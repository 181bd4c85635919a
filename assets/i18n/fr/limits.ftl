# Limites contre les fichiers d'import hostiles (ticket 7)
import-limit-columns = Le fichier a { $found } colonnes ; Consentbook lit les fichiers d'au plus { $max } colonnes. Supprimez les colonnes inutiles et réessayez.
import-limit-zip = Une fois décompressé, le classeur occuperait { $mb } Mo ou plus. Il est refusé car il pourrait s'agir d'une « bombe zip » ; enregistrez-le à nouveau depuis votre tableur ou exportez-le en CSV.
import-limit-row-columns = La ligne a { $found } cellules, plus que les { $max } qui sont lues.
import-limit-cell = Une cellule dépasse { $kib } Kio.
import-limit-line = Une ligne vCard dépasse { $mib } Mio.
import-limit-undecodable = La ligne contient des octets invalides dans l'encodage du fichier, ou des octets NUL.
import-limit-quote = Un guillemet n'est jamais fermé : le reste du fichier serait devenu une seule cellule.
