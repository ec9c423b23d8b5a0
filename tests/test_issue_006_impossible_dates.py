"""Issue 6: an impossible date or one past the calendar's ends is a warning naming the input and
offset, never a crash, and the rest of the batch is still exported."""
from __future__ import annotations

import datetime as dt

import pytest
from click.testing import CliRunner

from timeline.cli import cli
from timeline.extract import tag

CASES = [
    ("The vote was held on February 30, 2023.", dt.date(2023, 9, 22), 21, "'February 30, 2023'",
     "an explicit day the month does not have"),
    ("Payments resume Feb. 31 and will rise.", dt.date(2024, 6, 26), 16, "'Feb. 31'",
     "no year given, and no year has the day"),
    ("The market closed Friday.", dt.date(1, 1, 1), 18, "'Friday'", "the Friday before 1 January 1 AD"),
    ("Prices rise in January.", dt.date(9999, 12, 12), 15, "'January'", "the January after December 9999"),
]
assert len({c[0] for c in CASES}) == len(CASES)


@pytest.mark.parametrize("text,dct,offset,quoted,note", CASES, ids=[c[4] for c in CASES])
def test_unplaceable_date_is_a_warning_not_a_mention(text, dct, offset, quoted, note):
    tagging = tag(text, dct)
    assert quoted.strip("'") not in [m.text for m in tagging.mentions]
    assert len(tagging.warnings) == 1
    assert tagging.warnings[0].startswith(f"offset {offset}: {quoted} cannot be placed on the calendar (")


def test_possible_dates_give_no_warning():
    tagging = tag("It was held on September 20-22 and ends Feb. 28, 2023.", dt.date(2023, 9, 22))
    assert tagging.warnings == ()
    assert [m.value for m in tagging.mentions] == ["2023-09-20", "2023-09-22", "2023-02-28"]


def test_export_warns_with_input_and_offset_and_exports_the_batch(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_text("Date: 2023-09-22\n\nThe vote was held on February 30, 2023. Talks ended Friday.\n",
                   encoding="utf-8")
    good = tmp_path / "good.txt"
    good.write_text("Date: 2023-09-22\n\nThe summit was held on September 20.\n", encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["export", str(bad), str(good), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert result.stderr == (f"Warning: {bad}: bad: offset 21: 'February 30, 2023' cannot be placed on the "
                             f"calendar (no day 30 in February 2023)\n")
    assert sorted(p.name for p in out.iterdir()) == sorted(
        f"{stem}.{ext}" for stem in ("bad", "good") for ext in ("ics", "json", "md"))
