"""The facts read from a decision: frozen attrs classes that know where they came from.

As in the document model, content takes part in equality and spans do not:
a fact read from a parsed statement equals the same fact read from the same
decision built in code.
"""

from __future__ import annotations

import decimal
import enum
from collections.abc import Iterable

import attrs

from .._layout import Span
from .._model import Paragraph


def _strings(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(values)


def _spans(values: Iterable[Span]) -> tuple[Span, ...]:
    return tuple(values)


class RemedyKind(enum.Enum):
    """What a remedy asks the authority to do."""

    APOLOGY = "apology"
    """An apology to the complainant (or to others affected)."""
    PAYMENT = "payment"
    """A payment, refund or reimbursement; ``Remedy.amount`` holds the sum when stated."""
    PROCEDURE_CHANGE = "procedure change"
    """A change of procedure, policy, guidance or practice (a service improvement)."""
    TRAINING = "training"
    """Training, briefing or reminding staff."""
    EVIDENCE_OF_COMPLIANCE = "evidence of compliance"
    """Sending the Ombudsman evidence, a copy or a report of what was done."""
    OTHER = "other"
    """Any other action, such as writing to the complainant or correcting a record."""


class CitationKind(enum.Enum):
    """What kind of document a citation names."""

    ACT = "act"
    """An Act of Parliament."""
    STATUTORY_GUIDANCE = "statutory guidance"
    """Statutory guidance and codes of practice."""
    REGULATION = "regulation"
    """Regulations, orders and rules (secondary legislation)."""
    OTHER = "other"
    """Other named guidance, such as the Ombudsman's own."""


class PartyRole(enum.Enum):
    """The part a person or body plays in the complaint."""

    COMPLAINANT = "complainant"
    """Named by title and letter (``Mrs X``) in the summary or the complaint section."""
    OTHER = "other"
    """Anyone else named by pseudonym: ``Y``, ``Child Q``, ``Council 2``, ``SW1``."""


@attrs.frozen
class Deadline:
    """When an agreed action is due, such as "within four weeks of my final decision".

    Attributes:
        count: How many units: ``4``.
        unit: The unit, singular: ``"day"``, ``"working day"``, ``"week"``,
            ``"month"`` or ``"year"``.
        runs_from: What the period runs from, normalised: ``"final decision"``,
            ``"decision"``, or the words as written in lower case; ``None`` when
            unstated ("within one month").
        text: The words as written.
        span: Where ``text`` stands in the source; ``None`` for decisions
            built in code.

    Examples:
        >>> str(Deadline(4, "week", "final decision", "within four weeks of my final decision"))
        'within 4 weeks of final decision'
    """

    count: int
    unit: str
    runs_from: str | None
    text: str
    span: Span | None = attrs.field(default=None, eq=False, repr=False)

    def __str__(self) -> str:
        plural = "" if self.count == 1 else "s"
        since = f" of {self.runs_from}" if self.runs_from else ""
        return f"within {self.count} {self.unit}{plural}{since}"


@attrs.frozen
class Remedy:
    """A remedy the authority agreed to (or was asked for).

    Attributes:
        kind: What the remedy is.
        amount: The sum in pounds, exactly as precise as written
            (``Decimal("10.50")``); ``None`` when no sum is stated.
        recipient: The pseudonym of the person it is for (``"Mrs Y"``), when
            the text names one.
        deadline: When it is due, stated in the same item or in the paragraph
            that introduces the list the item stands in.
        text: The sentence the remedy was read from.
        span: Where ``text`` stands in the source.

    Examples:
        >>> import lgo_parse
        >>> d = lgo_parse.parse(
        ...     "Example Council (23 013 577)\\n\\nAgreed action\\n\\n"
        ...     "  1. Within one month the Council will pay Mr X £150.\\n"
        ... )
        >>> [(r.kind.value, r.amount, r.recipient, str(r.deadline)) for r in d.remedies]
        [('payment', Decimal('150'), 'Mr X', 'within 1 month')]
    """

    kind: RemedyKind
    amount: decimal.Decimal | None = None
    recipient: str | None = None
    deadline: Deadline | None = None
    text: str = ""
    span: Span | None = attrs.field(default=None, eq=False, repr=False)


@attrs.frozen
class Citation:
    """A citation of legislation or guidance.

    Attributes:
        title: The title as written, without a leading "the" and with the year
            of an Act kept ("Local Government Act 1974"); for guidance, the
            title without its quotation marks or trailing year.
        year: The year of the Act or the edition of the guidance.
        kind: What kind of document it is.
        provisions: The provisions cited: bare numbers for sections
            (``"26A(1)"``), the unit's name otherwise (``"Part 7"``,
            ``"Schedule 5/5a, paragraph 4"``).
        as_amended: Whether the citation says "as amended".
        text: The citation as written.
        span: Where ``text`` stands in the source.

    Examples:
        >>> import lgo_parse
        >>> d = lgo_parse.parse(
        ...     "Example Council (23 013 577)\\n\\nWhat I found\\n\\n"
        ...     "  1. Section 47 of the Children Act 1989 applies.\\n"
        ... )
        >>> [(c.title, c.year, c.kind.value, c.provisions) for c in d.citations]
        [('Children Act 1989', 1989, 'act', ('47',))]
    """

    title: str
    year: int | None = None
    kind: CitationKind = CitationKind.ACT
    provisions: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    as_amended: bool = False
    text: str = ""
    span: Span | None = attrs.field(default=None, eq=False, repr=False)


@attrs.frozen
class CrossReference:
    """A reference to a paragraph of this statement, such as "paragraph ten".

    "paragraphs 3 to 5" gives one cross-reference per paragraph named, all with
    the same ``text`` and ``span``.

    Attributes:
        text: The reference as written.
        number: The paragraph number named.
        target: The paragraph it names; ``None`` when the decision has no
            paragraph with that website number (out of range, or the compact
            layout, where numbers cannot be told).
        span: Where ``text`` stands in the source.

    Examples:
        >>> import lgo_parse
        >>> d = lgo_parse.parse(
        ...     "Example Council (23 013 577)\\n\\nThe complaint\\n\\n  1. Mrs Y complains.\\n"
        ...     "  2. As paragraph one says, Mrs Y complains.\\n"
        ... )
        >>> [(r.text, r.number, r.target.text) for r in d.cross_references]
        [('paragraph one', 1, 'Mrs Y complains.')]
    """

    text: str
    number: int | None
    target: Paragraph | None = attrs.field(default=None, eq=False, repr=False)
    span: Span | None = attrs.field(default=None, eq=False, repr=False)

    @property
    def resolved(self) -> bool:
        """Whether ``target`` was found."""
        return self.target is not None


@attrs.frozen
class Party:
    """A person or body named by pseudonym: ``Mrs Y``, ``Y``, ``Child Q``, ``Council 2``.

    Attributes:
        name: The pseudonym, with single spaces and no full stop after a title.
        role: Complainant or other.
        mentions: How many times the name is written.
        spans: Where each mention stands in the source, in order; empty for
            decisions built in code.

    Examples:
        >>> import lgo_parse
        >>> d = lgo_parse.parse(
        ...     "Example Council (23 013 577)\\n\\nThe complaint\\n\\n  1. Mrs Y complains.\\n"
        ...     "  2. As paragraph one says, Mrs Y complains.\\n"
        ... )
        >>> [(p.name, p.role.value, p.mentions) for p in d.parties]
        [('Mrs Y', 'complainant', 2)]
    """

    name: str
    role: PartyRole = PartyRole.OTHER
    mentions: int = 0
    spans: tuple[Span, ...] = attrs.field(default=(), converter=_spans, eq=False, repr=False)

    @property
    def span(self) -> Span | None:
        """Where the name is first written, or ``None``."""
        return self.spans[0] if self.spans else None

    @property
    def text(self) -> str:
        """The name, so that every fact has a text."""
        return self.name
