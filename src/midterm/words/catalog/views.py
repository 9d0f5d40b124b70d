"""What status, project, show, backtest and a roll-up of several plans say.

key: (English, Vietnamese). A new feature adds its keys in one block at the end of the catalog
of its domain, under a comment naming the feature."""

MESSAGES: dict[str, tuple[str, str]] = {
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
    # -- hostile input, round three (issue 17)
    "chart_too_large": ("values too large to chart", "giá trị quá lớn, không vẽ được biểu đồ"),
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
    "gap_points": (" pp", " điểm %"),
    "not_used_after": ("not used: after {year}", "không dùng: sau năm {year}"),
}
