"""Words and numbers in Vietnamese and English.

Every sentence the tool prints is a key here with its two translations; code passes keys and
values, so a message reads the same in every command and format.
"""

from __future__ import annotations

import datetime as dt
import math
import os
import re
from typing import Literal

Lang = Literal["vi", "en"]
LANGS: tuple[Lang, ...] = ("vi", "en")

# key: (English, Vietnamese)
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
    # verdicts
    "v_on-track": ("on track", "đúng lộ trình"),
    "v_hard": ("hard to achieve", "khó đạt"),
    "v_insufficient-data": ("insufficient data", "thiếu dữ liệu"),
    "v_n/a": ("n/a", "không áp dụng"),
    "v_improving": ("improving", "cải thiện"),
    "v_stable": ("stable", "ổn định"),
    "v_worsening": ("worsening", "xấu đi"),
    # reasons (scoring.Reason keys)
    "r_no_data": ("no observation", "chưa có số liệu"),
    "r_no_target": ("no numeric target", "chưa có mục tiêu bằng số"),
    "r_too_few": (
        "fewer than two values in the trend window (latest: {year})",
        "chưa đủ hai số liệu trong khoảng tính xu hướng (mới nhất: {year})",
    ),
    "r_cagr_na": (
        "compound growth does not apply to zero or negative values",
        "không tính được tăng trưởng kép khi có giá trị bằng 0 hoặc âm",
    ),
    "r_final_meets": ("{value} in {year} meets the target {target}", "năm {year} đạt {value}, đạt mục tiêu {target}"),
    "r_final_misses": (
        "{value} in {year} misses the target {target}",
        "năm {year} đạt {value}, chưa đạt mục tiêu {target}",
    ),
    "r_already_meets": ("already meets the target: {value} in {year}", "đã đạt mục tiêu: {value} năm {year}"),
    "r_falls_back": (
        "meets the target in {year} ({value}) but the trend falls back to {projected} by {end}",
        "năm {year} đã đạt ({value}) nhưng theo xu hướng sẽ lùi về {projected} vào năm {end}",
    ),
    "r_needs_linear": (
        "needs {required}/year to reach {target} in {end}; the trend gives {rate}/year, {projected} in {end}",
        "cần {required}/năm để đạt {target} vào năm {end}; xu hướng hiện nay {rate}/năm, đến {end} đạt {projected}",
    ),
    "r_needs_cagr": (
        "needs {required}/year to reach {target} in {end}; growing {rate}/year gives {projected} in {end}",
        "cần {required}/năm để đạt {target} vào năm {end}; tăng {rate}/năm thì đến {end} đạt {projected}",
    ),
    "r_annual_failed": (
        "missed the target in {years} ({value} in {year})",
        "không đạt mục tiêu năm {years} ({value} năm {year})",
    ),
    "r_annual_done": ("every observed year met the target", "các năm có số liệu đều đạt mục tiêu"),
    "r_annual_falls": (
        "every observed year met the target; the trend falls to {value} in {year}",
        "các năm có số liệu đều đạt; theo xu hướng năm {year} chỉ còn {value}",
    ),
    "r_annual_holds": (
        "every observed year met the target, and the trend holds: {projected} in {end}",
        "các năm có số liệu đều đạt và xu hướng vẫn đạt: {projected} vào năm {end}",
    ),
    "r_no_total": (
        "no total so far: no value for {year} and no running total",
        "chưa có tổng lũy kế: thiếu số năm {year} và không có số lũy kế",
    ),
    "r_cum_running": (
        "{total} by {date} ({share} of the target); at that pace {projected} by {end}; "
        "needs {required}/year, runs at {rate}/year",
        "lũy kế {total} đến {date} ({share} mục tiêu); giữ nhịp này đến {end} đạt {projected}; "
        "cần {required}/năm, đang đạt {rate}/năm",
    ),
    "r_cum_done": (
        "{total} over {start}-{end} against the target {target}",
        "tổng {start}-{end} đạt {total}, mục tiêu {target}",
    ),
    "r_cum_achieved": ("already {total}, meeting the target {target}", "đã đạt {total}, đạt mục tiêu {target}"),
    "r_cum_chain": (
        "{total} over {start}-{last}; needs {required}/year in {from}-{end}; the trend gives {projected} in all",
        "tổng {start}-{last} đạt {total}; cần {required}/năm trong {from}-{end}; "
        "theo xu hướng cả giai đoạn đạt {projected}",
    ),
    "r_no_term_rate": ("no growth rate for the term yet", "chưa có tốc độ tăng của năm nào trong nhiệm kỳ"),
    "r_growth_undefined": (
        "the trend falls to -100% or below, where a compound average has no meaning",
        "xu hướng giảm tới -100% hoặc thấp hơn, không tính được bình quân nhân",
    ),
    "r_overflow": (
        "the values are too large to project (beyond the range of floating-point numbers)",
        "giá trị quá lớn, không thể dự báo (vượt giới hạn số thực)",
    ),
    "r_undefined": (
        "the values are too far apart to project (a factor rounds to zero)",
        "các giá trị chênh nhau quá xa, không thể dự báo (một hệ số làm tròn về 0)",
    ),
    "r_bound": (
        "; the trend reaches {bound}, the limit of what the metric can take, by {bound_year}",
        "; theo xu hướng chạm mức {bound}, giới hạn của chỉ số, vào năm {bound_year}",
    ),
    "r_rate_gap": ("no growth rate for {year}", "thiếu tốc độ tăng năm {year}"),
    "r_growth_needs": (
        "needs {required}/year in {years}; the trend gives {rates}",
        "cần {required}/năm trong {years}; theo xu hướng đạt {rates}",
    ),
    "r_growth_done": (
        "averaged {average} over {start}-{end} against the target {target}",
        "bình quân {start}-{end} đạt {average}, mục tiêu {target}",
    ),
    "r_trend_rate": ("changes {rate}/year: {verdict}", "thay đổi {rate}/năm: {verdict}"),
    "r_ind_hard": ("hard: {metrics}", "khó đạt: {metrics}"),
    "r_ind_no_metric": ("no metric", "chưa có chỉ số"),
    "r_ind_lacking": (
        "lacking data or a target: {count} of {total} metrics",
        "thiếu dữ liệu hoặc mục tiêu: {count}/{total} chỉ số",
    ),
    "r_ind_on_track": ("on track: every metric ({total})", "mọi chỉ số đều đúng lộ trình ({total})"),
    "and": ("and", "và"),
    # status and project
    "summary": (
        "{on} on track, {hard} hard to achieve, {none} without enough data; "
        "the report says {off_on} on track and {off_hard} hard",
        "{on} đúng lộ trình, {hard} khó đạt, {none} chưa đủ dữ liệu; "
        "báo cáo đánh giá {off_on} đúng lộ trình và {off_hard} khó đạt",
    ),
    "summary_differ": ("they differ on {count} (indicators {ids})", "khác nhau ở {count} chỉ tiêu ({ids})"),
    "summary_no_report": (
        "{on} on track, {hard} hard to achieve, {none} without enough data; no report's verdict to compare",
        "{on} đúng lộ trình, {hard} khó đạt, {none} chưa đủ dữ liệu; chưa có đánh giá của báo cáo để so sánh",
    ),
    "summary_agree": ("they agree wherever both have a verdict", "hai bên thống nhất ở mọi chỉ tiêu cùng có đánh giá"),
    "summary_undecided": (
        "the data cannot decide {count} of the report's verdicts (indicators {ids})",
        "dữ liệu chưa đủ để kiểm chứng {count} đánh giá của báo cáo ({ids})",
    ),
    "window": (
        "as of {as_of}{why} · method {method} · trend from {trend_from}{later}",
        "số liệu đến năm {as_of}{why} · phương pháp {method} · xu hướng từ năm {trend_from}{later}",
    ),
    "doc_window": (
        "Figures to {as_of}{why}{later}. Projections by the {method} method; trends from {trend_from}.",
        "Số liệu đến năm {as_of}{why}{later}. Dự báo theo phương pháp {method}; xu hướng tính từ năm {trend_from}.",
    ),
    "doc_later_files": (
        "; figures for {latest} exist and are not used here",
        "; đã có số liệu năm {latest}, chưa dùng ở đây",
    ),
    "m_linear": ("linear trend", "xu hướng tuyến tính"),
    "m_cagr": ("compound growth", "tăng trưởng kép"),
    "as_of_review": (", the plan's review year", ", năm đánh giá giữa kỳ của kế hoạch"),
    "as_of_latest": (", the latest year file", ", năm mới nhất có số liệu"),
    "as_of_beyond": (" (the latest year file is {latest})", " (số liệu mới nhất là năm {latest})"),
    "later_files": (
        " · year files to {latest} exist: --as-of latest to use them",
        " · đã có số liệu đến năm {latest}: dùng --as-of latest để xem",
    ),
    "h_progress": ("Progress", "Tiến độ"),
    "g_target-achieved": ("target achieved", "đã đạt mục tiêu"),
    "g_substantial": ("substantial progress", "tiến bộ đáng kể"),
    "g_moderate": ("moderate progress", "tiến bộ vừa phải"),
    "g_limited": ("limited progress", "tiến bộ hạn chế"),
    "g_deterioration": ("deterioration", "thụt lùi"),
    "g_not-available": ("progress not available", "chưa đánh giá được tiến độ"),
    "score": ("score {score}", "điểm {score}"),
    "gs_target-achieved": ("achieved", "đã đạt"),
    "gs_substantial": ("substantial", "đáng kể"),
    "gs_moderate": ("moderate", "vừa phải"),
    "gs_limited": ("limited", "hạn chế"),
    "gs_deterioration": ("deterioration", "thụt lùi"),
    "h_verdict_progress": ("Verdict\nprogress", "Đánh giá\ntiến độ"),
    "legend_differs": ("≠ the report's verdict differs from ours", "≠ đánh giá của báo cáo khác với kết quả tính"),
    "legend_undecided": (
        "? the data cannot decide the report's verdict",
        "? dữ liệu chưa đủ để kiểm chứng đánh giá của báo cáo",
    ),
    "legend_methods": (
        "≠ linear/cagr: the other projection method's verdict, where it differs",
        "≠ linear/cagr: đánh giá theo phương pháp dự báo còn lại, khi khác",
    ),
    "progress_line": ("progress: {progress}", "tiến độ: {progress}"),
    "report_line": ("the report: {verdict}", "báo cáo: {verdict}"),
    "stacked_latest": ("latest {value}", "mới nhất {value}"),
    "stacked_target": ("target {value}", "mục tiêu {value}"),
    "stacked_end": ("{year}: {value}", "{year}: {value}"),
    # several plans, and the shipped ones
    "rollup_title": ("{count} plans", "{count} kế hoạch"),
    "h_plan": ("Plan", "Kế hoạch"),
    "h_as_of": ("As of", "Số liệu đến"),
    "h_on": ("On track", "Đúng lộ trình"),
    "h_hard": ("Hard", "Khó đạt"),
    "h_none": ("No data", "Thiếu dữ liệu"),
    "h_differs": ("Differs from report", "Khác báo cáo"),
    "h_pressing": ("Most pressing", "Cấp bách nhất"),
    "rollup_summary": (
        "{plans} plans, {indicators} indicators: {on} on track, {hard} hard to achieve, {none} without enough "
        "data; {differ} differ from their report's verdict",
        "{plans} kế hoạch, {indicators} chỉ tiêu: {on} đúng lộ trình, {hard} khó đạt, {none} chưa đủ dữ liệu; "
        "{differ} khác với đánh giá của báo cáo",
    ),
    "rollup_broken": (
        "{folder}: cannot be read ({count} errors, above); the other plans are shown",
        "{folder}: không đọc được ({count} lỗi, ở trên); các kế hoạch khác vẫn được hiển thị",
    ),
    "plans_title": ("Plans that ship with midterm", "Các kế hoạch có sẵn trong midterm"),
    "h_id": ("Id", "Id"),
    "h_name": ("Name", "Tên"),
    "h_term": ("Term", "Nhiệm kỳ"),
    "h_indicators": ("Indicators", "Chỉ tiêu"),
    "h_years": ("Years of data", "Các năm có số liệu"),
    "default_mark": ("(default)", "(mặc định)"),
    "plans_note": (
        "--plan ID reads one of them; midterm init DIR --from ID copies one to edit",
        "--plan ID để đọc một kế hoạch; midterm init DIR --from ID để sao chép và sửa",
    ),
    # backtest
    "backtest_title": (
        "Backtest: the review as of {as_of} against the year files to {latest}",
        "Kiểm chứng: đánh giá với số liệu đến năm {as_of}, so với số liệu đến năm {latest}",
    ),
    "backtest_caption": (
        "verdicts by the {method} method · trend from {trend_from} · error = observed - predicted",
        "đánh giá theo phương pháp {method} · xu hướng từ năm {trend_from} · sai số = thực tế - dự báo",
    ),
    "h_metric": ("Metric", "Chỉ số"),
    "h_error": ("error", "sai số"),
    "h_closer": ("Closer", "Gần hơn"),
    "h_then_now": ("Verdict then → now", "Đánh giá khi đó → nay"),
    "h_outcome": ("Outcome", "Kết quả"),
    "o_held": ("held", "giữ nguyên"),
    "o_changed": ("changed", "thay đổi"),
    "o_unknown": ("unknown", "chưa rõ"),
    "o_not-checkable": ("not checkable", "không kiểm chứng được"),
    "c_tie": ("tie", "ngang nhau"),
    "backtest_unchecked": (
        "not checkable, no figure after {as_of}: {metrics}",
        "không kiểm chứng được, chưa có số liệu sau năm {as_of}: {metrics}",
    ),
    "backtest_errors": (
        "mean absolute relative error: linear {linear}, cagr {cagr}; closer: linear on {n_linear}, "
        "cagr on {n_cagr}, tie on {n_tie}",
        "sai số tương đối tuyệt đối bình quân: linear {linear}, cagr {cagr}; gần hơn: linear ở {n_linear}, "
        "cagr ở {n_cagr}, ngang nhau ở {n_tie}",
    ),
    "backtest_verdicts": (
        "verdicts of metrics: {held} held, {changed} changed, {unknown} unknown, {unchecked} not checkable; "
        "of indicators: {i_held} held, {i_changed} changed, {i_unknown} unknown, {i_unchecked} not checkable",
        "đánh giá chỉ số: {held} giữ nguyên, {changed} thay đổi, {unknown} chưa rõ, {unchecked} không kiểm chứng "
        "được; chỉ tiêu: {i_held} giữ nguyên, {i_changed} thay đổi, {i_unknown} chưa rõ, {i_unchecked} không "
        "kiểm chứng được",
    ),
    "h_no": ("No.", "TT"),
    "h_indicator": ("Indicator / metric", "Chỉ tiêu / chỉ số"),
    "h_latest": ("Latest", "Mới nhất"),
    "h_target": ("Target", "Mục tiêu"),
    "h_projected": ("Projected\n{year}", "Dự báo\n{year}"),
    "h_verdict": ("Verdict", "Đánh giá"),
    "h_official": ("Report", "Báo cáo"),
    "h_observed": ("Observed\n{year}", "Thực tế\n{year}"),
    "h_gap": ("Gap", "Chênh lệch"),
    "estimate": ("est.", "ước"),
    "preliminary": ("prel.", "sơ bộ"),
    "project_title": ("Where each metric is heading in {year}", "Các chỉ số đến năm {year}"),
    # show
    "unknown_id": ("no indicator or metric '{id}'{hint}", "không có chỉ tiêu hay chỉ số '{id}'{hint}"),
    "h_year": ("Year", "Năm"),
    "h_value": ("Value", "Giá trị"),
    "h_covers": ("Covers", "Phạm vi"),
    "h_basis": ("Basis", "Loại số"),
    "h_source": ("Source", "Nguồn"),
    "covers_year": ("the year", "cả năm"),
    "covers_to_date": ("total {start} to {date}", "lũy kế {start} đến {date}"),
    "covers_since": ("average {since}-{year}", "bình quân {since}-{year}"),
    "official": ("official", "chính thức"),
    "h_method": ("Method", "Phương pháp"),
    "projection_of": ("Projection to {end}", "Dự báo đến {end}"),
    "show_kind": (
        "{kind}, {direction}; target {target}",
        "{kind}, {direction}; mục tiêu {target}",
    ),
    "up": ("more is better", "càng cao càng tốt"),
    "down": ("less is better", "càng thấp càng tốt"),
    "k_level": ("level in the end year", "mức đạt năm cuối"),
    "k_cumulative": ("total over the term", "tổng cả nhiệm kỳ"),
    "k_annual": ("every year", "hằng năm"),
    "k_average-growth": ("average yearly growth", "tăng bình quân năm"),
    "k_trend": ("direction only", "chỉ xét xu hướng"),
    "show_verdict": (
        "verdict: {verdict} (linear: {linear}; cagr: {cagr}){achieved}",
        "đánh giá: {verdict} (linear: {linear}; cagr: {cagr}){achieved}",
    ),
    "achieved_now": ("; already achieved", "; đã đạt"),
    "report_says": ("the report: {verdict}", "báo cáo: {verdict}"),
    "pace_needs": (
        "pace: needs {required}/year from here; the trend runs at {observed}/year",
        "nhịp độ: từ nay cần {required}/năm; xu hướng hiện nay {observed}/năm",
    ),
    "pace_annual": (
        "pace: needs {required} every year; the latest year gave {observed}",
        "nhịp độ: mỗi năm cần {required}; năm gần nhất đạt {observed}",
    ),
    "pace_growth": (
        "pace: needs {required}/year from here; {observed}/year on average so far",
        "nhịp độ: từ nay cần {required}/năm; bình quân đến nay {observed}/năm",
    ),
    "pace_trend": ("pace: changes {observed}/year", "nhịp độ: thay đổi {observed}/năm"),
    "pace_none": ("pace: nothing to compare", "nhịp độ: chưa có gì để so sánh"),
    "legend": (
        "o observed   L linear   C cagr   = target",
        "o thực tế   L linear   C cagr   = mục tiêu",
    ),
    "no_chart": ("no observation to chart", "chưa có số liệu để vẽ"),
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
    "bad_env_lang": (
        "MIDTERM_LANG={value} is not a language midterm speaks: vi or en",
        "MIDTERM_LANG={value} không phải ngôn ngữ midterm dùng được: vi hoặc en",
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
    # report: the review document (Word, Excel, a web page)
    "report_title": ("Mid-term review of the targets", "Đánh giá giữa nhiệm kỳ kết quả thực hiện các chỉ tiêu"),
    "report_annex": (
        "Annex: Results of the main targets of the Congress Resolution",
        "Phụ lục: Kết quả thực hiện các chỉ tiêu chủ yếu Nghị quyết Đại hội",
    ),
    "report_term": ("Term {start}-{end}", "Nhiệm kỳ {start}-{end}"),
    "report_summary": ("Summary", "Tóm tắt"),
    "report_count": (
        "Of the {total} indicators, by the figures as of {as_of}: ",
        "Trong {total} chỉ tiêu, theo số liệu đến năm {as_of}: ",
    ),
    "report_differs": (
        "Indicator {no} ({name}): the report says {official}, the figures say {ours}. {why}",
        "Chỉ tiêu {no} ({name}): báo cáo đánh giá {official}, theo số liệu là {ours}. {why}",
    ),
    "report_undecided": (
        "Indicator {no} ({name}): the report says {official}; the data cannot decide it. {why}",
        "Chỉ tiêu {no} ({name}): báo cáo đánh giá {official}; số liệu chưa đủ để kiểm chứng. {why}",
    ),
    "report_details": ("The indicators one by one", "Từng chỉ tiêu"),
    "report_sources": ("Sources of the figures", "Nguồn số liệu"),
    "report_official_source": ("The report's verdict: {source}", "Đánh giá của báo cáo: {source}"),
    "report_no_chart": ("No figure up to {year}: no chart.", "Chưa có số liệu đến năm {year}: không có biểu đồ."),
    "report_format_unknown": (
        "{file}: give --format docx, xlsx or html (the file's name does not say which)",
        "{file}: hãy chỉ rõ --format docx, xlsx hoặc html (tên tệp không cho biết định dạng)",
    ),
    "report_symbols": ("Verdicts: {verdicts}", "Đánh giá: {verdicts}"),
    "annex_legend": (
        "(e) estimate, (p) preliminary; Σ running total since the start of the term, to the date given; "
        "avg: the average over the years given",
        "(ư) số ước tính, (sb) số sơ bộ; Σ lũy kế từ đầu nhiệm kỳ đến thời điểm ghi kèm; "
        "bq: bình quân giai đoạn ghi kèm",
    ),
    "mark_estimate": ("e", "ư"),
    "mark_preliminary": ("p", "sb"),
    "cell_total": ("to {date}", "đến {date}"),
    "cell_average": ("avg {since}-{year}", "bq {since}-{year}"),
    "mark_average": ("avg", "bq"),
    "h_unit": ("Unit", "Đơn vị tính"),
    "h_target_written": ("Target in the resolution", "Mục tiêu Nghị quyết"),
    "h_ours": ("Verdict from the figures", "Đánh giá theo số liệu"),
    "h_report_verdict": ("The report's verdict", "Báo cáo đánh giá"),
    "h_kind": ("Kind of target", "Loại mục tiêu"),
    "h_direction": ("Direction", "Chiều"),
    "h_threshold": ("Threshold", "Ngưỡng"),
    "h_required": ("Required pace", "Nhịp độ cần"),
    "h_observed_pace": ("Observed pace", "Nhịp độ thực tế"),
    "h_robust": ("Methods agree", "Hai phương pháp thống nhất"),
    "h_bounded": ("Met a bound", "Chạm giới hạn"),
    "h_reason": ("Why", "Lý do"),
    "h_score": ("Score", "Điểm"),
    "h_note": ("Note", "Ghi chú"),
    "h_date": ("Date", "Ngày"),
    "h_since": ("Since", "Từ năm"),
    "yes": ("yes", "có"),
    "no": ("no", "không"),
    "sheet_summary": ("Summary", "Tổng hợp"),
    "sheet_observations": ("Observations", "Số liệu"),
    "sheet_method": ("How verdicts were reached", "Cách đánh giá"),
    "sheet_charts": ("Charts", "Biểu đồ"),
    "chart_observed": ("observed", "thực tế"),
    "chart_estimate": ("estimate or preliminary", "ước tính, sơ bộ"),
    "chart_target": ("target", "mục tiêu"),
    "chart_target_lo": ("target (low end)", "mục tiêu (cận dưới)"),
    "chart_target_hi": ("target (high end)", "mục tiêu (cận trên)"),
    "chart_bound": ("limit {value}", "giới hạn {value}"),
    "chart_chosen": ("{method} (gives the verdict)", "{method} (dùng để đánh giá)"),
    "chart_alt": (
        "Chart of {name}: {count} figures from {first} to {last}, the latest {latest}; projected to {end}: "
        "linear {linear}, cagr {cagr}; target {target}.",
        "Biểu đồ {name}: {count} số liệu từ năm {first} đến {last}, mới nhất {latest}; dự báo đến năm {end}: "
        "linear {linear}, cagr {cagr}; mục tiêu {target}.",
    ),
    "internal_error": (
        "internal error, please report it: {detail}",
        "lỗi nội bộ, xin báo lại cho nhóm phát triển: {detail}",
    ),
    # -- hostile input, round three (issue 17)
    "chart_too_large": ("values too large to chart", "giá trị quá lớn, không vẽ được biểu đồ"),
    "r_baseline_only": (
        "only the baseline year ({year}): it informs the trend and is never judged",
        "chỉ có số liệu năm gốc ({year}): dùng cho xu hướng, không dùng để đánh giá",
    ),
    "record_outside_plan": (
        "{file} leads out of the plan folder, to {target}: nothing was written",
        "{file} dẫn ra ngoài thư mục kế hoạch, tới {target}: chưa ghi gì",
    ),
    "output_not_a_file": (
        "{path} is not a file, a pipe or a terminal (a broken link, a folder, a disk): nothing was written",
        "{path} không phải tệp, đường ống hay thiết bị đầu cuối (liên kết hỏng, thư mục, ổ đĩa): chưa ghi gì",
    ),
    "int_too_large": (
        "{value} is an integer beyond 64 bits, which TOML 1.0 does not allow: write it with a decimal "
        "point or an exponent (1.5e21)",
        "{value} là số nguyên vượt 64 bit, TOML 1.0 không cho phép: hãy viết có phần thập phân hoặc số mũ (1.5e21)",
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
    "stray_year_file": (
        "looks like a year file but is not read: only actuals/YEAR.toml files are (four digits, .toml in lower case)",
        "trông như tệp năm nhưng không được đọc: chỉ đọc các tệp actuals/YEAR.toml "
        "(bốn chữ số, đuôi .toml viết thường)",
    ),
    "odds_hard_achieved": (
        "met now, but the projection falls short by the end year",
        "hiện đã đạt, nhưng dự báo không đạt vào năm cuối",
    ),
    "odds_hard_substantial": (
        "good pace so far, but the projection falls short by the end year",
        "nhịp độ đến nay khá, nhưng dự báo không đạt vào năm cuối",
    ),
    "odds_on_track_deterioration": (
        "moving the wrong way, but the projection still meets the target",
        "đang đi ngược, nhưng dự báo vẫn đạt mục tiêu",
    ),
    "odds_on_track_limited": (
        "slow so far, but the projection meets the target",
        "đến nay còn chậm, nhưng dự báo đạt mục tiêu",
    ),
    "odds_hard_achieved_short": ("met now; falls\nshort by the end", "nay đã đạt; cuối\nkỳ không đạt"),
    "odds_hard_substantial_short": ("good pace; falls\nshort by the end", "nhịp độ khá; cuối\nkỳ không đạt"),
    "odds_on_track_deterioration_short": (
        "going the wrong\nway, still on track",
        "đang đi ngược; vẫn\nđạt vào cuối kỳ",
    ),
    "odds_on_track_limited_short": ("slow so far, still\non track", "còn chậm; vẫn đạt\nvào cuối kỳ"),
    "beyond_total": ("summed over {start}-{year} at the current pace", "cộng dồn {start}-{year} theo nhịp hiện tại"),
    "beyond_average": (
        "averaged over {start}-{year} at the current pace",
        "bình quân {start}-{year} theo nhịp hiện tại",
    ),
    "points": (" pp", " điểm %"),
    "not_used_after": ("not used: after {year}", "không dùng: sau năm {year}"),
    "dangling_link": ("a link to {target}, which does not exist", "là liên kết tới {target}, nơi không tồn tại"),
}


def resolve_lang(option: str | None, plan_language: str | None) -> Lang:
    """--lang, else MIDTERM_LANG, else the plan's language, else Vietnamese."""
    for choice in (option, os.environ.get("MIDTERM_LANG"), plan_language):
        if choice == "en":
            return "en"
        if choice == "vi":
            return "vi"
    return "vi"


def t(_key: str, lang: Lang, **args: object) -> str:
    en, vi = MESSAGES[_key]
    text = vi if lang == "vi" else en
    return text.format(**{k: _arg(v, lang) for k, v in args.items()})


def _arg(value: object, lang: Lang) -> object:
    if isinstance(value, float):
        return num(value, lang)
    if isinstance(value, str):
        return clean(value)
    return value


# Characters a terminal would obey rather than show: C0 and C1 controls (a tab is only a gap),
# and the invisible marks that reorder or break lines (bidirectional overrides and isolates,
# the Unicode line and paragraph separators), with which a name could print backwards or fake
# a new row; and the two non-characters XML cannot hold (a Word document would be refused).
_CONTROL = re.compile(
    "[\x00-\x08\x0a-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufffe\uffff"
    "\u00ad\u180e\u200b-\u200d\u2060-\u2064\ufeff]"  # invisible: two ids that look alike are told apart
)
LONGEST = 2000  # characters of one text from a data file shown; a 3-million-character name would take minutes


def clean(text: str, limit: int = LONGEST) -> str:
    """Text from data files as it is shown: control characters as escapes, never obeyed by a
    terminal, and at most `limit` characters, saying how many more there are."""
    if len(text) > limit:
        text = f"{text[:limit]}… (+{len(text) - limit:,} characters)"
    return _CONTROL.sub(_escape, text)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def num(value: float, lang: Lang, decimals: int | None = None) -> str:
    """A number as the language writes it: 14.930,5 in Vietnamese, 14,930.5 in English.

    Without `decimals`, large numbers get none and small ones up to two, trailing zeros cut.
    """
    if not math.isfinite(value):
        return str(value)
    if abs(value) >= 1e15:  # past any real statistic: keep it readable
        text = f"{value:.3g}"
        return text.replace(".", ",") if lang == "vi" else text
    if decimals is None:
        decimals = 0 if abs(value) >= 1000 else 2
        text = f"{value:,.{decimals}f}"
        if "." in text:
            text = text.rstrip("0").rstrip(".")
    else:
        text = f"{value:,.{decimals}f}"
    if text in ("-0", "-0.0", "-0.00"):
        text = text[1:]
    if lang == "vi":
        text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return text


def pct(value: float, lang: Lang, decimals: int = 2) -> str:
    """A rate in percent, 7,92% or 7.92%; never rounded to a whole percent."""
    return num(value, lang, decimals) + "%"


def signed(value: float, lang: Lang, percent: bool = False) -> str:
    text = pct(value, lang) if percent else num(value, lang)
    return text if text.startswith("-") else "+" + text


def date(value: dt.date, lang: Lang) -> str:
    return value.strftime("%d/%m/%Y") if lang == "vi" else value.isoformat()


def years(values: list[int]) -> str:
    """2024-2025 for a run of years, 2021, 2023 otherwise."""
    if len(values) > 1 and values == list(range(values[0], values[-1] + 1)):
        return f"{values[0]}-{values[-1]}"
    return ", ".join(str(v) for v in values)


def join(items: list[str], lang: Lang) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {t('and', lang)} " + items[-1]


def reason_text(
    key: str, args: dict[str, object], lang: Lang, percent: bool = False, names: dict[str, str] | None = None
) -> str:
    """A scoring reason in words. `percent`: the metric's values are rates in percent (average-growth)."""
    out: dict[str, object] = {}
    for name, value in args.items():
        if value is None:
            out[name] = "—"
        elif name == "required":
            out[name] = signed(float(value), lang, percent)  # type: ignore[arg-type]
        elif name == "rate":
            as_pct = percent or key in ("needs_cagr", "trend_rate")
            out[name] = signed(float(value), lang, as_pct)  # type: ignore[arg-type]
        elif name == "rates":
            out[name] = join([pct(r, lang) if percent else num(r, lang) for r in value], lang)  # type: ignore[attr-defined]
        elif name == "years":
            out[name] = years(list(value))  # type: ignore[call-overload]
        elif name == "share":
            out[name] = pct(float(value), lang, 1)  # type: ignore[arg-type]
        elif name == "date":
            out[name] = date(value, lang) if isinstance(value, dt.date) else value
        elif name == "verdict":
            out[name] = t(f"v_{value}", lang)
        elif name == "metrics":
            out[name] = join([(names or {}).get(m, m) for m in value], lang)  # type: ignore[attr-defined]
        elif isinstance(value, float):
            out[name] = pct(value, lang) if percent and name != "total" else num(value, lang)
        elif isinstance(value, str):
            out[name] = clean(value)
        else:
            out[name] = value
    # every value is in words already, and names were cleaned by the caller: no second pass
    en, vi = MESSAGES[f"r_{key}"]
    text = (vi if lang == "vi" else en).format(**out)
    if "bound" in args:  # a projection held at a bound of the possible values says where it met it
        en, vi = MESSAGES["r_bound"]
        text += (vi if lang == "vi" else en).format(bound=out["bound"], bound_year=out["bound_year"])
    return text
