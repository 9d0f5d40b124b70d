"""The command line: problems reported, options read, where data comes from, files written, record.

key: (English, Vietnamese). A new feature adds its keys in one block at the end of the catalog
of its domain, under a comment naming the feature."""

MESSAGES: dict[str, tuple[str, str]] = {
    # command line
    "error": ("error", "lỗi"),
    "warning": ("warning", "cảnh báo"),
    "notice": ("notice", "lưu ý"),
    "more_problems": (
        "{file}: {count} more problems not shown (--format json lists them all)",
        "{file}: còn {count} vấn đề khác không hiển thị (--format json liệt kê đủ)",
    ),
    "validate_ok": (
        "files checked: {files}; errors: {errors}, warnings: {warnings}, notices: {notices}",
        "đã kiểm tra {files} tệp; lỗi: {errors}, cảnh báo: {warnings}, lưu ý: {notices}",
    ),
    "path_missing": ("{path}: no such file or folder", "{path}: không có tệp hay thư mục này"),
    "bad_as_of": ("--as-of {year} is out of range: {lo}..{hi}", "--as-of {year} nằm ngoài khoảng {lo}..{hi}"),
    "bad_trend_from": (
        "--trend-from {year} is out of range: {lo}..{hi} (before the as-of year)",
        "--trend-from {year} nằm ngoài khoảng {lo}..{hi} (phải trước năm đánh giá)",
    ),
    "bad_project_year": ("--year {year} is out of range: {lo}..{hi}", "--year {year} nằm ngoài khoảng {lo}..{hi}"),
    # record
    "record_bad_value": (
        "--value {value} is not a number: write it like 14930 or 93.2 (ASCII digits, a dot for decimals, "
        "no thousands separator, at most 30 digits)",
        "--value {value} không phải là số: viết như 14930 hoặc 93.2 (chữ số ASCII, dấu chấm thập phân, "
        "không phân cách hàng nghìn, tối đa 30 chữ số)",
    ),
    "record_ambiguous_value": (
        "--value {value} is ambiguous, for Vietnamese sources write thousands with a dot: write {whole} "
        "for the thousands, or {decimal} for the decimal number",
        "--value {value} không rõ nghĩa, vì nguồn tiếng Việt dùng dấu chấm phân cách hàng nghìn: viết {whole} "
        "nếu là hàng nghìn, hoặc {decimal} nếu là số thập phân",
    ),
    "record_bad_date": (
        "--as-of {value} is not a date: write it as YYYY-MM-DD",
        "--as-of {value} không phải ngày: viết dạng YYYY-MM-DD",
    ),
    "unknown_metric_arg": ("no metric '{id}' in this plan{hint}", "kế hoạch không có chỉ số '{id}'{hint}"),
    "record_indicator": (
        "'{id}' is an indicator; record one of its metrics: {metrics}",
        "'{id}' là một chỉ tiêu; hãy ghi cho một chỉ số của nó: {metrics}",
    ),
    "empty_source_arg": (
        "--source is empty: say where the number was read",
        "--source để trống: ghi rõ số liệu lấy từ đâu",
    ),
    "recorded": ("recorded {metric} for {year} in {file}", "đã ghi {metric} năm {year} vào {file}"),
    "replaced_in": ("replaced {metric} for {year} in {file}", "đã thay {metric} năm {year} trong {file}"),
    "record_dry_run": (
        "dry run: nothing was written to {file}",
        "chạy thử: chưa ghi gì vào {file}",
    ),
    "record_needs_replace": (
        "{file} already has this figure (above): nothing was written; add --replace to replace it",
        "{file} đã có số liệu này (ở trên): chưa ghi gì; thêm --replace để thay",
    ),
    "record_old": ("now", "hiện có"),
    "record_new": ("new", "sẽ ghi"),
    "record_field": ("field", "khóa"),
    "record_kept": ("kept", "giữ lại"),
    "record_dropped": ("removed", "bỏ đi"),
    "record_failed": (
        "could not write {file}: {reason}; nothing was changed",
        "không ghi được {file}: {reason}; không có gì thay đổi",
    ),
    "record_invalid": (
        "nothing was written: the plan would not validate with this change",
        "chưa ghi gì: kế hoạch sẽ không hợp lệ với thay đổi này",
    ),
    "record_not_kept": (
        "nothing was written: editing {file} would change more than this figure",
        "chưa ghi gì: sửa {file} sẽ làm thay đổi nhiều hơn số liệu này",
    ),
    "record_dangling_link": (
        "{file} is a link to {target}, which does not exist: nothing was written",
        "{file} là liên kết tới {target}, tệp này không tồn tại: chưa ghi gì",
    ),
    "lock_wait": (
        "waiting for another midterm record to finish writing in {folder}…",
        "đang chờ một lệnh midterm record khác ghi xong trong {folder}…",
    ),
    "lock_timeout": (
        "another midterm record still holds the lock on {file} after {seconds} s: nothing was written "
        "(MIDTERM_LOCK_WAIT sets how long to wait)",
        "một lệnh midterm record khác vẫn giữ khóa {file} sau {seconds} giây: chưa ghi gì "
        "(MIDTERM_LOCK_WAIT đặt thời gian chờ)",
    ),
    # where data comes from, and files written
    "unknown_plan": (
        "no shipped plan '{id}': the plans are {known}",
        "không có kế hoạch '{id}': các kế hoạch có sẵn là {known}",
    ),
    "data_and_plan": ("give --data or --plan, not both", "chỉ dùng --data hoặc --plan, không dùng cả hai"),
    "no_plan_here": (
        "no plan to write to: this folder has no targets.toml. Start one with `midterm init DIR` "
        "(or `midterm init DIR --from binh-phuoc-xi`), then run record inside DIR or with --data DIR",
        "không có kế hoạch để ghi: thư mục này không có targets.toml. Hãy tạo bằng `midterm init DIR` "
        "(hoặc `midterm init DIR --from binh-phuoc-xi`), rồi chạy record trong DIR hoặc với --data DIR",
    ),
    "shipped_read_only": (
        "{folder} is a plan shipped inside midterm and is read-only: copy it with "
        "`midterm init DIR --from PLAN` and record there",
        "{folder} là kế hoạch có sẵn trong midterm, chỉ để đọc: hãy sao chép bằng "
        "`midterm init DIR --from PLAN` rồi ghi vào bản sao",
    ),
    "output_in_package": (
        "{path} is inside the installed midterm package: nothing is written there",
        "{path} nằm trong thư mục cài đặt của midterm: không ghi gì vào đó",
    ),
    "output_failed": ("could not write {file}: {reason}", "không ghi được {file}: {reason}"),
    "wrote": ("wrote {file}", "đã ghi {file}"),
    "init_not_empty": (
        "{folder} is not empty: init starts a plan only in an empty or new folder",
        "{folder} không trống: init chỉ tạo kế hoạch trong thư mục trống hoặc chưa có",
    ),
    "init_done": (
        "a new plan in {folder}: edit targets.toml, check it with `midterm validate {folder}`, "
        "and record figures with `midterm record METRIC --data {folder} ...`",
        "đã tạo kế hoạch mới trong {folder}: sửa targets.toml, kiểm tra bằng `midterm validate {folder}`, "
        "ghi số liệu bằng `midterm record CHỈ_SỐ --data {folder} ...`",
    ),
    # reading options
    "bad_choice": (
        "{option} {value} is not one of {choices}",
        "{option} {value} không thuộc {choices}",
    ),
    "bad_year_value": (
        "{option} {value} is not a year: write four digits, such as 2023",
        "{option} {value} không phải là năm: viết bốn chữ số, ví dụ 2023",
    ),
    "bad_lang": (
        "{given} is not a language midterm speaks: vi or en",
        "{given} không phải ngôn ngữ midterm dùng được: vi hoặc en",
    ),
    "hint_ids": (" (nearest: {ids})", " (gần nhất: {ids})"),
    "hint_all_ids": (" (its ids: {ids})", " (các id của kế hoạch: {ids})"),
    "bad_record_year": (
        "--year {year} is out of range: a plan's year files run {lo}..{hi}",
        "--year {year} nằm ngoài khoảng: tệp năm của kế hoạch là {lo}..{hi}",
    ),
    "backtest_needs_year": (
        "the plan sets no review_year: give --as-of YEAR, the year whose review to replay",
        "kế hoạch không có review_year: hãy chỉ rõ --as-of NĂM, năm đánh giá cần dựng lại",
    ),
    "internal_error": (
        "internal error, please report it: {detail}",
        "lỗi nội bộ, xin báo lại cho nhóm phát triển: {detail}",
    ),
    # -- hostile input, round three (issue 17)
    "record_outside_plan": (
        "{file} leads out of the plan folder, to {target}: nothing was written",
        "{file} dẫn ra ngoài thư mục kế hoạch, tới {target}: chưa ghi gì",
    ),
    "output_not_a_file": (
        "{path} is not a file, a pipe or a terminal (a broken link, a folder, a disk): nothing was written",
        "{path} không phải tệp, đường ống hay thiết bị đầu cuối (liên kết hỏng, thư mục, ổ đĩa): chưa ghi gì",
    ),
    "record_int_too_large": (
        "--value {value}: an integer beyond 64 bits, which TOML files cannot hold; write it as {decimal} "
        "if that precision is enough",
        "--value {value}: số nguyên vượt 64 bit, tệp TOML không chứa được; "
        "hãy viết {decimal} nếu độ chính xác đó là đủ",
    ),
    "hint_status_ids": (" ('midterm status --ids' lists them)", " ('midterm status --ids' liệt kê các id)"),
    "record_needs_source": (
        "{file} has no such figure to keep the source of: give --source, where the number was read",
        "{file} chưa có số liệu này để giữ nguồn: hãy cho --source, nơi đọc được số liệu",
    ),
}
