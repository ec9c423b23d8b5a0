"""`timeline export`: exit codes, exact error lines, output names, atomic writes, --jobs.

Most tests swap the events layer and the writers for small fakes (``fake_layers``) so that they test the
command and the batch, not the tagger; ``test_end_to_end_*`` run the real layers.
"""
import json
import os
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

import timeline.cli as cli_module
from timeline import api
from timeline.cli import cli
from timeline.errors import WriterError
from timeline.model import Timeline

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "world-metaverse-conference-anting.txt"
NO_DATE = "no publication date found: pass --reference-date YYYY-MM-DD"


@pytest.fixture
def fake_layers(monkeypatch):
    """Fake build_timeline/render: the output names the timeline and its documents."""
    calls = []

    def build(documents, name, *, merge=True):
        docs = tuple(documents)
        calls.append((name, tuple(d.id for d in docs), merge))
        return Timeline(name, docs, ())

    def render(timeline, fmt, *, previous=None):
        return f"{fmt}|{timeline.name}|{','.join(d.id for d in timeline.documents)}\n".encode()

    monkeypatch.setattr(api, "build_timeline", build)
    monkeypatch.setattr(api, "render", render)
    return calls


def run(*args, input=None):
    return CliRunner().invoke(cli, ["export", *map(str, args)], input=input)


def article(path, date="2023-09-22", body="The talks were held on September 20-22."):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"Date: {date}\n\n{body}\n" if date else f"{body}\n", encoding="utf-8")
    return path


def files(folder):
    return sorted(str(p.relative_to(folder)) for p in Path(folder).rglob("*") if p.is_file())


def test_one_article_three_formats(tmp_path, fake_layers):
    out = tmp_path / "out"
    result = run(SEED, "--out", out)
    assert (result.exit_code, result.stderr) == (0, "")
    stem = "world-metaverse-conference-anting"
    assert files(out) == [f"{stem}.ics", f"{stem}.json", f"{stem}.md"]
    assert (out / f"{stem}.ics").read_text().startswith(f"ics|The conference released a white paper")


def test_default_out_folder_is_exports(tmp_path, fake_layers, monkeypatch):
    monkeypatch.chdir(tmp_path)
    article(tmp_path / "a.txt")
    assert run("a.txt").exit_code == 0
    assert files(tmp_path / "exports") == ["a.ics", "a.json", "a.md"]


def test_failed_inputs_exact_lines_and_exit_1(tmp_path, fake_layers):
    good = article(tmp_path / "good.txt")
    bad = article(tmp_path / "bad.txt", date="February 30, 2023")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "bin.txt"
    binary.write_bytes(b"\x00\x01\x02PK")
    year = article(tmp_path / "year.txt", date="Jan 1 99999")
    missing = tmp_path / "missing.txt"
    out = tmp_path / "out"
    result = run(missing, bad, empty, binary, good, year, "--out", out)
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: {missing}: no such file or directory\n"
        f"Error: {bad}:1: bad date in header: impossible date 'February 30, 2023': day is out of range for month\n"
        f"Error: {empty}: empty file\n"
        f"Error: {binary}: binary file (NUL bytes), not a text article\n"
        f"Error: {year}:1: bad date in header: impossible date 'Jan 1 99999': year 99999 is out of range\n"
    )
    assert files(out) == ["good.ics", "good.json", "good.md"]


def test_unreadable_input(tmp_path, fake_layers, monkeypatch):
    import timeline.readers as readers

    locked = article(tmp_path / "locked.txt")

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(readers, "open", refuse, raising=False)
    result = run(locked, "--out", tmp_path / "out")
    assert (result.exit_code, result.stderr) == (1, f"Error: {locked}: permission denied\n")


def test_missing_date_exits_2_and_names_the_option(tmp_path, fake_layers):
    undated = article(tmp_path / "undated.txt", date=None)
    good = article(tmp_path / "good.txt")
    result = run(undated, good, "--out", tmp_path / "out")
    assert result.exit_code == 2
    assert result.stderr == f"Error: {undated}: {NO_DATE}\n"
    assert files(tmp_path / "out") == ["good.ics", "good.json", "good.md"]
    fixed = run(undated, "--out", tmp_path / "out", "--reference-date", "2023-09-22")
    assert (fixed.exit_code, fixed.stderr) == (0, "")


def test_reference_date_reaches_the_documents(tmp_path, monkeypatch):
    seen = []
    monkeypatch.setattr(api, "build_timeline", lambda docs, name, merge=True: seen.extend(docs) or Timeline(name))
    monkeypatch.setattr(api, "render", lambda tl, fmt, previous=None: b"x")
    assert run(SEED, "--out", tmp_path, "--reference-date", "2024-02-29").exit_code == 0
    assert str(seen[0].published) == "2024-02-29"


def test_jsonl_lines_are_documents(tmp_path, fake_layers):
    src = tmp_path / "archive.jsonl"
    src.write_text("\n".join([
        json.dumps({"id": "one", "date": "2023-09-22", "text": "Friday."}),
        "{broken",
        json.dumps({"id": "two", "dct": "2023-09-21", "text": "Thursday."}),
    ]) + "\n")
    result = run(src, "--out", tmp_path / "out", "--format", "json")
    assert result.exit_code == 1
    assert result.stderr == f"Error: {src}:2: not JSON: Expecting property name enclosed in double quotes at column 2\n"
    assert files(tmp_path / "out") == ["one.json", "two.json"]


@pytest.mark.parametrize(
    "args,message",
    [
        (["--format", "ics,pdf"], "Invalid value for '--format': unknown format pdf (choose from ics, json, md, timelinejs, html, csv)"),
        (["--format", ","], "Invalid value for '--format': unknown format ',' (choose from ics, json, md, timelinejs, html, csv)"),
        (["--name", "x"], "--name names the merged timeline: use it with --merge"),
        (["--merge", "--jobs", "2"], "--jobs runs documents in parallel; with --merge there is one timeline"),
        (["--jobs", "0"], "Invalid value for '-j' / '--jobs': 0 is not in the range x>=1."),
        (["--reference-date", "2023-02-30"], "Invalid value for '--reference-date': '2023-02-30' does not match the format '%Y-%m-%d'."),
        (["--tz", "Mars/Olympus"], "Invalid value for '--tz': unknown time zone 'Mars/Olympus' (an IANA name such as Europe/Paris)"),
        (["--tz", "../../etc"], "Invalid value for '--tz': unknown time zone '../../etc' (an IANA name such as Europe/Paris)"),
    ],
)
def test_wrong_usage_exits_2(tmp_path, fake_layers, args, message):
    result = run(SEED, "--out", tmp_path / "out", *args)
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == f"Error: {message}"
    assert not (tmp_path / "out").exists()


def test_no_path_and_out_is_a_file(tmp_path, fake_layers):
    assert run().exit_code == 2
    target = tmp_path / "file"
    target.write_text("x")
    result = run(SEED, "--out", target)
    assert result.exit_code == 2 and "is a file" in result.stderr


def test_output_folder_that_cannot_be_created_is_one_error(tmp_path, fake_layers):
    (tmp_path / "file").write_text("x")
    out = tmp_path / "file" / "sub"
    result = run(SEED, tmp_path / "missing.txt", "--out", out)
    assert result.exit_code == 1
    assert result.stderr == f"Error: {out}: cannot create the output folder: Not a directory\n"


def test_formats_from_the_registry(tmp_path, fake_layers):
    result = run(SEED, "--out", tmp_path, "--format", "timelinejs, CSV,ics,ics")
    assert result.exit_code == 0
    stem = SEED.stem
    assert files(tmp_path) == [f"{stem}.csv", f"{stem}.ics", f"{stem}.timelinejs.json"]


def test_stdin(tmp_path, fake_layers):
    result = run("-", "--out", tmp_path, input="Date: 2023-09-22\n\nThe talks began on Monday.\n")
    assert (result.exit_code, result.stderr) == (0, "")
    assert files(tmp_path) == ["stdin.ics", "stdin.json", "stdin.md"]
    undated = run("-", "--out", tmp_path / "b", input="The talks began on Monday.\n")
    assert (undated.exit_code, undated.stderr) == (2, f"Error: -: {NO_DATE}\n")


def test_merge_writes_one_timeline(tmp_path, fake_layers):
    a, b = article(tmp_path / "in" / "a.txt"), article(tmp_path / "in" / "b.txt")
    result = run(a, b, "--out", tmp_path / "out", "--merge")
    assert result.exit_code == 0
    assert files(tmp_path / "out") == ["timeline.ics", "timeline.json", "timeline.md"]
    assert fake_layers == [("timeline", ("a", "b"), True)]
    named = run(tmp_path / "in", "--out", tmp_path / "named", "--merge", "--name", "../World conf/2023")
    assert named.exit_code == 0
    assert files(tmp_path / "named") == ["World-conf-2023.ics", "World-conf-2023.json", "World-conf-2023.md"]
    assert (tmp_path / "named" / "World-conf-2023.md").read_text() == "md|../World conf/2023|a,b\n"


def test_same_stem_twice_is_deduplicated(tmp_path, fake_layers):
    one, two = article(tmp_path / "x" / "a.txt"), article(tmp_path / "y" / "a.txt")
    result = run(one, two, "--out", tmp_path / "out")
    assert result.exit_code == 0
    assert files(tmp_path / "out") == ["a-2.ics", "a-2.json", "a-2.md", "a.ics", "a.json", "a.md"]
    assert (tmp_path / "out" / "a.ics").read_text() == "ics|a|a\n"
    assert (tmp_path / "out" / "a-2.ics").read_text() == "ics|a-2|a-2\n"


HOSTILE_IDS = ["../../evil", "/etc/passwd", "..", ".", "a/b", "a\\b", "A", "a", "con", "", "   ", ".hidden",
               "x" * 400, "é" * 200, "nul\x00byte", "new\nline", "a.timelinejs", "~root", "-rf"]


def test_path_traversal_ids_stay_in_out_and_never_collide(tmp_path, fake_layers):
    src = tmp_path / "hostile.jsonl"
    src.write_text("".join(json.dumps({"id": i, "date": "2023-09-22", "text": "Friday."}) + "\n" for i in HOSTILE_IDS))
    out = tmp_path / "deep" / "out"
    result = run(src, "--out", out, "--format", "ics,json,timelinejs")
    assert (result.exit_code, result.stderr) == (0, "")
    written = files(out)
    assert len(written) == 3 * len(HOSTILE_IDS)
    assert all("/" not in name and not name.startswith((".", "-")) for name in written)
    assert len({name.casefold() for name in written}) == len(written)
    assert all(len(name.encode()) <= 160 for name in written)
    assert files(tmp_path / "deep") == [f"out/{name}" for name in written]  # nothing beside or above out/
    assert "etc-passwd.ics" in written and "evil.ics" in written and "_con.ics" in written


def test_output_folder_inside_input_folder_is_not_read_back(tmp_path, fake_layers):
    article(tmp_path / "a.txt")
    for _ in range(2):
        result = run(tmp_path, "--out", tmp_path / "exports", "--format", "json")
        assert (result.exit_code, result.stderr) == (0, "")
    assert files(tmp_path / "exports") == ["a.json"]


def no_temp_files(folder):
    return [p for p in files(folder) if p.endswith(".tmp") or "/." in "/" + p]


def test_writer_failure_mid_run_leaves_no_partial_output(tmp_path, fake_layers, monkeypatch):
    first, second, third = (article(tmp_path / "in" / f"{n}.txt") for n in "abc")
    real = api.render

    def flaky(timeline, fmt, *, previous=None):
        if timeline.name == "b" and fmt == "md":
            raise WriterError("md: cannot render: broken on purpose")
        return real(timeline, fmt, previous=previous)

    monkeypatch.setattr(api, "render", flaky)
    out = tmp_path / "out"
    result = run(tmp_path / "in", "--out", out)
    assert result.exit_code == 1
    assert result.stderr == f"Error: {second}: md: cannot render: broken on purpose\n"
    assert files(out) == ["a.ics", "a.json", "a.md", "c.ics", "c.json", "c.md"]
    assert no_temp_files(out) == []


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_bug_on_one_document_is_reported_and_the_batch_goes_on(tmp_path, fake_layers, monkeypatch, jobs):
    for n in "abc":
        article(tmp_path / "in" / f"{n}.txt")
    real = api.build_timeline

    def buggy(documents, name, *, merge=True):
        if name == "b":
            raise ValueError("day is out of range for month")
        return real(documents, name, merge=merge)

    monkeypatch.setattr(api, "build_timeline", buggy)
    result = run(tmp_path / "in", "--out", tmp_path / "out", "--jobs", jobs)
    assert result.exit_code == 1
    assert result.stderr == (f"Error: {tmp_path / 'in' / 'b.txt'}: internal error (a bug in timeline, please "
                             "report it): ValueError: day is out of range for month\n")
    assert files(tmp_path / "out") == ["a.ics", "a.json", "a.md", "c.ics", "c.json", "c.md"]


def test_disk_failure_during_write_leaves_no_temp_file(tmp_path, fake_layers, monkeypatch):
    import timeline.atomic as atomic

    a = article(tmp_path / "in" / "a.txt")
    real_fsync = os.fsync
    calls = []

    def failing_fsync(fd):
        calls.append(fd)
        if len(calls) == 2:
            raise OSError(28, "No space left on device")
        return real_fsync(fd)

    monkeypatch.setattr(atomic.os, "fsync", failing_fsync)
    out = tmp_path / "out"
    result = run(a, "--out", out)
    assert result.exit_code == 1
    assert result.stderr == f"Error: {a}: {out / 'a.json'}: cannot write: No space left on device\n"
    assert files(out) == ["a.ics"]
    assert no_temp_files(out) == []


def test_rerun_overwrites_identically(tmp_path, fake_layers):
    out = tmp_path / "out"
    run(SEED, "--out", out)
    before = {p: (out / p).read_bytes() for p in files(out)}
    run(SEED, "--out", out)
    assert {p: (out / p).read_bytes() for p in files(out)} == before


def test_jobs_2_writes_the_same_files_as_jobs_1(tmp_path, fake_layers):
    for n in range(7):
        article(tmp_path / "in" / f"doc{n}.txt", body=f"Story {n} happened on Friday.")
    (tmp_path / "in" / "broken.txt").write_bytes(b"")
    outputs = []
    for jobs in ("1", "2"):
        out = tmp_path / f"out{jobs}"
        result = run(tmp_path / "in", "--out", out, "--jobs", jobs)
        assert result.exit_code == 1
        assert result.stderr == f"Error: {tmp_path / 'in' / 'broken.txt'}: empty file\n"
        outputs.append({p: (out / p).read_bytes() for p in files(out)})
    assert outputs[0] == outputs[1] and len(outputs[0]) == 21


def test_summary_and_progress_only_on_a_tty(tmp_path, fake_layers, monkeypatch):
    for n in "ab":
        article(tmp_path / "in" / f"{n}.txt")
    quiet = run(tmp_path / "in", "--out", tmp_path / "q")
    assert (quiet.stdout, quiet.stderr) == ("", "")
    monkeypatch.setattr(cli_module, "_stderr_is_tty", lambda: True)
    loud = run(tmp_path / "in", tmp_path / "nope.txt", "--out", tmp_path / "l")
    lines = loud.stderr.splitlines()
    assert lines[0] == f"Error: {tmp_path / 'nope.txt'}: no such file or directory"
    assert re.fullmatch(r"2 documents, 0 events, 1 failure in \d+\.\d s", lines[-1])
    assert "Exporting" in loud.stderr


def test_help_has_example_and_every_option_documented():
    result = CliRunner().invoke(cli, ["export", "--help"])
    assert result.exit_code == 0
    assert "Example:" in result.output
    command = cli.commands["export"]
    assert all(param.help for param in command.params if param.param_type_name == "option")


def _real_layers_available():
    try:
        from timeline.events import build_timeline  # noqa: F401
        from timeline.extract import tag  # noqa: F401
        from timeline.writers import ics, json_timeline, markdown  # noqa: F401
    except ImportError:
        return False
    return True


real = pytest.mark.skipif(not _real_layers_available(), reason="tagger, events layer or writers not there yet")


@real
def test_end_to_end_seed_exports_parse_back(tmp_path):
    import icalendar
    import jsonschema

    out = tmp_path / "out"
    result = run(SEED, "--out", out)
    assert (result.exit_code, result.stderr) == (0, "")
    stem = SEED.stem
    calendar = icalendar.Calendar.from_ical((out / f"{stem}.ics").read_bytes())
    assert calendar.walk("VEVENT")
    data = json.loads((out / f"{stem}.json").read_text())
    schema = json.loads((ROOT / "timeline" / "schema" / "timeline.schema.json").read_text())
    jsonschema.validate(data, schema)
    assert (out / f"{stem}.md").read_text().strip()


@real
def test_end_to_end_merge_of_mixed_inputs(tmp_path):
    import icalendar

    page = tmp_path / "conf.html"
    page.write_text("<html><head><meta property=\"article:published_time\" content=\"2023-09-23\"></head><body>"
                    "<article><p>The second World Metaverse Conference was held in Anting Town on September 20-22, "
                    "organisers said on Saturday.</p></article></body></html>")
    out = tmp_path / "out"
    result = run(SEED, page, "--merge", "--name", "Metaverse conference", "--out", out)
    assert (result.exit_code, result.stderr) == (0, "")
    assert files(out) == ["Metaverse-conference.ics", "Metaverse-conference.json", "Metaverse-conference.md"]
    data = json.loads((out / "Metaverse-conference.json").read_text())
    assert [d["id"] for d in data["documents"]] == [SEED.stem, "conf"]
    assert icalendar.Calendar.from_ical((out / "Metaverse-conference.ics").read_bytes()).walk("VEVENT")


@real
def test_end_to_end_jobs_2_same_bytes(tmp_path):
    src = tmp_path / "a.jsonl"
    src.write_text("".join(
        json.dumps({"id": f"d{n}", "date": "2023-09-22",
                    "text": f"The talks were held on September {n + 1}. A vote is due by 2025."}) + "\n"
        for n in range(6)))
    outputs = []
    for jobs in ("1", "2"):
        out = tmp_path / jobs
        assert run(src, "--out", out, "--jobs", jobs).exit_code == 0
        outputs.append({p: (out / p).read_bytes() for p in files(out)})
    assert outputs[0] == outputs[1] and len(outputs[0]) == 18


def test_with_zone_puts_naive_clock_times_in_the_zone():
    import datetime as dt

    from timeline.batch import with_zone
    from timeline.model import Event, EventKind, Granularity, TimeSpan

    naive = TimeSpan(dt.datetime(2023, 9, 25, 15), dt.datetime(2023, 9, 25, 16), Granularity.TIME, "2023-09-25T15:00")
    zoned = TimeSpan(dt.datetime(2023, 9, 25, 15), dt.datetime(2023, 9, 25, 16), Granularity.TIME, "2023-09-25T15:00",
                     "Asia/Tokyo")
    day = TimeSpan(dt.date(2023, 9, 25), dt.date(2023, 9, 26), Granularity.DAY, "2023-09-25")
    events = tuple(Event(str(n), "t", EventKind.SCHEDULED, s.timex if s else "PAST_REF", s)
                   for n, s in enumerate([naive, zoned, day, None]))
    result = with_zone(Timeline("x", (), events), "Europe/Paris")
    assert [e.span.tz if e.span else None for e in result.events] == ["Europe/Paris", "Asia/Tokyo", None, None]
    assert result.events[1:] == events[1:]


@real
def test_end_to_end_tz_zones_clock_times(tmp_path):
    src = article(tmp_path / "timed.txt", body="The minister will speak at 3 p.m. on Monday, officials said.")
    assert run(src, "--out", tmp_path / "plain", "--format", "ics").exit_code == 0
    assert run(src, "--out", tmp_path / "paris", "--format", "ics", "--tz", "Europe/Paris").exit_code == 0
    assert "TZID=Europe/Paris" not in (tmp_path / "plain" / "timed.ics").read_text()
    assert "DTSTART;TZID=Europe/Paris:20230925T150000" in (tmp_path / "paris" / "timed.ics").read_text()
