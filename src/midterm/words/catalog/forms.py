"""Figures that come in from a spreadsheet form (issue 20): collect writes the form, import reads it back.

key: (English, Vietnamese)."""

MESSAGES: dict[str, tuple[str, str]] = {
    # collect and import (issue 20: figures come in from a spreadsheet form)
    "form_sheet_single": ("Figures", "Nhập số liệu"),
    "form_sheet_unowned": ("No owner", "Chưa phân công"),
    "form_sheet_help": ("Instructions", "Hướng dẫn"),
    "form_h_id": ("id", "Mã"),
    "form_h_indicator": ("Indicator", "Chỉ tiêu"),
    "form_h_metric": ("Metric", "Chỉ số"),
    "form_h_unit": ("Unit", "Đơn vị tính"),
    "form_h_target": ("Target (as the resolution words it)", "Mục tiêu (theo Nghị quyết)"),
    "form_h_last": ("Last known figure", "Số liệu gần nhất"),
    "form_h_last_year": ("Its year", "Năm của số gần nhất"),
    "form_h_last_covers": ("It covers", "Phạm vi số gần nhất"),
    "form_h_year": ("year", "Năm"),
    "form_h_value": ("value", "Số liệu mới"),
    "form_h_basis": ("basis", "Loại số"),
    "form_h_as_of": ("as_of", "Ngày tham chiếu"),
    "form_h_source": ("source", "Nguồn"),
    "form_h_note": ("note", "Ghi chú"),
    "form_h_to_date": ("to_date", "Lũy kế"),
    "form_yes": ("yes", "có"),
    "form_no": ("no", "không"),
    "form_prompt_to_date": (
        "cumulative metrics only: yes when the value is the running total since the term start, empty when it "
        "is the year's own",
        "chỉ cho chỉ số cộng dồn: chọn có khi số liệu là lũy kế từ đầu nhiệm kỳ, để trống khi là số của riêng năm đó",
    ),
    "form_bad_to_date": ("'{value}' is neither yes nor no", "'{value}' không phải có hay không"),
    "form_basis_official": ("official", "chính thức"),
    "form_basis_preliminary": ("preliminary", "sơ bộ"),
    "form_basis_estimate": ("estimate", "ước"),
    "form_covers_year": ("the year", "trong năm"),
    "form_covers_to_date": ("total since the term start", "lũy kế từ đầu nhiệm kỳ"),
    "form_covers_since": ("average {since}-{year}", "bình quân {since}-{year}"),
    "form_no_target": ("(not known)", "(chưa rõ)"),
    "form_title": ("Figures for the review of the {plan}", "Số liệu đánh giá thực hiện {plan}"),
    "form_subtitle": ("{plan} (plan {id})", "{plan} (kế hoạch {id})"),
    "form_prompt_value": (
        "the figure for the year itself, in the metric's unit: 8.5 or 8,5; 1,234.5 or 1.234,5",
        "số liệu của chính năm đó, theo đơn vị tính của chỉ số: 8,5 hoặc 8.5; 1.234,5 hoặc 1,234.5",
    ),
    "form_prompt_basis": (
        "{words}; left empty: official for a new figure, and a figure that replaces another keeps the other's basis",
        "{words}; để trống: số mới là chính thức, số thay số cũ giữ loại số của số cũ",
    ),
    "form_prompt_as_of": (
        "the date the figure refers to (an estimate made on 30 June: 2024-06-30); may stay empty",
        "ngày số liệu được tính đến (số ước tính đến 30/6: 2024-06-30); có thể để trống",
    ),
    "form_prompt_source": (
        "required: the document and the place in it where the figure is written",
        "bắt buộc: văn bản và vị trí trong văn bản có ghi số liệu",
    ),
    "form_prompt_note": (
        "optional: definitions, other sources' figures",
        "không bắt buộc: cách tính, số liệu của nguồn khác",
    ),
    "form_help_sheets": ("Who fills which sheet", "Đơn vị nào điền trang nào"),
    "form_help_fill": ("What to fill, on each row (the yellow cells)", "Điền gì trên mỗi dòng (các ô màu vàng)"),
    "form_help_rules": ("Rules", "Lưu ý"),
    "form_help_locked": (
        "The id, the metric and the year are locked: do not change them or move rows between sheets. Other "
        "columns may be added; they are not read.",
        "Mã, chỉ số và năm đã khóa: không sửa, không chuyển dòng sang trang khác. Có thể thêm cột; các cột "
        "thêm không được đọc.",
    ),
    "form_help_empty": (
        "A row whose new figure stays empty is skipped: leave it empty when the figure is not known yet.",
        "Dòng để trống ô số liệu mới sẽ được bỏ qua: để trống khi chưa có số liệu.",
    ),
    "form_help_year": (
        "Years the plan can hold: {lo} to {hi} and the five years after.",
        "Các năm kế hoạch nhận: từ {lo} đến {hi} và năm năm sau đó.",
    ),
    "form_help_return": (
        "Save the file as it is (XLSX) and send it back; it is read with `midterm import`, which lists "
        "every cell it cannot accept and writes nothing until all are right.",
        "Lưu tệp như cũ (XLSX) rồi gửi lại; tệp được đọc bằng `midterm import`, lệnh này liệt kê mọi ô "
        "không nhận được và chưa ghi gì cho đến khi tất cả đều đúng.",
    ),
    "form_help_made": ("Made by midterm {version}.", "Tạo bằng midterm {version}."),
    "collect_not_xlsx": (
        "--output {file}: collect writes an Excel workbook, a name ending in .xlsx",
        "--output {file}: collect ghi một bảng tính Excel, tên tệp phải có đuôi .xlsx",
    ),
    "collect_nothing": (
        "every metric has figures up to {end}: name the years to ask for with --year",
        "mọi chỉ số đã có số liệu đến {end}: hãy nêu các năm cần hỏi bằng --year",
    ),
    "collected": (
        "wrote a form of {rows} rows on {sheets} sheets to {file}",
        "đã ghi biểu mẫu {rows} dòng, {sheets} trang vào {file}",
    ),
    "import_unreadable": (
        "{file} cannot be read as a form: {reason}",
        "không đọc được {file} như một biểu mẫu: {reason}",
    ),
    "import_kind": (
        "{file}: import reads .xlsx and .csv files",
        "{file}: import đọc tệp .xlsx và .csv",
    ),
    "import_too_large": (
        "{file} holds {size} of sheets, more than the {limit} a form can be",
        "{file} chứa {size} dữ liệu bảng, vượt giới hạn {limit} của một biểu mẫu",
    ),
    "import_no_form": (
        "{file}: no sheet has a header row with the columns {columns}",
        "{file}: không trang nào có dòng tiêu đề với các cột {columns}",
    ),
    "import_other_plan": (
        "{file} is a form of the plan {form}, not of {plan}: choose the plan with --data",
        "{file} là biểu mẫu của kế hoạch {form}, không phải {plan}: chọn kế hoạch bằng --data",
    ),
    "import_progress": ("reading {sheet}: row {row} of {rows}…", "đang đọc {sheet}: dòng {row}/{rows}…"),
    "import_reading": ("reading {file} ({size})…", "đang đọc {file} ({size})…"),
    "form_missing_column": (
        "the header row has no column {column}",
        "dòng tiêu đề thiếu cột {column}",
    ),
    "form_bad_value": (
        "{value} is not a number: write it like 14930, 93.2 or 93,2, 1,234.5 or 1.234,5",
        "{value} không phải là số: viết như 14930, 93,2 hoặc 93.2, 1.234,5 hoặc 1,234.5",
    ),
    "form_ambiguous_value": (
        "{value} is ambiguous: write {whole} for the thousands, or {decimal} for the decimal number",
        "{value} không rõ nghĩa: viết {whole} nếu là hàng nghìn, hoặc {decimal} nếu là số thập phân",
    ),
    "form_formula_no_value": (
        "a formula ({formula}) whose value the file does not hold: open the file in Excel or LibreOffice "
        "and save it (it is then calculated), or type the number",
        "công thức ({formula}) chưa có giá trị trong tệp: mở tệp bằng Excel hay LibreOffice rồi lưu lại "
        "(để tính công thức), hoặc gõ số",
    ),
    "form_cell_error": ("the cell shows the error {value}", "ô hiển thị lỗi {value}"),
    "form_date_not_number": ("a date ({value}), not a number", "một ngày ({value}), không phải số"),
    "form_bool_not_number": ("{value} is not a number", "{value} không phải là số"),
    "form_percent_unit": (
        "a percentage ({value}), but the metric's unit is {unit}",
        "một tỷ lệ phần trăm ({value}), nhưng đơn vị tính của chỉ số là {unit}",
    ),
    "form_no_id": ("a new figure with no id", "có số liệu mới nhưng không có mã"),
    "form_unknown_id": ("no metric '{id}' in this plan{hint}", "kế hoạch không có chỉ số '{id}'{hint}"),
    "form_bad_year": ("{value} is not a year", "{value} không phải là năm"),
    "form_year_range": (
        "year {year} is out of range: the plan's year files run {lo}..{hi}",
        "năm {year} nằm ngoài khoảng: tệp năm của kế hoạch là {lo}..{hi}",
    ),
    "form_no_source": ("no source: say where the number was read", "thiếu nguồn: ghi rõ số liệu lấy từ đâu"),
    "form_bad_basis": (
        "'{value}' is not a basis: official, preliminary or estimate (chính thức, sơ bộ, ước)",
        "'{value}' không phải loại số: chính thức, sơ bộ hoặc ước (official, preliminary, estimate)",
    ),
    "form_bad_date": (
        "{value} is not a date: write it as YYYY-MM-DD or day/month/year",
        "{value} không phải ngày: viết dạng YYYY-MM-DD hoặc ngày/tháng/năm",
    ),
    "form_duplicate": (
        "{id} for {year} is given a second time (first at {first})",
        "{id} năm {year} được điền lần thứ hai (lần đầu ở {first})",
    ),
    "import_errors": (
        "{count} errors in {file}: nothing was written",
        "{file} có {count} lỗi: chưa ghi gì",
    ),
    "import_nothing": (
        "{file} holds no new figure: nothing to do",
        "{file} không có số liệu mới nào: không có gì để ghi",
    ),
    "import_needs_replace": (
        "{count} figures would replace figures the plan holds: run again with --replace to replace them; "
        "nothing was written",
        "{count} số liệu sẽ thay số liệu đã có: chạy lại với --replace để thay; chưa ghi gì",
    ),
    "import_done": (
        "{count} figures written into {files}",
        "đã ghi {count} số liệu vào {files}",
    ),
    "import_unchanged_only": (
        "every figure is already in the plan: nothing written",
        "mọi số liệu đều đã có trong kế hoạch: không ghi gì",
    ),
    "import_dry_run": (
        "dry run: {count} figures would be written into {files}; nothing written",
        "chạy thử: {count} số liệu sẽ được ghi vào {files}; chưa ghi gì",
    ),
    "import_failed": (
        "could not write {file}: {reason}; the plan is as it was",
        "không ghi được {file}: {reason}; kế hoạch vẫn như cũ",
    ),
    "import_status_new": ("new", "mới"),
    "import_status_unchanged": ("unchanged", "không đổi"),
    "import_status_replaced": ("replaced", "thay"),
    "import_h_status": ("Change", "Thay đổi"),
    "import_h_cell": ("Cell", "Ô"),
    "import_h_old": ("Now", "Hiện có"),
    "import_h_new": ("New", "Sẽ ghi"),
    "import_summary": (
        "{new} new, {unchanged} unchanged, {replaced} replaced",
        "{new} mới, {unchanged} không đổi, {replaced} thay",
    ),
}
