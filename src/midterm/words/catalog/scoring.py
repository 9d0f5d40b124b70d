"""Verdicts and the reasons the scoring core gives (scoring.Reason keys, with an r_ prefix).

key: (English, Vietnamese). A new feature adds its keys in one block at the end of the catalog
of its domain, under a comment naming the feature."""

MESSAGES: dict[str, tuple[str, str]] = {
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
    # ---- How sure a verdict is (issue 18: certainty, the 80% range, backtest `inside`)
    "sure_decided": ("decided", "đã rõ"),
    "sure_high": ("fairly sure", "khá chắc"),
    "sure_low": ("unsure", "chưa chắc"),
    "sure_thin": ("thin data", "ít số liệu"),
    "sure_unmeasured": ("not measured", "chưa đo được"),
    "sure_between": ("{lo} to {hi}", "{lo} đến {hi}"),
    "sure_range": ("80%: {between}", "80%: {between}"),
    "sure_counts": ("{count} {verdict}: {parts}", "{count} {verdict}: {parts}"),
    "sure_summary": ("How sure: {parts}.", "Độ chắc chắn: {parts}."),
    "sure_show": (
        "How sure: {certainty} (data over {span} years, projected {horizon} years ahead)",
        "Độ chắc chắn: {certainty} (số liệu trải {span} năm, dự báo xa {horizon} năm)",
    ),
    "sure_show_range": ("80% range for {end}: {ranges}", "Khoảng 80% cho năm {end}: {ranges}"),
    "h_certainty": ("How sure", "Độ chắc chắn"),
    "h_range": ("80% range", "Khoảng 80%"),
    "chart_band": ("░ 80% range ({method})", "░ khoảng 80% ({method})"),
    "h_inside": ("inside", "trong khoảng"),
    "bt_inside": (
        "inside the 80% range: {parts} (an honest 80% range holds about four in five)",
        "nằm trong khoảng 80%: {parts} (khoảng 80% trung thực chứa khoảng bốn trên năm)",
    ),
    "bt_inside_one": ("{method} {inside} of {years} years ({share})", "{method} {inside} trên {years} năm ({share})"),
    "bt_inside_none": ("{method} no year with a range", "{method} không năm nào có khoảng"),
    # -- hostile input, round three (issue 17)
    "r_baseline_only": (
        "only the baseline year ({year}): it informs the trend and is never judged",
        "chỉ có số liệu năm gốc ({year}): dùng cho xu hướng, không dùng để đánh giá",
    ),
}
