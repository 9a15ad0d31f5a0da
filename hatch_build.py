"""Hatchling build hook: compile the parser's hot path with mypyc into the standard wheel.

The modules named in ``pyproject.toml`` (``[tool.hatch.build.targets.wheel.hooks.custom]``,
``mypyc-modules``, the one list of them) are compiled with ``mypyc.build.mypycify``
into C extension modules, which go into the wheel next to their ``.py`` files:
Python imports the extension first, and the source stays there for tracebacks,
for readers, and as the pure-Python fallback.

Only a standard wheel is compiled. An editable install (``pip install -e .``)
and the sdist stay pure Python, and so does any wheel built with
``LGO_PARSE_PURE=1`` in the environment. If compiling fails for any reason (no
C compiler, no Python headers, a mypyc error), the hook prints one warning line
and the wheel is built pure: installing never fails because of it.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

PURE_VARIABLE = "LGO_PARSE_PURE"
"""Set to ``1`` to build the pure-Python wheel."""
GROUP_NAME = "lgo_parse"
"""mypyc's runtime library becomes the extension module ``lgo_parse__mypyc``, a stable name."""


class MypycBuildHook(BuildHookInterface):  # type: ignore[type-arg]
    """Compile the listed modules with mypyc when a standard wheel is built."""

    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        """Compile, and add the extension modules to the wheel; or leave the wheel pure."""
        if self.target_name != "wheel" or version != "standard":
            return  # editable installs run the .py files, so edits take effect at once
        if os.environ.get(PURE_VARIABLE, "") == "1":
            self.app.display_info(f"lgo-parse: {PURE_VARIABLE}=1, building the pure-Python wheel")
            return
        modules = list(self.config.get("mypyc-modules", []))
        if not modules:
            return
        self._work = tempfile.mkdtemp(prefix="lgo-parse-mypyc-")
        try:
            built = self._compile(modules, self._work)
        except (Exception, SystemExit) as error:  # mypyc and distutils exit on errors
            self.app.display_warning(
                f"lgo-parse: compiling with mypyc failed ({_reason(error)}); "
                "building the pure-Python wheel instead"
            )
            return
        build_data["pure_python"] = False
        build_data["infer_tag"] = True
        build_data["force_include"].update(built)

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        """Remove the compiler's working folder once the wheel is written."""
        work = getattr(self, "_work", None)
        if work is not None:
            shutil.rmtree(work, ignore_errors=True)

    def _compile(self, modules: list[str], work: str) -> dict[str, str]:
        """Compile ``modules`` in ``work``; return {built file: its path in the wheel}."""
        from mypyc.build import mypycify
        from setuptools import Distribution

        paths = [os.path.join(self.root, "src", *m.split(".")) + ".py" for m in modules]
        mypy_options = [
            # The project's own mypy settings (strict), wherever the build runs from.
            "--config-file",
            os.path.join(self.root, "pyproject.toml"),
            # Errors are reported for the compiled modules only: the rest of
            # the package is read for its types, and is checked by `mypy` in
            # CI, where the optional extras (pdfminer.six) are installed.
            "--follow-imports=silent",
            # mypy's cache outside the source tree.
            "--cache-dir",
            os.path.join(work, "mypy_cache"),
        ]
        extensions = mypycify(
            [*mypy_options, *paths],
            opt_level="3",
            group_name=GROUP_NAME,
            target_dir=os.path.join(work, "c"),
        )
        distribution = Distribution({"name": "lgo-parse", "ext_modules": extensions})
        command: Any = distribution.get_command_obj("build_ext")
        command.build_lib = os.path.join(work, "lib")
        command.build_temp = os.path.join(work, "temp")
        command.inplace = False
        command.ensure_finalized()
        command.run()
        built: dict[str, str] = {}
        for path in command.get_outputs():
            relative = os.path.relpath(path, command.build_lib)
            built[path] = relative.replace(os.sep, "/")
        expected = {m.split(".")[-1] for m in modules}
        found = {os.path.basename(p).split(".")[0] for p in built.values()}
        missing = expected - found
        if missing:
            raise RuntimeError(f"mypyc built no extension for {', '.join(sorted(missing))}")
        return built


def _reason(error: BaseException) -> str:
    """One line saying why compiling failed."""
    if isinstance(error, SystemExit):  # mypyc has printed the type errors above
        return "mypyc reported errors, printed above"
    lines = str(error).strip().splitlines()
    reason = f"{type(error).__name__}: {lines[-1]}" if lines else type(error).__name__
    return reason if len(reason) <= 200 else reason[:199] + "…"
