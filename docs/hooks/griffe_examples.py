"""A griffe extension: read a Google-style ``Example:`` section as examples.

The Google style allows ``Example:`` and ``Examples:``. griffe reads only
``Examples:`` as a section of examples (code, with its ``>>>`` prompts); it
shows ``Example:`` as a note whose ``>>>`` lines would become nested
quotations. This renames the section before griffe parses the docstring, so
both spellings show as code.

lgo-parse's docstrings write ``Examples:``, except in ``_serialize``,
``_schema`` and ``_cli`` (none of which the API reference shows yet); once
those write ``Examples:`` too, this extension and its line in mkdocs.yml can go.
"""

from __future__ import annotations

import re
from typing import Any

import griffe

_SINGULAR = re.compile(r"^(\s*)Example:\s*$", re.MULTILINE)


class ExampleSections(griffe.Extension):
    """Rename ``Example:`` sections to ``Examples:`` in every docstring."""

    def on_instance(self, *, obj: griffe.Object, **_: Any) -> None:
        docstring = obj.docstring
        if docstring is not None and "Example:" in docstring.value:
            docstring.value = _SINGULAR.sub(r"\1Examples:", docstring.value)
