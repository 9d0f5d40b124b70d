"""The review document as a Party Committee signs it (issue 22): the formal parts of a Party or a
state document from the plan's `[report]`, the review in a reviewer's sentences held against the
figures they cite, one language, charts and spreadsheet data that say what the verdicts say."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest

from conftest import ROOT, Run
from midterm.load import load_folder
from midterm.render.review_text import indicator_sentences, opening
from midterm.scoring import Review, review

PLANS = (ROOT, ROOT / "plans" / "dong-nai-xi", ROOT / "plans" / "dong-nai-i")


@pytest.fixture(scope="module")
def shipped() -> Review:
    report = load_folder(ROOT, warnings=False)
    assert report.dataset is not None
    return review(report.dataset)


# ---------------------------------------------------------------- the review's sentences


def _status(*args: str, run: Run) -> dict:  # type: ignore[type-arg]
    """`status -f json` for the same plan and options: what the document must agree with."""
    import json

    result = run("status", "-f", "json", *args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def test_the_review_opens_with_the_count_and_the_differences(shipped: Review, run: Run) -> None:
    count, sure, official, *differs = opening(shipped, "vi")
    assert count == (
        "Nghị quyết đề ra 15 chỉ tiêu; theo số liệu đến năm 2023, 3 chỉ tiêu có khả năng đạt, 4 chỉ tiêu khó đạt, "
        "8 chỉ tiêu chưa đủ số liệu để đánh giá."
    )
    # the verdicts counted by how sure they are, as `status` counts them
    assert sure == _status("--data", str(ROOT), run=run)["summary"]["certainty_text"]
    assert sure.startswith("Độ chắc chắn: 4 khó đạt: ")
    summary = shipped.status.summary
    assert sum(summary.counts.values()) == 15 and (summary.counts["on-track"], summary.counts["hard"]) == (3, 4)
    # the mid-term report: "12/15 chỉ tiêu theo lộ trình đến cuối nhiệm kỳ sẽ đạt và vượt; 3/15 chỉ tiêu khó đạt"
    assert official.startswith("Báo cáo giữa nhiệm kỳ đánh giá 12 chỉ tiêu có khả năng đạt, 3 chỉ tiêu khó đạt;")
    assert [d.split(" (")[0] for d in differs] == ["Chỉ tiêu 5", "Chỉ tiêu 7", "Chỉ tiêu 12"]


def test_the_sentences_cite_the_figures_of_the_mid_term_report(shipped: Review) -> None:
    """The figures the generated sentences cite, against those the mid-term report itself states
    (sources/000_7617a048d9e5878a.txt, section I.2 and footnote 7)."""
    text = "\n".join(indicator_sentences(shipped, "vi"))
    assert (
        "Tốc độ tăng trưởng GRDP bình quân hằng năm giai đoạn 2021-2023 đạt 7,92%/năm (Nghị quyết: 9-10%/năm); "
        "dự báo cả giai đoạn 2021-2025 đạt khoảng 8,36%/năm, khó đạt mục tiêu đề ra (chưa chắc: khoảng " in text
    )  # the report: "giai đoạn 2021-2023 đạt 7,92% (NQĐH là 9-10%/năm), khả năng khó đạt"
    assert "năm 2023 đạt 93,2 triệu đồng/người/năm" in text  # "Thu nhập bình quân đầu người đạt hơn 93,2 triệu"
    # "tổng vốn đầu tư toàn xã hội từ đầu nhiệm kỳ đến cuối tháng 6/2023, ước 92.765 tỷ đồng, đạt 50,14% mục tiêu"
    assert "lũy kế từ năm 2021 đến 30/06/2023 đạt 92.765 tỷ đồng, bằng 50,14% mục tiêu" in text
    # footnote 7: "Kết nạp 3.317 đảng viên, đạt 55,28% so với chỉ tiêu ... (mục tiêu là 6.000)"
    assert "đạt 3.317 đảng viên, bằng 55,28% mục tiêu (Nghị quyết: Đến năm 2025 kết nạp 6.000 đảng viên mới)" in text
    assert "tỷ trọng nông - lâm - thủy sản trong GRDP năm 2023 đạt 22%" in text  # "nông - lâm - thủy sản 22%"
    assert "năm 2023 đạt 14.930 tỷ đồng" in text  # "Thu ngân sách năm 2023 đạt 14.930 tỷ đồng"
    assert text.splitlines()[-1].startswith("Chưa đủ số liệu để đánh giá: chỉ tiêu 2 (Chỉ tiêu về y tế); chỉ tiêu 3")


def test_each_sentence_cites_its_own_findings(shipped: Review) -> None:
    """Every metric with a figure: its sentence holds the figure so far and the projection as the
    scoring computed them, and its verdict's phrase."""
    from midterm.render.review_text import metric_clause, sure_text
    from midterm.words import num

    phrases = {"on-track": "có khả năng đạt", "hard": "khó đạt"}
    checked = 0
    for item in shipped.indicators:
        for m in item.metrics:
            f = m.finding
            if not f.has_data or f.score.metric.threshold is None:
                continue
            clause = metric_clause(f, shipped, "vi")
            digits = 2 if f.score.metric.kind == "average-growth" else None
            assert f.so_far is not None and num(f.so_far, "vi", digits) in clause
            if f.projected is not None:
                assert f"khoảng {num(f.projected, 'vi', digits)}" in clause
            verdict = "đã đạt" if f.score.achieved else phrases[f.score.verdict]
            sure = sure_text(f, "vi")  # how sure, as the scoring says (held against `status` below)
            assert clause.endswith(verdict + " mục tiêu đề ra" + (f" ({sure})" if sure else "")), clause
            checked += 1
    assert checked == 11  # the metrics with a target and a figure up to 2023


def test_each_sentence_says_how_sure_as_status_does(shipped: Review, run: Run) -> None:
    """The verdict's certainty in words and the 80% range of its projection, from `status`."""
    from midterm.render.review_text import metric_clause
    from midterm.words import num

    words = {
        "decided": "đã rõ",
        "high": "khá chắc",
        "low": "chưa chắc",
        "thin": "ít số liệu",
        "unmeasured": "chưa đo được",
    }
    metrics = {m["id"]: m for i in _status("--data", str(ROOT), run=run)["indicators"] for m in i["metrics"]}
    clauses = {m.finding.score.metric.id: m.finding for i in shipped.indicators for m in i.metrics}
    said = 0
    for key, f in clauses.items():
        if not f.has_data or f.score.metric.threshold is None or f.score.metric.kind == "trend":
            continue
        clause = metric_clause(f, shipped, "vi")
        status = metrics[key]
        if status["certainty"] is None:
            assert not re.search(r"\((đã rõ|khá chắc|chưa chắc|ít số liệu|chưa đo được)", clause)
            continue
        spread = status["range"]
        if spread is None:
            assert clause.endswith(f"({words[status['certainty']]})"), clause
        else:
            places = 0 if max(map(abs, spread)) >= 1000 else 2
            lo, hi = (num(v, "vi", places) for v in spread)
            between = f"khoảng {lo}-{hi}" if spread[0] >= 0 else f"khoảng từ {lo} đến {hi}"
            assert f"({words[status['certainty']]}: {between}" in clause, clause
        said += 1
    assert said == sum(m["certainty"] is not None for m in metrics.values()) == 11


def test_english_says_the_same_in_plain_english(shipped: Review) -> None:
    text = "\n".join(opening(shipped, "en") + indicator_sentences(shipped, "en"))
    assert text.startswith("The resolution sets 15 targets; by the figures to 2023, 3 are likely to be met, 4 are hard")
    assert (
        "Average yearly GRDP growth over 2021-2023 was 7.92%/year (resolution: 9-10%/year); projected over "
        "2021-2025 at about 8.36%/year, hard to achieve (unsure: 80% range " in text
    )
    assert "\nHow sure: 4 hard to achieve: 1 fairly sure, 3 unsure; 3 on track: " in text
    assert "92,765 billion VND, 50.14% of the target" in text


# ---------------------------------------------------------------- the formal parts


FORMS = {
    "party": """
[report]
style = "party"
issuer = ["ĐẢNG BỘ TỈNH BÌNH PHƯỚC", "TỈNH ỦY"]
number = "12-BC/TU"
place = "Đồng Xoài"
date = 2023-09-30
title = "BÁO CÁO"
subject = "Đánh giá giữa nhiệm kỳ thực hiện Nghị quyết, nhiệm kỳ 2020-2025"
recipients = ["Ban Chấp hành Đảng bộ tỉnh", "Lưu Văn phòng Tỉnh ủy"]
signer = { on_behalf = "T/M TỈNH ỦY", title = "BÍ THƯ", name = "Nguyễn Văn A" }
""",
    "state": """
[report]
style = "state"
issuer = ["ỦY BAN NHÂN DÂN", "TỈNH BÌNH PHƯỚC"]
number = "45/BC-UBND"
place = "Bình Phước"
date = 2023-10-02
subject = "Kết quả thực hiện các chỉ tiêu kinh tế - xã hội giữa nhiệm kỳ 2020-2025"
recipients = ["Thường trực Tỉnh ủy"]
signer = { on_behalf = "TM. ỦY BAN NHÂN DÂN", title = "CHỦ TỊCH" }
""",
}


def _with_form(plan: Path, form: str) -> None:
    targets = plan / "targets.toml"
    text = targets.read_text(encoding="utf-8")
    text = text[: text.index("[report]")] if "[report]" in text else text
    targets.write_text(text + form, encoding="utf-8")


def _lines(cell: object) -> list[str]:
    return [p.text for p in cell.paragraphs]  # type: ignore[attr-defined]


def test_a_party_document_has_the_parts_of_hướng_dẫn_36(plan: Path, run: Run, tmp_path: Path) -> None:
    from docx import Document
    from docx.oxml.ns import qn

    _with_form(plan, FORMS["party"])
    out = tmp_path / "party.docx"
    assert run("report", "-o", str(out)).exit_code == 0
    doc = Document(str(out))
    heading, closing, _ = doc.tables
    left, right = heading.rows[0].cells
    assert _lines(left) == ["ĐẢNG BỘ TỈNH BÌNH PHƯỚC", "TỈNH ỦY", "*", "Số 12-BC/TU"]
    assert _lines(right) == ["ĐẢNG CỘNG SẢN VIỆT NAM", "Đồng Xoài, ngày 30 tháng 9 năm 2023"]
    assert all(r.underline and r.bold for r in right.paragraphs[0].runs if r.text)
    assert all(r.italic for r in right.paragraphs[1].runs if r.text)
    texts = [p.text for p in doc.paragraphs]
    assert texts[0] == "BÁO CÁO" and texts[1] == "Đánh giá giữa nhiệm kỳ thực hiện Nghị quyết, nhiệm kỳ 2020-2025"
    # "2020-2025" never breaks: Word's no-break hyphen between the years
    assert doc.paragraphs[1]._p.findall(".//" + qn("w:noBreakHyphen"))
    recipients, signer = closing.rows[0].cells
    assert _lines(recipients) == ["Nơi nhận:", "- Ban Chấp hành Đảng bộ tỉnh;", "- Lưu Văn phòng Tỉnh ủy."]
    assert _lines(signer) == ["T/M TỈNH ỦY", "BÍ THƯ", "", "Nguyễn Văn A"]
    # the page number from the second page on: the first page has a header of its own, empty
    first = doc.sections[0]
    assert first.different_first_page_header_footer
    assert "PAGE" not in first.first_page_header._element.xml and "PAGE" in first.header._element.xml


def test_a_state_document_has_the_parts_of_nghị_định_30(plan: Path, run: Run, tmp_path: Path) -> None:
    from docx import Document

    _with_form(plan, FORMS["state"])
    out = tmp_path / "state.docx"
    assert run("report", "-o", str(out)).exit_code == 0
    doc = Document(str(out))
    heading, closing, _ = doc.tables
    left, right = heading.rows[0].cells
    assert _lines(left) == ["ỦY BAN NHÂN DÂN", "TỈNH BÌNH PHƯỚC", "Số: 45/BC-UBND"]
    assert _lines(right) == [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Bình Phước, ngày 2 tháng 10 năm 2023",
    ]
    assert "ĐẢNG CỘNG SẢN" not in heading.rows[0].cells[1].text
    assert doc.paragraphs[0].text == "BÁO CÁO"  # no title given: a report
    recipients, signer = closing.rows[0].cells
    assert _lines(recipients) == ["Nơi nhận:", "- Thường trực Tỉnh ủy."]
    assert _lines(signer)[:2] == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"] and _lines(signer)[-1].startswith("……")


def test_what_the_plan_does_not_give_is_a_line_to_fill_by_hand(run: Run, tmp_path: Path) -> None:
    """The shipped plan's sources give no place, date, recipients or signer: dotted lines, not guesses."""
    from docx import Document

    out = tmp_path / "shipped.docx"
    assert run("report", "-o", str(out), "--data", str(ROOT)).exit_code == 0
    heading, closing, _ = Document(str(out)).tables
    assert _lines(heading.rows[0].cells[1])[1] == "…………, ngày .... tháng .... năm ...."
    assert _lines(heading.rows[0].cells[0])[-1] == "Số " + "\u00a0" * 8 + "-BC/TU"  # room to write the number
    assert _lines(closing.rows[0].cells[1]) == ["……………………", "……………………", "", "……………………"]


@pytest.mark.parametrize(
    ("addition", "message"),
    [
        ('[report]\nstyle = "party"\nsigned = "x"\n', "report.signed"),
        ('[report]\nstyle = "town"\n', "report.style"),
        ('[report]\nsigner = { name = "A", rank = 1 }\n', "report.signer.rank"),
        ('[report]\ndate = "2023-09-30"\n', "report.date"),
    ],
)
def test_a_bad_report_table_is_refused_with_its_place(plan: Path, run: Run, addition: str, message: str) -> None:
    _with_form(plan, "\n" + addition)
    result = run("validate")
    assert result.exit_code == 1
    assert re.search(rf"targets\.toml:\d+: .*{re.escape(message)}", result.stdout), result.output


# ---------------------------------------------------------------- usage and limits


def test_an_extension_that_contradicts_the_format_is_a_usage_error(run: Run, tmp_path: Path) -> None:
    out = tmp_path / "x.html"
    clash = run("report", "-o", str(out), "--format", "docx", "--data", str(ROOT))
    assert clash.exit_code == 2 and "--format docx" in clash.stderr and clash.stderr.count("\n") == 1
    assert not out.exists()  # nothing written
    chosen = run("report", "-o", str(out), "--data", str(ROOT))  # no --format: the extension chooses
    assert chosen.exit_code == 0 and out.read_bytes().startswith(b"<!DOCTYPE html>")


def test_a_folder_or_a_format_midterm_does_not_write_is_named_as_such(run: Run, tmp_path: Path) -> None:
    """A newcomer asked for `-o outdir` was told to give --format, then that it was a folder; `-o x.pdf`
    was told the name did not say the format."""
    folder = run("report", "-o", str(tmp_path), "--data", str(ROOT), "--lang", "en")
    assert folder.exit_code == 2 and "is not a file" in folder.stderr and "--format" not in folder.stderr
    pdf = run("report", "-o", str(tmp_path / "x.pdf"), "--data", str(ROOT), "--lang", "en")
    assert pdf.exit_code == 2 and "not .pdf" in pdf.stderr and pdf.stderr.count("\n") == 1
    assert list(tmp_path.iterdir()) == []


def test_figures_near_the_float_limit_make_every_document(run: Run, tmp_path: Path) -> None:
    """`validate` and `status` accept them; `report` drew them with matplotlib's transforms overflowing
    ("Singular matrix", "arange: cannot compute length"). The chart is drawn in a power of ten."""
    plan = tmp_path / "big"
    (plan / "actuals").mkdir(parents=True)
    (plan / "targets.toml").write_text(
        '[plan]\nid = "big"\nname = "Big"\nbaseline_year = 2020\nend_year = 2025\n\n'
        '[[indicators]]\nid = "a"\nno = 1\nname = "A"\n\n'
        '  [[indicators.metrics]]\n  id = "a"\n  name = "A"\n  unit = "đồng"\n  kind = "level"\n'
        '  direction = "up"\n  target = 1.7e308\n',
        encoding="utf-8",
    )
    for year, value in ((2020, "1.6e308"), (2021, "1.6e308"), (2022, "1.7e308")):
        (plan / "actuals" / f"{year}.toml").write_text(
            f'year = {year}\n[a]\nvalue = {value}\nsource = "x"\n', encoding="utf-8"
        )
    assert run("status", "--data", str(plan)).exit_code == 0
    for fmt in ("docx", "html", "xlsx"):
        result = run("report", "-o", str(tmp_path / f"big.{fmt}"), "--data", str(plan))
        assert result.exit_code == 0, result.output
    page = (tmp_path / "big.html").read_text(encoding="utf-8")
    assert page.count("<svg") == 1


# ---------------------------------------------------------------- one language


# English and internal words a Vietnamese reader must not meet: option values, kinds, file names.
FOREIGN = re.compile(
    r"\b(linear|cagr|geometric|arithmetic|actuals|up|down|on-track|insufficient|average-growth|cumulative|"
    r"level|annual|trend|official|preliminary|estimate|verdict|method|metric|projected|to_date|as_of|since)\b"
    r"|Chiều '",
    re.IGNORECASE,
)


def _document_text(path: Path) -> str:
    """What a reader sees: Word's and Excel's text (cells, sheet names, charts), the web page
    without its markup, stylesheet and chart paths (a chart's words are in its text alternative)."""
    if path.suffix == ".html":
        page = path.read_text(encoding="utf-8")
        page = re.sub(r"<style>.*?</style>|<path[^>]*>|<(?:g|use|clipPath|defs)\b[^>]*>", " ", page, flags=re.S)
        page = re.sub(r"<title>(.*?)</title>", r" \1 ", page, flags=re.S)
        return re.sub(r"<[^>]+>|&[a-z]+;", " ", page)
    with zipfile.ZipFile(path) as z:
        parts = [
            n for n in z.namelist() if n.endswith(".xml") and not n.startswith(("[Content", "_rels", "docProps/app"))
        ]
        xml = " ".join(z.read(n).decode("utf-8") for n in parts)
    texts = re.findall(r"<(?:w:t|t|a:t|c:v)(?: [^>]*)?>([^<]*)<", xml)
    texts += re.findall(r'name="([^"]+)"', " ".join(re.findall(r"<sheet [^>]*>", xml)))
    return "\n".join(texts)


@pytest.mark.parametrize("folder", PLANS, ids=lambda p: p.name)
def test_a_vietnamese_document_has_no_english_or_internal_word(run: Run, tmp_path: Path, folder: Path) -> None:
    report = load_folder(folder, warnings=False)
    assert report.dataset is not None
    ids = {m.id for _, m in report.dataset.metrics()} | {i.id for i in report.dataset.targets.indicators}
    ids = {i for i in ids if "-" in i}  # single words ("health") may be words of a name
    for fmt in ("docx", "xlsx", "html"):
        out = tmp_path / f"doc.{fmt}"
        assert run("report", "-o", str(out), "--data", str(folder)).exit_code == 0
        text = _document_text(out)
        assert len(text) > 1000
        found = sorted({m.group() for m in FOREIGN.finditer(text)})
        assert found == [], f"{folder.name} {fmt}: {found}"
        named = sorted(i for i in ids if re.search(rf"(?<![\w/.-]){re.escape(i)}(?![\w/.-])", text))
        assert named == [], f"{folder.name} {fmt}: ids where a reader reads names: {named}"


# ---------------------------------------------------------------- the spreadsheet's charts and print


def test_the_spreadsheet_charts_and_print_as_read(run: Run, tmp_path: Path) -> None:
    import openpyxl
    from openpyxl.utils import column_index_from_string

    out = tmp_path / "r.xlsx"
    assert run("report", "-o", str(out), "--data", str(ROOT)).exit_code == 0
    book = openpyxl.load_workbook(out)
    sheet = book["Biểu đồ"]
    years = [r[0] for r in sheet.iter_rows(min_row=1) if isinstance(r[0].value, int | float)]
    assert years and all(c.number_format == "0" for c in years if float(c.value).is_integer())
    mid = [c for c in years if not float(c.value).is_integer()]  # running totals at mid-2021 and mid-2023
    assert {c.number_format for c in mid} == {'"06/2021"', '"06/2023"'}
    summary = book["Tổng hợp"]
    why = next(c.column_letter for c in summary[5] if c.value == "Lý do")
    last = re.findall(r"\$([A-Z]+)\$\d+", summary.print_area)[-1]  # 'Tổng hợp'!$A$1:$N$69
    assert column_index_from_string(last) > column_index_from_string(why)  # the reason prints
    assert summary.page_setup.fitToWidth in (1, None) and summary.sheet_properties.pageSetUpPr.fitToPage
    method = book["Cách đánh giá"]
    assert method.page_setup.fitToWidth == 2 and method.print_title_cols == "$A:$B"  # readable, names on each page
    with zipfile.ZipFile(out) as z:
        charts = {n: z.read(n).decode() for n in z.namelist() if re.fullmatch(r"xl/charts/chart\d+\.xml", n)}
    titles = {n: re.search(r"<a:t>([^<]+)</a:t>", x).group(1) for n, x in charts.items()}  # type: ignore[union-attr]
    by_title = {v: charts[k] for k, v in titles.items()}
    grdp_heading = "1. Tốc độ tăng trưởng GRDP bình quân hằng năm (%/năm)"
    grdp = by_title[grdp_heading]
    assert 'formatCode="#,##0.0&quot;%&quot;"' in grdp  # a percent sign as text: 8.4 is 8,4%, not 840%
    assert "bình quân từ năm 2021" in grdp  # the average the verdict compares is a series
    # the chosen method's 80% range of that average: its two ends, the last at the range `status` gives
    assert "khoảng 80% (cận dưới)" in grdp and "khoảng 80% (cận trên)" in grdp
    status = _status("--data", str(ROOT), run=run)
    lo, hi = next(m["range"] for i in status["indicators"] for m in i["metrics"] if m["id"] == "grdp-growth")
    table = next(r for r in range(1, sheet.max_row) if sheet.cell(r, 1).value == grdp_heading)
    head = [c.value for c in sheet[table + 1]]
    end = next(r for r in sheet.iter_rows(min_row=table + 2, values_only=True) if r[0] == 2025)
    assert end[head.index("khoảng 80% (cận dưới)")] == pytest.approx(lo)
    assert end[head.index("khoảng 80% (cận trên)")] == pytest.approx(hi)
    investment = by_title["6. Tổng vốn đầu tư toàn xã hội giai đoạn 2021-2025 (tỷ đồng)"]
    assert 'formatCode="#,##0"' in investment and "#,##0.0" not in investment  # never "200.000,0"
    poverty = by_title["12. Tỷ lệ hộ nghèo (%)"]
    assert "giới hạn 100" not in poverty  # a bound far outside 1-5% would flatten the figures
    for xml in charts.values():
        for marker in re.findall(r"<c:marker>(.*?)</c:marker>", xml, flags=re.S):
            assert "noFill" not in marker and ("solidFill" in marker or 'val="none"' in marker)


# ---------------------------------------------------------------- page by page, as LibreOffice prints it


def _pages(document: Path, out: Path) -> list[list[str]]:
    """The document printed to PDF by LibreOffice, each page's non-empty lines (poppler's pdftotext)."""
    import os
    import shutil
    import subprocess

    office = shutil.which("soffice") or shutil.which("libreoffice")
    if office is None:
        pytest.skip("LibreOffice is not installed (Debian: apt-get install libreoffice-writer-nogui)")
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext is not installed (Debian: apt-get install poppler-utils)")
    home = out / "home"  # LibreOffice needs a profile it can write
    home.mkdir(exist_ok=True)
    env = {**os.environ, "HOME": str(home)}
    command = [office, "--headless", "--convert-to", "pdf", "--outdir", str(out), str(document)]
    subprocess.run(command, env=env, capture_output=True, timeout=300, check=True)
    pdf = out / (document.stem + ".pdf")
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, check=True, text=True).stdout
    pages = [[line.strip() for line in page.splitlines() if line.strip()] for page in text.split("\f")]
    return [p for p in pages if p] if pages and not pages[-1] else pages


def test_the_word_document_page_by_page(run: Run, tmp_path: Path) -> None:
    from docx import Document

    out = tmp_path / "review.docx"
    assert run("report", "-o", str(out), "--data", str(ROOT)).exit_code == 0
    pages = _pages(out, tmp_path)
    assert len(pages) >= 10
    short = [(k + 1, p) for k, p in enumerate(pages) if len(p) < 3]
    assert short == [], f"pages holding a line or two: {short}"
    first = pages[0]
    assert not first[0].isdigit() and pages[1][0] == "2"  # no number on the first page; the second's is 2
    assert any("nhiệm kỳ 2020-2025" in line for line in first)  # the title keeps its years on one line
    assert not any(line.endswith("2020-") for page in pages for line in page)
    assert any(line.startswith("Nơi nhận:") for page in pages[:3] for line in page)  # the body ends signed
    headings = {p.text for p in Document(str(out)).paragraphs if p.style.name in ("Heading 2", "Heading 3")}
    ending = [(k + 1, p[-1]) for k, p in enumerate(pages) if p[-1] in headings]
    assert ending == [], f"a heading at the foot of a page, its chart on the next: {ending}"
