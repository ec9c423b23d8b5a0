"""Fixtures of the writer tests: the sample timeline, golden files and the real iCalendar clients.

Golden files live in tests/writers/golden/<case>.<suffix> and are compared byte for byte.
Regenerate them after an intended change with:  TIMELINE_REGENERATE_GOLDEN=1 python -m pytest tests/writers
(then read the diff before committing it).
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from timeline.model import Timeline
from writer_cases import sample_timeline

GOLDEN = Path(__file__).parent / "golden"
REGENERATE = os.environ.get("TIMELINE_REGENERATE_GOLDEN") == "1"


@pytest.fixture
def sample() -> Timeline:
    """The sample-like timeline (see ``sample_timeline``)."""
    return sample_timeline()


@pytest.fixture
def golden():
    """Compare ``data`` with tests/writers/golden/<name> byte for byte (rewrite it when regenerating)."""

    def check(name: str, data: bytes) -> None:
        path = GOLDEN / name
        if REGENERATE:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
        assert path.exists(), f"{path} is missing: run with TIMELINE_REGENERATE_GOLDEN=1 to create it"
        expected = path.read_bytes()
        assert data == expected, f"{name} differs from its golden file (TIMELINE_REGENERATE_GOLDEN=1 rewrites it)"

    return check


NODE_SCRIPT = Path(__file__).parents[1] / "clients" / "read_ics.mjs"
REPO = Path(__file__).parents[2]


def _clients_missing(reason: str) -> None:
    """Fail when CI requires the real clients (TIMELINE_REQUIRE_CLIENTS=1), else skip with the reason."""
    if os.environ.get("TIMELINE_REQUIRE_CLIENTS") == "1":
        pytest.fail(f"TIMELINE_REQUIRE_CLIENTS=1 but {reason}")
    pytest.skip(reason)


@pytest.fixture
def read_ics_with_clients(tmp_path):
    """Parse .ics bytes with ical.js and node-ical (tests/clients/read_ics.mjs); return their JSON report.

    Needs node and node_modules (``npm ci``): without them the test is skipped, or fails when the
    environment variable TIMELINE_REQUIRE_CLIENTS=1 is set (CI sets it).
    """
    node = shutil.which("node")
    if node is None:
        _clients_missing("node is not installed")
    for package in ("ical.js", "node-ical"):
        if not (REPO / "node_modules" / package / "package.json").exists():
            _clients_missing(f"node_modules/{package} is missing (run `npm ci`)")

    def read(data: bytes) -> dict:
        path = tmp_path / "export.ics"
        path.write_bytes(data)
        done = subprocess.run(
            [node, str(NODE_SCRIPT), str(path)],
            cwd=REPO,
            env={**os.environ, "TZ": "UTC"},
            capture_output=True,
            timeout=120,
        )
        assert done.returncode == 0, done.stderr.decode(errors="replace")
        return json.loads(done.stdout)

    return read
