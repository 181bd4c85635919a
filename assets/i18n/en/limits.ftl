# Limits against hostile import files (issue 7)
import-limit-columns = The file has { $found } columns; Consentbook reads files with at most { $max } columns. Remove the columns you do not need and try again.
import-limit-zip = The spreadsheet would unpack to { $mb } MB or more. It is refused because it may be a "zip bomb"; save it again from your spreadsheet program, or export it as CSV.
import-limit-row-columns = The row has { $found } cells, more than the { $max } that are read.
import-limit-cell = A cell is longer than { $kib } KiB.
import-limit-line = A vCard line is longer than { $mib } MiB.
import-limit-undecodable = The row contains bytes that are not valid in the file's encoding, or NUL bytes.
import-limit-quote = A quotation mark is never closed: the rest of the file would have become one cell.
