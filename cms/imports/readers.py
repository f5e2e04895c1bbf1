"""Picking the reader for an uploaded or named file."""

from .csv_reader import read_csv
from .hsds_reader import read_hsds


def read_file(data: bytes, *, name: str = "", format: str | None = None):
    """``(rows, file_errors)`` from CSV or HSDS JSON, chosen by ``format`` or the file name
    (``.json`` is HSDS, anything else CSV).
    """
    format = format or ("hsds" if name.lower().endswith(".json") else "csv")
    return read_hsds(data) if format == "hsds" else read_csv(data)
