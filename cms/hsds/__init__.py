"""Open Referral HSDS 3.0: the mapping between Roadcase's directory and HSDS objects
(``mapping``), the export document (``export``) and validation against the official schemas
(``validation``). See docs/data-exchange.md.
"""
