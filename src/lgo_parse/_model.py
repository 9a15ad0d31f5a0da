"""The typed model of a decision statement: frozen attrs classes.

Content takes part in equality; layout (how the text was written) and spans
(where it was written) do not. See ``lgo_parse._layout``.
"""

from __future__ import annotations

import datetime
import enum
import functools
import re
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any, TypeAlias, Union

import attrs

from ._layout import DecisionLayout, LineLayout, RawLine, Span

if TYPE_CHECKING:
    # Types only: the model never imports the fact finders (see ``install_fact_provider``).
    from ._facts import Citation, CrossReference, Findings, Party, Remedy

_REFERENCE = re.compile(r"(\d{2}) (\d{3}) (\d{3})([a-z]?)")


_REFERENCE_WRITTEN = re.compile(r"(\d\d)[ \u00a0-]?(\d\d\d)[ \u00a0-]?(\d\d\d[a-z]?)")


def reference_text(written: str) -> str | None:
    """The reference a text writes ("15 004 321", "15-004-321", NBSP or no spaces), or None.

    Examples:
        >>> reference_text("15\u00a0004\u00a0321"), reference_text("15 0")
        ('15 004 321', None)
    """
    match = _REFERENCE_WRITTEN.fullmatch(written.strip())
    return " ".join(match.groups()) if match else None


def _check_reference(_: object, __: attrs.Attribute[str], value: str) -> None:
    if not _REFERENCE.fullmatch(value):
        raise ValueError(f"a reference looks like '23 013 577', not {value!r}")


@attrs.frozen
class Reference:
    """The Ombudsman's case reference, such as ``23 013 577``.

    Attributes:
        text: The reference with single spaces, as printed in the title.

    Examples:
        >>> ref = Reference("23 013 577")
        >>> str(ref), ref.year, ref.slug
        ('23 013 577', 2023, '23-013-577')
    """

    text: str = attrs.field(validator=_check_reference)

    def __str__(self) -> str:
        return self.text

    @property
    def year(self) -> int:
        """The year the complaint was received, from the first two digits.

        Two-digit years below 70 are read as 20xx, the rest as 19xx.
        """
        yy = int(self.text[:2])
        return 2000 + yy if yy < 70 else 1900 + yy

    @property
    def slug(self) -> str:
        """The reference as the website's URLs write it: ``23-013-577``."""
        return self.text.replace(" ", "-")


@attrs.frozen
class Category:
    """The ``Category`` header field, such as ``Adult care services > Charging``.

    Attributes:
        text: The category as written.

    Examples:
        >>> cat = Category("Children's care services > Other")
        >>> cat.path
        ("Children's care services", 'Other')
        >>> str(cat)
        "Children's care services > Other"
    """

    text: str

    def __str__(self) -> str:
        return self.text

    @property
    def path(self) -> tuple[str, ...]:
        """The levels of the category, top level first."""
        return tuple(part.strip() for part in self.text.split(">"))

    @property
    def top(self) -> str:
        """The top level, such as ``Adult care services``."""
        return self.path[0]


class OutcomeKind(enum.Enum):
    """The normalised outcome of a decision, read from the ``Decision`` header field.

    The text is compared in lower case with its spaces normalised, by how it
    starts, so "Upheld: fault and injustice" is ``UPHELD``.

    Examples:
        >>> from lgo_parse import Outcome, OutcomeKind
        >>> Outcome("Upheld: fault and injustice").kind is OutcomeKind.UPHELD
        True
        >>> Outcome("Closed after initial enquiries").kind
        <OutcomeKind.CLOSED_AFTER_INITIAL_ENQUIRIES: 'closed after initial enquiries'>
        >>> Outcome("Withdrawn").kind
        <OutcomeKind.OTHER: 'other'>
    """

    UPHELD = "upheld"
    """The Ombudsman upheld the complaint: it found fault."""
    NOT_UPHELD = "not upheld"
    """The Ombudsman found no fault."""
    CLOSED_AFTER_INITIAL_ENQUIRIES = "closed after initial enquiries"
    """The complaint was closed without a full investigation."""
    OTHER = "other"
    """Any other outcome; ``Outcome.text`` keeps the words."""


@attrs.frozen
class Outcome:
    """The ``Decision`` header field.

    Attributes:
        text: The outcome as written, such as ``Upheld``.

    Examples:
        >>> Outcome("Not upheld: no fault").kind
        <OutcomeKind.NOT_UPHELD: 'not upheld'>
    """

    text: str

    def __str__(self) -> str:
        return self.text

    @property
    def kind(self) -> OutcomeKind:
        """The outcome normalised.

        [`OutcomeKind.OTHER`][lgo_parse.OutcomeKind.OTHER] when the text is not recognised.
        """
        words = " ".join(self.text.lower().split())
        for kind in (
            OutcomeKind.NOT_UPHELD,
            OutcomeKind.UPHELD,
            OutcomeKind.CLOSED_AFTER_INITIAL_ENQUIRIES,
        ):
            if words.startswith(kind.value):
                return kind
        return OutcomeKind.OTHER


class SectionKind(enum.Enum):
    """What a section is about, read from its heading.

    The heading is matched with the grammar's own heading patterns, so the
    wording may vary ("What I found", "What we have found", "Findings"), case
    does not matter, a trailing colon or full stop is allowed, and apostrophes
    may be curly or straight. A heading that matches none is ``OTHER``, as
    lettered headings ("A) The Council failed ...") are.

    Examples:
        >>> from lgo_parse import Section, SectionKind
        >>> Section("What we have found").kind
        <SectionKind.FINDINGS: 'findings'>
        >>> Section("A) The Council failed to act").kind is SectionKind.OTHER
        True
    """

    COMPLAINT = "complaint"
    """Headed "The complaint" (or "Complaint", "The complaints")."""
    INVESTIGATED = "investigated"
    """Headed "What I have investigated", "What I have and have not investigated" and the like.

    "What I have not investigated" is of this kind too.
    """
    ROLE_AND_POWERS = "role and powers"
    """Headed "The Ombudsman’s role and powers", "The Ombudsman’s role" or "Our role and powers"."""
    HOW_CONSIDERED = "how considered"
    """Headed "How I considered this complaint" (or "How we considered your complaint")."""
    FINDINGS = "findings"
    """Headed "What I found", "What we have found", "Finding", "Findings" or "My findings"."""
    ASSESSMENT = "assessment"
    """Headed "My assessment" or "Our assessment"."""
    AGREED_ACTION = "agreed action"
    """Headed "Agreed action" or "Agreed actions"."""
    FINAL_DECISION = "final decision"
    """Headed "Final decision" or "Decision"."""
    RECOMMENDED_ACTION = "recommended action"
    """Headed "Recommended action" (drafts) or "Recommendations" (report summaries)."""
    DRAFT_DECISION = "draft decision"
    """Headed "Draft decision": a draft's counterpart of the final decision."""
    NOT_INVESTIGATED = "not investigated"
    """Headed "Parts of the complaint that I did not investigate" and the like."""
    BACKGROUND = "background"
    """Headed "Background", "The background" or "Complaint background"."""
    LEGAL_BACKGROUND = "legal background"
    """Headed "Legal and administrative background", "Legislation and guidance" or "Relevant law".

    Other wordings are of this kind too, such as "Legislative background", "Law and
    guidance" or "Relevant legislation and policy".
    """
    WHAT_HAPPENED = "what happened"
    """Headed "What happened", alone or followed by words; usually inside the findings."""
    ANALYSIS = "analysis"
    """Headed "Analysis", alone or followed by words."""
    INJUSTICE = "injustice"
    """Headed "Injustice", alone or followed by words."""
    OTHER = "other"
    """Any other heading, and the content before the first heading."""


class DocumentKind(enum.Enum):
    """What kind of document a text is.

    Examples:
        >>> import lgo_parse
        >>> d = lgo_parse.parse(
        ...     "Example Council (23 013 577)\\n"
        ...     "The Ombudsman’s draft decision\\nSummary: Mr X complains.\\n"
        ... )
        >>> d.kind
        <DocumentKind.DRAFT: 'draft'>
    """

    STATEMENT = "statement"
    """A decision statement: the Ombudsman's final decision."""
    DRAFT = "draft"
    """A draft decision, sent for comments before the final decision: not a final decision."""
    REPORT_SUMMARY = "report summary"
    """The website's summary page of a public interest report, not a statement."""


class Form(enum.Enum):
    """The form of text a decision was read from, or is written in.

    Every form reads into the same model; the form says how the text was laid
    out, and so how paragraphs are numbered and how the decision is written
    back. See the documentation's page on forms.

    Examples:
        >>> import lgo_parse
        >>> lgo_parse.parse("The Ombudsman's final decision\\nSummary: Mr X complains.\\n").form
        <Form.COPY: 'copy'>
    """

    WEB = "web"
    """The website's text: blank lines, indented numbered paragraphs, ``Back to top``."""
    COMPACT = "compact"
    """The website's text with every list entry a ``- `` line and no blank lines."""
    COPY = "copy"
    """A copy on another website: no title line, paragraphs as plain lines."""
    SCRAPED = "scraped"
    """Scraper output: header labels and values on separate lines, paragraphs as plain lines."""
    LETTER = "letter"
    """The decision document (letter or PDF): labelled fields, paragraphs numbered as written."""


class ItemKind(enum.Enum):
    """What kind of marker a list entry has.

    Examples:
        >>> from lgo_parse import ListItem
        >>> [ListItem("x", marker=m).kind.value for m in ("1.", "(a)", "•", "-")]
        ['numbered', 'numbered', 'bullet', 'dash']
    """

    NUMBERED = "numbered"
    """``1.``, ``a)``, ``(ii)`` and the like."""
    BULLET = "bullet"
    """``•`` and other bullet characters."""
    DASH = "dash"
    """``-``: in the compact layout both numbered paragraphs and bullets look like this."""
    PLAIN = "plain"
    """No marker: copies and scraper output write paragraphs as plain lines."""


BULLET_MARKERS = "•◦▪‣●○■□·∙⁃"
_MARKER = re.compile(
    rf"|-|[{BULLET_MARKERS}]|\d{{1,3}}[.)]|[a-z][.)]|[ivx]{{1,6}}[.)]|\((?:\d{{1,3}}|[a-z]|[ivx]{{1,6}})\)"
)


def _check_line(what: str, text: str, *, empty: bool) -> None:
    """Refuse a text that cannot be written on one line and read back the same.

    A node built in code is written on a line of its own (after a marker or a
    label): a line break would split it, and white space at either end would
    be read as layout.
    """
    if "\n" in text:
        raise ValueError(f"{what} is written on one line: no line breaks in {text!r}")
    if text != text.strip():
        raise ValueError(f"{what} cannot start or end with white space: {text!r}")
    if not empty and not text:
        raise ValueError(f"{what} cannot be empty (an empty line is a blank line)")


def _check_entry(what: str, text: str, marker: str) -> None:
    _check_line(what, text, empty=True)
    if not _MARKER.fullmatch(marker):
        raise ValueError(
            f"{what}'s marker is a number or letter ('1.', 'a)', '(iv)'), a bullet ('•'), "
            f"'-' or '' (none), not {marker!r}"
        )


# Typed converters: let callers pass lists, keep tuples (hashable, immutable).
def _items(items: Iterable[ListItem]) -> tuple[ListItem, ...]:
    return tuple(items)


def _blocks(blocks: Iterable[Block]) -> tuple[Block, ...]:
    return tuple(blocks)


def _sections(sections: Iterable[Section]) -> tuple[Section, ...]:
    return tuple(sections)


def _lines(lines: Iterable[LooseLine]) -> tuple[LooseLine, ...]:
    return tuple(lines)


def _item_kind(marker: str) -> ItemKind:
    if not marker:
        return ItemKind.PLAIN
    if marker == "-":
        return ItemKind.DASH
    if marker in BULLET_MARKERS:
        return ItemKind.BULLET
    return ItemKind.NUMBERED


@attrs.frozen
class ListItem:
    """A bullet or numbered entry nested in a list, or a bullet at the paragraph level.

    Attributes:
        text: The item's text.
        marker: The marker exactly as written: ``•``, ``1.``, ``-``, ...
        items: Items nested one level deeper.
        layout: How the line was written (``None`` for items built in code).
        span: Where ``text`` stands in the source.

    Examples:
        >>> from lgo_parse import ListItem, Paragraph
        >>> items = [ListItem("apologise;"), ListItem("pay £100.")]
        >>> p = Paragraph("The Council will:", items=items)
        >>> [(item.marker, item.kind.value, item.text) for item in p.items]
        [('•', 'bullet', 'apologise;'), ('•', 'bullet', 'pay £100.')]
    """

    text: str
    marker: str = "•"
    items: tuple[ListItem, ...] = attrs.field(default=(), converter=_items)
    layout: LineLayout | None = attrs.field(default=None, eq=False, repr=False)
    span: Span | None = attrs.field(default=None, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        if self.layout is None:  # built in code: refuse what no text could say
            _check_entry("a list item", self.text, self.marker)

    @property
    def kind(self) -> ItemKind:
        """Whether the marker is a number, a bullet or a compact dash."""
        return _item_kind(self.marker)


@attrs.frozen
class Paragraph:
    """A top-level numbered paragraph (or a compact ``- `` item) and the items nested under it.

    Attributes:
        text: The paragraph's text.
        marker: The marker as written in the source: ``1.`` (lists restart at 1
            in the text) or ``-`` in the compact layout.
        items: Bullets and sub-lists nested under it.
        number: The paragraph's number on the Ombudsman's website, counted
            through the whole statement; set when the
            [`Decision`][lgo_parse.Decision] is built. ``None`` when the text
            cannot tell it.
        unnumbered_reason: Why ``number`` is ``None``.
        layout: How the line was written (``None`` when built in code).
        span: Where ``text`` stands in the source.

    Examples:
        >>> import lgo_parse
        >>> d = lgo_parse.parse(
        ...     "Example Council (23 013 577)\\n\\nThe complaint\\n\\n  1. Mr X complains.\\n"
        ...     "\\nBack to top\\n\\nFinal decision\\n\\n  1. I have completed my investigation.\\n"
        ... )
        >>> p = d.paragraph(2)
        >>> p.marker, p.number, p.text
        ('1.', 2, 'I have completed my investigation.')
    """

    text: str
    marker: str = "1."
    items: tuple[ListItem, ...] = attrs.field(default=(), converter=_items)
    number: int | None = None
    unnumbered_reason: str | None = None
    layout: LineLayout | None = attrs.field(default=None, eq=False, repr=False)
    span: Span | None = attrs.field(default=None, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        if self.layout is None:  # built in code: refuse what no text could say
            _check_entry("a paragraph", self.text, self.marker)

    @property
    def kind(self) -> ItemKind:
        """Whether the marker is a number or a compact dash."""
        return _item_kind(self.marker)


@attrs.frozen
class LooseLine:
    """An unnumbered line standing alone between blocks: a citation, a sentence, a quote.

    Also used for website chrome before and after the statement.

    Attributes:
        text: The line's text.
        layout: How the line was written.
        span: Where ``text`` stands in the source.

    Examples:
        >>> import lgo_parse
        >>> d = lgo_parse.parse(
        ...     "Example Council (23 013 577)\\n\\nThe complaint\\n\\n  1. Mr X complains.\\n\\n"
        ...     "(Local Government Act 1974, section 26(1))\\n"
        ... )
        >>> d.sections[0].blocks[-1]
        LooseLine(text='(Local Government Act 1974, section 26(1))')
    """

    text: str
    layout: LineLayout | None = attrs.field(default=None, eq=False, repr=False)
    span: Span | None = attrs.field(default=None, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        if self.layout is None:  # built in code: refuse what no text could say
            _check_line("a loose line", self.text, empty=False)


Block: TypeAlias = Union[Paragraph, ListItem, LooseLine]  # noqa: UP007 - a runtime alias on 3.10
"""A section's content: numbered paragraphs, paragraph-level bullets and loose lines."""


@attrs.frozen
class SectionLayout:
    """How a section's heading was written, with the ``Back to top`` lines before it."""

    heading: LineLayout = attrs.field(factory=LineLayout)
    separators: tuple[RawLine, ...] = ()


@attrs.frozen
class Section:
    """A section: a heading, its content blocks in order, and its sub-sections.

    Attributes:
        heading: The heading exactly as written; ``None`` only for content that
            stands before the statement's first heading.
        blocks: Paragraphs, paragraph-level bullets and loose lines, in order.
        subsections: Sub-sections under free headings such as "What happened".
        layout: How the heading was written (``None`` when built in code).
        span: Where the heading stands in the source.

    Examples:
        >>> from lgo_parse import Paragraph, Section
        >>> s = Section(
        ...     "What I found",
        ...     [Paragraph("The Council was at fault.")],
        ...     subsections=[Section("What happened", [Paragraph("Mr X complained.")])],
        ... )
        >>> s.kind, [sub.kind for sub in s.subsections]
        (<SectionKind.FINDINGS: 'findings'>, [<SectionKind.WHAT_HAPPENED: 'what happened'>])
        >>> [p.text for p in s.paragraphs]
        ['The Council was at fault.', 'Mr X complained.']
    """

    heading: str | None
    blocks: tuple[Block, ...] = attrs.field(default=(), converter=_blocks)
    subsections: tuple[Section, ...] = attrs.field(default=(), converter=_sections)
    layout: SectionLayout | None = attrs.field(default=None, eq=False, repr=False)
    span: Span | None = attrs.field(default=None, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        if self.layout is None and self.heading is not None:  # built in code
            _check_line("a heading", self.heading, empty=False)
            from ._headings import reads_as_heading

            if not reads_as_heading(self.heading):
                raise ValueError(
                    f"a heading must read as one: a short line with no full stop, comma or "
                    f"semicolon (or a recognised heading, or 'A) ...'), not {self.heading!r}"
                )

    @property
    def kind(self) -> SectionKind:
        """What the section is about, read from its heading.

        See [`SectionKind`][lgo_parse.SectionKind] for the headings of each kind.
        """
        if self.heading is None:
            return SectionKind.OTHER
        from ._headings import heading_kind

        return SectionKind[heading_kind(self.heading)]

    def walk(self) -> Iterator[Section]:
        """Yield this section and then its sub-sections, in order."""
        yield self
        yield from self.subsections

    @property
    def paragraphs(self) -> tuple[Paragraph, ...]:
        """The top-level paragraphs of this section and its sub-sections, in order."""
        return tuple(b for s in self.walk() for b in s.blocks if isinstance(b, Paragraph))


def _sections_tuple(sections: Iterable[Section]) -> tuple[Section, ...]:
    return tuple(sections)


@attrs.frozen
class Decision:
    """A decision statement of the Local Government and Social Care Ombudsman.

    Build one with [`lgo_parse.parse`][lgo_parse.parse], or in code; paragraph
    numbers are assigned on construction either way.

    Attributes:
        authority: The organisation complained about, from the title line.
        reference: The case reference from the title line.
        category: The ``Category`` header field.
        outcome: The ``Decision`` header field.
        decision_date: The ``Decision date`` header field; ``None`` when absent
            or not a real date (the text as written is kept for rendering).
        summary: The text after ``Summary:``.
        sections: The top-level sections in order.
        signature: The closing line: the signature, such as "Investigator's
            decision on behalf of the Ombudsman", or on a report summary page
            "Ombudsman satisfied with council's response: 12 May 2017".
        chrome_before: Website text before the title (print links, logos).
        chrome_after: Website text after the signature (cookie notices).
        kind: A statement, a draft or a report summary page.
        form: The form of text it was read from (or is written in): the
            website's text, a copy, scraper output, a decision letter. Paragraph
            numbers follow it: the letter numbers paragraphs as written, the
            website counts them through the statement. Like layout, it takes
            no part in equality: the same statement read from a copy and from
            the website is equal where the two say the same.
        layout: How the statement was written (``None`` when built in code).
        summary_span: Where ``summary`` stands in the source.
        title_span: Where the title line stands in the source.

    Examples:
        >>> import lgo_parse
        >>> d = lgo_parse.Decision(
        ...     authority="Example Council",
        ...     reference=lgo_parse.Reference("23 013 577"),
        ...     sections=[
        ...         lgo_parse.Section("The complaint", [lgo_parse.Paragraph("Mr X complains.")])
        ...     ],
        ... )
        >>> d.paragraph(1).text
        'Mr X complains.'
    """

    authority: str | None = None
    reference: Reference | None = None
    category: Category | None = None
    outcome: Outcome | None = None
    decision_date: datetime.date | None = None
    summary: str | None = None
    sections: tuple[Section, ...] = attrs.field(default=(), converter=_sections_tuple)
    signature: str | None = None
    chrome_before: tuple[LooseLine, ...] = attrs.field(default=(), converter=_lines)
    chrome_after: tuple[LooseLine, ...] = attrs.field(default=(), converter=_lines)
    kind: DocumentKind = DocumentKind.STATEMENT
    form: Form = attrs.field(default=Form.WEB, eq=False)
    layout: DecisionLayout | None = attrs.field(default=None, eq=False, repr=False)
    summary_span: Span | None = attrs.field(default=None, eq=False, repr=False)
    title_span: Span | None = attrs.field(default=None, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        from ._numbering import number_paragraphs

        object.__setattr__(self, "sections", number_paragraphs(self.sections, self.form))

    def walk(self) -> Iterator[Section]:
        """Yield every section and sub-section in document order."""
        for section in self.sections:
            yield from section.walk()

    @functools.cached_property
    def paragraphs(self) -> tuple[Paragraph, ...]:
        """Every top-level paragraph in document order."""
        return tuple(b for s in self.walk() for b in s.blocks if isinstance(b, Paragraph))

    @functools.cached_property
    def _by_number(self) -> dict[int, Paragraph]:
        return {p.number: p for p in self.paragraphs if p.number is not None}

    def paragraph(self, number: int) -> Paragraph:
        """Return the paragraph with this website number.

        Args:
            number: The paragraph's number on the website, counted through the
                whole statement.

        Returns:
            The paragraph.

        Raises:
            KeyError: No paragraph has that number (or the layout cannot tell
                paragraph numbers, as in the compact layout).
        """
        try:
            return self._by_number[number]
        except KeyError:
            raise KeyError(f"this decision has no paragraph {number}") from None

    @property
    def response_date(self) -> datetime.date | None:
        """The date in a report summary page's closing line, or ``None``.

        A report summary page ends "Ombudsman satisfied with council's
        response: 12 May 2017" (kept as the decision's ``signature``): the
        date the Ombudsman was satisfied the authority had done what it agreed.

        Examples:
            >>> import lgo_parse
            >>> d = lgo_parse.parse(
            ...     "Example Council (16 004 223)\\nDecision : Upheld\\nSummary\\n"
            ...     "Mrs X complained.\\n"
            ...     "Ombudsman satisfied with council's response: 12 May 2017\\n"
            ... )
            >>> d.kind.value, d.response_date
            ('report summary', datetime.date(2017, 5, 12))
        """
        if self.kind is not DocumentKind.REPORT_SUMMARY or not self.signature:
            return None
        from ._dates import parse_decision_date

        return parse_decision_date(self.signature.rpartition(":")[2])

    def section(self, kind: SectionKind) -> Section | None:
        """Return the first section or sub-section of this kind, or ``None``.

        Args:
            kind: The kind of section wanted.

        Returns:
            The first section or sub-section of that kind in document order, or
            ``None``.

        Examples:
            >>> from lgo_parse import Decision, Section, SectionKind
            >>> s = Section("Agreed action")
            >>> d = Decision(sections=[Section("The complaint"), s])
            >>> d.section(SectionKind.AGREED_ACTION) is s, d.section(SectionKind.FINDINGS)
            (True, None)
        """
        return next((s for s in self.walk() if s.kind is kind), None)

    def to_dict(self, *, facts: bool = True) -> dict[str, Any]:
        """Return the decision as JSON-ready data (see the published JSON Schema).

        Args:
            facts: Include remedies, citations, cross-references and parties.

        Returns:
            A dict of JSON-ready values (str, int, bool, None, lists and dicts).
        """
        to_dict: Callable[..., dict[str, Any]] = _service("to_dict")
        return to_dict(self, facts=facts)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Decision:
        """Build a decision from [`to_dict`][lgo_parse.Decision.to_dict] data.

        The content survives the round trip: ``Decision.from_dict(d.to_dict()) == d``.

        Args:
            data: A dict as written by ``to_dict`` (or read back from its JSON).

        Returns:
            The decision.

        Raises:
            ValueError: The data is of another major schema version, or is not
                shaped like decision data.
        """
        from_dict: Callable[[dict[str, Any]], Decision] = _service("from_dict")
        return from_dict(data)

    @functools.cached_property
    def _fact_cache(self) -> dict[str, Any]:
        # Per-decision scratch space for the fact provider: the shared
        # sentence split and the facts already read. Not content.
        return {}

    @property
    def findings(self) -> Findings:
        """Whether the complaint was investigated, fault, injustice and reasons, read on first use.

        See [`Findings`][lgo_parse.Findings] for an example.
        """
        value: Findings = _fact(self, "findings")
        return value

    @property
    def remedies(self) -> tuple[Remedy, ...]:
        """The remedies the authority agreed to or was asked for, read on first use.

        See [`Remedy`][lgo_parse.Remedy] for an example.
        """
        value: tuple[Remedy, ...] = _fact(self, "remedies")
        return value

    @property
    def citations(self) -> tuple[Citation, ...]:
        """Citations of legislation and guidance, read on first use.

        See [`Citation`][lgo_parse.Citation] for an example.
        """
        value: tuple[Citation, ...] = _fact(self, "citations")
        return value

    @property
    def cross_references(self) -> tuple[CrossReference, ...]:
        """References to paragraphs of this statement, read on first use.

        See [`CrossReference`][lgo_parse.CrossReference] for an example.
        """
        value: tuple[CrossReference, ...] = _fact(self, "cross_references")
        return value

    @property
    def parties(self) -> tuple[Party, ...]:
        """Complainants and other parties named by pseudonym, read on first use.

        See [`Party`][lgo_parse.Party] for an example.
        """
        value: tuple[Party, ...] = _fact(self, "parties")
        return value


# -- facts -------------------------------------------------------------------
# The model does not know how facts are read: the facts package installs a
# provider when ``lgo_parse`` is imported, so this module imports nothing
# from it (no import cycle) and a new fact needs no change here beyond its
# property.
FactProvider: TypeAlias = Callable[[Decision, str], Any]
"""Reads the fact called ``name`` from a decision: ``provider(decision, name)``."""

_fact_provider: list[FactProvider] = []


def install_fact_provider(provider: FactProvider) -> None:
    """Set the function that reads facts for ``Decision``'s fact properties."""
    _fact_provider[:] = [provider]


# Serialisation likewise: ``lgo_parse._serialize`` installs the functions
# behind ``Decision.to_dict`` and ``Decision.from_dict``.
_services: dict[str, Callable[..., Any]] = {}


def install_service(name: str, function: Callable[..., Any]) -> None:
    """Set the function behind a ``Decision`` convenience (``"to_dict"``, ``"from_dict"``)."""
    _services[name] = function


def _service(name: str) -> Callable[..., Any]:
    try:
        return _services[name]
    except KeyError:  # pragma: no cover - lgo_parse/__init__ installs them
        raise RuntimeError(f"import lgo_parse to use Decision.{name}") from None


_UNREAD: Any = object()
"""In the fact cache's place for a fact not read yet (a fact may be any value)."""


def _fact(decision: Decision, name: str) -> Any:
    cache = decision._fact_cache
    # A look-up, not ``try``: each fact is read once, and a caught ``KeyError`` costs more.
    value = cache.get(name, _UNREAD)
    if value is not _UNREAD:
        return value
    if not _fact_provider:  # pragma: no cover - lgo_parse/__init__ installs it
        raise RuntimeError("import lgo_parse to read facts")
    value = cache[name] = _fact_provider[0](decision, name)
    return value


__all__ = [
    "BULLET_MARKERS",
    "Block",
    "Category",
    "Decision",
    "DocumentKind",
    "Form",
    "ItemKind",
    "ListItem",
    "LooseLine",
    "Outcome",
    "OutcomeKind",
    "Paragraph",
    "Reference",
    "Section",
    "SectionKind",
    "SectionLayout",
]
