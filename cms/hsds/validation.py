"""Validation against the official HSDS 3.0 JSON schemas (shipped in ``schema/``), with a
``referencing`` registry resolving their relative references (``"$ref": "phone.json"``).
"""

import functools
import json
from pathlib import Path

from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

SCHEMA_DIR = Path(__file__).parent / "schema"
# The schemas' published home: references in the HSDS OpenAPI document point here.
BASE_URI = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/"


def schema_registry(directory: Path = SCHEMA_DIR) -> Registry:
    """Every ``*.json`` schema in ``directory`` under ``BASE_URI``, so ``phone.json`` resolves."""
    resources = []
    for path in sorted(directory.glob("*.json")):
        contents = json.loads(path.read_text(encoding="utf-8"))
        resources.append((BASE_URI + path.name, Resource(contents, specification=DRAFT202012)))
    return Registry().with_resources(resources)


@functools.cache
def validator(name: str) -> Draft202012Validator:
    """A validator for one HSDS object type (``service``, ``organization``, ``taxonomy``…)."""
    registry = schema_registry()
    schema = {"$ref": f"{BASE_URI}{name}.json"}
    return Draft202012Validator(schema, registry=registry, format_checker=FormatChecker())


def schema_errors(instance, name: str, path_prefix: str = "") -> list[tuple[str, str]]:
    """``[(path, message), ...]`` for ``instance`` against the ``name`` schema, e.g.
    ``("services[2].phones[0].number", "'number' is a required property")``.
    """
    errors = []
    for error in sorted(validator(name).iter_errors(instance), key=lambda e: list(e.path)):
        path = path_prefix
        for part in error.absolute_path:
            path += f"[{part}]" if isinstance(part, int) else (f".{part}" if path else part)
        errors.append((path, error.message))
    return errors
