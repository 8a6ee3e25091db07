"""The package's map holds: layers import only downwards, no module imports itself round a loop.

Layers, lowest first: config and cache (import nothing of Briefing); the model (dates inside it);
derive; pages and ingest; build; the engine adapter (MkDocs plugin, preview, search backend);
the CLI.
"""

from __future__ import annotations

import ast
from pathlib import Path

from support import ROOT

PACKAGE = ROOT / "generator"


def layer(module: str) -> int:
    parts = module.split(".")[1:]
    top = parts[0] if parts else ""
    order = [
        ({"config", "cache", "diskcache", "errors"}, 0),
        ({"model"}, 1),
        ({"derive"}, 2),
        ({"pages", "ingest"}, 3),
        ({"build"}, 4),
        ({"engine"}, 5),
        ({"cli"}, 6),
    ]
    for names, rank in order:
        if top in names:
            return rank
    raise AssertionError(f"{module}: not on the map of tests/test_layout.py; give it a layer")


def modules() -> dict[str, Path]:
    out = {}
    for path in PACKAGE.rglob("*.py"):
        rel = path.relative_to(ROOT).with_suffix("")
        parts = list(rel.parts)
        if parts[-1] == "__init__":
            parts.pop()
        out[".".join(parts)] = path
    return out


def imports(path: Path, known: set[str]) -> set[str]:
    """Briefing's modules that a file imports, anywhere in it (inside functions too)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        names = []
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
        for name in names:
            while name and name not in known:
                name = name.rpartition(".")[0]
            if name and name != "generator":
                found.add(name)
    return found


def graph() -> dict[str, set[str]]:
    mods = modules()
    return {m: imports(p, set(mods)) - {m} for m, p in mods.items() if m != "generator"}


def test_no_import_runs_up_a_layer():
    wrong = [f"{m} -> {t}" for m, targets in graph().items() for t in targets if layer(t) > layer(m)]
    assert wrong == []


def test_no_import_cycle():
    g = graph()
    state: dict[str, int] = {}
    cycles = []

    def visit(m: str, stack: list[str]) -> None:
        state[m] = 1
        for t in sorted(g.get(m, ())):
            if t not in g:
                continue
            if state.get(t) == 1:
                cycles.append(stack[stack.index(t):] + [t])
            elif t not in state:
                visit(t, stack + [t])
        state[m] = 2

    for m in sorted(g):
        if m not in state:
            visit(m, [m])
    assert cycles == []


def test_no_crowded_room():
    long = {str(p.relative_to(ROOT)): n for p in PACKAGE.rglob("*.py")
            if (n := len(p.read_text("utf-8").splitlines())) > 350}
    assert long == {}


def test_no_module_level_cache():
    """Content and results live in a BuildCache, not in a module: no module starts an empty dict,
    list or set at its top level to fill later."""
    found = []
    for path in PACKAGE.rglob("*.py"):
        for node in ast.parse(path.read_text("utf-8")).body:
            value = node.value if isinstance(node, (ast.Assign, ast.AnnAssign)) else None
            empty = (isinstance(value, (ast.Dict, ast.List, ast.Set)) and not getattr(value, "keys", None)
                     and not getattr(value, "elts", None)) or (
                isinstance(value, ast.Call) and getattr(value.func, "id", "") in ("dict", "list", "set", "defaultdict")
                and not value.args)
            if empty:
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert found == []


def test_the_engine_reaches_the_core_through_build():
    allowed = {"generator.build", "generator.config", "generator.cache", "generator.errors"}
    wrong = [f"{m} -> {t}" for m, targets in graph().items() if m.startswith("generator.engine")
             for t in targets if not t.startswith("generator.engine") and t not in allowed]
    assert wrong == []
