"""The finders' pattern helpers: lazy compiling, and patterns tried only where they can start."""

from __future__ import annotations

import importlib
import re
from typing import Any

import hypothesis
import hypothesis.strategies as st
import pytest

from lgo_parse._facts import _patterns
from lgo_parse._facts._lazy_regex import Lazy
from lgo_parse._facts._patterns import Gated, Started, Worded, first_letters

try:
    from re import _constants as sre_constants  # type: ignore[attr-defined]
    from re import _parser as sre_parse  # type: ignore[attr-defined]
except ImportError:  # Python 3.10
    import sre_constants  # type: ignore[no-redef]
    import sre_parse  # type: ignore[no-redef]

MODULES = ("_citations", "_crossrefs", "_deadlines", "_findings", "_money", "_parties", "_remedies")


def _within(name: str, value: object) -> list[tuple[str, Started | Worded]]:
    """The started patterns in a module's value: itself, a gated one's, or in a tuple."""
    if isinstance(value, (Started, Worded)):
        return [(name, value)]
    if isinstance(value, Gated):
        return _within(name, value.pattern)
    if isinstance(value, tuple):
        return [pair for i, item in enumerate(value) for pair in _within(f"{name}[{i}]", item)]
    return []


def _started() -> list[tuple[str, Started | Worded]]:
    found = []
    for name in MODULES:
        module = importlib.import_module(f"lgo_parse._facts.{name}")
        for attribute, value in vars(module).items():
            found += _within(f"{name}.{attribute}", value)
    return found


STARTED = _started()


def _words(started: Started | Worded) -> list[str]:
    """The words the pattern is written with, and the words its starts name."""
    return sorted(set(re.findall(r"[A-Za-z’']{2,}", started.pattern.pattern)))


def _signature(matches: object) -> list[tuple[tuple[int, int], str | None, tuple[str | None, ...]]]:
    return [(m.span(), m.lastgroup, m.groups()) for m in matches]  # type: ignore[attr-defined]


def test_the_finders_have_started_patterns() -> None:
    # Guards the test below against finding nothing to check.
    assert {
        "_findings._FAULT",
        "_findings._INJUSTICE",
        "_findings._STARTED_REASONS[0][1]",
        "_deadlines._DEADLINE",
    } <= {name for name, _ in STARTED}


@pytest.mark.parametrize(("name", "started"), STARTED, ids=[name for name, _ in STARTED])
@hypothesis.settings(max_examples=100)
@hypothesis.given(data=st.data())
def test_a_started_pattern_finds_what_the_pattern_finds(
    name: str, started: Started | Worded, data: st.DataObject
) -> None:
    # Guards the speed-up: a match that starts at a word the starts do not name would be
    # lost; "likely" inside "unlikely", odd case folds (ı, ſ, İ) and any case must not matter.
    vocabulary = [*_words(started), " ", "  ", "\n", ",", ".", "’", "£5", "4", "ı", "ſ", "İ"]
    pieces = data.draw(st.lists(st.sampled_from(vocabulary), max_size=14))
    cases = data.draw(st.lists(st.sampled_from(("lower", "upper", "title", "same")), min_size=14))
    text = " ".join(
        getattr(piece, case)() if case != "same" else piece
        for piece, case in zip(pieces, cases, strict=False)
    )
    assert _signature(started.finditer(text)) == _signature(started.pattern.finditer(text)), name
    plain = started.pattern.search(text)
    found = started.search(text)
    assert (found and found.span()) == (plain and plain.span()), name


# -- where a pattern can start --------------------------------------------------
# The beginnings (up to _LIMIT characters) of what a pattern can match, read from
# its parsed form: every alternative, each repeat taken its least number of times
# and once more, a character set by a member. A started pattern must be tried at
# every one of them, or a match would be lost.
C = sre_constants
_LIMIT = 16
_MOST = 20000


def _join(heads: list[str], tails: list[str]) -> list[str]:
    out = {h if len(h) >= _LIMIT else (h + t)[:_LIMIT] for h in heads for t in tails}
    return sorted(out)[:_MOST]


def _representatives(items: Any) -> list[str]:
    chars: list[str] = []
    negate = False
    for op, av in items:
        if op is C.NEGATE:
            negate = True
        elif op is C.LITERAL:
            chars.append(chr(av))
        elif op is C.RANGE:
            chars.append(chr(av[0]))
        elif op is C.CATEGORY:
            chars.append(
                {C.CATEGORY_DIGIT: "1", C.CATEGORY_SPACE: " ", C.CATEGORY_WORD: "x"}.get(av, "#")
            )
        else:
            chars.append("#")
    if negate:
        pattern = re.compile(_negated_class(items))
        return [c for c in "# x1.," if pattern.fullmatch(c)][:1]
    return chars


def _negated_class(items: Any) -> str:
    return "[^" + "".join(re.escape(chr(av)) for op, av in items if op is C.LITERAL) + "]"


def _samples(items: Any) -> list[str]:
    """Prefixes (at most _LIMIT characters) of strings the parsed pattern can match."""
    found = [""]
    for op, av in items:
        if all(len(s) >= _LIMIT for s in found):
            break
        if op is C.LITERAL:
            step = [chr(av)]
        elif op is C.NOT_LITERAL:
            step = ["#" if chr(av) != "#" else "x"]
        elif op is C.IN:
            step = _representatives(av)
        elif op is C.ANY:
            step = ["x"]
        elif op in (C.AT, C.ASSERT, C.ASSERT_NOT, C.GROUPREF):
            step = [""]
        elif op is C.SUBPATTERN:
            step = _samples(av[-1])
        elif op is C.BRANCH:
            step = sorted({s for alternative in av[1] for s in _samples(alternative)})
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT, getattr(C, "POSSESSIVE_REPEAT", None)):
            low, high, sub = av
            once = _samples(sub)
            step = []
            for count in {low, min(low + 1, high)}:
                got = [""]
                for _ in range(min(count, _LIMIT)):
                    got = _join(got, once)
                step += got
        else:
            raise NotImplementedError(op)
        found = _join(found, step)
    return found


def _beginnings(pattern: re.Pattern[str]) -> list[str]:
    return _samples(sre_parse.parse(pattern.pattern, pattern.flags))


@pytest.mark.parametrize(("name", "started"), STARTED, ids=[name for name, _ in STARTED])
def test_a_started_pattern_is_tried_wherever_a_match_can_begin(
    name: str, started: Started | Worded
) -> None:
    # Guards the speed-up: a first word left out of the starts ("sufficient", "acted")
    # loses every match that begins with it.
    beginnings = _beginnings(started.pattern.compiled())
    assert len(beginnings) > 1
    missed = [b for b in beginnings if not started.may_start(b.lower(), 0)]
    assert missed == [], name


@pytest.mark.parametrize(("name", "started"), STARTED, ids=[name for name, _ in STARTED])
@hypothesis.settings(max_examples=40, suppress_health_check=list(hypothesis.HealthCheck))
@hypothesis.given(data=st.data())
def test_a_started_pattern_finds_the_matches_of_the_pattern(
    name: str, started: Started | Worded, data: st.DataObject
) -> None:
    # Texts holding real matches (drawn from the pattern itself), then in any case.
    text = data.draw(st.from_regex(started.pattern.compiled()))
    for variant in (text, text.lower(), text.upper()):
        assert _signature(started.finditer(variant)) == _signature(
            started.pattern.finditer(variant)
        ), name
        if isinstance(started, Worded):
            # ``matches`` is ``finditer`` written out: the same matches, as a list.
            assert _signature(iter(started.matches(variant))) == _signature(
                started.pattern.finditer(variant)
            ), name


def test_first_letters_finds_a_word_inside_another() -> None:
    # Guards against consuming a whole word: "likely" starts inside "unlikely".
    starts = first_letters("unlikely", "likely", r"it(?=\s)")
    assert [m.start() for m in starts.finditer("unlikely it is")] == [0, 2, 9]


def test_first_letters_needs_a_word() -> None:
    with pytest.raises(ValueError, match="start"):
        first_letters()


def test_a_lazy_pattern_compiles_on_first_use() -> None:
    lazy = Lazy(r"\bfault\b", re.IGNORECASE)
    assert "search" not in vars(lazy)  # nothing compiled at import
    assert lazy.pattern == r"\bfault\b"
    match = lazy.search("We found FAULT.")
    assert match is not None and match.group() == "FAULT"
    assert "finditer" in vars(lazy)  # every method is the compiled pattern's own now
    assert [m.group() for m in lazy.finditer("fault, Fault")] == ["fault", "Fault"]
    assert lazy.compiled().pattern == lazy.pattern


def test_a_lazy_pattern_has_only_the_methods_of_a_pattern() -> None:
    with pytest.raises(AttributeError):
        Lazy("x").groupindex  # noqa: B018 - the attribute access is the test


# -- first words found by substring search ----------------------------------------


def test_the_finders_have_worded_patterns() -> None:
    # Guards the tests above against checking none of the patterns found by their words.
    assert {
        "_findings._FAULT",
        "_findings._INJUSTICE",
        "_deadlines._DEADLINE",
        "_remedies._SERVICE",
        "_remedies._AGREES_GATED",
        "_crossrefs._REFERENCE_AT_PARA",
    } <= {name for name, started in STARTED if isinstance(started, Worded)}


@pytest.mark.parametrize(
    ("text", "places", "why"),
    [
        ("unlikely it is", [0, 2, 9], "a word inside another is found too"),
        ("it\tis it\nit", [0, 6], "a word with a space stands before any white space"),
        ("itis it ", [5], "a word with a space does not stand before a letter"),
        ("it", [], "nor at the end of the text"),
        ("likely likely", [0, 7], "every place a word stands"),
    ],
)
def test_a_worded_pattern_finds_every_place_its_words_stand(
    text: str, places: list[int], why: str
) -> None:
    worded = Worded(Lazy(r"\w+", re.I), "unlikely", "likely", "it ")
    assert worded.places(text) == places, why
    # The places are those where the pattern the words were first written as matches.
    plain = first_letters("unlikely", "likely", r"it(?=\s)")
    assert [m.start() for m in plain.finditer(text)] == places, why
    assert [at for at in range(len(text)) if worded.may_start(text, at)] == places, why


def test_a_place_two_words_share_is_tried_once() -> None:
    # Guards finditer against giving a match twice where two words start at one place.
    worded = Worded(Lazy(r"no\w*\s+fault", re.I), "no ", "not ", "no")
    assert worded.places("not fault") == [0, 0]
    assert [m.span() for m in worded.finditer("Not fault; no fault")] == [(0, 9), (11, 19)]
    assert [m.span() for m in worded.matches("Not fault; no fault")] == [(0, 9), (11, 19)]


@pytest.mark.parametrize(
    ("text", "spans", "why"),
    [
        ("No faults, no fault", [(11, 19)], "a place where the pattern fails is passed over"),
        ("no no fault", [(3, 11)], "a match need not start at the first place"),
        ("nothing", [], "no place"),
        ("No fault, ſome fault", [(0, 8), (10, 20)], "a character folded otherwise: the pattern"),
        ("İ no fault", [(2, 10)], "a lower-case copy of another length: the pattern"),
    ],
)
def test_a_worded_pattern_lists_the_matches_of_finditer(
    text: str, spans: list[tuple[int, int]], why: str
) -> None:
    worded = Worded(Lazy(r"\b(?:no|some)\s+fault\b", re.I), "no ", "some")
    assert [m.span() for m in worded.matches(text)] == spans, why
    assert [m.span() for m in worded.pattern.finditer(text)] == spans, why


def test_a_worded_pattern_needs_a_word() -> None:
    with pytest.raises(ValueError, match="start"):
        Worded(Lazy("x"))


WORDED = [(name, started) for name, started in STARTED if isinstance(started, Worded)]


@pytest.mark.parametrize(("name", "worded"), WORDED, ids=[name for name, _ in WORDED])
@pytest.mark.parametrize("window", [1, 3, 7])
@hypothesis.settings(max_examples=40)
@hypothesis.given(data=st.data())
def test_a_long_text_read_a_window_at_a_time_gives_what_the_pattern_gives(
    name: str, worded: Worded, window: int, data: st.DataObject
) -> None:
    # Guards the windows: a word across a window's end found twice or not at all, a match
    # that runs into the next window given again, or the first match of a later window
    # taken before an earlier one.
    vocabulary = [*_words(worded), " ", "  ", "\n", ",", "."]
    text = data.draw(st.lists(st.sampled_from(vocabulary), max_size=14).map(" ".join))
    text = data.draw(st.sampled_from((text, text.lower(), text.upper())))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(_patterns, "WINDOW", window)
        found = _signature(worded.finditer(text))
        listed = _signature(iter(worded.matches(text)))
        first = worded.search(text)
    assert found == listed == _signature(worded.pattern.finditer(text)), name
    plain = worded.pattern.search(text)
    assert (first and first.span()) == (plain and plain.span()), name


def test_places_from_start_to_stop() -> None:
    worded = Worded(Lazy("x"), "ab", "b ")
    text = "ab b ab"
    assert worded.places(text) == [0, 1, 3, 5]
    # A place before the stop counts, though its word runs past it; one at the stop does not.
    assert worded.places_between(text, 0, 1) == [0]
    assert worded.places_between(text, 1, 5) == [1, 3]
    assert worded.places_between(text, 5, len(text)) == [5]
    assert worded.places_between(text, 0, len(text)) == worded.places(text)
