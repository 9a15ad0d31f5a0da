"""The facts registry: one finder module plus one registration per fact; a model free of finders."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

import lgo_parse
from lgo_parse._facts import REGISTRY, FactKind
from lgo_parse._serialize import FACTS

MODEL = Path(lgo_parse.__file__).with_name("_model.py")
FINDERS = sorted({kind.module for kind in REGISTRY})


def test_the_model_imports_nothing_from_the_facts_at_run_time() -> None:
    # Guards against the import cycle (_model -> _facts -> _model), lazy imports included.
    tree = ast.parse(MODEL.read_text(encoding="utf-8"))
    type_only = {
        id(node)
        for block in ast.walk(tree)
        if isinstance(block, ast.If) and ast.unparse(block.test) == "TYPE_CHECKING"
        for node in ast.walk(block)
    }
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and id(node) not in type_only:
            assert "_facts" not in (node.module or ""), ast.unparse(node)


def test_importing_lgo_parse_loads_no_finder() -> None:
    names = [f"lgo_parse._facts{module}" for module in FINDERS]
    code = f"import sys, lgo_parse; print([m for m in {names!r} if m in sys.modules])"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


@pytest.mark.parametrize("kind", REGISTRY, ids=[kind.name for kind in REGISTRY])
def test_every_registered_fact_is_a_property_written_by_to_dict_and_in_the_schema(
    kind: FactKind,
) -> None:
    name = kind.name
    decision = lgo_parse.Decision(summary="We found fault. The Council will pay Mr X £5.")
    assert getattr(decision, name) is getattr(decision, name)  # read once, then kept
    assert name in FACTS
    assert name in decision.to_dict()
    assert name in lgo_parse.json_schema()["properties"]
    assert name not in decision.to_dict(facts=False)


def test_facts_share_one_sentence_split() -> None:
    decision = lgo_parse.Decision(summary="We found fault. The Council will pay Mr X £5.")
    assert decision.findings.fault is not None
    assert decision.remedies
    context = decision._fact_cache["_context"]
    assert list(context._sentences) == [decision.summary]
