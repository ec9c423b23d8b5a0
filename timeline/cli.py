"""Command-line interface. Each command parses its options, makes one api call and writes the output."""
from __future__ import annotations

import contextlib
import sys
from pathlib import Path

import click

from . import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="timeline")
def cli() -> None:
    """Turn what news articles say about time into events and calendars.

    \b
    Example:
        timeline export seeds/ --out exports/
        timeline tag corpus.jsonl -o tagged.jsonl
        timeline eval gold.jsonl --errors
    """


# --- export: articles to calendars and timelines (logic in readers/ and batch.py) ---

def _formats_option(ctx: click.Context, param: click.Parameter, value: str) -> tuple[str, ...]:
    from .writers import FORMATS

    names = tuple(dict.fromkeys(v.strip().lower() for v in value.split(",") if v.strip()))
    unknown = [n for n in names if n not in FORMATS]
    if unknown or not names:
        raise click.BadParameter(f"unknown format {', '.join(unknown) or repr(value)} "
                                 f"(choose from {', '.join(FORMATS)})")
    return names


def _tz_option(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    import zoneinfo

    try:
        zoneinfo.ZoneInfo(value)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        raise click.BadParameter(f"unknown time zone {value!r} (an IANA name such as Europe/Paris)") from None
    return value


def _stderr_is_tty() -> bool:
    return click.get_text_stream("stderr").isatty()


@cli.command()
@click.argument("paths", metavar="PATH...", nargs=-1, required=True)
@click.option("--out", "out_dir", type=click.Path(file_okay=False, writable=True), default="exports",
              show_default=True, help="Folder to write the exports into (created if missing).")
@click.option("--format", "formats", default="ics,json,md", show_default=True, callback=_formats_option,
              help="Comma-separated output formats: ics, json, md, timelinejs, html, csv.")
@click.option("--reference-date", type=click.DateTime(formats=["%Y-%m-%d"]), default=None,
              help="Publication date YYYY-MM-DD for every input: overrides the articles' own dates "
                   "and supplies one where an article has none.")
@click.option("--merge", is_flag=True, help="Write one timeline of all inputs, joining the same event "
                                           "told by several articles, instead of one per input.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=1, show_default=True,
              help="Export documents in this many processes (same output as 1, in the same order).")
@click.option("--name", default=None, help="With --merge: the timeline's name and the output file stem "
                                           "[default: timeline].")
@click.option("--tz", default=None, callback=_tz_option,
              help="IANA time zone (Europe/Paris) of clock times the articles give without one.")
def export(paths: tuple[str, ...], out_dir: str, formats: tuple[str, ...], reference_date, merge: bool,
           jobs: int, name: str | None, tz: str | None) -> None:
    """Export the events in news articles as iCalendar, JSON and Markdown files.

    PATH is an article (.txt/.md with a date header such as "Date: 2023-09-22", .html, or a .jsonl
    archive with one {"id", "date", "title", "text"} object a line), a folder (searched recursively),
    a glob, or "-" for standard input. Each document gets <stem>.ics, <stem>.json and <stem>.md in
    --out; --merge writes one <name>.* for all of them.

    An input that cannot be read or exported is reported as one "Error: <input>: <why>" line on
    stderr and the others go on. Exit status: 0 all exported, 1 some input failed, 2 wrong usage or
    an article without a publication date (pass --reference-date).

    \b
    Example:
        timeline export seeds/ --out exports/
        timeline export archive.jsonl --format ics,json --jobs 2
        timeline export a.txt b.html --merge --name conference
        cat article.txt | timeline export - --reference-date 2023-09-22
    """
    from .batch import ExportOptions, export as run_export

    if name is not None and not merge:
        raise click.UsageError("--name names the merged timeline: use it with --merge")
    if merge and jobs > 1:
        raise click.UsageError("--jobs runs documents in parallel; with --merge there is one timeline")
    options = ExportOptions(Path(out_dir), formats, reference_date.date() if reference_date else None,
                            merge, jobs, name, tz)
    tty = _stderr_is_tty()

    def progress(items, length):
        if tty and length > 1:
            return click.progressbar(items, length=length, file=sys.stderr, label="Exporting")
        return contextlib.nullcontext(items)

    report = run_export(paths, options, stdin=click.get_binary_stream("stdin"),
                        on_error=lambda exc: click.echo(f"Error: {exc}", err=True), progress=progress)
    for warning in report.warnings:
        click.echo(f"Warning: {warning}", err=True)
    if tty:
        click.echo(report.summary(), err=True)
    sys.exit(report.exit_code)
