"""The Japanese catalogue covers every translatable string in the project."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CATALOGUE = Path("locale/ja/LC_MESSAGES/django.po")
SKIP = shutil.ignore_patterns(".venv", ".git", "*.pyc", "__pycache__", "media", ".test-media")


def test_japanese_catalogue_is_complete_and_valid(tmp_path):
    # Re-extract into a copy, so a string added without a translation shows up here.
    copy = tmp_path / "project"
    shutil.copytree(ROOT, copy, ignore=SKIP)
    extract = subprocess.run(
        [
            sys.executable,
            "manage.py",
            "makemessages",
            "-l",
            "ja",
            "--no-obsolete",
            "--ignore=tests/*",
            "--ignore=bench/*",
            "--ignore=staticfiles/*",
        ],
        cwd=copy,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert extract.returncode == 0, extract.stderr

    untranslated = subprocess.run(
        ["msgattrib", "--untranslated", str(CATALOGUE)], cwd=copy, capture_output=True, text=True
    ).stdout
    fuzzy = subprocess.run(
        ["msgattrib", "--only-fuzzy", str(CATALOGUE)], cwd=copy, capture_output=True, text=True
    ).stdout
    assert untranslated == "", f"strings without a Japanese translation:\n{untranslated}"
    assert fuzzy == "", f"fuzzy (unchecked) translations:\n{fuzzy}"

    check = subprocess.run(
        ["msgfmt", "--check-format", "-o", "/dev/null", str(CATALOGUE)],
        cwd=copy,
        capture_output=True,
        text=True,
    )
    assert check.returncode == 0, check.stderr


def test_compiled_catalogue_is_current():
    po = ROOT / CATALOGUE
    mo = po.with_suffix(".mo")
    assert mo.exists(), "run: python manage.py compilemessages --ignore=.venv"
    assert mo.stat().st_mtime >= po.stat().st_mtime - 1
