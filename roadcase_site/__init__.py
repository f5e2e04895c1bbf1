"""The hub site that runs Roadcase on its own: settings, URLs and WSGI entry point.

A host Wagtail site that adds Roadcase as a plugin does not need this package; see the README.
"""
