"""`midterm report` for the shipped plan, one row per format, against a floor: a trivial typer app
(as run.py's framework floor) that writes a document of the same size with the same libraries,
from fixed strings: the same table, the same number of charts drawn the same way, the same
sections and sources. What is left over is midterm's own work: loading, scoring, wording.

    python benchmarks/report.py            # 7 runs a command, written to benchmarks/RESULTS.md
    python benchmarks/report.py --quick    # 3 runs, nothing written

Every figure is the median wall time of whole processes, the commands interleaved run by run.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "RESULTS.md"
BEGIN, END = "<!-- report:begin -->", "<!-- report:end -->"
BUDGET = 1.3
FORMATS = ("docx", "xlsx", "html")

# The floor: what any program writing these documents with these libraries must do.
FLOOR = r"""
import io, sys
from html import escape
import typer

app = typer.Typer()
CELL = "Tỷ lệ lao động qua đào tạo\n93,2 (ư)"
TEXT = "Cần +1,4/năm để đạt 46 vào năm 2025; xu hướng hiện nay +1,4/năm, đến 2025 đạt 46,01."
SOURCE = "Báo cáo giữa nhiệm kỳ NQ ĐH XI, mục I.2: \"đến nay đã đạt: nông - lâm - thủy sản 22%\""


def chart(fmt, size):
    import matplotlib
    matplotlib.use("Agg")
    from matplotlib.figure import Figure
    from matplotlib.ticker import FuncFormatter, MaxNLocator
    rc = {"font.family": "DejaVu Sans", "font.size": 9, "svg.fonttype": "path", "svg.hashsalt": "floor"}
    with matplotlib.rc_context(rc):
        fig = Figure(figsize=size, dpi=150)
        ax = fig.add_subplot()
        ax.axhspan(9, 10, color="#1A7F37", alpha=0.16, linewidth=0, label="mục tiêu 9-10%")
        for color, style, label in (("#1F5FAD", "--", "linear (dùng để đánh giá)"), ("#B35C00", ":", "cagr")):
            ax.plot([2023, 2024, 2025], [8.34, 8.8, 9.26], linewidth=1.6, linestyle=style, color=color, label=label)
            ax.plot([2025], [9.26], marker="D", markersize=4, color=color, linestyle="none")
        ax.plot([2022, 2023], [8.42, 8.34], "o", color="#222222", markersize=5.5, label="thực tế")
        ax.plot([2020, 2021], [7.51, 6.32], "o", markerfacecolor="white", markeredgecolor="#222222", label="ước tính")
        ax.axvline(2023, color="#AAAAAA", linewidth=0.8, label="Số liệu đến 2023")
        ax.set_xlim(2019.7, 2025.3)
        ax.set_ylim(5.8, 10.5)
        ax.set_xticks(range(2020, 2026))
        ax.xaxis.set_major_formatter(FuncFormatter(lambda x, _: str(int(round(x)))))
        ax.yaxis.set_major_locator(MaxNLocator(5))
        ax.yaxis.set_major_formatter(FuncFormatter(lambda y, _: f"{y:.2f}".replace(".", ",") + "%"))
        ax.grid(axis="y", color="#E5E5E5", linewidth=0.6)
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
        columns = 3 if size[0] >= 6 else 2
        fig.subplots_adjust(left=0.12, right=0.98, top=0.97, bottom=0.35)
        fig.legend(loc="lower center", ncol=columns, frameon=False, fontsize=8)
        buffer = io.BytesIO()
        fig.savefig(buffer, format=fmt)
    return buffer.getvalue()


def docx(out, charts, rows, cols, sources, metrics, indicators):
    from docx import Document
    from docx.enum.section import WD_ORIENT, WD_SECTION
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt, RGBColor

    doc = Document()
    doc.styles["Normal"].font.name = "Times New Roman"
    doc.styles["Normal"].font.size = Pt(13)
    for k in range(indicators):
        doc.add_paragraph(TEXT)
    section = doc.add_section(WD_SECTION.NEW_PAGE)
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(297), Mm(210)
    table = doc.add_table(rows=1, cols=cols)
    table.style = doc.styles["Table Grid"]
    for _ in range(rows):
        for k, cell in enumerate(table.add_row().cells):
            run = cell.paragraphs[0].add_run(CELL if k == 1 else "93,2 (ư)")
            run.font.size = Pt(11)
            if k == cols - 3:
                run.font.color.rgb = RGBColor(0xB4, 0x23, 0x18)
                shd = OxmlElement("w:shd")
                shd.set(qn("w:fill"), "FCE8E6")
                cell._tc.get_or_add_tcPr().append(shd)
    doc.add_section(WD_SECTION.NEW_PAGE)
    for k in range(indicators):
        doc.add_heading(TEXT[:40], level=2)
        doc.add_paragraph(TEXT)
    for k in range(metrics):
        doc.add_heading(TEXT[:40], level=3)
        for _ in range(3):
            doc.add_paragraph(TEXT)
        if k < charts:
            doc.add_picture(io.BytesIO(chart("png", (6.3, 2.9))), width=Mm(160))
    for _ in range(sources):
        doc.add_paragraph(SOURCE, style="List Bullet")
    doc.save(out)


def xlsx(out, charts, rows, cols, sources, metrics, indicators):
    from xlsxwriter import Workbook

    book = Workbook(out, {"strings_to_formulas": False, "strings_to_numbers": False, "strings_to_urls": False})
    plain = book.add_format({"text_wrap": True, "border": 1})
    number = book.add_format({"border": 1, "num_format": '#,##0.0#" (ư)"'})
    ws = book.add_worksheet("Tổng hợp")
    for r in range(1, rows + 1):
        for c in range(cols + 3):
            if 4 <= c < cols - 4:
                ws.write_number(r, c, 93.2, number)
            else:
                ws.write_string(r, c, CELL if c == 1 else "✓ đúng lộ trình", plain)
    ws.freeze_panes(1, 2)
    ws.autofilter(0, 0, rows, cols + 2)
    ws = book.add_worksheet("Số liệu")
    for r in range(1, sources + 1):
        for c in range(11):
            ws.write_string(r, c, SOURCE) if c != 3 else ws.write_number(r, c, 93.2)
    ws = book.add_worksheet("Cách đánh giá")
    for r in range(1, metrics + 1):
        for c in range(23):
            ws.write_string(r, c, TEXT) if c % 3 else ws.write_number(r, c, 46.01)
    ws = book.add_worksheet("Biểu đồ")
    for k in range(charts):
        top = k * 17
        for r in range(6):
            for c in range(7):
                ws.write_number(top + 2 + r, c, 2020 + r if c == 0 else 8.0 + r * 0.1)
        native = book.add_chart({"type": "scatter", "subtype": "straight_with_markers"})
        for c in range(1, 7):
            native.add_series({"categories": ["Biểu đồ", top + 2, 0, top + 7, 0],
                               "values": ["Biểu đồ", top + 2, c, top + 7, c]})
        native.set_title({"name": TEXT[:40]})
        ws.insert_chart(top, 10, native)
    book.close()


def html(out, charts, rows, cols, sources, metrics, indicators):
    parts = ["<!DOCTYPE html><html lang='vi'><head><meta charset='utf-8'><style>table{}</style></head><body>"]
    parts.append("<table>" + "".join(
        "<tr>" + "".join(f"<td>{escape(CELL if c == 1 else '93,2 (ư)')}</td>" for c in range(cols)) + "</tr>"
        for _ in range(rows)
    ) + "</table>")
    for k in range(metrics):
        parts.append(f"<h4>{escape(TEXT[:40])}</h4>" + f"<p>{escape(TEXT)}</p>" * 3)
        if k < charts:
            svg = chart("svg", (4.8, 3.0)).decode()
            parts.append("<figure>" + svg[svg.index("<svg"):] + "</figure>")
    parts += [f"<li>{escape(SOURCE)}</li>" for _ in range(sources)]
    with open(out, "w", encoding="utf-8") as f:
        f.write("".join(parts) + "</body></html>")


@app.command()
def main(fmt: str, out: str, charts: int, rows: int, cols: int, sources: int, metrics: int, indicators: int) -> None:
    {"docx": docx, "xlsx": xlsx, "html": html}[fmt](out, charts, rows, cols, sources, metrics, indicators)


app()
"""


def sizes() -> list[int]:
    """The shipped document's size: charts, annex rows and columns, sources, metrics, indicators."""
    sys.path.insert(0, str(ROOT / "src"))
    from midterm.i18n import choose
    from midterm.load import load_folder
    from midterm.render.annex import annex_header
    from midterm.scoring import review

    data = load_folder(ROOT, warnings=False).dataset
    assert data is not None
    r = review(data)
    metrics = [m for i in r.indicators for m in i.metrics]
    header = annex_header(r, choose(None, data.plan.language))
    return [
        sum(m.chart is not None for m in metrics),
        len(r.indicators) + len(metrics),
        len(header),
        sum(len(m.sources) for m in metrics),
        len(metrics),
        len(r.indicators),
    ]


def midterm() -> list[str]:
    script = Path(sys.executable).with_name("midterm")
    return [str(script)] if script.exists() else [sys.executable, "-m", "midterm"]


def wall(argv: list[str]) -> float:
    # .pyc files are written on the warm-up run, as an installed package has them
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    start = time.perf_counter()
    subprocess.run(argv, check=True, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="3 runs, nothing written")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    runs = 3 if args.quick else args.runs
    size = sizes()
    lines = [
        f"`python benchmarks/report.py`: {time.strftime('%Y-%m-%d')}, Python {sys.version.split()[0]}, "
        f"median of {runs} runs; the shipped plan: {size[0]} charts, an annex of {size[1]} rows x {size[2]} "
        f"columns, {size[3]} sources",
        "",
        "```",
        f"{'format':<8}{'midterm report':>16}{'floor':>10}{'ratio':>8}  budget",
    ]
    ok = True
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        floor = work / "floor.py"
        floor.write_text(FLOOR, encoding="utf-8")
        for fmt in FORMATS:
            commands = {
                "midterm": [*midterm(), "report", "-o", str(work / f"review.{fmt}"), "--data", str(ROOT)],
                "floor": [sys.executable, str(floor), fmt, str(work / f"floor.{fmt}"), *map(str, size)],
            }
            times: dict[str, list[float]] = {name: [] for name in commands}
            for argv in commands.values():  # a warm-up each: the file cache, .pyc files, matplotlib's font cache
                wall(argv)
            for _ in range(runs):
                for name, argv in commands.items():
                    times[name].append(wall(argv))
            ours, base = (statistics.median(times[name]) for name in commands)
            ratio = ours / base
            ok &= ratio <= BUDGET
            verdict = "ok" if ratio <= BUDGET else "OVER"
            row = f"{fmt:<8}{ours * 1000:>13.0f} ms{base * 1000:>7.0f} ms{ratio:>8.2f}  ≤ {BUDGET}  {verdict}"
            print(row, flush=True)
            lines.append(row)
    lines.append("```")
    if not args.quick:
        write(lines)
    raise SystemExit(0 if ok else 1)


def write(lines: list[str]) -> None:
    """Between the markers of RESULTS.md, leaving the rest of the file to run.py."""
    text = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else ""
    block = f"{BEGIN}\n## midterm report\n\n" + "\n".join(lines) + f"\n{END}"
    if BEGIN in text and END in text:
        text = re.sub(re.escape(BEGIN) + r".*?" + re.escape(END), lambda _: block, text, flags=re.S)
    else:
        text = text.rstrip("\n") + "\n\n" + block + "\n"
    RESULTS.write_text(text, encoding="utf-8")
    print(f"written to {RESULTS}")


if __name__ == "__main__":
    main()
