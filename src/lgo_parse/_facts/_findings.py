"""Findings: placeholder."""

from __future__ import annotations

from .._model import Decision
from ._model import Findings
from ._text import Context, context_of


def find_findings(decision: Decision) -> Findings:
    return read_findings(context_of(decision))


def read_findings(context: Context) -> Findings:
    return Findings()
