"""The README's "Add Roadcase to an existing Wagtail site" steps, applied word for word to a site
made by `wagtail start` (CI's .ci/plugin_site and tests/test_host_site.py both use this).

Each step the README wants run is a fenced block after a ``<!-- plugin-step: NAME -->`` marker:
``settings`` is appended to the site's settings, ``urls`` to its ``urls.py``, and ``commands``
are run in the site's folder. No other text is added: what passes here is what the README says.

    python tests/host_site/readme_steps.py apply SITE_DIR     # edit the settings and urls.py
    python tests/host_site/readme_steps.py commands            # print the commands, one a line
"""

import re
import sys
from pathlib import Path

README = Path(__file__).resolve().parent.parent.parent / "README.md"
STEP = re.compile(
    r"<!-- plugin-step: (?P<name>[a-z]+) -->\s*\n\s*```(?P<lang>\w+)\n(?P<body>.*?)\n\s*```",
    re.DOTALL,
)


def readme_steps(readme=README):
    """``{name: code}`` of the marked blocks, with the README's list indentation removed."""
    steps = {}
    for match in STEP.finditer(readme.read_text(encoding="utf-8")):
        lines = match["body"].split("\n")
        indent = min(len(line) - len(line.lstrip()) for line in lines if line.strip())
        steps[match["name"]] = "\n".join(line[indent:] for line in lines) + "\n"
    missing = {"settings", "urls", "commands"} - set(steps)
    if missing:
        raise ValueError(f"README.md has no plugin-step block for {', '.join(sorted(missing))}")
    return steps


def commands(readme=README):
    """The shell commands of the ``commands`` step, comments dropped."""
    lines = (line.split("#")[0].strip() for line in readme_steps(readme)["commands"].splitlines())
    return [line for line in lines if line]


def apply(site_dir, readme=README):
    """Append the settings and URL steps to the `wagtail start` site in ``site_dir``."""
    site_dir = Path(site_dir)
    [project] = [p.parent for p in site_dir.glob("*/wsgi.py")]
    steps = readme_steps(readme)
    targets = {"settings": project / "settings" / "base.py", "urls": project / "urls.py"}
    for name, target in targets.items():
        with target.open("a", encoding="utf-8") as file:
            file.write("\n\n# Roadcase (README: Add Roadcase to an existing Wagtail site)\n")
            file.write(steps[name])
    return project.name


if __name__ == "__main__":
    action = sys.argv[1] if len(sys.argv) > 1 else ""
    if action == "apply" and len(sys.argv) == 3:
        print(apply(sys.argv[2]))
    elif action == "commands":
        print("\n".join(commands()))
    else:
        sys.exit(__doc__)
