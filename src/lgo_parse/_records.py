"""A decision as flat records, one table per kind of thing: for databases, CSV and Parquet.

[`records`][lgo_parse.records] gives the rows; [`TABLES`][lgo_parse.TABLES] names each
table's columns. ``lgo-parse db`` (SQLite), ``lgo-parse tables`` (CSV and
Parquet files) and ``lgo-parse --format csv`` all write these rows, so the
same question gets the same answer from each.
"""

from __future__ import annotations

import bisect
import datetime
import decimal
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ._layout import Span
    from ._model import Decision

Record = dict[str, Any]
"""One row: column name to a plain value (str, int, bool, ``Decimal``, ``date`` or None)."""

# Each table's columns with their types: "integer", "text", "boolean",
# "decimal" (an exact amount) or "date". The SQLite schema, the Parquet schema
# and the CSV headers are all made from this one table.
COLUMNS: dict[str, tuple[tuple[str, str], ...]] = {
    "decisions": (
        ("id", "integer"),
        ("file", "text"),
        ("position", "integer"),
        ("sha256", "text"),
        ("authority", "text"),
        ("reference", "text"),
        ("year", "integer"),
        ("category", "text"),
        ("category_top", "text"),
        ("outcome", "text"),
        ("outcome_kind", "text"),
        ("decision_date", "date"),
        ("kind", "text"),
        ("form", "text"),
        ("summary", "text"),
        ("investigated", "boolean"),
        ("fault", "text"),
        ("injustice", "text"),
        ("reasons", "text"),
        ("sections", "integer"),
        ("paragraphs", "integer"),
        ("remedies", "integer"),
        ("remedy_amount_total", "decimal"),
        ("remedy_kinds", "text"),
        ("citations", "integer"),
        ("cross_references", "integer"),
        ("parties", "integer"),
    ),
    "sections": (
        ("decision", "integer"),
        ("position", "integer"),
        ("parent", "integer"),
        ("depth", "integer"),
        ("heading", "text"),
        ("kind", "text"),
        ("line", "integer"),
    ),
    "paragraphs": (
        ("decision", "integer"),
        ("position", "integer"),
        ("section", "integer"),
        ("number", "integer"),
        ("marker", "text"),
        ("text", "text"),
        ("items", "text"),
        ("start", "integer"),
        ("end", "integer"),
        ("line", "integer"),
        ("column", "integer"),
    ),
    "remedies": (
        ("decision", "integer"),
        ("position", "integer"),
        ("paragraph", "integer"),
        ("paragraph_number", "integer"),
        ("kind", "text"),
        ("amount", "decimal"),
        ("recipient", "text"),
        ("deadline", "text"),
        ("text", "text"),
        ("line", "integer"),
    ),
    "citations": (
        ("decision", "integer"),
        ("position", "integer"),
        ("paragraph", "integer"),
        ("paragraph_number", "integer"),
        ("kind", "text"),
        ("title", "text"),
        ("year", "integer"),
        ("provisions", "text"),
        ("as_amended", "boolean"),
        ("text", "text"),
        ("line", "integer"),
    ),
    "cross_references": (
        ("decision", "integer"),
        ("position", "integer"),
        ("paragraph", "integer"),
        ("paragraph_number", "integer"),
        ("text", "text"),
        ("number", "integer"),
        ("found", "boolean"),
        ("line", "integer"),
    ),
    "parties": (
        ("decision", "integer"),
        ("position", "integer"),
        ("name", "text"),
        ("role", "text"),
        ("mentions", "integer"),
        ("line", "integer"),
    ),
}

TABLES: dict[str, tuple[str, ...]] = {
    table: tuple(name for name, _ in columns) for table, columns in COLUMNS.items()
}
"""The tables [`records`][lgo_parse.records] fills, each with its column names in order.

Examples:
    >>> import lgo_parse
    >>> list(lgo_parse.TABLES)
    ['decisions', 'sections', 'paragraphs', 'remedies', 'citations', 'cross_references', 'parties']
    >>> lgo_parse.TABLES["paragraphs"][:4]
    ('decision', 'position', 'section', 'number')
"""

FACT_TABLES = ("remedies", "citations", "cross_references", "parties")


def records(
    decision: Decision,
    *,
    key: int = 1,
    source: str | None = None,
    position: int = 1,
    sha256: str | None = None,
    facts: bool = True,
) -> dict[str, list[Record]]:
    """Return a decision as flat rows, one list per table of [`TABLES`][lgo_parse.TABLES].

    Rows of one decision share its ``key`` in their ``decision`` column (``id``
    in ``decisions``). Sections and paragraphs are numbered by ``position``
    (1, 2, ... in document order) within the decision; a section's ``parent``
    and a paragraph's ``section`` are such positions, and so is a fact's
    ``paragraph`` (the paragraph it was found in, or None when it was found in
    the summary or outside any paragraph). A paragraph's ``number`` is its
    website number, None when the text does not say (compact layout).

    Values are plain: ``str``, ``int``, ``bool``, ``decimal.Decimal`` for amounts
    and ``datetime.date`` for dates, or None. ``remedy_amount_total`` is the sum
    of the remedies' amounts, 0 when none names a sum, and None (like every
    fact count) when ``facts`` is false.

    Args:
        decision: The decision.
        key: The value of the decision's ``id`` and of every row's ``decision``.
        source: The file the decision was read from (the ``file`` column).
        position: Which statement of its file this is (1 for the first).
        sha256: The SHA-256 of the file, when known (the ``sha256`` column).
        facts: Fill the fact tables and counts (reading the facts takes time).

    Returns:
        A dict from table name to its rows, every table present (maybe empty).

    Examples:
        >>> import lgo_parse
        >>> d = lgo_parse.parse(
        ...     "Example Council (23 013 577)\\n\\nDecision : Upheld\\n\\n"
        ...     "Agreed action\\n\\n  1. The Council will pay Mr X £150 within one month.\\n"
        ... )
        >>> rows = lgo_parse.records(d, source="x.txt")
        >>> decision = rows["decisions"][0]
        >>> decision["reference"], decision["outcome_kind"], decision["remedy_amount_total"]
        ('23 013 577', 'upheld', Decimal('150'))
        >>> [(p["number"], p["section"], p["text"][:20]) for p in rows["paragraphs"]]
        [(1, 1, 'The Council will pay')]
        >>> [(r["kind"], r["amount"], r["paragraph_number"]) for r in rows["remedies"]]
        [('payment', Decimal('150'), 1)]
    """
    tables: dict[str, list[Record]] = {table: [] for table in TABLES}
    tables["decisions"].append(
        decision_row(
            decision, key=key, source=source, position=position, sha256=sha256, facts=facts
        )
    )
    _structure(decision, key, tables)
    if facts:
        _facts(decision, key, tables)
    return tables


def decision_row(
    decision: Decision,
    *,
    key: int = 1,
    source: str | None = None,
    position: int = 1,
    sha256: str | None = None,
    facts: bool = True,
) -> Record:
    """The ``decisions`` row of a decision (see [`records`][lgo_parse.records])."""
    reference = decision.reference
    category = decision.category
    outcome = decision.outcome
    row: Record = {
        "id": key,
        "file": source,
        "position": position,
        "sha256": sha256,
        "authority": decision.authority,
        "reference": reference and reference.text,
        "year": reference and reference.year,
        "category": category and category.text,
        "category_top": category and category.top,
        "outcome": outcome and outcome.text,
        "outcome_kind": outcome and outcome.kind.value,
        "decision_date": decision.decision_date,
        **_decision_extras(decision, facts),
        "sections": sum(1 for _ in decision.walk()),
        "paragraphs": len(decision.paragraphs),
        "remedies": None,
        "remedy_amount_total": None,
        "remedy_kinds": None,
        "citations": None,
        "cross_references": None,
        "parties": None,
    }
    if facts:
        from ._facts._money import total as exact_total  # sum() rounds past 28 digits

        remedies = decision.remedies
        amounts = [r.amount for r in remedies if r.amount is not None]
        row.update(
            remedies=len(remedies),
            remedy_amount_total=exact_total(amounts),
            remedy_kinds="; ".join(sorted({r.kind.value for r in remedies})),
            citations=len(decision.citations),
            cross_references=len(decision.cross_references),
            parties=len(decision.parties),
        )
    return row


def _decision_extras(decision: Decision, facts: bool) -> Record:
    """The document's kind and form, its summary, and the findings (with ``facts``)."""
    row: Record = {
        "kind": decision.kind.value,
        "form": decision.form.value,
        "summary": decision.summary,
        "investigated": None,
        "fault": None,
        "injustice": None,
        "reasons": None,
    }
    if facts:
        findings = decision.findings
        row.update(
            investigated=findings.investigated,
            fault=_value(findings.fault),
            injustice=_value(findings.injustice),
            reasons="; ".join(str(_value(r)) for r in findings.reasons),
        )
    return row


def _value(member: Any) -> Any:
    return getattr(member, "value", member)


def _line(span: Span | None) -> int | None:
    return None if span is None else span.line


def _structure(decision: Decision, key: int, tables: dict[str, list[Record]]) -> None:
    from ._model import Paragraph

    sections, paragraphs = tables["sections"], tables["paragraphs"]

    def visit(section: Any, parent: int | None, depth: int) -> None:
        position = len(sections) + 1
        sections.append(
            {
                "decision": key,
                "position": position,
                "parent": parent,
                "depth": depth,
                "heading": section.heading,
                "kind": section.kind.value,
                "line": _line(section.span),
            }
        )
        for block in section.blocks:
            if isinstance(block, Paragraph):
                span = block.span
                paragraphs.append(
                    {
                        "decision": key,
                        "position": len(paragraphs) + 1,
                        "section": position,
                        "number": block.number,
                        "marker": block.marker,
                        "text": block.text,
                        "items": "\n".join(_item_texts(block.items)) or None,
                        "start": None if span is None else span.start,
                        "end": None if span is None else span.end,
                        "line": None if span is None else span.line,
                        "column": None if span is None else span.column,
                    }
                )
        for sub in section.subsections:
            visit(sub, position, depth + 1)

    for section in decision.sections:
        visit(section, None, 1)


def _item_texts(items: Iterable[Any]) -> Iterable[str]:
    for item in items:
        yield item.text
        yield from _item_texts(item.items)


class _Paragraphs:
    """Which paragraph an offset of the text falls in."""

    def __init__(self, decision: Decision) -> None:
        from ._model import Paragraph

        # Every block and heading starts a stretch of text; the stretches that
        # paragraphs start (with their nested items) belong to them.
        starts: list[tuple[int, int | None, int | None]] = []
        position = 0
        for section in decision.walk():
            if section.span is not None:
                starts.append((section.span.start, None, None))
            for block in section.blocks:
                owner: tuple[int | None, int | None] = (None, None)
                if isinstance(block, Paragraph):
                    position += 1
                    owner = (position, block.number)
                if block.span is not None:
                    starts.append((block.span.start, *owner))
        starts.sort(key=lambda start: start[0])
        self._offsets = [offset for offset, _, _ in starts]
        self._owners = [(position, number) for _, position, number in starts]

    def at(self, span: Span | None) -> tuple[int | None, int | None]:
        """The (position, website number) of the paragraph ``span`` starts in."""
        if span is None:
            return None, None
        index = bisect.bisect_right(self._offsets, span.start) - 1
        return self._owners[index] if index >= 0 else (None, None)


def _facts(decision: Decision, key: int, tables: dict[str, list[Record]]) -> None:
    where = _Paragraphs(decision)
    for position, remedy in enumerate(decision.remedies, 1):
        paragraph, number = where.at(remedy.span)
        deadline = remedy.deadline
        tables["remedies"].append(
            {
                "decision": key,
                "position": position,
                "paragraph": paragraph,
                "paragraph_number": number,
                "kind": remedy.kind.value,
                "amount": remedy.amount,
                "recipient": remedy.recipient,
                "deadline": None if deadline is None else str(deadline),
                "text": remedy.text,
                "line": _line(remedy.span),
            }
        )
    for position, citation in enumerate(decision.citations, 1):
        paragraph, number = where.at(citation.span)
        tables["citations"].append(
            {
                "decision": key,
                "position": position,
                "paragraph": paragraph,
                "paragraph_number": number,
                "kind": citation.kind.value,
                "title": citation.title,
                "year": citation.year,
                "provisions": "; ".join(citation.provisions) or None,
                "as_amended": citation.as_amended,
                "text": citation.text,
                "line": _line(citation.span),
            }
        )
    for position, reference in enumerate(decision.cross_references, 1):
        paragraph, number = where.at(reference.span)
        tables["cross_references"].append(
            {
                "decision": key,
                "position": position,
                "paragraph": paragraph,
                "paragraph_number": number,
                "text": reference.text,
                "number": reference.number,
                "found": reference.target is not None,
                "line": _line(reference.span),
            }
        )
    for position, party in enumerate(decision.parties, 1):
        tables["parties"].append(
            {
                "decision": key,
                "position": position,
                "name": party.name,
                "role": party.role.value,
                "mentions": party.mentions,
                "line": _line(party.span),
            }
        )


def plain(value: Any) -> Any:
    """A value as SQLite stores it: dates as ISO text, amounts as numbers, booleans as 0/1."""
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        whole = value == value.to_integral_value() and abs(value) < 2**63
        return int(value) if whole else float(value)
    if isinstance(value, bool):
        return int(value)
    return value
