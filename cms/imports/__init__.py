"""Directory imports: spreadsheets (CSV) and Open Referral HSDS 3.0 documents.

Each reader (``csv_reader``, ``hsds_reader``) turns its input into ``ImportRow``s of plain
values; ``rows`` turns those into unsaved resources (checking codes on the way); ``service``
saves them through ``cms.services.resource_save``, the one place a resource is validated, and
reports on every row. Nothing here writes half a row.
"""
