"""A previous commit's code beside this checkout, for the benchmarks' side-by-side runs."""

import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def extract(commit, directory):
    """``commit``'s tree (``git archive``) in ``directory``, kept while it is that commit's.
    Returns whether it was extracted now."""
    directory = Path(directory)
    ref = directory / ".ref"
    if (directory / "manage.py").exists() and ref.exists() and ref.read_text() == commit:
        return False
    shutil.rmtree(directory, ignore_errors=True)
    directory.mkdir(parents=True)
    archive = subprocess.run(
        ["git", "archive", commit], cwd=ROOT, capture_output=True, check=True
    ).stdout
    subprocess.run(["tar", "-x", "-C", str(directory)], input=archive, check=True)
    # This checkout is installed in the venv as an editable package; the previous code must
    # import its own modules, not this checkout's.
    (directory / "sitecustomize.py").write_text(
        "import sys\n\nsys.meta_path[:] = [f for f in sys.meta_path "
        "if 'editable' not in getattr(f, '__name__', '').lower()]\n"
    )
    ref.write_text(commit)
    return True
