"""Imports point down the layers: shared base, members, other apps, search, pages, demo.

Read from the source with ``ast``, so an import inside a function counts as much as one at the
top, and a function-local import in a model module (the usual way to hide a cycle) is refused.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

LOWER_LAYERS = [
    "club/members",
    "club/events",
    "club/news",
    "club/qa",
    "club/outcomes",
    "club/surveys",
    "search",
]
UPPER_PACKAGES = ("club.pages", "club.demo")
SHARED_BASE = ["club/content_blocks.py", "club/page_mixins.py", "club/page_routes.py"]
APPS = (
    "club.members",
    "club.events",
    "club.news",
    "club.qa",
    "club.outcomes",
    "club.surveys",
    "club.pages",
)

# Model modules that may import inside a function, each with the reason. Empty: keep it so.
LOCAL_IMPORTS_ALLOWED: dict[str, str] = {}


@dataclass(frozen=True)
class Import:
    file: str
    line: int
    module: str
    local: bool


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports_of(path: Path, module: str | None = None) -> list[Import]:
    """Every module ``path`` imports (``from a import b`` counts as a and a.b), and where.

    ``module`` is the file's dotted name, which resolves relative imports; by default its path.
    """
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    local_nodes: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            for inner in ast.walk(node):
                if isinstance(inner, ast.Import | ast.ImportFrom):
                    local_nodes.add(id(inner))
    package = (module or _module_name(path)).split(".")
    if path.name != "__init__.py":
        package = package[:-1]
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package[: len(package) - node.level + 1]
                base = ".".join([*anchor, base]) if base else ".".join(anchor)
            names = [base, *(f"{base}.{alias.name}" for alias in node.names)]
        else:
            continue
        file = str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else path.name
        found += [Import(file, node.lineno, name, id(node) in local_nodes) for name in names]
    return found


def python_files(*places: str) -> list[Path]:
    files: list[Path] = []
    for place in places:
        target = ROOT / place
        files += [target] if target.is_file() else sorted(target.rglob("*.py"))
    return [path for path in files if "migrations" not in path.parts]


def _is_within(module: str, packages: tuple[str, ...]) -> bool:
    return any(module == package or module.startswith(f"{package}.") for package in packages)


def test_the_scanner_sees_imports_at_the_top_and_inside_functions(tmp_path):
    # Guards the checks below against passing because the scanner finds nothing.
    pages = python_files("club/pages")
    assert any(
        _is_within(found.module, ("club.events",)) for path in pages for found in imports_of(path)
    )
    sample = tmp_path / "sample.py"
    sample.write_text("from . import models\n\ndef f():\n    from ..demo import qa\n")
    seen = {(found.module, found.local) for found in imports_of(sample, "club.pages.sample")}
    assert ("club.pages.models", False) in seen
    assert ("club.demo.qa", True) in seen


def test_no_lower_layer_imports_the_pages_or_the_demo():
    upward = [
        found
        for path in python_files(*LOWER_LAYERS)
        for found in imports_of(path)
        if _is_within(found.module, UPPER_PACKAGES)
    ]
    assert upward == []


def test_no_module_outside_the_demo_imports_it():
    outside = [path for path in python_files("club", "search") if "demo" not in path.parts]
    users = [
        found
        for path in outside
        for found in imports_of(path)
        if _is_within(found.module, ("club.demo",))
    ]
    assert users == []


def test_the_shared_base_imports_no_app():
    upward = [
        found
        for path in python_files(*SHARED_BASE)
        for found in imports_of(path)
        if _is_within(found.module, (*APPS, "club.demo", "search"))
    ]
    assert upward == []


def _model_modules() -> list[Path]:
    modules = [ROOT / "search" / "models.py"]
    for app in (ROOT / "club").iterdir():
        modules += [app / "models.py"] if (app / "models.py").is_file() else []
        modules += sorted((app / "models").glob("*.py")) if (app / "models").is_dir() else []
    return modules


@pytest.mark.parametrize("path", _model_modules(), ids=lambda path: str(path.relative_to(ROOT)))
def test_model_modules_import_nothing_inside_functions(path):
    if str(path.relative_to(ROOT)) in LOCAL_IMPORTS_ALLOWED:
        pytest.skip(LOCAL_IMPORTS_ALLOWED[str(path.relative_to(ROOT))])
    assert [found for found in imports_of(path) if found.local] == []


def _product_modules() -> list[Path]:
    """Our code outside the demo and migrations; apps.py connects signals in ready(), by
    Django's convention, after every model is loaded."""
    return [
        path
        for path in python_files("club", "search")
        if "demo" not in path.parts and "migrations" not in path.parts and path.name != "apps.py"
    ]


def test_no_module_imports_our_own_code_inside_a_function():
    hidden = [
        found
        for path in _product_modules()
        for found in imports_of(path)
        if found.local and _is_within(found.module, ("club", "search"))
    ]
    assert hidden == []
