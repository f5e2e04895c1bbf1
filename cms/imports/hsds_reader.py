"""Reading HSDS 3.0 JSON: a document as ``export_hsds`` writes it (``{"services": [...],
"organizations": [...], "taxonomy_terms": [...]}``), a list of services, or one service.
Every object is checked against the official schemas first; a document with any schema error
gives no rows, only the errors, each with its path.
"""

import json

from ..hsds.export import document_errors
from ..hsds.mapping import organization_from_hsds, service_from_hsds, topic_from_term
from .rows import COLUMNS, ImportRow, RowError


def read_hsds(data: bytes) -> tuple[list[ImportRow], list[RowError]]:
    """``(rows, file_errors)``; row numbers count services from 1 (``services[0]`` is row 1)."""
    try:
        document = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError as error:
        return [], [RowError(0, "", f"The file is not UTF-8 (byte {error.start}).")]
    except json.JSONDecodeError as error:
        return [], [
            RowError(0, "", f"Not JSON: {error.msg} at line {error.lineno} column {error.colno}.")
        ]
    if isinstance(document, list):
        document = {"services": document}
    elif isinstance(document, dict) and "services" not in document and "id" in document:
        document = {"services": [document]}
    if not isinstance(document, dict) or not isinstance(document.get("services"), list):
        return [], [RowError(0, "services", "An HSDS document needs a list of services.")]
    errors = [
        RowError(_service_number(path), path, message)
        for path, message in document_errors(document)
    ]
    if errors:
        return [], errors

    organizations = {o["id"]: o for o in document.get("organizations", [])}
    terms = {t["id"]: t for t in document.get("taxonomy_terms", [])}
    rows = []
    for index, service in enumerate(document["services"]):
        values, sources, topics = service_from_hsds(service, terms)
        organization = service.get("organization") or organizations.get(
            service.get("organization_id")
        )
        if service.get("organization_id") and organization is None:
            errors.append(RowError(index + 1, "organization_id", "No organization with this id."))
            continue
        prefix = f"services[{index}]."
        rows.append(
            ImportRow(
                number=index + 1,
                values=values,
                sources={
                    **{column: prefix + column for column in COLUMNS},
                    **{key: prefix + path for key, path in sources.items()},
                },
                organisation=organization_from_hsds(organization) if organization else None,
                topics=[topic_from_term(term) for term in topics],
                hsds=True,
            )
        )
    return rows, errors


def _service_number(path):
    if path.startswith("services["):
        return int(path[len("services[") : path.index("]")]) + 1
    return 0
