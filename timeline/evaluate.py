"""TempEval-3 Task A scoring of TIMEX3 mentions against gold, plus a listing of every error.

The numbers agree with the reference scorer ``../shared/eval/score.py`` (micro-averaged over documents):

- strict P/R/F1: a predicted span identical to a gold span;
- relaxed P/R/F1: spans share at least one character, each gold and each predicted mention paired at
  most once (identical spans first, then a left-to-right sweep: a mention that starts inside an open,
  unpaired mention of the other side is paired with it, the latest-started one; gold first at ties);
- type/value accuracy over the relaxed pairs; attribute P/R/F1 = accuracy x relaxed P/R/F1;
- no gold and no predicted mention at all: every score is 1;
- per-type breakdown keyed by the gold type (predicted counts keyed by the predicted type).

Mentions are duck-typed: anything with ``start``, ``end``, ``type`` and ``value`` (``Mention``).

    >>> from timeline.model import Mention, TimexType
    >>> g = Mention("Friday", 10, 16, "gold", TimexType.DATE, "1998-08-07")
    >>> p = Mention("Friday,", 10, 17, "x", TimexType.DATE, "1998-08-14")
    >>> s = score([("d1", "xxxxxxxxx Friday, later", [g], [p])])
    >>> (s.strict_f1, s.relaxed_f1, s.value_acc)
    (0.0, 1.0, 0.0)
"""
from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from .corpus import GoldDocument, Tagger, tag_document
from .errors import ArticleError


class Timex(Protocol):
    """What the scorer reads from a mention."""

    start: int
    end: int
    type: Any
    value: str


def _name(x: Any) -> str:
    """A type as its plain string ("DATE"), whether an enum member or a str."""
    return str(getattr(x, "value", x) if x is not None else "")


def pair_timexes(gold: Sequence[Timex], pred: Sequence[Timex]) -> list[tuple[int, int]]:
    """Pair overlapping gold and predicted spans one-to-one; returns ``(gold_index, pred_index)`` pairs.

    Identical spans are paired first; then a left-to-right sweep pairs a mention with the latest-started,
    still unpaired mention of the other side that is open where it starts (gold first at equal starts).
    Zero-length spans are never paired.
    """
    g_used: set[int] = set()
    p_used: set[int] = set()
    pairs: list[tuple[int, int]] = []
    by_span: dict[tuple[int, int], list[int]] = defaultdict(list)
    for j, p in enumerate(pred):
        if p.end > p.start:
            by_span[(p.start, p.end)].append(j)
    for i, g in enumerate(gold):
        candidates = by_span.get((g.start, g.end)) if g.end > g.start else None
        if candidates:
            j = candidates.pop(0)
            pairs.append((i, j))
            g_used.add(i)
            p_used.add(j)

    sides = (gold, pred)
    used = (g_used, p_used)
    sweep = sorted([(m.start, s, k) for s in (0, 1) for k, m in enumerate(sides[s])
                    if k not in used[s] and m.end > m.start])
    opened: tuple[list[int], list[int]] = ([], [])
    for pos, side, k in sweep:
        other = 1 - side
        best = None
        for m in opened[other]:
            o = sides[other][m]
            if m in used[other] or not o.start <= pos < o.end:
                continue
            if best is None or o.start > sides[other][best].start:
                best = m
        opened[side].append(k)
        if best is not None:
            used[side].add(k)
            used[other].add(best)
            pairs.append((k, best) if side == 0 else (best, k))
    return pairs


def prf(match: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    """Precision, recall and F1 from counts (0 where undefined)."""
    p = match / n_pred if n_pred else 0.0
    r = match / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def context(text: str, marks: Sequence[tuple[int, int, str, str]], width: int = 40) -> str:
    """A one-line window of ``text`` around the marked spans, each wrapped in its own open/close marker.

    ``marks`` are ``(start, end, open, close)``; newlines and tabs show as spaces, and "..." shows
    where the window cuts the text.

        >>> context("We met on Friday, then left.", [(10, 16, "[[", "]]")], width=6)
        '...et on [[Friday]], then...'
    """
    lo = max(0, min(s for s, _, _, _ in marks) - width)
    hi = min(len(text), max(e for _, e, _, _ in marks) + width)
    inserts = sorted([(s, 1, o) for s, _, o, _ in marks] + [(e, 0, c) for _, e, _, c in marks])
    out, pos = [], lo
    for at, _, marker in inserts:
        at = min(max(at, lo), hi)
        out += [text[pos:at], marker]
        pos = at
    out.append(text[pos:hi])
    body = "".join(out).replace("\r", " ").replace("\n", " ").replace("\t", " ")
    return ("..." if lo > 0 else "") + body + ("..." if hi < len(text) else "")


GOLD_MARK = ("[[", "]]")
PRED_MARK = ("{{", "}}")


@dataclass(frozen=True)
class EvalError:
    """One error: a miss (``MISSED``), a spurious hit (``SPURIOUS``), or a relaxed pair whose span,
    type and/or value differ (``kind`` like ``SPAN+VALUE``), with a window of text around it
    (gold marked ``[[...]]``, prediction ``{{...}}``)."""

    kind: str
    doc_id: str
    gold: Timex | None
    pred: Timex | None
    context: str
    dct: dt.date | None = None

    def describe(self) -> str:
        """Two lines: what is wrong and where, then the context."""
        parts = [f"{self.kind:<16}{self.doc_id}"]
        for label, m in (("gold", self.gold), ("pred", self.pred)):
            if m is not None:
                parts.append(f"{label} [{m.start},{m.end}) {getattr(m, 'text', '')!r} {_name(m.type)} {m.value}"
                             + (f" mod={m.mod}" if getattr(m, "mod", None) else ""))
        if self.kind == "MISSED" and self.dct is not None:
            parts.append(f"dct={self.dct.isoformat()}")
        return "  ".join(parts) + f"\n{'':16}{self.context}"

    def as_dict(self) -> dict:
        """JSON-ready form."""
        def m(t: Timex | None) -> dict | None:
            if t is None:
                return None
            return {"start": t.start, "end": t.end, "text": getattr(t, "text", ""), "type": _name(t.type),
                    "value": t.value, **({"mod": t.mod} if getattr(t, "mod", None) else {})}
        return {"kind": self.kind, "doc_id": self.doc_id, "gold": m(self.gold), "pred": m(self.pred),
                "context": self.context}


@dataclass
class Scores:
    """Counts from scoring a corpus, and the metrics derived from them (fractions in [0, 1])."""

    counts: Counter = field(default_factory=Counter)
    by_type: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    errors: list[EvalError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def _metric(self, name: str) -> tuple[float, float, float]:
        c = self.counts
        if c["gold"] == 0 and c["pred"] == 0:
            return 1.0, 1.0, 1.0
        if name in ("strict", "relaxed"):
            return prf(c[name], c["pred"], c["gold"])
        acc = self.accuracy(name)
        return tuple(acc * x for x in prf(c["relaxed"], c["pred"], c["gold"]))  # type: ignore[return-value]

    def accuracy(self, attribute: str) -> float:
        """Share of relaxed pairs whose ``attribute`` ("type" or "value") is equal (1 with nothing at all)."""
        c = self.counts
        if c["gold"] == 0 and c["pred"] == 0:
            return 1.0
        return c[f"{attribute}_match"] / c["relaxed"] if c["relaxed"] else 0.0

    strict_p = property(lambda self: self._metric("strict")[0], doc="Strict precision.")
    strict_r = property(lambda self: self._metric("strict")[1], doc="Strict recall.")
    strict_f1 = property(lambda self: self._metric("strict")[2], doc="Strict F1.")
    relaxed_p = property(lambda self: self._metric("relaxed")[0], doc="Relaxed precision.")
    relaxed_r = property(lambda self: self._metric("relaxed")[1], doc="Relaxed recall.")
    relaxed_f1 = property(lambda self: self._metric("relaxed")[2], doc="Relaxed F1.")
    type_acc = property(lambda self: self.accuracy("type"), doc="Type accuracy over relaxed pairs.")
    value_acc = property(lambda self: self.accuracy("value"), doc="Value accuracy over relaxed pairs.")
    type_f1 = property(lambda self: self._metric("type")[2], doc="Type F1 = type accuracy x relaxed F1.")
    value_f1 = property(lambda self: self._metric("value")[2], doc="Value F1 = value accuracy x relaxed F1.")

    def as_dict(self) -> dict:
        """The numbers under the keys ``score.py --json --by-type`` uses (``errors`` are apart)."""
        c = self.counts
        res: dict = {"docs": c["docs"], "gold": c["gold"], "pred": c["pred"], "strict_match": c["strict"],
                     "relaxed_match": c["relaxed"], "type_match": c["type_match"],
                     "value_match": c["value_match"]}
        for k in ("strict", "relaxed", "type", "value"):
            res[f"{k}_p"], res[f"{k}_r"], res[f"{k}_f1"] = self._metric(k)
        res["type_acc"], res["value_acc"] = self.type_acc, self.value_acc

        def ratio(a: int, b: int) -> float | None:
            return a / b if b else None
        res["by_gold_type"] = {
            t or "?": {"gold": s["gold"], "pred": s["pred"],
                       "gold_recall_relaxed": ratio(s["relaxed"], s["gold"]),
                       "gold_recall_strict": ratio(s["strict"], s["gold"]),
                       "type_acc": ratio(s["type_match"], s["relaxed"]),
                       "value_acc": ratio(s["value_match"], s["relaxed"])}
            for t, s in sorted(self.by_type.items())}
        return res

    def add_document(self, doc_id: str, text: str | None, gold: Sequence[Timex], pred: Sequence[Timex], *,
                     dct: dt.date | None = None, list_errors: bool = False) -> None:
        """Score one document's predictions against its gold and add the counts (and errors)."""
        c = self.counts
        errors: list[EvalError] = []
        c["docs"] += 1
        c["gold"] += len(gold)
        c["pred"] += len(pred)
        pairs = pair_timexes(gold, pred)
        for i, j in pairs:
            g, p = gold[i], pred[j]
            strict = g.start == p.start and g.end == p.end
            tok = _name(g.type) == _name(p.type)
            vok = g.value == p.value
            for counter in (c, self.by_type[_name(g.type)]):
                counter["relaxed"] += 1
                counter["strict"] += strict
                counter["type_match"] += tok
                counter["value_match"] += vok
            if list_errors and not (strict and tok and vok):
                kind = "+".join(k for k, ok in (("SPAN", strict), ("TYPE", tok), ("VALUE", vok)) if not ok)
                marks = [(g.start, g.end, *GOLD_MARK), (p.start, p.end, *PRED_MARK)]
                errors.append(EvalError(kind, doc_id, g, p, context(text or "", marks), dct))
        g_matched = {i for i, _ in pairs}
        p_matched = {j for _, j in pairs}
        for i, g in enumerate(gold):
            self.by_type[_name(g.type)]["gold"] += 1
            if list_errors and i not in g_matched:
                errors.append(EvalError("MISSED", doc_id, g, None,
                                             context(text or "", [(g.start, g.end, *GOLD_MARK)]), dct))
        for j, p in enumerate(pred):
            self.by_type[_name(p.type)]["pred"] += 1
            if list_errors and j not in p_matched:
                errors.append(EvalError("SPURIOUS", doc_id, None, p,
                                             context(text or "", [(p.start, p.end, *PRED_MARK)]), dct))
        errors.sort(key=lambda e: min(m.start for m in (e.gold, e.pred) if m is not None))
        self.errors.extend(errors)


def score(documents: Iterable[tuple[str, str | None, Sequence[Timex], Sequence[Timex]]], *,
          list_errors: bool = False) -> Scores:
    """Score ``(doc_id, text, gold, pred)`` tuples, micro-averaged; ``list_errors`` collects every error.

    A document's text is only used for the error contexts.
    """
    scores = Scores()
    for doc_id, text, gold, pred in documents:
        scores.add_document(doc_id, text, gold, pred, list_errors=list_errors)
    return scores


def evaluate(gold_docs: Iterable[GoldDocument | ArticleError], tagger: Tagger | None = None, *,
             list_errors: bool = False,
             predictions: dict[str, Sequence[Timex]] | None = None) -> tuple[Scores, list[ArticleError]]:
    """Tag each gold document (or take its mentions from ``predictions`` by doc id) and score it.

    Returns the scores and the inputs that could not be read or tagged; those documents are left out
    of the scores. With ``predictions``, a gold document without a prediction counts as predicting
    nothing, and ``scores.warnings`` says how many gold documents had none and how many predicted
    documents are not in the gold.
    """
    scores = Scores()
    failures: list[ArticleError] = []
    seen: set[str] = set()
    for item in gold_docs:
        if isinstance(item, ArticleError):
            failures.append(item)
            continue
        doc = item.document
        seen.add(doc.id)
        if predictions is not None:
            pred: Sequence[Timex] = predictions.get(doc.id, ())
        else:
            try:
                pred = tag_document(item, tagger)
            except ArticleError as exc:
                failures.append(exc)
                continue
        scores.add_document(doc.id, doc.text, item.timexes, pred, dct=doc.published, list_errors=list_errors)
    if predictions is not None:
        missing = sorted(seen - predictions.keys())
        extra = sorted(predictions.keys() - seen)
        if missing:
            scores.warnings.append(f"{len(missing)} gold doc(s) have no prediction; scored as empty "
                                   f"(e.g. {missing[0]})")
        if extra:
            scores.warnings.append(f"{len(extra)} predicted doc(s) not in gold; ignored (e.g. {extra[0]})")
    return scores, failures


def format_report(scores: Scores) -> str:
    """The scores as a text table: strict/relaxed/type/value P R F1, then the per-gold-type breakdown."""
    res = scores.as_dict()

    def pc(x: float | None) -> str:
        return "     -" if x is None else f"{100 * x:6.2f}"
    lines = [f"docs {res['docs']}   gold timexes {res['gold']}   predicted {res['pred']}",
             f"{'':10}{'P':>7}{'R':>7}{'F1':>7}   matches / accuracy"]
    for k in ("strict", "relaxed"):
        lines.append(f"{k:10}{pc(res[k + '_p'])} {pc(res[k + '_r'])} {pc(res[k + '_f1'])}   {res[k + '_match']}")
    for k in ("type", "value"):
        lines.append(f"{k:10}{pc(res[k + '_p'])} {pc(res[k + '_r'])} {pc(res[k + '_f1'])}   "
                     f"acc {pc(res[k + '_acc'])} ({res[k + '_match']}/{res['relaxed_match']})")
    lines.append("by gold type: #gold #pred(of that type) | relaxed-R strict-R type-acc value-acc")
    for t, s in res["by_gold_type"].items():
        lines.append(f"  {t:9}{s['gold']:5}{s['pred']:5} | {pc(s['gold_recall_relaxed'])} "
                     f"{pc(s['gold_recall_strict'])} {pc(s['type_acc'])} {pc(s['value_acc'])}")
    return "\n".join(lines)


def format_errors(errors: Iterable[EvalError]) -> str:
    """Every error as two lines (what/where, then context), in document order."""
    return "\n".join(e.describe() for e in errors)


def error_summary(errors: Sequence[EvalError]) -> str:
    """One line: how many errors of each kind, most frequent first, then by name (``3 errors: MISSED 2, VALUE 1``)."""
    counts = sorted(Counter(e.kind for e in errors).items(), key=lambda kn: (-kn[1], kn[0]))
    return f"{len(errors)} errors" + (": " + ", ".join(f"{k} {n}" for k, n in counts) if counts else "")
