"""Errors of our own. The library raises them; the CLI turns each into one line on stderr."""


def located(source: str, line: int | None = None) -> str:
    """How messages name a place in an input: ``FILE:LINE``, or ``FILE`` without a line."""
    return f"{source}:{line}" if line is not None else source


class TimelineError(Exception):
    """Base class: bad input or a failed step that is not a bug in timeline itself."""


class ArticleError(TimelineError):
    """An input cannot be read as an article: missing, empty, binary, bad JSON line, no date..."""

    def __init__(self, source: str, message: str, line: int | None = None) -> None:
        self.source = source
        self.line = line
        self.message = message
        super().__init__(f"{located(source, line)}: {message}")


class RuleError(TimelineError):
    """A rule file is invalid (bad pattern, unknown operation, failing example)."""


class WriterError(TimelineError):
    """An output cannot be written."""
