"""The layers of the generator (README, "How the code is laid out"): each folder imports only the layers below it,
pages/ and downloads/ stand side by side, and only engine/ knows the site engine (MkDocs) and the search (Pagefind).

Read from the code's own imports (ast), so a new module is checked the day it is written.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from generator.base import paths

GENERATOR = paths.ROOT / "generator"
# Bottom to top; a layer may import its own modules and those of any lower rank. Equal ranks stand side by side
# and may not import each other.
RANKS = {
    "base": 0,
    "package": 1,
    "site": 2,
    "pages": 3,
    "downloads": 3,
    "engine": 4,
    "build": 5,
    "publish": 6,
    "pipeline": 7,
    "release": 8,
    "draft": 8,
    "cli": 9,
    "__main__": 10,
    "__init__": 10,
}
ENGINE_LIBRARIES = ("mkdocs", "material", "pagefind")


def layer(module: str) -> str:
    """generator.site.model -> site; generator.pipeline -> pipeline."""
    return module.split(".")[1]


def module_name(path: Path) -> str:
    return ".".join(path.relative_to(paths.ROOT).with_suffix("").parts)


def imports(path: Path) -> list[tuple[int, str]]:
    """(line, absolute module) of every import in a file, relative ones resolved."""
    here = module_name(path).split(".")
    package = here if path.name == "__init__.py" else here[:-1]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = ".".join(package[: len(package) - node.level + 1]) if node.level else ""
            module = ".".join(part for part in (base, node.module or "") if part)
            found.append((node.lineno, module))
            if node.module is None or module == "generator":  # from generator import pipeline: the modules named
                found += [(node.lineno, f"{module}.{alias.name}") for alias in node.names]
    return found


def breaches(path: Path) -> list[str]:
    """Imports of ``path`` that reach up a layer, or across to a layer of the same rank."""
    own = layer(module_name(path))
    found = []
    for line, module in imports(path):
        if not module.startswith("generator.") or layer(module) == own:
            continue
        other = layer(module)
        if RANKS[other] >= RANKS[own]:
            found.append(f"{path.relative_to(paths.ROOT)}:{line}: {own} imports {module}")
    return found


def engine_uses(path: Path) -> list[str]:
    """Imports of the engine's libraries, and commands that run them, outside engine/."""
    if layer(module_name(path)) == "engine":
        return []
    found = [
        f"{path.relative_to(paths.ROOT)}:{line}: imports {module}"
        for line, module in imports(path)
        if module.split(".")[0] in ENGINE_LIBRARIES
    ]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.List | ast.Tuple) and _runs_engine(
            [getattr(item, "value", None) for item in node.elts]
        ):
            found.append(f"{path.relative_to(paths.ROOT)}:{node.lineno}: runs {ast.unparse(node)[:60]}")
    return found


def _runs_engine(words: list) -> bool:
    """A command line that runs an engine's module (``python -m mkdocs``) or program (``pagefind ...``)."""
    modules = {words[i + 1] for i, word in enumerate(words[:-1]) if word == "-m"}
    return bool(modules & set(ENGINE_LIBRARIES)) or (bool(words) and words[0] in ENGINE_LIBRARIES)


MODULES = sorted(GENERATOR.rglob("*.py"))


def test_every_module_has_a_layer():
    assert len(MODULES) > 50
    assert sorted({layer(module_name(path)) for path in MODULES} - set(RANKS)) == []


@pytest.mark.parametrize("path", MODULES, ids=lambda path: path.relative_to(GENERATOR).as_posix())
def test_no_module_reaches_up_a_layer(path):
    assert breaches(path) == []


@pytest.mark.parametrize("path", MODULES, ids=lambda path: path.relative_to(GENERATOR).as_posix())
def test_only_the_engine_knows_mkdocs_and_pagefind(path):
    assert engine_uses(path) == []


def _module(tmp_path: Path, relative: str, code: str) -> Path:
    path = tmp_path / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(code, encoding="utf-8")
    return path


@pytest.fixture
def house(tmp_path, monkeypatch):
    """A generator folder of one's own, so that the checks can be shown a breach."""
    monkeypatch.setattr(paths, "ROOT", tmp_path)
    return tmp_path


def test_a_lower_layer_importing_a_higher_one_is_found(house):
    model = _module(house, "generator/site/model.py", "from generator.pages import render\n")
    load = _module(house, "generator/package/load.py", "from ..site import model\n")
    render = _module(house, "generator/pages/render.py", "from generator.downloads import files\n")
    fine = _module(house, "generator/pages/charts.py", "from generator.site import views\nfrom . import text\n")
    assert breaches(model) == ["generator/site/model.py:1: site imports generator.pages"]
    assert breaches(load) == ["generator/package/load.py:1: package imports generator.site"]
    assert breaches(render) == ["generator/pages/render.py:1: pages imports generator.downloads"]
    assert breaches(fine) == []


def test_mkdocs_or_pagefind_outside_the_engine_is_found(house):
    hook = _module(house, "generator/build/hook.py", "from mkdocs.structure.files import File\n")
    run = _module(house, "generator/publish.py", 'command = [sys.executable, "-m", "pagefind", "--site", "x"]\n')
    program = _module(house, "generator/build/index.py", 'subprocess.run(["pagefind", "--site", site])\n')
    versions = _module(house, "generator/downloads/manifest.py", 'TOOLS = ("pandas", "mkdocs", "pagefind")\n')
    engine = _module(house, "generator/engine/mkdocs.py", 'import mkdocs\ncommand = ["-m", "mkdocs", "build"]\n')
    assert engine_uses(hook) == ["generator/build/hook.py:1: imports mkdocs.structure.files"]
    assert engine_uses(run)[0].startswith("generator/publish.py:1: runs [sys.executable, '-m', 'pagefind'")
    assert engine_uses(program) == ["generator/build/index.py:1: runs ['pagefind', '--site', site]"]
    assert engine_uses(versions) == []  # naming a tool to record its version does not run it
    assert engine_uses(engine) == []
