"""Problems found in a plan's files: reading them, their shapes and types, the plan, the year files.

key: (English, Vietnamese). A new feature adds its keys in one block at the end of the catalog
of its domain, under a comment naming the feature."""

MESSAGES: dict[str, tuple[str, str]] = {
    # reading files
    "missing_file": ("not found", "không tìm thấy"),
    "is_dir": ("is a folder, not a file", "là thư mục, không phải tệp"),
    "unreadable": ("cannot be read: {reason}", "không đọc được: {reason}"),
    "not_regular": (
        "is not a regular file (a pipe or a device?): only files are read",
        "không phải tệp thông thường (ống dẫn hay thiết bị?): chỉ đọc tệp",
    ),
    "too_large": (
        "is {size}, more than the {limit} a plan's file can be",
        "dung lượng {size}, vượt giới hạn {limit} của một tệp kế hoạch",
    ),
    "not_utf8": (
        "is not UTF-8 text (bad byte at offset {offset})",
        "không phải văn bản UTF-8 (byte lỗi ở vị trí {offset})",
    ),
    "bom": (
        "starts with a byte-order mark (BOM): save it as UTF-8 without BOM",
        "tệp bắt đầu bằng dấu BOM: hãy lưu lại dạng UTF-8 không có BOM",
    ),
    "toml_syntax": ("TOML syntax error: {detail}", "lỗi cú pháp TOML: {detail}"),
    "decimal_comma": (
        " (a decimal comma? TOML writes 84.6, with a dot, and no thousands separator)",
        " (dấu phẩy thập phân? TOML viết 84.6, dùng dấu chấm, không phân cách hàng nghìn)",
    ),
    "no_targets": ("no targets.toml in this folder", "thư mục không có targets.toml"),
    "no_actuals": (
        "no actuals/ folder beside targets.toml (create it, even empty)",
        "không có thư mục actuals/ cạnh targets.toml (hãy tạo, có thể để trống)",
    ),
    "not_a_plan": (
        "not a plan folder, targets.toml or year file",
        "không phải thư mục kế hoạch, targets.toml hay tệp năm",
    ),
    # shapes and types
    "unknown_key": ("unknown key '{key}'{hint}", "khóa lạ '{key}'{hint}"),
    "hint": (" (did you mean '{word}'?)", " (có phải là '{word}'?)"),
    "missing_key": ("missing required key '{key}'", "thiếu khóa bắt buộc '{key}'"),
    "bad_word": ("'{value}' is not one of {expected}{hint}", "'{value}' không thuộc {expected}{hint}"),
    "not_slug": (
        "'{value}' is not a slug (lowercase a-z, 0-9 and '-')",
        "'{value}' không phải slug (chỉ gồm a-z thường, 0-9 và '-')",
    ),
    "empty": ("must not be empty", "không được để trống"),
    "not_finite": ("must be a finite number, not {value}", "phải là số hữu hạn, không phải {value}"),
    "wrong_type": ("expected {expected}, found {found}", "cần {expected}, nhưng gặp {found}"),
    "bad_target": (
        "expected a number or a range [lo, hi] of finite numbers, found {found}",
        "cần một số hoặc khoảng [thấp, cao] gồm các số hữu hạn, nhưng gặp {found}",
    ),
    "bad_year": ("expected a year (4 digits), found {value}", "cần một năm (4 chữ số), nhưng gặp {value}"),
    "invalid": ("invalid: {detail}", "không hợp lệ: {detail}"),
    "t_number": ("a number", "một số"),
    "t_int": ("a whole number", "một số nguyên"),
    "t_string": ("a string", "một chuỗi"),
    "t_bool": ("true or false", "true hoặc false"),
    "t_boolean": ("a boolean", "một giá trị true/false"),
    "t_date": ("a date (YYYY-MM-DD)", "một ngày (YYYY-MM-DD)"),
    "t_datetime": ("a date and time", "ngày giờ"),
    "t_time": ("a time", "giờ"),
    "t_table": ("a table", "một bảng"),
    "t_array": ("an array", "một mảng"),
    # the plan
    "reserved_id": (
        "'year' is reserved and cannot be a metric id",
        "'year' là từ dành riêng, không dùng làm id chỉ số",
    ),
    "dup_id": ("duplicate id '{id}' (first at {first})", "trùng id '{id}' (đã có ở {first})"),
    "dup_no": ("duplicate number {no} (also at {first})", "trùng số thứ tự {no} (cũng có ở {first})"),
    "baseline_after_end": (
        "baseline_year {baseline} must be before end_year {end}",
        "baseline_year {baseline} phải trước end_year {end}",
    ),
    "range_reversed": ("range [{lo}, {hi}] has lo > hi", "khoảng [{lo}, {hi}] có cận dưới lớn hơn cận trên"),
    "official_no_source": (
        "'official' needs 'official_source': say which report judged it",
        "'official' cần 'official_source': ghi rõ báo cáo nào đánh giá",
    ),
    "aggregation_kind": (
        "'aggregation' applies to average-growth metrics only, not {kind}",
        "'aggregation' chỉ dùng cho chỉ số average-growth, không dùng cho {kind}",
    ),
    "trend_target": ("a trend metric has no target", "chỉ số trend không có mục tiêu"),
    "cumulative_ceiling": (
        'a cumulative target is a total to reach: direction must be "up" (a ceiling on a sum is not supported)',
        'mục tiêu cộng dồn là tổng cần đạt: direction phải là "up" (không hỗ trợ mức trần của một tổng)',
    ),
    "valid_reversed": ("valid_min {lo} is above valid_max {hi}", "valid_min {lo} lớn hơn valid_max {hi}"),
    "target_out_of_range": (
        "target {value} is outside the values the metric can take ({bounds})",
        "mục tiêu {value} nằm ngoài miền giá trị của chỉ số ({bounds})",
    ),
    "bounds_both": ("{lo}..{hi}", "{lo}..{hi}"),
    "bounds_min": ("at least {lo}", "tối thiểu {lo}"),
    "bounds_max": ("at most {hi}", "tối đa {hi}"),
    "no_metrics": ("indicator has no metric", "chỉ tiêu chưa có chỉ số nào"),
    # year files
    "year_name": ("file name is not a year (such as 2023.toml)", "tên tệp không phải là năm (ví dụ 2023.toml)"),
    "year_missing": ("missing 'year = {year}'", "thiếu 'year = {year}'"),
    "year_mismatch": ("year = {year} but the file is named {name}", "year = {year} nhưng tệp tên là {name}"),
    "year_before_baseline": (
        "year {year} is before the baseline year {baseline}",
        "năm {year} trước năm gốc {baseline}",
    ),
    "year_too_late": (
        "year {year} is more than 5 years after the end year {end}",
        "năm {year} sau năm cuối {end} hơn 5 năm",
    ),
    "year_after_end": (
        "year {year} is after the end year {end}: shown, but never decides a verdict",
        "năm {year} sau năm cuối {end}: được hiển thị nhưng không dùng để đánh giá",
    ),
    "unknown_metric": ("unknown metric id '{id}'{hint}", "không có chỉ số '{id}' trong targets.toml{hint}"),
    "not_table": (
        "expected a table [{id}] or tables [[{id}]], found {found}",
        "cần bảng [{id}] hoặc các bảng [[{id}]], nhưng gặp {found}",
    ),
    "to_date_kind": (
        "'to_date' applies to cumulative metrics only, not {kind}",
        "'to_date' chỉ dùng cho chỉ số cumulative, không dùng cho {kind}",
    ),
    "to_date_before_term": (
        "a running total counts from the term start {start}: it cannot be in {year}",
        "số lũy kế tính từ đầu nhiệm kỳ {start}: không thể thuộc năm {year}",
    ),
    "since_kind": (
        "'since' applies to average-growth metrics only, not {kind}",
        "'since' chỉ dùng cho chỉ số average-growth, không dùng cho {kind}",
    ),
    "since_range": ("since = {since} is outside {start}..{year}", "since = {since} nằm ngoài {start}..{year}"),
    "to_date_and_since": ("'to_date' and 'since' cannot go together", "không dùng 'to_date' cùng với 'since'"),
    "as_of_year": ("as_of {date} is outside the file's year {year}", "as_of {date} không thuộc năm {year} của tệp"),
    "empty_source": (
        "source is empty: say where the number was read",
        "source để trống: ghi rõ số liệu lấy từ đâu",
    ),
    "dup_span": ("a second {span} of '{id}' in one file", "'{id}' có hai {span} trong cùng một tệp"),
    "span_year": ("value for the year", "giá trị của năm"),
    "span_to_date": ("running total (to_date)", "số lũy kế (to_date)"),
    "span_since": ("period aggregate (since)", "số bình quân giai đoạn (since)"),
    "out_of_bounds": (
        "{value} is outside the values '{id}' can take ({bounds})",
        "{value} nằm ngoài miền giá trị của '{id}' ({bounds})",
    ),
    "total_falls": (
        "running total {value} is below the one of {prev_year} ({prev})",
        "số lũy kế {value} thấp hơn số lũy kế năm {prev_year} ({prev})",
    ),
    "total_below_flows": (
        "running total {total} by {date} is below the yearly values it covers ({sum} over {years})",
        "số lũy kế {total} đến {date} thấp hơn tổng các năm mà nó bao gồm ({sum}, các năm {years})",
    ),
    "jump_down": (
        "{value} is {ratio} times smaller than the value of {prev_year} ({prev}): a misplaced decimal point?",
        "{value} nhỏ hơn {ratio} lần so với số năm {prev_year} ({prev}): có nhầm dấu thập phân?",
    ),
    "jump": (
        "{value} is {ratio} times the value of {prev_year} ({prev}): a misplaced decimal point?",
        "{value} gấp {ratio} lần số năm {prev_year} ({prev}): có nhầm dấu thập phân?",
    ),
    "total_vs_flows": (
        "running total {total} differs by {pct}% from the sum of the yearly values {start}-{year} ({sum})",
        "số lũy kế {total} lệch {pct}% so với tổng các năm {start}-{year} ({sum})",
    ),
    "aggregate_vs_rates": (
        "average {value}% over {since}-{year} differs from the yearly rates ({avg}%) by {diff} points",
        "bình quân {value}% giai đoạn {since}-{year} lệch {diff} điểm so với các tốc độ từng năm ({avg}%)",
    ),
    "acknowledged": (
        ' (acknowledged: acknowledge = ["{check}"], reason in note)',
        ' (đã ghi nhận: acknowledge = ["{check}"], lý do trong note)',
    ),
    "thresholds_order": (
        "progress thresholds must keep high >= med >= low; with the defaults they are {high}, {med}, {low}",
        "ngưỡng tiến độ phải giữ high >= med >= low; tính cả mặc định đang là {high}, {med}, {low}",
    ),
    "acknowledge_no_note": (
        "'acknowledge' needs a 'note' that says why the sources disagree",
        "'acknowledge' cần khóa 'note' giải thích vì sao các nguồn chênh nhau",
    ),
    "review_year_range": (
        "review_year {year} must lie after baseline_year {baseline} and at most at end_year {end}",
        "review_year {year} phải sau baseline_year {baseline} và không muộn hơn end_year {end}",
    ),
    "no_observation": (
        "metric '{id}' has no observation: status shows it as insufficient data",
        "chỉ số '{id}' chưa có số liệu: status ghi là thiếu dữ liệu",
    ),
    # -- hostile input, round three (issue 17)
    "int_too_large": (
        "{value} is an integer beyond 64 bits, which TOML 1.0 does not allow: write it with a decimal "
        "point or an exponent (1.5e21)",
        "{value} là số nguyên vượt 64 bit, TOML 1.0 không cho phép: hãy viết có phần thập phân hoặc số mũ (1.5e21)",
    ),
    "stray_year_file": (
        "looks like a year file but is not read: only actuals/YEAR.toml files are (four digits, .toml in lower case)",
        "trông như tệp năm nhưng không được đọc: chỉ đọc các tệp actuals/YEAR.toml "
        "(bốn chữ số, đuôi .toml viết thường)",
    ),
    "dangling_link": ("a link to {target}, which does not exist", "là liên kết tới {target}, nơi không tồn tại"),
}
