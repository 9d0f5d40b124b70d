"""import against files no department means to send: huge or broken sheets, merged cells, formulas,
dates and odd numbers where a value belongs; and a form saved again by LibreOffice Calc."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import unicodedata
import zipfile
from pathlib import Path

import pytest
from formfill import digest, fill, header_row, rows
from openpyxl import load_workbook
from test_forms import copy_plan, row_of, year_entries

from conftest import ROOT, Run
from midterm.forms import cells as cells_module


@pytest.fixture
def form(run: Run, plan: Path, tmp_path: Path) -> Path:
    path = tmp_path / "form.xlsx"
    assert run("collect", "-o", str(path), "--year", "2025").exit_code == 0
    return path


def one_sheet(form: Path) -> tuple[str, int, dict[str, int]]:
    book = load_workbook(form)
    sheet = book["Chưa phân công"]
    head, cols = header_row(sheet)
    return sheet.title, head, cols


def test_a_huge_sheet_reads_only_the_cells_it_holds(run: Run, plan: Path, form: Path) -> None:
    book = load_workbook(form)
    sheet = book["Chưa phân công"]
    _, cols = header_row(sheet)
    sheet.cell(1_048_576, cols["value"]).value = 5  # the last row Excel has, with no id
    sheet.cell(1_048_576, 16_384).value = "x"  # and the last column
    book.save(form)
    before = digest(plan)
    done = run("import", str(form))
    assert done.exit_code == 1
    assert "Chưa phân công!A1048576: có số liệu mới nhưng không có mã" in done.stderr
    assert digest(plan) == before


def test_sheet_data_beyond_the_limit_is_refused(
    run: Run, plan: Path, form: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cells_module, "LIMIT", 1000)
    done = run("import", str(form))
    assert done.exit_code == 1 and "vượt giới hạn" in done.stderr and "Traceback" not in done.output


def test_a_long_form_says_how_far_it_has_read(
    run: Run, plan: Path, form: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cells_module, "PROGRESS_FROM", 4)
    monkeypatch.setattr(cells_module, "PROGRESS_EVERY", 5)
    done = run("import", str(form))
    assert done.exit_code == 0
    assert "đang đọc Chưa phân công: dòng 5/" in done.stderr and "dòng 10/" in done.stderr


def test_a_merged_source_counts_for_every_row_it_covers(run: Run, plan: Path, form: Path) -> None:
    todo = rows(form)
    book = load_workbook(form)
    sheet = book["Chưa phân công"]
    _, cols = header_row(sheet)
    first = row_of(todo, "cultural-families")[1]
    for i, r in enumerate(range(first, first + 3)):
        sheet.cell(r, cols["value"]).value = 91 + i
    sheet.cell(first, cols["source"]).value = "Sở Văn hóa, báo cáo năm 2025"
    col = sheet.cell(first, cols["source"]).column_letter
    sheet.merge_cells(f"{col}{first}:{col}{first + 2}")
    book.save(form)
    done = run("import", str(form))
    assert done.exit_code == 0, done.output
    for i, metric in enumerate(("cultural-families", "cultural-villages", "cultural-agencies")):
        assert year_entries(plan, 2025, metric) == [{"value": 91 + i, "source": "Sở Văn hóa, báo cáo năm 2025"}]


def test_number_cells_as_a_spreadsheet_holds_them(run: Run, plan: Path, form: Path) -> None:
    todo = rows(form)
    book = load_workbook(form)
    sheet = book["Chưa phân công"]
    _, cols = header_row(sheet)
    r = row_of(todo, "forest-cover")[1]
    sheet.cell(r, cols["value"]).value = 0.425  # 42.5% typed into a percentage cell
    sheet.cell(r, cols["value"]).number_format = "0.0%"
    sheet.cell(r, cols["source"]).value = "Niên giám"
    r = row_of(todo, "trained-labour")[1]
    sheet.cell(r, cols["value"]).value = 0.1 + 0.2 + 60  # a sum's floating-point noise
    sheet.cell(r, cols["source"]).value = "Niên giám"
    sheet.cell(r, cols["as_of"]).value = dt.datetime(2025, 9, 30)
    book.save(form)
    done = run("import", str(form))
    assert done.exit_code == 0, done.output
    assert year_entries(plan, 2025, "forest-cover") == [{"value": 42.5, "source": "Niên giám"}]
    assert year_entries(plan, 2025, "trained-labour") == [
        {"value": 60.3, "source": "Niên giám", "as_of": dt.date(2025, 9, 30)}
    ]


def test_a_percentage_for_a_metric_counted_otherwise_is_refused(run: Run, plan: Path, form: Path) -> None:
    todo = rows(form)
    sheet, r = row_of(todo, "new-cooperatives")
    places = fill(form, {(sheet, r): {"value": "12%", "source": "x"}})
    done = run("import", str(form))
    assert done.exit_code == 1 and f"{places[f'{sheet}:{r}:value']}: một tỷ lệ phần trăm" in done.stderr


@pytest.mark.parametrize(
    ("typed", "words"),
    [
        ("1e400", "không phải là số"),
        ("12abc", "không phải là số"),
        ("1,2,3", "không phải là số"),
        ("1.234,5.6", "không phải là số"),
        ("١٢", "không phải là số"),
        ("16,250", "không rõ nghĩa"),
        ("16.250", "không rõ nghĩa"),
        ("=SUM(J4:J5)", "công thức"),
    ],
)
def test_text_that_is_no_number_is_named(run: Run, plan: Path, form: Path, typed: str, words: str) -> None:
    todo = rows(form)
    sheet, r = row_of(todo, "forest-cover")
    places = fill(form, {(sheet, r): {"value": typed, "source": "x"}})
    before = digest(plan)
    done = run("import", str(form))
    assert done.exit_code == 1 and f"{places[f'{sheet}:{r}:value']}: " in done.stderr and words in done.stderr
    assert digest(plan) == before and "Traceback" not in done.output


@pytest.mark.parametrize(
    ("typed", "value"), [("42,5", 42.5), ("1.234.567", 1234567), ("1,234,567", 1234567), ("1 234,5", 1234.5)]
)
def test_text_in_either_style_is_read(run: Run, plan: Path, form: Path, typed: str, value: float) -> None:
    todo = rows(form)
    metric = "forest-cover" if value < 100 else "new-jobs"
    sheet, r = row_of(todo, metric)
    fill(form, {(sheet, r): {"value": typed, "source": "x"}})
    done = run("import", str(form))
    assert done.exit_code == 0, done.output
    assert year_entries(plan, 2025, metric)[-1] == {"value": value, "source": "x"}


@pytest.mark.parametrize(
    "content",
    [b"", b"not a zip at all", b"PK\x03\x04broken", "zip-without-workbook"],
)
def test_a_file_that_is_not_a_workbook_is_one_line(run: Run, plan: Path, tmp_path: Path, content: object) -> None:
    path = tmp_path / "form.xlsx"
    if content == "zip-without-workbook":
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("hello.txt", "hi")
    else:
        assert isinstance(content, bytes)
        path.write_bytes(content)
    done = run("import", str(path))
    assert done.exit_code == 1 and "Traceback" not in done.output
    assert done.stderr.count("\n") == 1 and "form.xlsx" in done.stderr


def test_files_that_are_no_form(run: Run, plan: Path, tmp_path: Path) -> None:
    assert run("import", str(tmp_path / "missing.xlsx")).exit_code == 2
    (tmp_path / "a.csv").write_text("id;year\nx;2025\n", encoding="utf-8")
    done = run("import", str(tmp_path / "a.csv"))
    assert done.exit_code == 1 and "cột" in done.stderr
    legacy = unicodedata.normalize("NFD", "Mã;Năm;Số liệu mới;Nguồn\nforest-cover;2025;42,5;Sở Xây dựng\n")
    (tmp_path / "b.csv").write_bytes(legacy.encode("cp1258", errors="replace"))  # Windows' Vietnamese code page
    done = run("import", str(tmp_path / "b.csv"))
    assert done.exit_code == 1 and "UTF-8" in done.stderr
    (tmp_path / "c.txt").write_text("id,value\n", encoding="utf-8")
    assert run("import", str(tmp_path / "c.txt")).exit_code == 1
    (tmp_path / "d.csv").write_text("id,value,year\nforest-cover,42.5,2025\n", encoding="utf-8")
    done = run("import", str(tmp_path / "d.csv"))
    assert done.exit_code == 1 and "d.csv!A1: dòng tiêu đề thiếu cột Nguồn/source" in done.stderr


def test_a_form_of_another_plan_is_refused(run: Run, plan: Path, tmp_path: Path) -> None:
    other = tmp_path / "dn.xlsx"
    assert run("collect", "--plan", "dong-nai-xi", "-o", str(other), "--year", "2025").exit_code == 0
    done = run("import", str(other))
    assert done.exit_code == 1 and "dong-nai-xi" in done.stderr and "binh-phuoc-xi" in done.stderr


def test_a_shipped_plan_is_never_written(run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "f.csv").write_text("id,year,value,source\nforest-cover,2025,42.5,x\n", encoding="utf-8")
    assert run("import", "f.csv").exit_code == 2


SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
def test_a_form_saved_again_by_libreoffice_still_imports(run: Run, tmp_path: Path) -> None:
    folder = copy_plan(ROOT, tmp_path / "plan")
    form = tmp_path / "form.xlsx"
    assert run("collect", "--data", str(folder), "-o", str(form), "--year", "2025").exit_code == 0
    todo = rows(form)
    sheet, r = row_of(todo, "forest-cover")
    _, cols = header_row(load_workbook(form)[sheet])
    value_col = load_workbook(form)[sheet].cell(1, cols["value"]).column_letter
    fill(
        form,
        {
            (sheet, r): {"value": 41.25, "source": "Sở Xây dựng", "basis": "ước", "as_of": dt.date(2025, 6, 30)},
            row_of(todo, "trained-labour"): {"value": f"={value_col}{r}+20", "source": "Sở Nội vụ"},  # a formula
            row_of(todo, "grdp-growth"): {"value": "8,5", "source": "Thống kê tỉnh"},
        },
    )
    out = tmp_path / "saved"
    out.mkdir()
    home = tmp_path / "home"
    home.mkdir()
    env = {**os.environ, "HOME": str(home)}
    command = [SOFFICE, "--headless", "--norestore", "--convert-to", "xlsx", "--outdir", str(out), str(form)]
    subprocess.run(command, env=env, check=True, capture_output=True, timeout=180)
    saved = out / "form.xlsx"
    assert saved.exists() and saved.read_bytes() != form.read_bytes()
    done = run("import", str(saved), "--data", str(folder))
    assert done.exit_code == 0, done.output
    assert year_entries(folder, 2025, "forest-cover") == [
        {"value": 41.25, "basis": "estimate", "source": "Sở Xây dựng", "as_of": dt.date(2025, 6, 30)}
    ]
    assert year_entries(folder, 2025, "trained-labour") == [{"value": 61.25, "source": "Sở Nội vụ"}]
    assert [e for e in year_entries(folder, 2025, "grdp-growth") if "since" not in e] == [
        {"value": 8.5, "source": "Thống kê tỉnh"}
    ]
    book = load_workbook(saved)
    assert book.sheetnames[0] == "Hướng dẫn" and book[sheet].protection.sheet
    other = copy_plan(ROOT / "plans" / "dong-nai-xi", tmp_path / "other")
    done = run("import", str(saved), "--data", str(other))  # the plan it was made from is still known
    assert done.exit_code == 1 and "binh-phuoc-xi" in done.stderr


def test_a_sheet_name_with_terminal_controls_is_printed_escaped(run: Run, plan: Path, form: Path) -> None:
    book = load_workbook(form)
    sheet = book["Chưa phân công"]
    sheet.title = "Sheet\x9b31m"  # a C1 control XML allows: a terminal would obey it
    head, cols = header_row(sheet)
    sheet.cell(head + 1, cols["value"]).value = "x"
    book.save(form)
    done = run("import", str(form))
    assert done.exit_code == 1 and "\x9b" not in done.stderr and "Sheet\\x9b31m!J" in done.stderr


def test_owner_names_become_sheet_names_excel_accepts() -> None:
    from midterm.forms.collect import sheet_names

    long = "Sở Lao động - Thương binh và Xã hội tỉnh Bình Phước"
    names = sheet_names([long, long + " (cũ)", "Sở [Y tế]: phòng 2/3?", "Hướng dẫn", None], "vi")
    assert all(len(n) <= 31 and not set(n) & set("[]:*?/\\") for n in names)
    assert len({n.lower() for n in names} | {"hướng dẫn"}) == 6  # unique, and none is the instructions'
    assert names[0] == long[:31] and names[-1] == "Chưa phân công"


def test_a_formula_in_the_id_column_without_a_value_is_named(run: Run, plan: Path, form: Path) -> None:
    todo = rows(form)
    sheet, r = row_of(todo, "forest-cover")
    places = fill(form, {(sheet, r): {"id": '=LOWER("URBANISATION")', "value": 42, "source": "x"}})
    done = run("import", str(form))
    assert done.exit_code == 1 and f"{places[f'{sheet}:{r}:id']}: công thức" in done.stderr
