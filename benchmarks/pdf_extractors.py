"""pypdf against pdfminer.six on decision documents laid out like the Ombudsman's PDFs.

Run from the repository root: ``python benchmarks/pdf_extractors.py`` (needs the
``test`` extra, which brings both libraries and reportlab).

The PDFs are the made-up statements of ``tests/pdfs.py`` (final and draft, with
and without a cover page, ligature glyphs and justified lines:
``pdfs.VARIANTS``), whose maker knows every line it printed. Each way of reading them is scored on:

* lines: printed lines found as output lines, in order (longest common
  subsequence over the non-blank output lines, ligatures normalised), of all
  printed lines;
* other lines: non-blank output lines that are not printed lines (a printed
  line split in two, or two run together), and blank lines (between blocks);
* pages: the output has one form feed per page break and the cover page is empty;
* footers: pages whose footer and page number come out as one line
  (``Final decision 2``);
* out of order: a page whose text is drawn in another order than it is read
  (``pdfs.out_of_order``) gives the right lines;
* glyphs: ``ﬁ``/``ﬂ`` come out as ligature characters (to be normalised), and
  ``£``, curly quotes and ``•`` survive;
* speed: documents a second, and as a ratio to pypdf's ``extract_text()`` in
  this process.
"""

from __future__ import annotations

import io
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO / "tests"), str(REPO / "src")]

import pdfs  # noqa: E402

Reader = Callable[[bytes], str]


def pypdf_plain(data: bytes) -> str:
    import pypdf

    reader = pypdf.PdfReader(io.BytesIO(data))
    return "\f".join(page.extract_text() for page in reader.pages)


def pypdf_layout(data: bytes) -> str:
    import pypdf

    reader = pypdf.PdfReader(io.BytesIO(data))
    return "\f".join(page.extract_text(extraction_mode="layout") for page in reader.pages)


def pypdf_lines(data: bytes) -> str:
    """pypdf's text fragments (``visitor_text``), grouped by baseline as ``_pdf`` groups lines.

    A fragment is where pypdf flushed its text: at a change of font or line,
    with the position where the fragment began. Rows are sorted top to bottom,
    fragments in a row left to right and joined with a space.
    """
    import pypdf

    def product(m: list[float], n: list[float]) -> list[float]:
        return [
            m[0] * n[0] + m[1] * n[2],
            m[0] * n[1] + m[1] * n[3],
            m[2] * n[0] + m[3] * n[2],
            m[2] * n[1] + m[3] * n[3],
            m[4] * n[0] + m[5] * n[2] + n[4],
            m[4] * n[1] + m[5] * n[3] + n[5],
        ]

    pages = []
    for page in pypdf.PdfReader(io.BytesIO(data)).pages:
        pieces: list[tuple[float, float, float, str]] = []

        def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
            text = text.strip("\n")
            if text.strip():
                m = product(tm, cm)
                pieces.append((m[5], m[4], size * abs(m[3]) or 1.0, text))  # noqa: B023

        page.extract_text(visitor_text=visit)
        rows: list[tuple[float, list[tuple[float, str]]]] = []
        for y, x, height, text in sorted(pieces, key=lambda piece: -piece[0]):
            if rows and abs(rows[-1][0] - y) < height / 2:
                rows[-1][1].append((x, text))
            else:
                rows.append((y, [(x, text)]))
        lines = []
        for _, row in rows:
            line = ""
            for _, text in sorted(row, key=lambda piece: piece[0]):
                joined = not line or line.endswith(" ") or text.startswith(" ")
                line = line + text if joined else f"{line} {text}"
            lines.append(line.rstrip(" "))
        pages.append("\n".join(lines))
    return "\f".join(pages)


def pdfminer_text(data: bytes) -> str:
    from pdfminer.high_level import extract_text

    # One form feed after every page; drop the last, as pdftotext's text has none.
    return extract_text(io.BytesIO(data)).removesuffix("\f")


def pdfminer_lines(data: bytes) -> str:
    from lgo_parse._pdf import pdf_text

    return pdf_text(data)


READERS: dict[str, Reader] = {
    "pypdf extract_text()": pypdf_plain,
    "pypdf extract_text(layout)": pypdf_layout,
    "pypdf fragments by baseline (visitor_text)": pypdf_lines,
    "pdfminer.six extract_text()": pdfminer_text,
    "pdfminer.six lines by baseline (lgo_parse._pdf)": pdfminer_lines,
}

ROUNDS = 7
LIGATURES = str.maketrans({"ﬁ": "fi", "ﬂ": "fl"})


def _lcs(a: list[str], b: list[str]) -> int:
    previous = [0] * (len(b) + 1)
    for x in a:
        current = [0]
        for j, y in enumerate(b):
            current.append(previous[j] + 1 if x == y else max(previous[j + 1], current[j]))
        previous = current
    return previous[-1]


def score(printed: pdfs.Printed, text: str) -> dict[str, object]:
    normal = text.translate(LIGATURES)
    expected = [line for page in printed.pages for line in page]
    printed_lines = set(expected)
    pages = normal.split("\f")
    got = [line for page in pages if page for line in page.split("\n")]
    found = _lcs(expected, [line for line in got if line.strip()])
    return {
        "lines": found / len(expected),
        "wrong": sum(1 for line in got if line.strip() and line not in printed_lines),
        "blank": sum(1 for line in got if not line.strip()),
        "pages": len(pages) == len(printed.pages)
        and all(
            bool(page.strip()) == bool(lines)
            for page, lines in zip(pages, printed.pages, strict=False)
        ),
        "footers": sum(1 for page in printed.pages if page and page[-1] in got)
        / sum(1 for page in printed.pages if page),
        "ligature chars": "ﬁ" in text or "ﬂ" in text,
        "£ ’ “ • kept": all(c in text for c in "£’“•"),
    }


def main() -> None:
    documents = [pdfs.printed(**variant) for variant in pdfs.VARIANTS.values()]
    jumbled, jumbled_text = pdfs.out_of_order()
    # Rounds go through the readers in turn, so that a busy moment on a
    # shared machine falls on all of them alike; each reader's best round counts.
    speeds: dict[str, float] = dict.fromkeys(READERS, 0.0)
    for _ in range(ROUNDS):
        for name, reader in READERS.items():
            start = time.perf_counter()
            for doc in documents:
                reader(doc.data)
            speeds[name] = max(speeds[name], len(documents) / (time.perf_counter() - start))
    rows = []
    for name, reader in READERS.items():
        scores = [score(doc, reader(doc.data)) for doc in documents]
        rows.append(
            (
                name,
                statistics.mean(float(s["lines"]) for s in scores),  # type: ignore[arg-type]
                sum(int(s["wrong"]) for s in scores) / len(scores),  # type: ignore[call-overload]
                sum(int(s["blank"]) for s in scores) / len(scores),  # type: ignore[call-overload]
                all(s["pages"] for s in scores),
                reader(jumbled).strip() == jumbled_text,
                statistics.mean(float(s["footers"]) for s in scores),  # type: ignore[arg-type]
                any(s["ligature chars"] for s in scores),
                all(s["£ ’ “ • kept"] for s in scores),
                speeds[name],
            )
        )
    baseline = rows[0][-1]  # pypdf extract_text()
    print(f"{len(documents)} documents, {sum(len(d.pages) for d in documents)} pages\n")
    print(
        "| reader | printed lines found, in order | other lines a doc | blank lines a doc "
        "| pages right | out of order | footer lines whole | ﬁ/ﬂ left as ligatures | £ ’ “ • kept "
        "| docs/s | vs pypdf extract_text() |"
    )
    print("|---|---:|---:|---:|---|---|---:|---|---|---:|---:|")
    for name, found, wrong, blank, pages, ordered, footers, ligatures, kept, speed in rows:
        print(
            f"| {name} | {found:.1%} | {wrong:.1f} | {blank:.1f} | {'yes' if pages else 'no'} "
            f"| {'yes' if ordered else 'no'} | {footers:.0%} "
            f"| {'yes' if ligatures else 'no'} | {'yes' if kept else 'no'} "
            f"| {speed:.1f} | {speed / baseline:.2f} |"
        )


if __name__ == "__main__":
    main()
