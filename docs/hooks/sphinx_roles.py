"""A mkdocs hook: show Sphinx roles in docstrings as plain code.

Some docstrings cross-reference with Sphinx roles (:func:`lgo_parse.render`,
:class:`~lgo_parse.Decision`), which mkdocstrings does not read: the role name
would be printed. This keeps the code and drops the role, and a leading ``~``
shortens the name to its last part, as Sphinx does.

lgo-parse's docstrings write mkdocstrings cross-references
(``[`render`][lgo_parse.render]``) or plain ``code`` instead, except in
``_serialize``, ``_schema`` and ``_cli`` (none of which the API reference shows
yet); once those do too, this hook and its line in mkdocs.yml can go.
"""

from __future__ import annotations

import re
from typing import Any

_ROLE = re.compile(r":(?:func|class|attr|meth|mod|data|exc|obj|const):<code>(~?)([^<]*)</code>")


def _plain(match: re.Match[str]) -> str:
    tilde, name = match.groups()
    return f"<code>{name.rsplit('.', 1)[-1] if tilde else name}</code>"


def on_page_content(html: str, **_: Any) -> str:
    """Replace each rendered role with its code."""
    return _ROLE.sub(_plain, html)
