"""The published JSON Schema of ``Decision.to_dict`` output.

The schema ships inside the package (``lgo_parse/schema/decision.schema.json``)
and is read through ``importlib.resources``, so it works from a wheel or a
zip. Its ``$id`` carries ``SCHEMA_VERSION``: a minor version adds optional
properties, a major version changes or removes them.
"""

from __future__ import annotations

import functools
import json
from typing import Any

SCHEMA_VERSION = "1.1"
"""The version of the JSON written by this release: ``"MAJOR.MINOR"``."""

SCHEMA_ID = f"urn:lgo-parse:schema:decision:{SCHEMA_VERSION}"
SCHEMA_FILE = "decision.schema.json"


@functools.lru_cache(maxsize=1)
def schema_text() -> str:
    """Return the schema document exactly as shipped."""
    from importlib import resources  # imported when asked for: a one-file run never is

    return resources.files("lgo_parse").joinpath("schema").joinpath(SCHEMA_FILE).read_text("utf-8")


def json_schema() -> dict[str, Any]:
    """Return the JSON Schema (draft 2020-12) that ``Decision.to_dict()`` output follows.

    Each call returns a fresh dict, so callers may change it.

    Examples:
        >>> import lgo_parse
        >>> lgo_parse.json_schema()["$id"]
        'urn:lgo-parse:schema:decision:1.1'
    """
    schema: dict[str, Any] = json.loads(schema_text())
    return schema
