"""The package root: a light ``import argmap``, and one table of public names kept in step."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import click
import pytest

import argmap
from argmap_cli.main import COMMANDS, cli

# What neither `import argmap` nor `argmap --version` may load.
HEAVY = ("numpy", "networkx", "pebble", "rapidfuzz", "pysbd", "pygraphviz", "graphviz", "rich", "yaml")

_LOADED = """
import json, sys
{setup}
print(json.dumps(sorted({{name.split(".")[0] for name in sys.modules}})))
"""


def _top_level_modules_after(setup: str) -> set[str]:
    """The top-level modules a fresh interpreter holds after running ``setup``."""
    completed = subprocess.run(
        [sys.executable, "-c", _LOADED.format(setup=setup)], capture_output=True, text=True, check=True
    )
    return set(json.loads(completed.stdout.splitlines()[-1]))


@pytest.mark.parametrize(
    "setup",
    [
        "import argmap",
        "from argmap import ArgmapError, Limits, __version__",
        "from argmap_cli.main import main\ntry:\n    main(['--version'])\nexcept SystemExit:\n    pass",
    ],
    ids=["import argmap", "errors and limits", "argmap --version"],
)
def test_start_up_loads_no_heavy_dependency(setup: str) -> None:
    loaded = _top_level_modules_after(setup)
    assert "argmap" in loaded
    assert loaded.isdisjoint(HEAVY), sorted(loaded & set(HEAVY))


def test_the_check_sees_a_heavy_import() -> None:
    # The analyses run on numpy arrays (networkx is no longer needed for them).
    assert "numpy" in _top_level_modules_after("import argmap\nargmap.analyze")


def test_every_public_name_resolves_to_its_module() -> None:
    for name, target in argmap._EXPORTS.items():
        module_name, _, attribute = target.partition(":")
        module = sys.modules.get(module_name) or __import__(module_name, fromlist=["_"])
        assert getattr(argmap, name) is getattr(module, attribute or name), name


def test_draw_is_the_render_function_and_render_the_subpackage() -> None:
    from argmap.render import render

    assert argmap.draw is render
    assert argmap.render.__name__ == "argmap.render"  # the subpackage, untouched
    assert argmap.analyze is argmap.analysis.analyze


def test_dir_and_all_list_every_public_name() -> None:
    assert argmap.__all__ == list(argmap._EXPORTS)
    assert set(argmap.__all__) <= set(dir(argmap))


def test_unknown_names_raise_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no attribute 'nonexistent'"):
        _ = argmap.nonexistent  # type: ignore[attr-defined]
    with pytest.raises(AttributeError, match="no attribute '_private'"):
        _ = argmap._private  # type: ignore[attr-defined]


def test_type_checking_imports_match_the_table() -> None:
    """What type checkers read (the imports under TYPE_CHECKING) names what the table names."""
    tree = ast.parse(Path(argmap.__file__).read_text(encoding="utf-8"))
    block = next(
        node
        for node in tree.body
        if isinstance(node, ast.If) and isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING"
    )
    imported = {
        (alias.asname or alias.name): f"{node.module}:{alias.name}"
        for node in block.body
        if isinstance(node, ast.ImportFrom)
        for alias in node.names
    }
    aliases = {  # `draw = _render`: a name under TYPE_CHECKING bound to an import
        target.id: imported[value.id]
        for node in block.body
        if isinstance(node, ast.Assign) and isinstance(value := node.value, ast.Name)
        for target in node.targets
        if isinstance(target, ast.Name)
    }
    declared = {
        name: target if ":" in target else f"{target}:{name}" for name, target in argmap._EXPORTS.items()
    }
    public = {name: target for name, target in {**imported, **aliases}.items() if not name.startswith("_")}
    missing = [
        f"from {target.partition(':')[0]} import {target.partition(':')[2]} as {name}"
        for name, target in declared.items()
        if public.get(name) != target
    ]
    assert not missing, "add under TYPE_CHECKING in argmap/__init__.py: " + "; ".join(missing)
    assert set(public) == set(declared), "imported under TYPE_CHECKING but not in _EXPORTS"


def test_cli_lists_every_command_with_its_short_help() -> None:
    context = click.Context(cli)
    assert cli.list_commands(context) == sorted(COMMANDS)
    for name in COMMANDS:
        command = cli.get_command(context, name)
        assert command is not None and command.name == name
        assert command.get_short_help_str(), name
