"""Command-line interface. Each command parses its options, makes one api call and writes the output."""
from __future__ import annotations

import contextlib
import io
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


def _fail(exc: Exception) -> None:
    """Report one failed input or output as a single ``Error: ...`` line on stderr."""
    click.echo(f"Error: {exc}", err=True)


def _stdin_text() -> io.TextIOWrapper:
    """Standard input as UTF-8 text whatever the locale says (JSONL and TimeML are UTF-8)."""
    return io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8")


def _stderr_is_tty() -> bool:
    return sys.stderr.isatty()


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
    archive with one {"id", "date", "title", "text"} object a line), a folder (searched recursively
    for .txt, .md, .html, .htm and .jsonl), a glob, or "-" for standard input. Each document gets
    <stem>.ics, <stem>.json and <stem>.md in --out; --merge writes one <name>.* for all of them.

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

    report = run_export(paths, options, stdin=sys.stdin.buffer,
                        on_error=_fail, progress=progress)
    for warning in report.warnings:
        click.echo(f"Warning: {warning}", err=True)
    if tty:
        click.echo(report.summary(), err=True)
    sys.exit(report.exit_code)


# --- tag / eval: the TIMEX3 tagger over corpora (logic in corpus.py, evaluate.py, timeml.py) ---

@cli.command()
@click.argument("input_path", metavar="IN", type=click.Path(exists=True, allow_dash=True))
@click.option("-o", "--output", type=click.Path(), default=None,
              help="Write to this file (atomically) instead of stdout; with --to timeml, the folder "
                   "that gets one DOC_ID.tml per document.")
@click.option("--to", "to", type=click.Choice(["jsonl", "timeml"]), default="jsonl", show_default=True,
              help="Output format: one JSON line per document, or TimeML with TIMEX3 tags inserted.")
def tag(input_path: str, output: str | None, to: str) -> None:
    """Find the temporal expressions (TIMEX3) in each document of IN.

    IN is a JSONL file (one {"doc_id", "dct", "text"} object a line; "-" reads stdin), a .tml file or a
    folder of .tml files. Writes one line per document: {"doc_id": ..., "timexes": [{"start", "end",
    "text", "type", "value"}]} ("mod" when set). A bad input line is reported on stderr and skipped;
    the exit code is then 1.

    \b
    Example:
        timeline tag corpus.jsonl -o tagged.jsonl
        cat corpus.jsonl | timeline tag - --to timeml -o tagged/
    """
    from . import corpus, timeml
    from .atomic import atomic_write
    from .errors import ArticleError, WriterError

    if to == "timeml" and output is None:
        raise click.UsageError("--to timeml needs -o FOLDER (one .tml file per document)")
    failed = False
    tagged = []
    items = corpus.tag_corpus(corpus.read_corpus(input_path, stdin=_stdin_text() if str(input_path) == "-" else None))
    for item in items:
        if isinstance(item, ArticleError):
            _fail(item)
            failed = True
        elif to == "jsonl" and output is None:
            click.echo(corpus.tagged_line(item[0].document.id, item[1]))
        else:
            tagged.append(item)
    if to == "jsonl" and output is not None:
        try:
            atomic_write(output, "".join(corpus.tagged_line(g.document.id, m) + "\n" for g, m in tagged).encode())
        except WriterError as exc:
            _fail(exc)
            failed = True
    elif to == "timeml":
        for result in timeml.write_timeml_folder(output, ((g.document, m) for g, m in tagged)):
            if isinstance(result, WriterError):
                _fail(result)
                failed = True
    if failed:
        raise SystemExit(1)


@cli.command(name="eval")
@click.argument("gold_path", metavar="GOLD", type=click.Path(exists=True, allow_dash=True))
@click.option("--errors", "show_errors", is_flag=True,
              help="Also list every miss, spurious hit and wrong span/type/value with its document and context.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores (and errors) as one JSON object.")
@click.option("--pred", "pred_path", type=click.Path(exists=True, dir_okay=False), default=None,
              help="Score these predictions (JSONL as `timeline tag` writes) instead of tagging GOLD.")
def eval_command(gold_path: str, show_errors: bool, as_json: bool, pred_path: str | None) -> None:
    """Tag the documents of GOLD and score the result against its TIMEX3 annotation (TempEval-3 Task A).

    GOLD is JSONL with "doc_id", "dct", "text" and "timexes" (as ../shared/corpora) or a folder of .tml
    files. Prints strict and relaxed span P/R/F1, type and value accuracy and F1, and a breakdown by
    gold type. Inputs that cannot be read are reported on stderr, left out, and the exit code is 1.

    \b
    Example:
        timeline eval ../shared/corpora/tbaq-dev.jsonl
        timeline eval gold/ --errors
        timeline tag gold.jsonl -o pred.jsonl && timeline eval gold.jsonl --pred pred.jsonl --json
    """
    import json

    from . import corpus, evaluate

    failures = []
    predictions = None
    if pred_path is not None:
        predictions, failures = corpus.read_predictions(pred_path)
    gold = corpus.read_corpus(gold_path, stdin=_stdin_text() if str(gold_path) == "-" else None)
    scores, more = evaluate.evaluate(gold, list_errors=show_errors, predictions=predictions)
    for exc in failures + more:
        _fail(exc)
    for warning in scores.warnings:
        click.echo(f"Warning: {warning}", err=True)
    if as_json:
        res = scores.as_dict()
        if show_errors:
            res["errors"] = [e.as_dict() for e in scores.errors]
        click.echo(json.dumps(res, sort_keys=True, ensure_ascii=False))
    else:
        click.echo(evaluate.format_report(scores))
        if show_errors:
            click.echo(f"\n{evaluate.error_summary(scores.errors)}")
            click.echo(evaluate.format_errors(scores.errors))
    if failures or more:
        raise SystemExit(1)
