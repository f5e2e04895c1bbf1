"""Admin screens of the translation workflow, one module per screen."""
