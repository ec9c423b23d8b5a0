"""The README's examples run, and every command and option explains itself."""
from __future__ import annotations

import json
import re
import shlex
import shutil
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from timeline.cli import cli

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")

SH_BLOCKS = re.findall(r"```sh\n(.*?)```", README, flags=re.S)
PY_BLOCKS = re.findall(r"```python\n(.*?)```", README, flags=re.S)
TIMELINE_COMMANDS = [line for block in SH_BLOCKS for line in block.splitlines() if line.startswith("timeline ")]

GOLD_LINE = {
    "doc_id": "wire-1", "dct": "1998-08-08",
    "text": "Bombs exploded Friday. Talks resume next week.",
    "timexes": [
        {"start": 15, "end": 21, "text": "Friday", "type": "DATE", "value": "1998-08-07"},
        {"start": 36, "end": 45, "text": "next week", "type": "DATE", "value": "1998-W33"},
    ],
}


@pytest.fixture
def workdir(tmp_path, monkeypatch):
    """A folder holding what the README's examples name: seeds/, corpus.jsonl, gold.jsonl."""
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    (tmp_path / "gold.jsonl").write_text(json.dumps(GOLD_LINE) + "\n", encoding="utf-8")
    corpus = {k: GOLD_LINE[k] for k in ("doc_id", "dct", "text")}
    (tmp_path / "corpus.jsonl").write_text(json.dumps(corpus) + "\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_readme_has_the_two_setup_commands_and_examples():
    assert "python3 -m pip install -e . && timeline export seeds/" in SH_BLOCKS[0]
    assert SH_BLOCKS[1].strip() == "bash .ci/run"
    assert {c.split()[1] for c in TIMELINE_COMMANDS} == {"export", "tag", "eval"}


@pytest.mark.parametrize("command", TIMELINE_COMMANDS)
def test_readme_command_runs(workdir, command):
    result = CliRunner().invoke(cli, shlex.split(command)[1:])
    assert result.exit_code == 0, result.output + result.stderr
    if command.split()[1] == "export":
        stems = sorted(p.name for p in (workdir / "exports").iterdir())
        stem = Path(sorted((workdir / "seeds").iterdir())[0]).stem
        assert {f"{stem}.ics", f"{stem}.json", f"{stem}.md"} <= set(stems)
    if command.split()[1] == "tag":
        tagged = json.loads((workdir / "tagged.jsonl").read_text(encoding="utf-8"))
        assert [t["value"] for t in tagged["timexes"]] == ["1998-08-07", "1998-W33"]
    if command.split()[1] == "eval":
        assert "relaxed" in result.output.lower()


@pytest.mark.parametrize("block", PY_BLOCKS)
def test_readme_python_runs(capsys, block):
    exec(compile(block, "README.md", "exec"), {})
    assert "September 20" in capsys.readouterr().out


def _commands():
    return sorted(cli.commands.items())


@pytest.mark.parametrize("name,command", _commands())
def test_every_command_has_help_with_an_example(name, command):
    assert command.help and "Example:" in command.help, name
    for param in command.params:
        if isinstance(param, click.Option):
            assert param.help, f"{name} {param.opts} has no help text"


def test_top_level_help_lists_every_command():
    result = CliRunner().invoke(cli, ["--help"])
    assert result.exit_code == 0
    for name in cli.commands:
        assert name in result.output
