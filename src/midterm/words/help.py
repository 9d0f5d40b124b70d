"""Help texts and usage errors in Vietnamese: typer writes them in English.

English texts are the keys, as gettext does; a test checks that each help text has its
Vietnamese.
"""

import re

from midterm.i18n import Lang

# typer's own words, in English (as it ships them) and in Vietnamese.
TYPER_WORDS = {
    "ARGUMENTS_PANEL_TITLE": ("Arguments", "Đối số"),
    "OPTIONS_PANEL_TITLE": ("Options", "Tùy chọn"),
    "COMMANDS_PANEL_TITLE": ("Commands", "Lệnh"),
    "DEFAULT_STRING": ("[default: {}]", "[mặc định: {}]"),
    "REQUIRED_LONG_STRING": ("[required]", "[bắt buộc]"),
    "ENVVAR_STRING": ("[env var: {}]", "[biến môi trường: {}]"),
}

HELP_VI = {
    # the app and its commands
    "Which targets of a five-year resolution a province is on track to meet, and why.": (
        "Chỉ tiêu nào của nghị quyết nhiệm kỳ năm năm đang đúng lộ trình, chỉ tiêu nào khó đạt, và vì sao."
    ),
    "Which targets of a five-year resolution a province is on track to meet, and why. `--lang vi|en` before "
    "the command sets the language as well as after it: `midterm --lang en status`.": (
        "Chỉ tiêu nào của nghị quyết nhiệm kỳ năm năm đang đúng lộ trình, chỉ tiêu nào khó đạt, và vì sao. "
        "`--lang vi|en` đặt trước hay sau tên lệnh đều được: `midterm --lang en status`."
    ),
    "Every indicator and its metrics: on track, hard to achieve or without enough data, beside the report's verdict.": (
        "Mọi chỉ tiêu và chỉ số: đúng lộ trình, khó đạt hay chưa đủ dữ liệu, bên cạnh đánh giá của báo cáo."
    ),
    "Where each metric is heading: its value, total or average at YEAR under both methods, beside the target.": (
        "Mỗi chỉ số sẽ đi tới đâu: giá trị, tổng hay bình quân đến năm YEAR theo cả hai phương pháp, bên cạnh mục tiêu."
    ),
    "One indicator or metric in depth: its series with sources, each method's projection, the pace, a chart.": (
        "Một chỉ tiêu hay chỉ số chi tiết: chuỗi số liệu kèm nguồn, dự báo theo từng phương pháp, nhịp độ, biểu đồ."
    ),
    "Add or replace one observation in actuals/YEAR.toml: checked with the whole plan first, written "
    "atomically, comments kept.": (
        "Thêm hoặc thay một số liệu trong actuals/YEAR.toml: kiểm tra cùng cả kế hoạch trước, ghi trọn một lần, "
        "giữ nguyên chú thích."
    ),
    "Check a plan's data files: exit 0 when clean, 1 when errors are found (or warnings, with --strict).": (
        "Kiểm tra các tệp dữ liệu của kế hoạch: mã thoát 0 khi sạch, 1 khi có lỗi (hoặc cảnh báo, với --strict)."
    ),
    "Start a plan of your own: a commented template that validates at once, or a copy of a shipped plan.": (
        "Bắt đầu kế hoạch của bạn: một mẫu có chú thích, hợp lệ ngay, hoặc bản sao của một kế hoạch có sẵn."
    ),
    "The plans that ship with midterm: id, name, term, indicators and years of data; the default marked.": (
        "Các kế hoạch có sẵn trong midterm: id, tên, nhiệm kỳ, số chỉ tiêu và các năm có số liệu; đánh dấu kế "
        "hoạch mặc định."
    ),
    "How the projections turned out: the review made as of a year, against what the later year files say.": (
        "Dự báo đã đúng đến đâu: đánh giá lập với số liệu đến một năm, so với số liệu các năm sau."
    ),
    "Write the review document: Word, Excel or a web page with charts, from the same figures as status.": (
        "Xuất văn bản báo cáo: Word, Excel hoặc trang web có biểu đồ, từ cùng số liệu với status."
    ),
    # options and arguments
    "Show the version and exit.": "In phiên bản rồi thoát.",
    "Show this message and exit.": "In hướng dẫn này rồi thoát.",
    "Install completion for the current shell.": "Cài tự động điền lệnh cho shell đang dùng.",
    "Show completion for the current shell, to copy it or customize the installation.": (
        "In đoạn tự động điền lệnh cho shell đang dùng, để sao chép hoặc tự cài."
    ),
    "vi or en. Default: $MIDTERM_LANG, else the plan's language.": (
        "vi hoặc en. Mặc định: $MIDTERM_LANG, nếu không thì ngôn ngữ của kế hoạch."
    ),
    "Plan folder (targets.toml and actuals/). Default: $MIDTERM_DATA, the current folder if it holds "
    "targets.toml, else the shipped Bình Phước plan.": (
        "Thư mục kế hoạch (targets.toml và actuals/). Mặc định: $MIDTERM_DATA, thư mục hiện tại nếu có "
        "targets.toml, nếu không thì kế hoạch Bình Phước có sẵn."
    ),
    "Plan folder (targets.toml and actuals/); repeat it, or give a folder of plan folders, for one line per "
    "plan. Default: $MIDTERM_DATA, the current folder if it holds targets.toml, else the shipped Bình Phước "
    "plan.": (
        "Thư mục kế hoạch (targets.toml và actuals/); lặp lại tùy chọn, hoặc chỉ một thư mục chứa nhiều kế "
        "hoạch, để có mỗi kế hoạch một dòng. Mặc định: $MIDTERM_DATA, thư mục hiện tại nếu có targets.toml, "
        "nếu không thì kế hoạch Bình Phước có sẵn."
    ),
    "A plan that ships with midterm, by id (midterm plans lists them).": (
        "Một kế hoạch có sẵn trong midterm, theo id (xem midterm plans)."
    ),
    "Write to this file (UTF-8) instead of the screen.": "Ghi vào tệp này (UTF-8) thay vì ra màn hình.",
    "Read the year files up to this year; a date (YYYY-MM-DD): what was known that day; latest: all of them. "
    "Default: the plan's review year, else the latest.": (
        "Chỉ đọc số liệu đến năm này; một ngày (YYYY-MM-DD): số liệu đã biết vào ngày đó; latest: đọc tất cả. "
        "Mặc định: năm đánh giá giữa kỳ của kế hoạch, nếu không có thì năm mới nhất."
    ),
    "First year of the trend window (default: the baseline year).": (
        "Năm đầu của khoảng tính xu hướng (mặc định: năm gốc)."
    ),
    "The projection that gives the verdict: linear or cagr.": (
        "Phương pháp dự báo dùng để đánh giá: linear (tuyến tính) hoặc cagr (tăng trưởng kép)."
    ),
    "table, json, csv or markdown.": "table, json, csv hoặc markdown.",
    "table or json.": "table hoặc json.",
    "docx, xlsx or html.": "docx, xlsx hoặc html.",
    "text, json or github (the default inside GitHub Actions).": (
        "text, json hoặc github (mặc định khi chạy trong GitHub Actions)."
    ),
    "Show the ids of indicators and metrics.": "Hiện id của chỉ tiêu và chỉ số.",
    "The year to project to: after the baseline, at most end year + 10. Default: the end year.": (
        "Năm cần dự báo: sau năm gốc, muộn nhất năm cuối + 10. Mặc định: năm cuối nhiệm kỳ."
    ),
    "An indicator (its id or number) or a metric id, in any case.": (
        "Một chỉ tiêu (id hoặc số thứ tự) hay id của một chỉ số, chữ hoa hay thường đều được."
    ),
    "The metric id, as in targets.toml (any case).": "Id của chỉ số, như trong targets.toml (hoa hay thường đều được).",
    "The plan to write to, a folder of yours. Default: $MIDTERM_DATA, else the current folder if it holds "
    "targets.toml; never a plan shipped with midterm.": (
        "Kế hoạch cần ghi, một thư mục của bạn. Mặc định: $MIDTERM_DATA, nếu không thì thư mục hiện tại nếu có "
        "targets.toml; không bao giờ là kế hoạch có sẵn trong midterm."
    ),
    "The year file to write: actuals/YEAR.toml.": "Tệp năm cần ghi: actuals/YEAR.toml.",
    "The number, with a dot for decimals: 93.2, 14930.": "Con số, dấu chấm cho phần thập phân: 93.2, 14930.",
    "Where the number was read: required for a new figure; a replaced one keeps its own.": (
        "Số liệu lấy từ đâu: bắt buộc với số liệu mới; số liệu được thay giữ nguồn cũ."
    ),
    "official, preliminary or estimate (also: chính thức, sơ bộ, ước). Default: official for a new figure; "
    "a replaced figure keeps its own.": (
        "official, preliminary hoặc estimate (hoặc: chính thức, sơ bộ, ước). Mặc định: chính thức với số mới; "
        "số được thay giữ loại số của nó."
    ),
    "The date the figure refers to, YYYY-MM-DD.": "Ngày mà số liệu tính đến, dạng YYYY-MM-DD.",
    "A running total since the term start.": "Số lũy kế từ đầu nhiệm kỳ.",
    "A period average from this year to YEAR.": "Số bình quân giai đoạn từ năm này đến YEAR.",
    "Definitions, other sources' figures; --note '' removes it.": (
        "Định nghĩa, số của nguồn khác; --note '' để xóa ghi chú."
    ),
    "Replace the figure of the same year and span.": "Thay số liệu cùng năm và cùng phạm vi.",
    "Show the result; write nothing.": "Chỉ hiện kết quả, không ghi gì.",
    "A newer figure for one the year has: the old one is kept in its revisions.": (
        "Số mới cho một số liệu đã có của năm: số cũ được giữ trong revisions."
    ),
    "The day the figure was made public, YYYY-MM-DD.": "Ngày số liệu được công bố, dạng YYYY-MM-DD.",
    "With --revision: the day the old figure was made public, when its file does not say.": (
        "Dùng với --revision: ngày số cũ được công bố, khi tệp không ghi."
    ),
    "Plan folders, targets.toml files or year files. Default: the data midterm would use.": (
        "Thư mục kế hoạch, tệp targets.toml hoặc tệp năm. Mặc định: dữ liệu mà midterm sẽ dùng."
    ),
    "Warnings fail too (exit 1).": "Cảnh báo cũng tính là không đạt (mã thoát 1).",
    "Show notices (metrics without data, acknowledged conflicts).": (
        "Hiện cả lưu ý (chỉ số chưa có số liệu, chênh lệch nguồn đã ghi nhận)."
    ),
    "The new plan's folder: it must be empty or absent.": "Thư mục của kế hoạch mới: phải trống hoặc chưa có.",
    "Start from a copy of a shipped plan (midterm plans lists them).": (
        "Bắt đầu từ bản sao của một kế hoạch có sẵn (xem midterm plans)."
    ),
    "Replay the review made with the year files up to this year, or with what was known on a date "
    "(YYYY-MM-DD), against the figures in force now. Default: the plan's review year, else the term's "
    "middle year.": (
        "Dựng lại đánh giá lập với số liệu đến năm này, hoặc với số liệu đã biết vào một ngày (YYYY-MM-DD), "
        "so với số liệu đang dùng hiện nay. Mặc định: năm đánh giá giữa kỳ của kế hoạch, nếu không có thì năm "
        "giữa nhiệm kỳ."
    ),
    "The file to write: .docx, .xlsx or .html.": "Tệp cần ghi: .docx, .xlsx hoặc .html.",
    # backtest over several plans: the accuracy table
    "Plan folder; repeat it, or give a folder of plan folders, for the accuracy table: one row per plan.": (
        "Thư mục kế hoạch; lặp lại tùy chọn, hoặc chỉ một thư mục chứa nhiều kế hoạch, để có bảng độ chính xác: "
        "mỗi kế hoạch một dòng."
    ),
    "A plan that ships with midterm, by id; repeat it, or say all, for one line per plan.": (
        "Một kế hoạch có sẵn trong midterm, theo id; lặp lại tùy chọn, hoặc ghi all, để có mỗi kế hoạch một dòng."
    ),
    "A shipped plan, by id; repeat it, or say all, for the accuracy table.": (
        "Một kế hoạch có sẵn, theo id; lặp lại tùy chọn, hoặc ghi all, để có bảng độ chính xác."
    ),
    # collect and import (issue 20)
    "Write a form for the departments that report the figures: one sheet per owner, a row per metric and year, "
    "ids locked, drop-down lists, instructions in the plan's language.": (
        "Ghi biểu mẫu cho các đơn vị báo cáo số liệu: mỗi đơn vị một trang, mỗi chỉ số và năm một dòng, mã đã "
        "khóa, danh sách chọn, hướng dẫn theo ngôn ngữ của kế hoạch."
    ),
    "The form to write: an .xlsx file.": "Biểu mẫu cần ghi: một tệp .xlsx.",
    "A year to ask for (repeatable). Default: the years after each metric's latest figure, up to the end year.": (
        "Năm cần hỏi (có thể nêu nhiều lần). Mặc định: các năm sau số liệu mới nhất của từng chỉ số, đến năm cuối."
    ),
    "Read a filled form: every figure checked as record checks it, a table of what changes, then all of it "
    "written at once or nothing.": (
        "Đọc biểu mẫu đã điền: kiểm tra từng số liệu như lệnh record, bảng các thay đổi, rồi ghi tất cả một lần "
        "hoặc không ghi gì."
    ),
    "A filled form: .xlsx, or .csv with the same columns.": "Biểu mẫu đã điền: .xlsx, hoặc .csv cùng các cột.",
    "Replace figures the plan holds for the same year.": "Thay số liệu kế hoạch đã có cho cùng năm.",
    "Show what would change; write nothing.": "Cho xem những gì sẽ thay đổi; không ghi gì.",
}


def help_text(text: str | None, lang: Lang) -> str | None:
    """A help text in `lang`."""
    if text is None or lang != "vi":
        return text
    return HELP_VI.get(" ".join(text.split()), text)


def usage_error(e: Exception, lang: str) -> str:
    """A usage error from typer in one line of the user's language, with where to look for help."""
    ctx = getattr(e, "ctx", None)
    where = f"{ctx.command_path} --help" if ctx is not None else "midterm --help"
    message = _english(e) if lang == "en" else _vietnamese(e)
    see = f" (see '{where}')" if lang == "en" else f" (xem '{where}')"
    return message + see


def _english(e: Exception) -> str:
    format_message = getattr(e, "format_message", None)
    text = format_message() if format_message is not None else str(e)
    return text.rstrip(".")


def _vietnamese(e: Exception) -> str:
    kind = type(e).__name__
    param = getattr(e, "param", None)
    hint = param.get_error_hint() if param is not None and hasattr(param, "get_error_hint") else None
    message = str(getattr(e, "message", "") or "")
    if kind == "MissingParameter":
        what = "đối số" if getattr(param, "param_type_name", "") == "argument" else "tùy chọn"
        return f"thiếu {what} {hint}" if hint else "thiếu một tham số bắt buộc"
    if kind == "NoSuchOption":
        possible = getattr(e, "possibilities", None)
        text = f"không có tùy chọn {getattr(e, 'option_name', '')}"
        return text + (f" (có phải: {', '.join(sorted(possible))}?)" if possible else "")
    if kind == "BadOptionUsage":
        option = getattr(e, "option_name", "")
        if "requires" in message:
            return f"tùy chọn '{option}' cần một giá trị"
        if "does not take a value" in message:
            return f"tùy chọn '{option}' không nhận giá trị"
    if kind == "BadParameter" and hint:
        return f"giá trị không hợp lệ cho {hint}: {message.rstrip('.')}"
    match = re.match(r"No such command '(.*?)'\.(?: Did you mean (.*)\?)?", message)
    if match:
        text = f"không có lệnh '{match.group(1)}'"
        return text + (f" (có phải: {match.group(2)}?)" if match.group(2) else "")
    match = re.match(r"Got unexpected extra arguments? \((.*)\)", message)
    if match:
        return f"thừa đối số: {match.group(1)}"
    if message.startswith("Missing command"):
        return "thiếu tên lệnh"
    return _english(e)
