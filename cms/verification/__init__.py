"""The verification workflow: recording checks (``services``), the report of overdue and
soon-due resources (``report``), the link checker (``links``) and their admin screens (``views``).
"""
