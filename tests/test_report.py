"""`midterm report`: the review document as Word, Excel and a web page, read back with the
libraries people's tools use, and the web page opened in a real browser."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import zipfile
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import ROOT, Run
from midterm import render
from midterm.load import load_folder
from midterm.scoring import Review, review

FORMATS = ("docx", "xlsx", "html")
INDICATORS, METRICS = 15, 29


@pytest.fixture(scope="module")
def shipped() -> Review:
    report = load_folder(ROOT, warnings=False)
    assert report.dataset is not None
    return review(report.dataset)


@pytest.fixture(scope="module")
def charted(shipped: Review) -> int:
    """Metrics with a figure up to the as-of year: each gets a chart."""
    return sum(m.chart is not None for i in shipped.indicators for m in i.metrics)


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The shipped plan's three documents, written once through the real command line."""
    from typer.testing import CliRunner

    from midterm.cli import app

    folder = tmp_path_factory.mktemp("report")
    out = {}
    for fmt in FORMATS:
        path = folder / f"review.{fmt}"
        result = CliRunner().invoke(app, ["report", "-o", str(path), "--data", str(ROOT)], catch_exceptions=False)
        assert result.exit_code == 0, result.output
        assert "review." + fmt in result.stderr
        out[fmt] = path
    return out


def test_every_report_format_has_a_renderer() -> None:
    assert set(render.VIEWS["report"]) == set(FORMATS)
    for fmt in FORMATS:
        assert callable(render.formatter("report", fmt))


# ---------------------------------------------------------------- the scored result


def test_the_review_is_status_and_show_for_every_indicator(shipped: Review, charted: int) -> None:
    from midterm.scoring import status

    data = load_folder(ROOT, warnings=False).dataset
    assert data is not None
    r = shipped
    assert r.years == [2020, 2021, 2022, 2023]  # the baseline to the review year
    assert r.status == status(data)
    assert [len(i.metrics) for i in r.indicators] == [len(i.metrics) for i in r.status.indicators]
    grdp = r.indicators[0].metrics[0]
    cells_2023 = grdp.cells[-1]
    assert [o.obs.span for o in cells_2023] == ["year", "since"]  # the year's own value first, then 7.92%
    assert grdp.chart.observed[0].basis == "estimate" and grdp.chart.observed[2].basis == "official"
    assert all(o.year <= 2023 for o in grdp.sources)  # the 2024 file is not read
    # an average-growth chart compares the average since 2021 (7.92% to 2023) and its projection (8.36%
    # over 2021-2025), the very figures of the verdict; the yearly rates (8.34% in 2023) are dots beside it
    assert grdp.chart.compared[-1] == (2023.0, pytest.approx(7.92))
    assert grdp.chart.lines["linear"][0] == grdp.chart.compared[-1]
    assert grdp.chart.lines["linear"][-1] == (2025.0, pytest.approx(grdp.score.projected))
    assert grdp.chart.observed[-1].y == 8.34
    assert 10 <= charted < METRICS
    investment = next(m for i in r.indicators for m in i.metrics if m.score.metric.id == "total-investment")
    assert investment.chart.observed == [(2022.5, 92765.0, "estimate")]  # a running total at its date


# ---------------------------------------------------------------- Word


def test_word_reads_back(written: dict[str, Path], charted: int) -> None:
    from docx import Document
    from docx.shared import Mm

    doc = Document(str(written["docx"]))
    for section in doc.sections:
        short, long = sorted((section.page_width, section.page_height))
        assert (round(short / Mm(1)), round(long / Mm(1))) == (210, 297)  # A4
        assert 20 <= round(section.top_margin / Mm(1)) <= 25 and 20 <= round(section.bottom_margin / Mm(1)) <= 25
        assert 30 <= round(section.left_margin / Mm(1)) <= 35 and 15 <= round(section.right_margin / Mm(1)) <= 20
    landscape = [s.page_width > s.page_height for s in doc.sections]
    assert landscape == [False, True, False]  # the annex on landscape pages
    normal = doc.styles["Normal"].font
    assert normal.name == "Times New Roman" and 13 <= normal.size.pt <= 14
    heading, closing, table = doc.tables  # the formal heading, recipients and signature, the annex
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in heading.rows[0].cells[1].text
    assert closing.rows[0].cells[0].text.startswith("Nơi nhận:")
    header = [c.text for c in table.rows[0].cells]
    assert header[4:8] == ["2020", "2021", "2022", "2023"] and header[8] == "Dự báo\n2025"
    numbered = [r for r in table.rows[1:] if r.cells[0].text.strip()]
    assert [int(r.cells[0].text) for r in numbered] == list(range(1, INDICATORS + 1))
    assert len(table.rows) == 1 + INDICATORS + METRICS
    income = next(r for r in table.rows if r.cells[1].text.startswith("Thu nhập (GRDP)"))
    assert income.cells[7].text == "93,2 (ư)"  # an estimate, marked; the Vietnamese decimal comma
    assert income.cells[8].text.split("\n")[0] == "109,59"  # its 80% range below it (held against status further down)
    assert len(doc.inline_shapes) == charted  # a picture per metric with data
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "Phụ lục: Kết quả thực hiện các chỉ tiêu chủ yếu Nghị quyết Đại hội" in text
    assert "khác ở 3 chỉ tiêu" in text  # the opening: where the figures and the report differ
    assert "Chỉ tiêu 5 (Cơ cấu kinh tế): báo cáo đánh giá đúng lộ trình, theo số liệu là khó đạt." in text
    assert header[-3] == "Lý do" and header[-4] == "Độ chắc chắn"  # the annex says why and how sure, in words
    assert "14.930 (ư)" in text  # a source line: the figure as Vietnamese writes it


# ---------------------------------------------------------------- Excel


def test_excel_reads_back(written: dict[str, Path], charted: int) -> None:
    import openpyxl

    book = openpyxl.load_workbook(written["xlsx"])
    assert book.sheetnames == ["Tổng hợp", "Số liệu", "Cách đánh giá", "Biểu đồ"]
    summary = book["Tổng hợp"]
    assert summary.freeze_panes == "C6" and summary.auto_filter.ref.startswith("A5:")
    rows = {r[1].value: r for r in summary.iter_rows(min_row=6) if r[1].value}
    income = rows["Thu nhập (GRDP) bình quân đầu người"]
    assert income[7].value == 93.2 and '"(ư)"' in income[7].number_format.replace(" (", "(")
    assert isinstance(income[8].value, float) and income[8].value == pytest.approx(109.586)
    assert income[10].value == "✓ đúng lộ trình" and income[10].fill.fgColor.rgb.endswith("E6F4EA")
    assert income[11].value == "khá chắc"  # how sure, beside the verdict
    investment = rows["Tổng vốn đầu tư toàn xã hội giai đoạn 2021-2025"]
    assert investment[7].value == 92765 and investment[7].number_format.startswith('"Σ "')
    assert investment[7].comment is not None and "06/2023" in investment[7].comment.text
    observations = book["Số liệu"]
    values = [r for r in observations.iter_rows(min_row=2, values_only=True) if r[0]]
    assert len(values) == 35 and all(isinstance(r[3], int | float) for r in values)  # every figure up to 2023
    with zipfile.ZipFile(written["xlsx"]) as z:
        charts = [n for n in z.namelist() if re.fullmatch(r"xl/charts/chart\d+\.xml", n)]
        assert len(charts) == charted
        xml = z.read(charts[0]).decode()
        assert "<c:scatterChart>" in xml and "Biểu đồ" in xml  # a native chart reading the sheet's cells


def test_no_text_becomes_a_formula(plan: Path, run: Run, tmp_path: Path) -> None:
    """Names and sources from the data files are text in every format: escaped in HTML, inert in Excel."""
    import openpyxl

    targets = plan / "targets.toml"
    text = targets.read_text(encoding="utf-8")
    text = text.replace('name = "Tổng vốn đầu tư toàn xã hội giai đoạn 2021-2025"', 'name = "=HYPERLINK(\\"x\\")"')
    text = text.replace('name = "Thu ngân sách"', 'name = "<script>alert(1)</script> & <b>\\uFFFF"')
    targets.write_text(text, encoding="utf-8")
    year = plan / "actuals" / "2022.toml"
    year.write_text(year.read_text(encoding="utf-8").replace('source = "', 'source = "@SUM(A1) <img src=x> ', 1))
    for fmt in FORMATS:
        result = run("report", "-o", str(tmp_path / f"r.{fmt}"))
        assert result.exit_code == 0, result.output
    from docx import Document

    names = [r.cells[1].text for r in Document(str(tmp_path / "r.docx")).tables[-1].rows]
    assert "<script>alert(1)</script> & <b>\\uffff" in names  # XML cannot hold U+FFFF: shown as its escape
    page = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert "<script" not in page and "<img" not in page and "<b>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;" in page and "&lt;img src=x&gt;" in page
    book = openpyxl.load_workbook(tmp_path / "r.xlsx")
    cells = [c.value for ws in book for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    assert '\'=HYPERLINK("x")' in cells
    assert any(c.startswith("'@SUM(A1)") for c in cells)
    assert not any(c.startswith(("=", "+", "-", "@")) for c in cells)
    with zipfile.ZipFile(tmp_path / "r.xlsx") as z:
        assert not any("<f>" in z.read(n).decode() for n in z.namelist() if n.startswith("xl/worksheets/"))


# ---------------------------------------------------------------- the web page


class Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_web_page_stands_alone(written: dict[str, Path], charted: int) -> None:
    source = written["html"].read_text(encoding="utf-8")
    page = Page()
    page.feed(source)
    html = next(a for tag, a in page.tags if tag == "html")
    assert html["lang"] == "vi"
    assert not [t for t, _ in page.tags if t in ("link", "script", "img", "iframe", "object", "embed")]
    for _, attrs in page.tags:  # nothing fetched: links only within the page
        for name in ("src", "href", "xlink:href"):
            assert (attrs.get(name) or "#").startswith("#"), attrs
    assert not re.search(r"url\((?!#)|@import|https?://", source)
    svgs = [a for t, a in page.tags if t == "svg"]
    assert len(svgs) == charted
    assert all(a["role"] == "img" and a["aria-labelledby"] for a in svgs)
    titles = [a["id"] for t, a in page.tags if t == "title" and a.get("id")]
    assert sorted(titles) == sorted(a["aria-labelledby"] for a in svgs)  # each chart has its text
    ids = [a["id"] for _, a in page.tags if a.get("id")]
    assert len(ids) == len(set(ids))  # charts share no id
    assert [a.get("scope") for t, a in page.tags if t == "th"].count("col") == 4 + 4 + 6  # ... how sure, why, ...
    words = " ".join(page.text)
    assert "✗" in words and "khó đạt" in words and "93,2 (ư)" in words
    assert "@media print" in source and "@page annex{size:A4 landscape" in source


def test_english_and_an_empty_plan(run: Run, tmp_path: Path) -> None:
    english = tmp_path / "en.html"
    assert run("report", "-o", str(english), "--lang", "en", "--data", str(ROOT)).exit_code == 0
    text = english.read_text(encoding="utf-8")
    assert '<html lang="en">' in text and "Annex: Results of the main targets" in text and "93.2 (e)" in text
    fresh = tmp_path / "fresh"
    assert run("init", str(fresh)).exit_code == 0
    for fmt in FORMATS:  # no figure at all: the documents are still written, without charts
        result = run("report", "-o", str(tmp_path / f"empty.{fmt}"), "--data", str(fresh))
        assert result.exit_code == 0, result.output


def test_later_years_and_usage(run: Run, tmp_path: Path) -> None:
    import openpyxl

    path = tmp_path / "latest.xlsx"
    assert run("report", "-o", str(path), "--as-of", "latest", "--data", str(ROOT)).exit_code == 0
    header = [c.value for c in openpyxl.load_workbook(path)["Tổng hợp"][5]]
    assert header[4:9] == ["2020", "2021", "2022", "2023", "2024"]
    odd = run("report", "-o", str(tmp_path / "review.txt"), "--data", str(ROOT))
    assert odd.exit_code == 2 and "--format" in odd.stderr and odd.stderr.count("\n") == 1
    named = run("report", "-o", str(tmp_path / "review.txt"), "-f", "XLSX", "--data", str(ROOT))
    assert named.exit_code == 0 and zipfile.is_zipfile(tmp_path / "review.txt")
    wrong = run("report", "-o", str(tmp_path / "r.pdf"), "-f", "pdf", "--data", str(ROOT))
    assert wrong.exit_code == 2 and "docx, xlsx, html" in wrong.stderr
    assert run("report", "--data", str(ROOT)).exit_code == 2  # --output is required


def test_status_does_not_import_the_document_libraries(plan: Path) -> None:
    """A command's start-up is its users' most frequent wait: only `report` pays for these."""
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "midterm", "status", "-f", "json"],
        capture_output=True,
        text=True,
        check=True,
        cwd=plan,
    )
    imported = {line.split("|")[-1].strip().split(".")[0] for line in done.stderr.splitlines() if "|" in line}
    assert "midterm" in imported and "pydantic" in imported
    assert not imported & {"matplotlib", "docx", "xlsxwriter", "numpy", "PIL", "lxml"}


# ---------------------------------------------------------------- a real browser


BROWSER_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


CARD = """[...document.querySelectorAll('.annex tbody tr:not(.ind)')].map(tr => {
  const v = tr.querySelector('td.ours').getBoundingClientRect(), n = tr.querySelector('th').getBoundingClientRect();
  return {top: v.top, left: v.left, right: v.right, name: n.top, nameTop: n.top, nameLeft: n.left};
})"""


def chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome", "chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


def test_web_page_in_a_browser(written: dict[str, Path]) -> None:
    """Chromium opens the page at a desktop's and a phone's width: no console error, nothing
    fetched, no page-wide horizontal scroll; a screenshot of each is kept
    (in $MIDTERM_ARTIFACTS, else build/test-artifacts)."""
    executable = chromium()
    if executable is None:
        pytest.skip("no Chromium installed (Debian: apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install playwright)")
    artifacts = Path(os.environ.get("MIDTERM_ARTIFACTS") or ROOT / "build" / "test-artifacts")
    artifacts.mkdir(parents=True, exist_ok=True)
    url = written["html"].as_uri()
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=executable, args=BROWSER_ARGS)
        try:
            for width in (1280, 390):
                page = browser.new_page(viewport={"width": width, "height": 900})
                errors: list[str] = []
                fetched: list[str] = []
                page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)  # noqa: B023
                page.on("pageerror", lambda e: errors.append(str(e)))  # noqa: B023
                page.on("request", lambda r: fetched.append(r.url))  # noqa: B023
                page.goto(url)
                wide = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
                assert errors == [] and fetched == [url]
                assert wide[0] <= wide[1], f"the page scrolls sideways at {width} px: {wide}"
                box = page.evaluate("(e => [e.scrollWidth, e.clientWidth])(document.querySelector('.scroll'))")
                # each metric of the annex: where its verdict and its name are drawn
                where = page.evaluate(CARD)
                if width == 390:  # a card per row, nothing off-screen, the verdict first
                    assert box[0] <= box[1]
                    assert all(v["right"] <= width and v["top"] < v["name"] for v in where), where[:3]
                else:  # the table: the verdict to the right of the name, on its row
                    assert all(v["left"] > v["nameLeft"] and abs(v["top"] - v["nameTop"]) < 40 for v in where)
                page.screenshot(path=str(artifacts / f"report-{width}.png"))
                page.close()
        finally:
            browser.close()


# ---------------------------------------------------------------- how sure each verdict is (issue 18)

SURE = {"decided": "đã rõ", "high": "khá chắc", "low": "chưa chắc", "thin": "ít số liệu", "unmeasured": "chưa đo được"}


def _status_rows(run: Run) -> list[tuple[str, str, str]]:
    """`status -f json`'s rows as the annex lists them: (name, certainty in words, the 80% range as
    the annex writes it), an indicator then its metrics."""
    import json

    from midterm.words import num

    result = run("status", "-f", "json", "--data", str(ROOT))
    assert result.exit_code == 0
    rows = []
    for ind in json.loads(result.stdout)["indicators"]:
        rows.append((ind["name"], SURE.get(ind["certainty"], ""), ""))
        for m in ind["metrics"]:
            spread = m["range"]
            ends = "" if spread is None else " đến ".join(num(v, "vi") for v in spread)
            if spread is not None and m["kind"] == "average-growth":
                ends = " đến ".join(num(v, "vi", 2) + "%" for v in spread)
            rows.append((m["name"], SURE.get(m["certainty"], ""), ends))
    return rows


def _annex_rows(path: Path, sure_header: str, range_header: str) -> list[tuple[str, str, str]]:
    """Each annex row's certainty cell and the range beside its projection, read back as a reader's tool reads them."""
    if path.suffix == ".docx":
        from docx import Document

        table = Document(str(path)).tables[-1]
        head = [c.text for c in table.rows[0].cells]
        sure, projected = head.index(sure_header), head.index(sure_header) - 2
        out = []
        for row in table.rows[1:]:
            cells = [c.text for c in row.cells]
            ends = re.search(r"80%: (.+?)\)", cells[projected])
            out.append((cells[sure], ends.group(1) if ends else ""))
        return out
    if path.suffix == ".xlsx":
        import openpyxl

        sheet = openpyxl.load_workbook(path)["Tổng hợp"]
        head = [c.value for c in sheet[5]]
        sure, spread = head.index(sure_header), head.index(range_header)
        rows = []
        for r in sheet.iter_rows(min_row=6, values_only=True):
            if not r[1]:  # the table ends; its notes and the review follow below
                break
            rows.append(r)
        return [(r[sure] or "", "" if r[spread] in (None, "—") else r[spread].removeprefix("từ ")) for r in rows]
    page = path.read_text(encoding="utf-8")
    annex = page[page.index('<section class="annex"') :]
    out = []
    for row in re.findall(r"<tr(?: class=\"ind\")?><td class=\"no\">.*?</tr>", annex, flags=re.S):
        sure = re.search(r'<td class="sure"[^>]*>(.*?)</td>', row)
        ends = re.search(r"80%: (.+?)\)", row)
        out.append((sure.group(1) if sure else "", ends.group(1) if ends else ""))
    return out


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_annex_says_how_sure_as_status_does(written: dict[str, Path], run: Run, fmt: str) -> None:
    """Beside each verdict its certainty in words, beside each projection its 80% range: the
    values `status -f json` gives for the same plan, on every row."""
    expected = [(sure, ends) for _, sure, ends in _status_rows(run)]
    assert len(expected) == INDICATORS + METRICS
    got = _annex_rows(written[fmt], "Độ chắc chắn", "Khoảng 80%")
    assert got == expected
    assert sum(1 for _, e in expected if e) >= 6 and {s for s, _ in expected} >= {"khá chắc", "chưa chắc"}
    text = written[fmt].read_text(encoding="utf-8") if fmt == "html" else ""
    if fmt == "html":  # the legend says what the words mean
        assert "chưa chắc (khoảng 80% vượt qua mục tiêu)" in text


def test_each_chart_shades_the_chosen_methods_range(shipped: Review, run: Run, written: dict[str, Path]) -> None:
    """The band runs from the latest observation to the end year and ends at the range `status`
    gives (for an average-growth target, the average's range, as the chart plots the average)."""
    import json

    from midterm.render.figure import chart

    result = run("status", "-f", "json", "--data", str(ROOT))
    ranges = {m["id"]: m["range"] for i in json.loads(result.stdout)["indicators"] for m in i["metrics"]}
    banded = 0
    for item in shipped.indicators:
        for m in item.metrics:
            c = m.chart
            if c is None or not c.band:
                continue
            banded += 1
            x, lo, hi = c.band[0]
            anchor = c.compared[-1] if c.compared else (c.observed[-1].x, c.observed[-1].y)
            assert (x, lo, hi) == (anchor[0], anchor[1], anchor[1])
            assert c.band[-1][0] == shipped.window.end
            assert list(c.band[-1][1:]) == pytest.approx(ranges[m.score.metric.id])
            assert all(low <= v <= high for (_, low, high), (_, v) in zip(c.band, c.lines[m.score.chosen], strict=True))
            svg = chart(c, m.score.metric, m.score.chosen, "vi", "svg", (6.3, 2.9)).decode()
            plain = chart(c._replace(band=[]), m.score.metric, m.score.chosen, "vi", "svg", (6.3, 2.9)).decode()
            assert svg.count("fill-opacity: 0.14") == 2 and plain.count("fill-opacity: 0.14") == 0  # band and its key
    assert banded == sum(r is not None for r in ranges.values())
    page = written["html"].read_text(encoding="utf-8")
    assert page.count("fill-opacity: 0.14") == 2 * banded
    captions = re.findall(r"<figcaption>([^<]*)</figcaption>", page)  # the chart in words says it too
    assert sum("Dải tô màu là khoảng 80% của dự báo theo xu hướng tuyến tính" in c for c in captions) == banded


@pytest.mark.parametrize("fmt", ["docx", "html"])
def test_each_metric_in_depth_gives_each_methods_range(written: dict[str, Path], run: Run, fmt: str) -> None:
    """Under a metric's verdict: how sure, and each method's 80% range at the end year, by its name
    in words, as `status -f json` gives them."""
    import json

    from midterm.words import num, pct

    if fmt == "docx":
        from docx import Document

        text = "\n".join(p.text for p in Document(str(written[fmt])).paragraphs)
    else:
        text = re.sub(r"<[^>]+>", "\n", written[fmt].read_text(encoding="utf-8"))
    names = {"linear": "xu hướng tuyến tính", "cagr": "tăng trưởng kép"}
    status = json.loads(run("status", "-f", "json", "--data", str(ROOT)).stdout)
    said = 0
    for m in (m for i in status["indicators"] for m in i["metrics"]):
        ranges = [(k, r["range"]) for k, r in m["by_method"].items() if r["range"] is not None]
        if not ranges:
            continue
        write = (lambda v: pct(v, "vi")) if m["kind"] == "average-growth" else (lambda v: num(v, "vi"))
        parts = "; ".join(f"{names[k]} {write(lo)} đến {write(hi)}" for k, (lo, hi) in ranges)
        assert f"Khoảng 80% cho năm 2025: {parts}." in text, m["id"]
        said += 1
    assert said >= 6 and text.count("Độ chắc chắn: ") >= sum(
        m["certainty"] is not None for i in status["indicators"] for m in i["metrics"]
    )
