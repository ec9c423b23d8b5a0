"""`timeline tag` and `timeline eval`: outputs, exact error lines and exit codes (CliRunner).

Most tests swap the tagger for a tiny fake one, so they test the wiring and IO, not the tagger.
The tests at the end run the real tagger on tiny documents and are skipped while it does not exist.
"""
from __future__ import annotations

import datetime as dt
import importlib
import json
import re

import click
import pytest
from click.testing import CliRunner

from timeline import api
from timeline.cli import cli
from timeline.model import Mention, Tagging, TimexType

WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def fake_tag(text: str, dct: dt.date, *, lang: str = "en") -> Tagging:
    """Tags weekday names as the last such day on or before the DCT, and 'three days' as P3D."""
    found = []
    for match in re.finditer(r"\b(?:%s)\b|three days" % "|".join(WEEKDAYS), text):
        word = match.group()
        if word == "three days":
            found.append(Mention(word, match.start(), match.end(), "fake", TimexType.DURATION, "P3D"))
            continue
        back = (dct.weekday() - WEEKDAYS.index(word)) % 7
        value = (dct - dt.timedelta(days=back)).isoformat()
        found.append(Mention(word, match.start(), match.end(), "fake", TimexType.DATE, value,
                             mod="APPROX" if text[:match.start()].endswith("about ") else None))
    return Tagging(tuple(found))


@pytest.fixture
def fake_tagger(monkeypatch):
    monkeypatch.setattr(api, "extract", fake_tag)


def line(doc_id: str, dct: str, text: str, **extra) -> str:
    return json.dumps({"doc_id": doc_id, "dct": dct, "text": text, **extra}) + "\n"


GOOD = line("a", "1998-08-08", "Bombs exploded Friday.") + line("b", "1998-08-08", "No date here.", title="x")
BAD = (line("a", "1998-08-08", "Bombs exploded Friday.")
       + "{not json\n"
       + json.dumps({"doc_id": "c", "dct": "1998-08-08"}) + "\n"
       + json.dumps({"doc_id": "d", "text": "Friday"}) + "\n"
       + line("e", "08/08/1998", "Friday")
       + "\n"
       + line("f", "1998-08-08", "talks lasted about three days, ending Monday"))

TAGGED_A = '{"doc_id": "a", "timexes": [{"start": 15, "end": 21, "text": "Friday", "type": "DATE", ' \
           '"value": "1998-08-07"}]}\n'
TAGGED_B = '{"doc_id": "b", "timexes": []}\n'


def run(args, input=None):
    return CliRunner().invoke(cli, args, input=input)


def test_tag_jsonl_to_stdout(fake_tagger, tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text(GOOD, encoding="utf-8")
    result = run(["tag", str(path)])
    assert (result.exit_code, result.stdout, result.stderr) == (0, TAGGED_A + TAGGED_B, "")


def test_tag_stdin(fake_tagger):
    result = run(["tag", "-"], input=GOOD)
    assert (result.exit_code, result.stdout) == (0, TAGGED_A + TAGGED_B)


def test_tag_bad_lines_are_reported_and_the_rest_is_tagged(fake_tagger, tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text(BAD, encoding="utf-8")
    result = run(["tag", str(path)])
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: {path}:2: invalid JSON: Expecting property name enclosed in double quotes at column 2\n"
        f"Error: {path}:3: missing 'text'\n"
        f"Error: {path}:4: missing 'dct'\n"
        f"Error: {path}:5: bad dct '08/08/1998': expected YYYY-MM-DD\n")
    assert result.stdout == TAGGED_A + (
        '{"doc_id": "f", "timexes": [{"start": 19, "end": 29, "text": "three days", "type": "DURATION", '
        '"value": "P3D"}, {"start": 38, "end": 44, "text": "Monday", "type": "DATE", "value": "1998-08-03"}]}\n')
    assert "Traceback" not in result.output


def test_tag_reports_a_line_nested_too_deeply_and_goes_on(fake_tagger, tmp_path):
    path = tmp_path / "deep.jsonl"
    path.write_text("[" * 100_000 + "\n" + GOOD, encoding="utf-8")
    result = run(["tag", str(path)])
    assert (result.exit_code, result.stdout) == (1, TAGGED_A + TAGGED_B)
    assert result.stderr == f"Error: {path}:1: invalid JSON: nested too deeply\n"


def test_tag_reads_a_bom_and_reports_a_file_that_is_not_utf8(fake_tagger, tmp_path):
    bom = tmp_path / "bom.jsonl"
    bom.write_bytes(b"\xef\xbb\xbf" + GOOD.encode())
    assert run(["tag", str(bom)]).stdout == TAGGED_A + TAGGED_B
    latin = tmp_path / "latin.jsonl"
    latin.write_bytes(b"\xff" + GOOD.encode())
    result = run(["tag", str(latin)])
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == f"Error: {latin}: not UTF-8 text: invalid start byte at byte 0\n"


def test_tag_wrong_field_types_are_error_lines(fake_tagger):
    result = run(["tag", "-"], input='[1]\n{"dct": 19980808, "text": "x"}\n{"dct": "1998-08-08", "text": 5}\n'
                                     '{"doc_id": [1], "dct": "1998-08-08", "text": "x"}\n')
    assert result.exit_code == 1
    assert result.stderr == ("Error: <stdin>:1: not a JSON object\n"
                             "Error: <stdin>:2: bad dct 19980808: expected a YYYY-MM-DD string\n"
                             "Error: <stdin>:3: 'text' is not a string\n"
                             "Error: <stdin>:4: 'doc_id' is not a string\n")


def test_tag_writes_mod_only_when_set(fake_tagger):
    result = run(["tag", "-"], input=line("m", "1998-08-08", "about Friday"))
    assert json.loads(result.stdout)["timexes"] == [
        {"start": 6, "end": 12, "text": "Friday", "type": "DATE", "value": "1998-08-07", "mod": "APPROX"}]


def test_tag_to_file_is_written_whole_and_nothing_on_stdout(fake_tagger, tmp_path):
    out = tmp_path / "deep" / "out.jsonl"
    result = run(["tag", "-", "-o", str(out)], input=GOOD)
    assert (result.exit_code, result.stdout) == (0, "")
    assert out.read_text(encoding="utf-8") == TAGGED_A + TAGGED_B
    assert [p.name for p in out.parent.iterdir()] == ["out.jsonl"]


def test_tag_output_that_cannot_be_written_is_one_error_line(fake_tagger, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = run(["tag", "-", "-o", str(blocker / "out.jsonl")], input=GOOD)
    assert result.exit_code == 1
    assert result.stderr == f"Error: {blocker / 'out.jsonl'}: cannot write: File exists\n"


def test_tag_a_failing_tagger_is_one_error_line_per_document(monkeypatch):
    def broken(text, dct, *, lang="en"):
        raise KeyError("weekday")
    monkeypatch.setattr(api, "extract", broken)
    result = run(["tag", "-"], input=GOOD)
    assert result.exit_code == 1
    assert result.stderr == ("Error: <stdin>:1: doc a: tagger failed: KeyError: 'weekday'\n"
                             "Error: <stdin>:2: doc b: tagger failed: KeyError: 'weekday'\n")


def test_tag_timeml_in_and_out(fake_tagger, tmp_path):
    out = tmp_path / "tml"
    assert run(["tag", "-", "--to", "timeml", "-o", str(out)], input=GOOD).exit_code == 0
    assert sorted(p.name for p in out.iterdir()) == ["a.tml", "b.tml"]
    assert ('<TEXT>Bombs exploded <TIMEX3 tid="t1" type="DATE" value="1998-08-07">Friday</TIMEX3>.</TEXT>'
            in (out / "a.tml").read_text(encoding="utf-8"))
    again = run(["tag", str(out / "a.tml")])
    assert (again.exit_code, again.stdout) == (0, TAGGED_A)
    folder = run(["tag", str(out)])
    assert (folder.exit_code, folder.stdout) == (0, TAGGED_A + TAGGED_B)


@pytest.mark.parametrize("args, error", [
    (["tag", "-", "--to", "timeml"], "Error: --to timeml needs -o FOLDER (one .tml file per document)"),
    (["tag", "missing.jsonl"], "Error: Invalid value for 'IN': Path 'missing.jsonl' does not exist."),
    (["tag", "-", "--to", "ics"], "Error: Invalid value for '--to': 'ics' is not one of 'jsonl', 'timeml'."),
    (["eval"], "Error: Missing argument 'GOLD'."),
    (["eval", "-", "--pred", "nope.jsonl"],
     "Error: Invalid value for '--pred': File 'nope.jsonl' does not exist."),
])
def test_usage_errors_exit_2(args, error):
    result = run(args, input="")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == error


GOLD = (line("g1", "1998-08-08", "Bombs exploded Friday, said Monday officials.", timexes=[
            {"start": 15, "end": 21, "text": "Friday", "type": "DATE", "value": "1998-08-07"},
            {"start": 28, "end": 34, "text": "Monday", "type": "DATE", "value": "1998-08-10"}])
        + line("g2", "1998-08-08", "Talks lasted three days.", timexes=[
            {"start": 6, "end": 12, "text": "lasted", "type": "DURATION", "value": "P3D"}]))


def test_eval_report_with_errors(fake_tagger, tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(GOLD, encoding="utf-8")
    result = run(["eval", str(gold), "--errors"])
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == (
        "docs 2   gold timexes 3   predicted 3\n"
        "                P      R     F1   matches / accuracy\n"
        "strict     66.67  66.67  66.67   2\n"
        "relaxed    66.67  66.67  66.67   2\n"
        "type       66.67  66.67  66.67   acc 100.00 (2/2)\n"
        "value      33.33  33.33  33.33   acc  50.00 (1/2)\n"
        "by gold type: #gold #pred(of that type) | relaxed-R strict-R type-acc value-acc\n"
        "  DATE         2    2 | 100.00 100.00 100.00  50.00\n"
        "  DURATION     1    1 |   0.00   0.00      -      -\n"
        "\n"
        "3 errors: MISSED 1, SPURIOUS 1, VALUE 1\n"
        "VALUE           g1  gold [28,34) 'Monday' DATE 1998-08-10  pred [28,34) 'Monday' DATE 1998-08-03\n"
        "                Bombs exploded Friday, said [[{{Monday]]}} officials.\n"
        "MISSED          g2  gold [6,12) 'lasted' DURATION P3D  dct=1998-08-08\n"
        "                Talks [[lasted]] three days.\n"
        "SPURIOUS        g2  pred [13,23) 'three days' DURATION P3D\n"
        "                Talks lasted {{three days}}.\n")


def test_eval_json_and_pred_file_match_tagging_first(fake_tagger, tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(GOLD, encoding="utf-8")
    pred = tmp_path / "pred.jsonl"
    assert run(["tag", str(gold), "-o", str(pred)]).exit_code == 0
    direct = json.loads(run(["eval", str(gold), "--json"]).stdout)
    via_file = json.loads(run(["eval", str(gold), "--json", "--pred", str(pred), "--errors"]).stdout)
    assert direct["value_f1"] == pytest.approx(1 / 3)
    assert {k: v for k, v in via_file.items() if k != "errors"} == direct
    assert [e["kind"] for e in via_file["errors"]] == ["VALUE", "MISSED", "SPURIOUS"]


def test_eval_pred_file_with_missing_and_unknown_documents_warns(tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(GOLD, encoding="utf-8")
    pred = tmp_path / "pred.jsonl"
    pred.write_text('{"doc_id": "g1", "timexes": [{"start": 15, "end": 21, "type": "DATE", "value": "1998-08-07"}]}\n'
                    '{"doc_id": "zz", "timexes": []}\n', encoding="utf-8")
    result = run(["eval", str(gold), "--pred", str(pred), "--json"])
    assert result.exit_code == 0
    assert result.stderr == ("Warning: 1 gold doc(s) have no prediction; scored as empty (e.g. g2)\n"
                             "Warning: 1 predicted doc(s) not in gold; ignored (e.g. zz)\n")
    assert json.loads(result.stdout)["strict_match"] == 1


def test_eval_bad_gold_lines_are_reported_and_scored_without_them(fake_tagger, tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(GOLD + line("g3", "1998-08-08", "x", timexes=[{"start": 0, "end": 9, "type": "DATE"}])
                    + line("g1", "1998-08-08", "dup"), encoding="utf-8")
    result = run(["eval", str(gold), "--json"])
    assert result.exit_code == 1
    assert result.stderr == (f"Error: {gold}:3: doc g3: timex span [0,9) is not inside the text\n"
                             f"Error: {gold}:4: duplicate doc_id 'g1'\n")
    assert json.loads(result.stdout)["docs"] == 2


def test_every_option_has_help_and_every_command_an_example():
    for name in ("tag", "eval"):
        command = cli.commands[name]
        assert "Example:" in command.help
        for param in command.params:
            if isinstance(param, click.Option) and param.name != "help":
                assert param.help, f"{name} {param.opts} has no help"
        assert run([name, "--help"]).exit_code == 0


# ---------------------------------------------------- with the real tagger, once it exists --

def _real_tagger():
    try:
        return importlib.import_module("timeline.extract").tag
    except (ImportError, AttributeError):
        pytest.skip("timeline.extract.tag does not exist yet")


def test_real_tagger_through_tag_command():
    _real_tagger()
    result = run(["tag", "-"], input=line("r1", "1998-08-08", "The embassies were bombed on Friday."))
    assert result.exit_code == 0
    assert json.loads(result.stdout)["timexes"] == [
        {"start": 29, "end": 35, "text": "Friday", "type": "DATE", "value": "1998-08-07"}]


def test_real_tagger_through_eval_command(tmp_path):
    _real_tagger()
    gold = tmp_path / "gold.jsonl"
    gold.write_text(line("r2", "2013-03-22", "The report came out in 2009.", timexes=[
        {"start": 23, "end": 27, "text": "2009", "type": "DATE", "value": "2009"}]), encoding="utf-8")
    result = json.loads(run(["eval", str(gold), "--json"]).stdout)
    assert (result["strict_f1"], result["value_f1"]) == (1.0, 1.0)
