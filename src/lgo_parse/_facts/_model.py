"""The facts read from a decision: frozen attrs classes that know where they came from.

As in the document model, content takes part in equality and spans do not:
a fact read from a parsed statement equals the same fact read from the same
decision built in code.
"""

from __future__ import annotations

import decimal
import enum
from collections.abc import Iterable, Iterator

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

    def label(self) -> str:
        """Describe the remedy in a few words.

        Examples:
            >>> Remedy(RemedyKind.PAYMENT, decimal.Decimal("250"), "Mr X").label()
            'payment £250 → Mr X'
        """
        label = self.kind.value
        if self.amount is not None:
            label += f" £{self.amount:f}"
        if self.recipient:
            label += f" → {self.recipient}"
        if self.deadline is not None:
            label += f", {self.deadline}"
        return label


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

    def label(self) -> str:
        """Describe the citation in a few words.

        Examples:
            >>> Citation("Care Act 2014", 2014, provisions=["9"]).label()
            'act: Care Act 2014 [9]'
        """
        label = f"{self.kind.value}: {self.title}"
        if self.year is not None and str(self.year) not in self.title:
            label += f" ({self.year})"
        if self.provisions:
            label += " [" + "; ".join(self.provisions) + "]"
        if self.as_amended:
            label += " as amended"
        return label


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

    def label(self) -> str:
        """Describe the reference in a few words.

        Examples:
            >>> CrossReference("paragraph 12", 12).label()
            '→ paragraph 12 (not found)'
        """
        return f"→ paragraph {self._target_label()}"

    def _target_label(self) -> str:
        return f"{self.number}" if self.resolved else f"{self.number} (not found)"


def cross_reference_marks(
    references: Iterable[CrossReference],
) -> Iterator[tuple[str, Span | None, str]]:
    """Yield ``(label, span, words)`` marks: "paragraphs 3 to 5" is marked once for its three."""
    groups: dict[tuple[str, Span | None, int], list[CrossReference]] = {}
    for index, reference in enumerate(references):
        key = (reference.text, reference.span, index if reference.span is None else -1)
        groups.setdefault(key, []).append(reference)
    for (text, span, _), group in groups.items():
        if len(group) == 1:
            yield group[0].label(), span, text
        else:
            targets = ", ".join(r._target_label() for r in group)
            yield f"→ paragraphs {targets}", span, text


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

    def label(self) -> str:
        """Describe the party in a few words.

        Examples:
            >>> Party("Mrs Y", PartyRole.COMPLAINANT, 2).label()
            'party Mrs Y (complainant, 2 mentions)'
        """
        plural = "" if self.mentions == 1 else "s"
        return f"party {self.name} ({self.role.value}, {self.mentions} mention{plural})"


class Fault(enum.Enum):
    """Whether the Ombudsman found fault (fault the authority accepted counts as found)."""

    FOUND = "found"
    """Fault, maladministration or service failure was found or accepted."""
    NOT_FOUND = "not found"
    """The Ombudsman found no fault."""


class Injustice(enum.Enum):
    """Whether the fault caused the complainant injustice."""

    CAUSED = "caused"
    """Injustice was caused (even if it has since been remedied)."""
    NOT_CAUSED = "not caused"
    """The fault caused no (significant) injustice."""


class Reason(enum.Enum):
    """Why the Ombudsman did not investigate, or stopped."""

    UNLIKELY_FAULT = "unlikely fault"
    """Not enough sign of fault to justify investigating."""
    NO_SIGNIFICANT_INJUSTICE = "no significant injustice"
    """No significant injustice, no worthwhile outcome, or nothing more to achieve."""
    ALREADY_REMEDIED = "already remedied"
    """The authority has remedied the complaint, or agreed to early."""
    COURT_OR_TRIBUNAL = "court or tribunal"
    """A court, tribunal, appeal or statutory review is or was available."""
    LATE = "late"
    """The complaint was made too late."""
    PREMATURE = "premature"
    """The authority's own complaints procedure has not finished."""
    OUTSIDE_JURISDICTION = "outside jurisdiction"
    """The law does not let the Ombudsman investigate it."""
    OTHER_BODY = "other body"
    """A regulator or another ombudsman is better placed."""
    OTHER = "other"
    """Any other reason given."""


@attrs.frozen
class Findings:
    """What the Ombudsman decided: investigated or not, fault, injustice, and why not.

    Each finding keeps the spans of the sentences it was read from (empty for
    decisions built in code, or when nothing was read).

    Attributes:
        investigated: ``False`` when the Ombudsman decided not to investigate,
            stopped, or closed the complaint after initial enquiries; ``True``
            when they investigated and reached findings; ``None`` when the
            text does not say.
        fault: Whether fault was found; ``None`` when not decided or not stated.
        injustice: Whether the fault caused injustice; ``None`` when not stated.
        reasons: Why the complaint was not investigated (only then).
        investigated_spans: Where ``investigated`` was read.
        fault_spans: Where ``fault`` was read.
        injustice_spans: Where ``injustice`` was read.
        reasons_spans: Where ``reasons`` were read.

    Examples:
        >>> import lgo_parse
        >>> d = lgo_parse.parse(
        ...     "Example Council (23 013 577)\\n\\nSummary: We will not investigate "
        ...     "Mr X's complaint because it is late.\\n"
        ... )
        >>> f = d.findings
        >>> f.investigated, f.fault, [r.value for r in f.reasons]
        (False, None, ['late'])
    """

    investigated: bool | None = None
    fault: Fault | None = None
    injustice: Injustice | None = None
    reasons: tuple[Reason, ...] = ()
    investigated_spans: tuple[Span, ...] = attrs.field(
        default=(), converter=_spans, eq=False, repr=False
    )
    fault_spans: tuple[Span, ...] = attrs.field(default=(), converter=_spans, eq=False, repr=False)
    injustice_spans: tuple[Span, ...] = attrs.field(
        default=(), converter=_spans, eq=False, repr=False
    )
    reasons_spans: tuple[Span, ...] = attrs.field(
        default=(), converter=_spans, eq=False, repr=False
    )

    def label(self) -> str:
        """Describe the findings in a few words.

        Examples:
            >>> Findings(True, Fault.FOUND, Injustice.CAUSED).label()
            'investigated, fault found, injustice caused'
            >>> Findings(False, reasons=(Reason.LATE,)).label()
            'not investigated (late)'
        """
        if self.investigated is None:
            parts = ["investigation not stated"]
        elif self.investigated:
            parts = ["investigated"]
        else:
            reasons = ", ".join(r.value for r in self.reasons)
            parts = ["not investigated" + (f" ({reasons})" if reasons else "")]
        if self.fault is not None:
            parts.append(f"fault {self.fault.value}")
        if self.injustice is not None:
            parts.append(f"injustice {self.injustice.value}")
        return ", ".join(parts)

    def marks(self) -> Iterator[tuple[str, Span | None, str]]:
        """Yield ``(label, span, words)`` for each sentence a finding was read from."""
        if self.investigated is not None:
            said = "investigated" if self.investigated else "not investigated"
            for span in self.investigated_spans:
                yield said, span, ""
        if self.fault is not None:
            for span in self.fault_spans:
                yield f"fault {self.fault.value}", span, ""
        if self.injustice is not None:
            for span in self.injustice_spans:
                yield f"injustice {self.injustice.value}", span, ""
        reasons = ", ".join(r.value for r in self.reasons)
        for span in self.reasons_spans:
            yield f"reason: {reasons}", span, ""
