# Grenzen gegen feindselige Importdateien (Issue 7)
import-limit-columns = Die Datei hat { $found } Spalten; Consentbook liest Dateien mit höchstens { $max } Spalten. Entfernen Sie nicht benötigte Spalten und versuchen Sie es erneut.
import-limit-zip = Die Tabelle würde entpackt { $mb } MB oder mehr belegen. Sie wird abgelehnt, weil sie eine „Zip-Bombe“ sein könnte; speichern Sie sie in Ihrem Tabellenprogramm neu oder exportieren Sie sie als CSV.
import-limit-row-columns = Die Zeile hat { $found } Zellen, mehr als die { $max }, die gelesen werden.
import-limit-cell = Eine Zelle ist länger als { $kib } KiB.
import-limit-line = Eine vCard-Zeile ist länger als { $mib } MiB.
import-limit-undecodable = Die Zeile enthält Bytes, die in der Kodierung der Datei ungültig sind, oder NUL-Bytes.
import-limit-quote = Ein Anführungszeichen wird nie geschlossen: Der Rest der Datei wäre eine einzige Zelle geworden.
