"""Errors of our own. The library raises them; the CLI turns each into one line on stderr."""


class TimelineError(Exception):
    """Base class: bad input or a failed step that is not a bug in timeline itself."""


class ArticleError(TimelineError):
    """An input cannot be read as an article: missing, empty, binary, bad JSON line, no date..."""

    def __init__(self, source: str, message: str, line: int | None = None) -> None:
        self.source = source
        self.line = line
        self.message = message
        where = f"{source}:{line}" if line is not None else source
        super().__init__(f"{where}: {message}")


class RuleError(TimelineError):
    """A rule file is invalid (bad pattern, unknown operation, failing example)."""


class WriterError(TimelineError):
    """An output cannot be written."""
