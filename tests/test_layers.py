"""Who may import whom (architecture.md): checked on every module's imports."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OURS = {"bot", "domain", "handlers", "schedules", "storage"}
ALLOWED = {
    "bot": OURS,
    "handlers": {"domain", "handlers"},
    # The jobs render with the listeners' builders and catalog, and are given the same Context.
    "schedules": {
        "domain",
        "schedules",
        "handlers.blocks",
        "handlers.ids",
        "handlers.i18n",
        "handlers.context",
    },
    "storage": {"domain", "storage"},
    "domain": {"domain"},
}


def imports(path: Path) -> list[str]:
    names = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.append(node.module)
    return names


def allowed(package: str, name: str) -> bool:
    return any(name == rule or name.startswith(rule + ".") for rule in ALLOWED[package])


def test_layers_import_only_what_they_may():
    wrong = []
    for package in ALLOWED:
        for path in (ROOT / package).rglob("*.py"):
            for name in imports(path):
                top = name.split(".")[0]
                if top in OURS and not allowed(package, name):
                    wrong.append(f"{path.relative_to(ROOT)} imports {name}")
    assert wrong == []


def test_domain_uses_the_standard_library_only():
    stdlib = set(sys.stdlib_module_names) | {"__future__"}
    wrong = [
        f"{path.relative_to(ROOT)} imports {name}"
        for path in (ROOT / "domain").rglob("*.py")
        for name in imports(path)
        if name.split(".")[0] not in stdlib | {"domain"}
    ]
    assert wrong == []


def test_only_the_clock_reads_the_time():
    wrong = []
    for package in OURS:
        for path in (ROOT / package).rglob("*.py"):
            if path == ROOT / "bot" / "clock.py":
                continue
            source = path.read_text(encoding="utf-8")
            for needle in ("datetime.now(", "datetime.utcnow(", "date.today(", "time.time("):
                if needle in source:
                    wrong.append(f"{path.relative_to(ROOT)}: {needle}")
    assert wrong == []
