"""The registry of facts: what each fact is called, which finder reads it, how it is shown.

A fact is one finder module plus one ``FactKind`` here. The rest follows from
the registry: the ``Decision`` property reads it through the provider the
facts package installs in the model, ``to_dict`` writes every registered fact
(``lgo_parse._serialize.FACTS``), the JSON Schema's fact properties are
generated from each kind's ``schema`` and ``definitions`` (a test keeps the
shipped schema equal to them), and ``dump`` marks each fact with its own
label.

Finders load on first use: the registry names a finder by module and
function, so ``import lgo_parse`` never compiles their patterns.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Iterable, Iterator
from typing import Any, Protocol

import attrs

from .._layout import Span
from .._model import Decision
from ._model import cross_reference_marks
from ._text import Context, context_of

Mark = tuple[str, "Span | None", str]
"""``(label, span, words)``: what ``dump`` wraps in ``⟦label│words⟧``."""


class Finder(Protocol):
    """Reads one fact from the decision's shared reading.

    A finder walks ``context.passages`` (or the decision's sections) and
    splits texts into sentences with ``context.sentences``, which every finder
    shares, so no finder splits a text again.
    """

    def __call__(self, context: Context) -> Any: ...  # pragma: no cover - a protocol


def _each_fact(facts: Iterable[Any]) -> Iterator[Mark]:
    for fact in facts:
        yield fact.label(), fact.span, fact.text


def _findings_marks(findings: Any) -> Iterator[Mark]:
    yield from findings.marks()


@attrs.frozen
class FactKind:
    """A registered fact.

    Attributes:
        name: The ``Decision`` property and the ``to_dict`` key: ``"remedies"``.
        title: A heading for lists of this fact: ``"Remedies"``.
        module: The finder's module, relative to this package.
        function: The finder's name in that module (a ``Finder``).
        schema: The JSON Schema of the property.
        definitions: The ``$defs`` the property's schema refers to.
        marks: Turns the fact's value into ``dump`` marks.
    """

    name: str
    title: str
    module: str
    function: str
    schema: dict[str, Any]
    definitions: dict[str, Any] = attrs.field(factory=dict)
    marks: Callable[[Any], Iterator[Mark]] = _each_fact

    def finder(self) -> Finder:
        """Return the finder, importing its module on first use.

        Looked up on every read (in ``sys.modules`` once imported: ``import_module``
        costs microseconds a call), so a finder replaced in its module is the one used.
        """
        module = sys.modules.get(f"{__package__}{self.module}")
        if module is None:
            module = importlib.import_module(self.module, __package__)
        found: Finder = getattr(module, self.function)
        return found

    def read(self, decision: Decision) -> Any:
        """Read this fact from a decision, through its shared reading."""
        return self.finder()(context_of(decision))


def _nullable(schema: dict[str, Any]) -> dict[str, Any]:
    return {"oneOf": [schema, {"type": "null"}]}


_SPANS = {"type": "array", "items": {"$ref": "#/$defs/span"}}
_DERIVED = "Present unless facts were turned off."

REGISTRY: tuple[FactKind, ...] = (
    FactKind(
        name="findings",
        title="Findings",
        module="._findings",
        function="read_findings",
        schema={
            "description": "Derived (added in 1.1): whether the complaint was investigated, "
            f"fault, injustice and the reasons for not investigating. {_DERIVED}",
            "$ref": "#/$defs/findings",
        },
        definitions={
            "findings": {
                "description": "What the Ombudsman decided, with the spans of the sentences "
                "each finding was read from.",
                "type": "object",
                "properties": {
                    "investigated": {"type": ["boolean", "null"]},
                    "fault": {"enum": ["found", "not found", None]},
                    "injustice": {"enum": ["caused", "not caused", None]},
                    "reasons": {
                        "type": "array",
                        "items": {
                            "enum": [
                                "unlikely fault",
                                "no significant injustice",
                                "already remedied",
                                "court or tribunal",
                                "late",
                                "premature",
                                "outside jurisdiction",
                                "other body",
                                "other",
                            ]
                        },
                    },
                    "investigated_spans": _SPANS,
                    "fault_spans": _SPANS,
                    "injustice_spans": _SPANS,
                    "reasons_spans": _SPANS,
                },
                "required": ["investigated", "fault", "injustice", "reasons"],
            }
        },
        marks=_findings_marks,
    ),
    FactKind(
        name="remedies",
        title="Remedies",
        module="._remedies",
        function="read_remedies",
        schema={
            "description": "Derived: remedies the authority agreed to or was asked for. "
            + _DERIVED,
            "type": "array",
            "items": {"$ref": "#/$defs/remedy"},
        },
        definitions={
            "remedy": {
                "description": "A remedy: an apology, a payment, a review of procedures, ...",
                "$ref": "#/$defs/fact",
                "properties": {
                    "kind": {
                        "description": "Such as 'apology', 'payment', 'procedure change', "
                        "'training', 'evidence of compliance' or 'other'.",
                        "type": "string",
                    },
                    "amount": _nullable({"$ref": "#/$defs/amount"}),
                    "recipient": {"type": ["string", "null"]},
                    "deadline": _nullable(
                        {
                            "description": "When the remedy is due, such as 'within four "
                            "weeks of my final decision'.",
                            "type": "object",
                            "properties": {
                                "count": {"type": "integer"},
                                "unit": {
                                    "description": "Singular: 'day', 'working day', 'week', "
                                    "'month' or 'year'.",
                                    "type": "string",
                                },
                                "runs_from": {"type": ["string", "null"]},
                                "text": {"type": "string"},
                                "span": {"$ref": "#/$defs/span_or_null"},
                            },
                            "required": ["count", "unit", "text"],
                        }
                    ),
                },
                "required": ["kind", "amount"],
            }
        },
    ),
    FactKind(
        name="citations",
        title="Citations",
        module="._citations",
        function="read_citations",
        schema={
            "description": "Derived: citations of legislation and guidance. " + _DERIVED,
            "type": "array",
            "items": {"$ref": "#/$defs/citation"},
        },
        definitions={
            "citation": {
                "description": "A citation of legislation or guidance.",
                "$ref": "#/$defs/fact",
                "properties": {
                    "title": {"type": "string"},
                    "year": {"type": ["integer", "null"]},
                    "kind": {
                        "description": "Such as 'act', 'statutory guidance', 'regulation' "
                        "or 'other'.",
                        "type": "string",
                    },
                    "provisions": {"type": "array", "items": {"type": "string"}},
                    "as_amended": {"type": "boolean"},
                },
                "required": ["title"],
            }
        },
    ),
    FactKind(
        name="cross_references",
        title="Cross-references",
        module="._crossrefs",
        function="read_cross_references",
        schema={
            "description": "Derived: references to paragraphs of this statement. " + _DERIVED,
            "type": "array",
            "items": {"$ref": "#/$defs/cross_reference"},
        },
        definitions={
            "cross_reference": {
                "description": "A reference to a paragraph of this statement, such as "
                "'paragraph ten'.",
                "$ref": "#/$defs/fact",
                "properties": {
                    "number": {"type": ["integer", "null"]},
                    "target": {
                        "description": "The website number of the paragraph referred to; "
                        "null when it cannot be found.",
                        "type": ["integer", "null"],
                    },
                },
                "required": ["number"],
            }
        },
        marks=cross_reference_marks,
    ),
    FactKind(
        name="parties",
        title="Parties",
        module="._parties",
        function="read_parties",
        schema={
            "description": "Derived: complainants and other parties named by pseudonym. "
            + _DERIVED,
            "type": "array",
            "items": {"$ref": "#/$defs/party"},
        },
        definitions={
            "party": {
                "description": "A complainant or another party named by pseudonym (Mr X, "
                "Child Q, Council 2).",
                "type": "object",
                "properties": {
                    "name": {"type": "string"},
                    "role": {"description": "'complainant' or 'other'.", "type": "string"},
                    "mentions": {
                        "description": "How many times the name is written.",
                        "type": "integer",
                    },
                    "spans": {
                        "description": "Where each mention stands, in order.",
                        "type": "array",
                        "items": {"$ref": "#/$defs/span"},
                    },
                },
                "required": ["name"],
            }
        },
    ),
)
"""Every fact, in the order ``to_dict`` writes them and ``dump`` marks them."""

BY_NAME = {kind.name: kind for kind in REGISTRY}


def read_fact(decision: Decision, name: str) -> Any:
    """Read the fact called ``name`` (the provider the model's fact properties call)."""
    return BY_NAME[name].read(decision)


def schema_with_facts(schema: dict[str, Any]) -> dict[str, Any]:
    """Return ``schema`` with every registered fact's property and definitions set.

    The shipped schema is this applied to itself; a test keeps them equal, and
    ``python -m lgo_parse._facts._registry`` rewrites the shipped file.
    """
    properties = {key: value for key, value in schema["properties"].items() if key not in BY_NAME}
    definitions = dict(schema["$defs"])
    for kind in REGISTRY:
        properties[kind.name] = kind.schema
        definitions.update(kind.definitions)
    return {**schema, "properties": properties, "$defs": definitions}


if __name__ == "__main__":  # pragma: no cover - a maintenance command
    import json
    from importlib import resources

    from .._schema import SCHEMA_FILE, SCHEMA_ID

    path = resources.files("lgo_parse").joinpath("schema").joinpath(SCHEMA_FILE)
    current = json.loads(path.read_text("utf-8"))
    current["$id"] = SCHEMA_ID
    text = json.dumps(schema_with_facts(current), indent=2, ensure_ascii=False) + "\n"
    with open(str(path), "w", encoding="utf-8") as out:
        out.write(text)
