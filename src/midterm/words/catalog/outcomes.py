"""Were the mid-term verdicts right: the backtest's outcomes and the accuracy table over plans.

key: (English, Vietnamese)."""

MESSAGES: dict[str, tuple[str, str]] = {
    # outcomes: were the mid-term verdicts right? (backtest, and the accuracy table over plans)
    "outcome_title": (
        "Outcomes: were the verdicts as of {as_of} right?",
        "Kết quả cuối nhiệm kỳ: đánh giá với số liệu đến năm {as_of} có đúng không?",
    ),
    "outcome_caption": (
        "result: from the year files to {end} · right: on track and met, or hard to achieve and missed · "
        "wrong: on track and missed, or hard and met",
        "kết quả: theo số liệu đến năm {end} · đúng: đúng lộ trình và đạt, hoặc khó đạt và không đạt · "
        "sai: đúng lộ trình mà không đạt, hoặc khó đạt mà vẫn đạt",
    ),
    "outcome_none": (
        "outcomes: no target is met or missed yet on the year files to {latest} (the end year is {end})",
        "kết quả cuối nhiệm kỳ: chưa chỉ tiêu nào xác định được đạt hay không đạt với số liệu đến năm {latest} "
        "(năm cuối nhiệm kỳ là {end})",
    ),
    "outcome_midterm": (
        "the plan sets no review_year: replayed as of {as_of}, the middle of its term",
        "kế hoạch không có review_year: dựng lại đánh giá với số liệu đến năm {as_of}, giữa nhiệm kỳ",
    ),
    "outcome_summary": (
        "indicators: {met} met, {missed} missed, {unknown} not known yet; verdicts that came true (right / wrong "
        "/ unknown): linear {linear}, cagr {cagr}, the report {official}; metrics: linear {m_linear}, cagr "
        "{m_cagr}",
        "chỉ tiêu: {met} đạt, {missed} không đạt, {unknown} chưa rõ; đánh giá đúng (đúng / sai / chưa rõ): "
        "linear {linear}, cagr {cagr}, báo cáo {official}; chỉ số: linear {m_linear}, cagr {m_cagr}",
    ),
    "h_result": ("Result", "Kết quả thực hiện"),
    "res_met": ("met", "đạt"),
    "res_missed": ("missed", "không đạt"),
    "res_unknown": ("unknown", "chưa rõ"),
    "j_right": ("right", "đúng"),
    "j_wrong": ("wrong", "sai"),
    "j_unknown": ("unknown", "chưa rõ"),
    "accuracy_title": (
        "Were the mid-term verdicts right? {count} plans",
        "Đánh giá giữa nhiệm kỳ có đúng không? {count} kế hoạch",
    ),
    "accuracy_caption": (
        "indicators · right/decided: how many verdicts came true, of those the results decide (met or missed)",
        "chỉ tiêu · đúng/đã rõ: số đánh giá đúng, trên số chỉ tiêu đã rõ kết quả (đạt hoặc không đạt)",
    ),
    "outcome_by_certainty": (
        "the {method} verdicts by how sure they were (right / wrong / unknown): {rows}",
        "đánh giá theo {method} chia theo độ chắc chắn (đúng / sai / chưa rõ): {rows}",
    ),
    "outcome_class": ("{sure} {right} / {wrong} / {unknown}", "{sure} {right} / {wrong} / {unknown}"),
    "h_met_missed": ("Met / missed / unknown", "Đạt / không đạt / chưa rõ"),
    "h_total": ("Total", "Tổng"),
    "as_of_by_review": ("review year", "năm đánh giá"),
    "as_of_by_mid-term": ("middle of term", "giữa nhiệm kỳ"),
    "accuracy_summary": (
        "{plans} plans, {indicators} indicators, {decided} with a known result: the linear verdicts came true "
        "{linear}, the cagr verdicts {cagr}, the reports' {official}",
        "{plans} kế hoạch, {indicators} chỉ tiêu, {decided} đã rõ kết quả: đánh giá theo linear đúng {linear}, "
        "theo cagr {cagr}, của báo cáo {official}",
    ),
    "accuracy_broken": (
        "{folder}: cannot be read (above); the other plans are shown",
        "{folder}: không đọc được (ở trên); các kế hoạch khác vẫn được hiển thị",
    ),
}
