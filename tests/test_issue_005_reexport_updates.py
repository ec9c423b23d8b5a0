"""Issue 5: re-exporting into the same folder updates the calendar instead of duplicating it: the same
article gives the same bytes; a corrected event keeps its UID and raises SEQUENCE."""
from __future__ import annotations

from click.testing import CliRunner
from icalendar import Calendar

from timeline.cli import cli

ARTICLE = "Date: 2024-03-01\n\nThe trade summit will be held in Geneva on {day}, officials said.\n"


def export(tmp_path, day: str) -> dict[str, tuple[str, int, str]]:
    (tmp_path / "summit.txt").write_text(ARTICLE.format(day=day), encoding="utf-8")
    result = CliRunner().invoke(cli, ["export", str(tmp_path / "summit.txt"), "--out", str(tmp_path / "out"),
                                      "--format", "ics"])
    assert result.exit_code == 0, result.output
    cal = Calendar.from_ical((tmp_path / "out" / "summit.ics").read_bytes())
    return {str(e["SUMMARY"]): (str(e["UID"]), int(e.get("SEQUENCE", 0)), e["DTSTART"].to_ical().decode())
            for e in cal.walk("VEVENT")}


def test_same_article_same_bytes(tmp_path):
    export(tmp_path, "March 12")
    first = (tmp_path / "out" / "summit.ics").read_bytes()
    export(tmp_path, "March 12")
    assert (tmp_path / "out" / "summit.ics").read_bytes() == first


def test_corrected_date_keeps_uid_and_raises_sequence(tmp_path):
    before = export(tmp_path, "March 12")
    after = export(tmp_path, "March 14")
    summit = [title for title in before if "summit" in title.lower()]
    assert len(summit) == 1, before
    (uid, seq, start), (uid2, seq2, start2) = before[summit[0]], after[summit[0]]
    assert (start, start2) == ("20240312", "20240314")
    assert uid2 == uid and (seq, seq2) == (0, 1)
    assert len({u for u, _, _ in after.values()}) == len(after)  # still one UID per event


def test_a_fresh_folder_starts_at_sequence_zero(tmp_path):
    after = export(tmp_path, "March 14")
    assert {seq for _, seq, _ in after.values()} == {0}


def test_a_foreign_file_in_the_way_is_an_error_not_overwritten(tmp_path):
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "summit.ics").write_text("not a calendar", encoding="utf-8")
    (tmp_path / "summit.txt").write_text(ARTICLE.format(day="March 12"), encoding="utf-8")
    result = CliRunner().invoke(cli, ["export", str(tmp_path / "summit.txt"), "--out", str(tmp_path / "out"),
                                      "--format", "ics"])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: {tmp_path / 'summit.txt'}: ")
    assert (tmp_path / "out" / "summit.ics").read_text(encoding="utf-8") == "not a calendar"
