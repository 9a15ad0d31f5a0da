"""Hypothesis profiles and shared fixtures.

Choose a Hypothesis profile with ``LGO_HYPOTHESIS_PROFILE``:

* ``ci`` (the default): quick and deterministic, for every test run.
* ``fuzz``: many examples and no deadline, for a long search, e.g.
  ``LGO_HYPOTHESIS_PROFILE=fuzz pytest tests/test_properties.py --hypothesis-show-statistics``.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

settings.register_profile(
    "ci",
    derandomize=True,
    database=None,
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "fuzz",
    max_examples=10_000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.load_profile(os.environ.get("LGO_HYPOTHESIS_PROFILE", "ci"))

TESTS = Path(__file__).resolve().parent
SEED_FOLDERS = (
    TESTS / "fixtures" / "seeds",
    TESTS.parent.parent / "shared" / "corpus" / "seeds",
)


@pytest.fixture(scope="session")
def seed_texts() -> dict[str, str]:
    """The seed statements by file name, exactly as stored (no newline translation)."""
    for folder in SEED_FOLDERS:
        files = sorted(folder.glob("*.txt"))
        if files:
            return {f.name: f.read_bytes().decode("utf-8") for f in files}
    pytest.skip("no seed statements in tests/fixtures/seeds or ../shared/corpus/seeds")
