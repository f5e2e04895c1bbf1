"""The embeddable finder: its source (src/), build and the Django app that serves the bundle."""
