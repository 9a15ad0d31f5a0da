"""The output formats of ``lgo-parse``: JSON, JSON Lines, CSV and a readable outline.

A formatter turns one decision into its text; :func:`format_input` is the task
a worker runs for one input (one document per statement it holds), and
:class:`Writer` puts the documents together (a JSON array, a CSV header, a
blank line between outlines).
"""

from __future__ import annotations

import io
import itertools
import json
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, Protocol

from ._batch import Job, read_decisions

if TYPE_CHECKING:
    from ._facts import Citation, CrossReference, Party, Remedy
    from ._layout import Span
    from ._model import Decision, Section

FORMATS = ("json", "jsonl", "outline", "csv")
CSV_COLUMNS = (
    "file",
    "authority",
    "reference",
    "year",
    "category",
    "category_top",
    "outcome",
    "outcome_kind",
    "decision_date",
    "sections",
    "paragraphs",
    "remedies",
    "remedy_amount_total",
    "remedy_kinds",
)
"""The CSV's columns: the same values as the ``decisions`` table of ``lgo-parse db``."""


Document = list[str]
"""The text of one formatted document, in pieces written one after another.

A statement of tens of MB has hundreds of MB of JSON: kept in pieces, it is
never one string (nor one string and a copy of it).
"""
PIECE_TOKENS = 8192
"""Indented JSON is joined into a piece every this many tokens of the encoder."""


EncodedDocument = list[bytes]
"""A ``Document`` with each piece encoded as UTF-8: what a worker process sends back."""


def format_input(job: Job, *, fmt: str, facts: bool, several: bool = False) -> list[Document]:
    """Parse one input and format each statement in it; the task of a run in one process."""
    formatter = FORMATTERS[fmt]
    return [
        formatter(decision, job.name, facts) for decision in read_decisions(job, several=several)
    ]


def format_input_encoded(
    job: Job, *, fmt: str, facts: bool, several: bool = False
) -> list[EncodedDocument]:
    """``format_input`` with each piece encoded as UTF-8: the task worker processes run.

    A string crosses the pipe to the main process encoded as UTF-8 by pickle and
    decoded there, then encoded again to be written; bytes cross as they are. The
    main process, which writes every worker's output, is left only the writing
    (with two workers it was the bottleneck of a batch).
    """
    return [
        [piece.encode("utf-8") for piece in document]
        for document in format_input(job, fmt=fmt, facts=facts, several=several)
    ]


# -- json and jsonl ------------------------------------------------------------


def _json(decision: Decision, source: str, facts: bool, *, indent: int | None) -> Document:
    from ._serialize import decision_to_dict

    data = decision_to_dict(decision, facts=facts, source=source)
    if indent is None:  # the C encoder
        pieces = [json.dumps(data, ensure_ascii=False, separators=(",", ":"))]
    else:
        # Indented JSON comes from the json module's Python encoder, one small
        # string a token; json.dumps keeps them all in a list and then joins
        # them (a 30 MB statement's JSON peaked at 37 times the input).
        tokens = json.JSONEncoder(ensure_ascii=False, indent=indent).iterencode(data)
        pieces = []
        while batch := list(itertools.islice(tokens, PIECE_TOKENS)):
            pieces.append("".join(batch))
    # Valid JSON, but line-splitting tools (str.splitlines, some JSONL readers)
    # break lines at these, so write them escaped (one character each: safe
    # piece by piece).
    return [
        piece.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029").replace("\x85", "\\u0085")
        for piece in pieces
    ]


def format_json(decision: Decision, source: str, facts: bool) -> Document:
    return _json(decision, source, facts, indent=2)


def format_jsonl(decision: Decision, source: str, facts: bool) -> Document:
    return [*_json(decision, source, facts, indent=None), "\n"]


# -- csv -------------------------------------------------------------------------


def format_csv(decision: Decision, source: str, facts: bool) -> Document:
    from ._records import decision_row

    row = decision_row(decision, source=source, facts=facts)
    return [csv_line([row[column] for column in CSV_COLUMNS])]


def csv_line(row: Sequence[object]) -> str:
    """One CSV record, ending in CRLF as RFC 4180 (and Excel) want."""
    import csv  # here, not at the top: JSON and outline runs never load it

    buffer = io.StringIO()
    csv.writer(buffer).writerow(["" if v is None else _csv_value(v) for v in row])
    return buffer.getvalue()


def _csv_value(value: object) -> str:
    from decimal import Decimal

    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


# -- outline ----------------------------------------------------------------------

OUTLINE_WIDTH = 72


def format_outline(decision: Decision, source: str, facts: bool) -> Document:
    reference = decision.reference and f"({decision.reference})"
    title = " ".join(part for part in (decision.authority, reference) if part)
    outcome = decision.outcome
    fields: list[tuple[str, object]] = [
        ("File", source),
        ("Category", decision.category),
        ("Outcome", outcome and f"{outcome} [{outcome.kind.value}]"),
        ("Decision date", decision.decision_date),
        ("Summary", decision.summary),
    ]
    lines = [title or "(no title)"]
    for label, value in fields:
        if value is None:
            continue
        lead = f"  {label:<14} "
        if label == "Summary":
            import textwrap  # only the outline wraps text

            lines += textwrap.wrap(
                str(value), OUTLINE_WIDTH, initial_indent=lead, subsequent_indent=" " * len(lead)
            )
        else:
            lines.append(f"{lead}{value}")
    lines.append("")
    for section in decision.sections:
        _outline_section(section, 1, lines)
    if facts:
        _outline_facts(decision, lines)
    return ["\n".join(lines) + "\n"]


def _outline_section(section: Section, depth: int, lines: list[str]) -> None:
    from ._model import ListItem, Paragraph

    pad = "  " * depth
    lines.append(f"{pad}{section.heading or '(before the first heading)'}  [{section.kind.value}]")
    for block in section.blocks:
        if isinstance(block, Paragraph):
            number = "·" if block.number is None else str(block.number)
        elif isinstance(block, ListItem):
            number = "•"
        else:
            continue
        lines.append(f"{pad}  {number:>3}  {_shorten(block.text, OUTLINE_WIDTH - len(pad) - 7)}")
    for sub in section.subsections:
        _outline_section(sub, depth + 1, lines)


# The fact describers below move to the facts registry when it lands.


def _outline_facts(decision: Decision, lines: list[str]) -> None:
    groups: list[tuple[str, Sequence[Any], Callable[[Any], tuple[Span | None, list[str]]]]] = [
        ("Remedies", decision.remedies, _remedy_lines),
        ("Citations", decision.citations, _citation_lines),
        ("Cross-references", decision.cross_references, _cross_reference_lines),
        ("Parties", decision.parties, _party_lines),
    ]
    for heading, facts, describe in groups:
        lines.append("")
        lines.append(f"  {heading} ({len(facts)})")
        for fact in facts:
            span, (first, *rest) = describe(fact)
            where = "" if span is None else f"line {span.line}"
            lines.append(f"    {where:<9}  {first}")
            lines += [f"    {'':<9}  {more}" for more in rest]


def _remedy_lines(remedy: Remedy) -> tuple[Span | None, list[str]]:
    parts = [remedy.kind.value]
    if remedy.amount is not None:
        parts.append(f"£{remedy.amount:,f}")
    if remedy.recipient:
        parts.append(f"to {remedy.recipient}")
    if remedy.deadline is not None:
        parts.append(str(remedy.deadline))
    return remedy.span, [" ".join(parts), _quoted(remedy.text)]


def _citation_lines(citation: Citation) -> tuple[Span | None, list[str]]:
    parts = [citation.title, *citation.provisions]
    if citation.as_amended:
        parts.append("as amended")
    return citation.span, [f"{', '.join(parts)}  [{citation.kind.value}]"]


def _cross_reference_lines(reference: CrossReference) -> tuple[Span | None, list[str]]:
    target = reference.target
    found = "no such paragraph" if target is None else f"paragraph {target.number}"
    return reference.span, [f"{_quoted(reference.text)} → {found}"]


def _party_lines(party: Party) -> tuple[Span | None, list[str]]:
    plural = "" if party.mentions == 1 else "s"
    about = f"{party.role.value}, {party.mentions} mention{plural}"
    return party.span, [f"{party.name} ({about})"]


def _quoted(text: str) -> str:
    return f"“{_shorten(text, OUTLINE_WIDTH - 17)}”"


def _shorten(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


FORMATTERS: dict[str, Callable[[Decision, str, bool], Document]] = {
    "json": format_json,
    "jsonl": format_jsonl,
    "outline": format_outline,
    "csv": format_csv,
}
"""Each format's formatter: ``(decision, source name, facts) -> text in pieces``."""


# -- putting documents together ------------------------------------------------------


class Sink(Protocol):
    """Where a ``Writer`` writes: text, or text encoded as UTF-8 (the command's output)."""

    def write(self, text: str | bytes, /) -> Any: ...  # pragma: no cover - a protocol


class Writer:
    """Writes the documents of a run in one format, with what goes between them."""

    def __init__(self, out: Sink, fmt: str, *, single: bool) -> None:
        self._out = out
        self._fmt = fmt
        self._single = single
        self._first = True

    def open(self) -> None:
        if self._fmt == "csv":
            self._out.write(csv_line(list(CSV_COLUMNS)))
        elif self._fmt == "json" and not self._single:
            self._out.write("[")

    def write(self, document: Document | EncodedDocument) -> None:
        """Write one document, its pieces as strings or as UTF-8 (from a worker process)."""
        fmt, first, out = self._fmt, self._first, self._out
        self._first = False
        if fmt == "json" and not self._single:
            out.write("\n  " if first else ",\n  ")
            for piece in document:
                # (In UTF-8 a newline is the one byte 0x0A, never part of another character.)
                out.write(
                    piece.replace(b"\n", b"\n  ")
                    if isinstance(piece, bytes)
                    else piece.replace("\n", "\n  ")
                )
            return
        if fmt == "outline" and not first:
            out.write("\n")
        for piece in document:
            out.write(piece)
        if fmt == "json":
            out.write("\n")

    def close(self) -> None:
        if self._fmt == "json" and not self._single:
            self._out.write("]\n" if self._first else "\n]\n")
