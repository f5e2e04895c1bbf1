"""Importing rows: each is saved through ``resource_save`` in its own savepoint and reported.

``all_or_nothing`` (the default) writes nothing unless every row is good; otherwise bad rows are
skipped and the good ones kept. A dry run reports exactly what a real run would do and then
rolls everything back. A row is matched to an existing resource by its external id, so running
the same file twice changes nothing the second time.
"""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from wagtail.models import Locale

from ..conf import roadcase_setting
from ..models import Resource
from ..services import resource_save
from .rows import (
    ImportRow,
    RowError,
    RowInvalid,
    find_existing,
    prepare_row,
    resource_to_row,
)

CREATED, UPDATED, UNCHANGED, FAILED = "created", "updated", "unchanged", "failed"


@dataclass
class RowResult:
    number: int
    external_id: str
    action: str
    errors: list[RowError] = field(default_factory=list)


@dataclass
class ImportReport:
    """Per-row results, and errors about the file as a whole (row 0: the file, 1: its header)."""

    rows: list[RowResult] = field(default_factory=list)
    file_errors: list[RowError] = field(default_factory=list)
    dry_run: bool = False
    committed: bool = False

    @property
    def errors(self):
        return [*self.file_errors, *(e for r in self.rows for e in r.errors)]

    def count(self, action):
        return sum(r.action == action for r in self.rows)

    def lines(self):
        """The report as text lines, one per row, then a summary."""
        lines = [f"ERROR {error}" for error in self.file_errors]
        for result in self.rows:
            lines.append(f"row {result.number} [{result.external_id}]: {result.action}")
            lines.extend(f"  {error.column or '-'}: {error.message}" for error in result.errors)
        verb = "would be" if self.dry_run or not self.committed else "were"
        lines.append(
            f"{self.count(CREATED)} created, {self.count(UPDATED)} updated, "
            f"{self.count(UNCHANGED)} unchanged, {self.count(FAILED)} failed; "
            + (f"changes {verb} saved." if self.committed else "nothing was saved.")
        )
        return lines


class _Discard(Exception):
    """Raised inside a row's savepoint to undo it (a row that changes nothing)."""


def import_rows(
    rows: list[ImportRow],
    *,
    file_errors=(),
    dry_run=False,
    all_or_nothing=True,
    user=None,
) -> ImportReport:
    """Import ``rows`` read by a reader (with the reader's ``file_errors``) and report."""
    report = ImportReport(file_errors=list(file_errors), dry_run=dry_run)
    limit = roadcase_setting("IMPORT_MAX_ROWS")
    if len(rows) > limit:
        report.file_errors.append(RowError(0, "", f"More than {limit} resources in one file."))
    if report.file_errors:
        return report
    locale = Locale.get_default()
    seen = {}
    with transaction.atomic():
        for row in rows:
            if row.external_id and row.external_id in seen:
                error = row.error(
                    "external_id", f"Duplicate of row {seen[row.external_id]}: ids must be unique."
                )
                report.rows.append(RowResult(row.number, row.external_id, FAILED, [error]))
                continue
            seen.setdefault(row.external_id, row.number)
            report.rows.append(_import_row(row, locale, user))
        failed = report.count(FAILED) > 0
        if dry_run or (failed and all_or_nothing):
            transaction.set_rollback(True)
        else:
            report.committed = True
    return report


def _import_row(row, locale, user):
    existing = find_existing(row, locale)
    before = resource_to_row(existing) if existing else None
    try:
        with transaction.atomic():
            prepared = prepare_row(row, locale)
            resource = resource_save(
                resource=prepared.resource,
                contact_points=prepared.contact_points,
                countries=prepared.countries,
                languages=prepared.languages,
                topics=prepared.topics,
                audiences=prepared.audiences,
                user=user,
            )
            if before is not None and resource_to_row(Resource.objects.get(pk=resource.pk)) == (
                before
            ):
                raise _Discard
    except _Discard:
        return RowResult(row.number, row.external_id, UNCHANGED)
    except RowInvalid as invalid:
        return RowResult(row.number, row.external_id, FAILED, invalid.errors)
    except ValidationError as error:
        return RowResult(row.number, row.external_id, FAILED, _row_errors(row, error))
    return RowResult(row.number, row.external_id, UPDATED if existing else CREATED)


def _row_errors(row, error):
    """resource_save's field errors (``contact_points[1].value``) as the row's columns."""
    errors = []
    for name, messages in error.message_dict.items():
        column, prefix = name, ""
        if name in row.sources:  # a reader's own name for the field (an HSDS path)
            column = row.sources[name]
        elif name.startswith("contact_points["):
            point, _, attribute = name.partition("].")
            index = int(point.removeprefix("contact_points["))
            column = row.sources.get(f"contact_points[{index}]", "contact_points")
            if column == "contact_points":
                prefix = f"contact point {index + 1}, {attribute}: "
            else:
                column = f"{column}.{attribute}"
        elif name == "__all__":
            column = ""
        for message in messages:
            errors.append(
                row.error(column, prefix + message) if column else RowError(row.number, "", message)
            )
    return errors
