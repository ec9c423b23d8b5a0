"""Command-line interface. Each command parses its options, makes one api call and writes the output."""
from __future__ import annotations

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
