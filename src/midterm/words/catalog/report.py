"""The review document: Word, Excel, a web page.

key: (English, Vietnamese). A new feature adds its keys in one block at the end of the catalog
of its domain, under a comment naming the feature."""

MESSAGES: dict[str, tuple[str, str]] = {
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
}
