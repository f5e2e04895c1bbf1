"""Reading and writing the directory's CSV form: UTF-8 (with or without a byte-order mark), a
header row of the column names in ``rows.COLUMNS``, one resource per row.
"""

import csv
import io

from .rows import COLUMNS, REQUIRED_COLUMNS, ImportRow, RowError, resource_to_row

HEADER_ROW = 1


def read_csv(data: bytes) -> tuple[list[ImportRow], list[RowError]]:
    """``(rows, file_errors)``. Rows are numbered as a spreadsheet shows them (the header is 1).
    A file that is not UTF-8, or whose header lacks or adds columns, gives no rows.
    """
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        return [], [
            RowError(
                line,
                "",
                f"The file is not UTF-8 (byte 0x{data[error.start]:02x} at row {line}): "
                "save it as 'CSV UTF-8' and try again.",
            )
        ]
    if not text.strip():
        return [], [RowError(0, "", "The file is empty.")]
    reader = csv.reader(io.StringIO(text, newline=""))
    rows, number = [], HEADER_ROW
    try:
        header = [name.strip() for name in next(reader)]
        errors = _header_errors(header)
        if errors:
            return [], errors
        # Numbered by record, as a spreadsheet shows rows (a cell may hold several lines).
        for number, cells in enumerate(reader, start=HEADER_ROW + 1):
            if not any(cell.strip() for cell in cells):
                continue
            if len(cells) > len(header):
                errors.append(RowError(number, "", "This row has more cells than the header."))
                continue
            values = dict(zip(header, cells + [""] * (len(header) - len(cells)), strict=True))
            rows.append(ImportRow(number=number, values=values))
    except csv.Error as error:
        return [], [RowError(number + 1, "", f"The file is not valid CSV: {error}.")]
    return rows, errors


def _header_errors(header):
    errors = []
    for name in header:
        if name not in COLUMNS:
            errors.append(
                RowError(
                    HEADER_ROW, name, "Unknown column (see docs/data-exchange.md for the list)."
                )
            )
    duplicates = {name for name in header if header.count(name) > 1}
    for name in sorted(duplicates):
        errors.append(RowError(HEADER_ROW, name, "This column appears more than once."))
    for name in REQUIRED_COLUMNS:
        if name not in header:
            errors.append(RowError(HEADER_ROW, name, "This required column is missing."))
    return errors


def write_csv(resources) -> str:
    """The CSV form of ``resources`` (an import of it recreates them)."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for resource in resources:
        writer.writerow(resource_to_row(resource))
    return out.getvalue()
