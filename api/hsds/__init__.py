"""The read endpoints of the Open Referral HSDS 3.0 API under ``/api/hsds/``, as described by
the specification's ``schema/openapi.json``; objects come from ``cms.hsds.mapping``, the same
mapping as ``manage.py export_hsds``.
"""
