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
    "report_differs": (
        "Indicator {no} ({name}): the report says {official}, the figures say {ours}. {why}",
        "Chỉ tiêu {no} ({name}): báo cáo đánh giá {official}, theo số liệu là {ours}. {why}",
    ),
    "report_details": ("The indicators one by one", "Từng chỉ tiêu"),
    "report_sources": ("Sources of the figures", "Nguồn số liệu"),
    "report_official_source": ("The report's verdict: {source}", "Đánh giá của báo cáo: {source}"),
    "report_no_chart": ("No figure up to {year}: no chart.", "Chưa có số liệu đến năm {year}: không có biểu đồ."),
    "report_format_other": (
        "{file}: midterm writes .docx, .xlsx or .html, not .{suffix}: name the file so, or give --format "
        "(for a PDF, save the Word file as PDF)",
        "{file}: midterm ghi tệp .docx, .xlsx hoặc .html, không ghi .{suffix}: hãy đặt tên tệp như vậy, hoặc chỉ rõ "
        "--format (muốn có PDF, hãy lưu tệp Word thành PDF)",
    ),
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
    # report: the review's sentences and the formal parts of the document (issue 22)
    "rv_count": (
        "The resolution sets {total} targets; by the figures to {as_of}, {on} are likely to be met, {hard} are hard "
        "to achieve and {none} lack the data to judge.",
        "Nghị quyết đề ra {total} chỉ tiêu; theo số liệu đến năm {as_of}, {on} chỉ tiêu có khả năng đạt, "
        "{hard} chỉ tiêu khó đạt, {none} chỉ tiêu chưa đủ số liệu để đánh giá.",
    ),
    "rv_official": (
        "The mid-term report judged {off_on} likely to be met and {off_hard} hard to achieve; the figures agree on "
        "{agree}, differ on {differ} and cannot check {undecided}.",
        "Báo cáo giữa nhiệm kỳ đánh giá {off_on} chỉ tiêu có khả năng đạt, {off_hard} chỉ tiêu khó đạt; số liệu "
        "cho cùng kết quả ở {agree} chỉ tiêu, khác ở {differ} chỉ tiêu, chưa đủ để kiểm chứng {undecided} chỉ tiêu.",
    ),
    "rv_missing": (
        "Without the figures to judge them yet: {items}.",
        "Chưa đủ số liệu để đánh giá: {items}.",
    ),
    "rv_item": ("target {no} ({name})", "chỉ tiêu {no} ({name})"),
    "rv_target": ("resolution: {target}", "Nghị quyết: {target}"),
    "rv_average": (
        "{name} over {first}-{last} was {value} ({target}); projected over {start}-{end} at about {projected}",
        "{name} giai đoạn {first}-{last} đạt {value} ({target}); dự báo cả giai đoạn {start}-{end} đạt khoảng "
        "{projected}",
    ),
    "rv_average_done": (
        "{name} over {first}-{last} was {value} ({target})",
        "{name} giai đoạn {first}-{last} đạt {value} ({target})",
    ),
    "rv_total": (
        "{name} from {first} to {upto} totalled {value}{share} ({target}); projected over {start}-{end} at about "
        "{projected}",
        "{name} lũy kế từ năm {first} đến {upto} đạt {value}{share} ({target}); dự báo cả giai đoạn {start}-{end} "
        "đạt khoảng {projected}",
    ),
    "rv_total_done": (
        "{name} from {first} to {upto} totalled {value}{share} ({target})",
        "{name} lũy kế từ năm {first} đến {upto} đạt {value}{share} ({target})",
    ),
    "rv_share": (", {share} of the target", ", bằng {share} mục tiêu"),
    "rv_value": (
        "{name} in {year} was {value} ({target}); projected for {end} at about {projected}",
        "{name} năm {year} đạt {value} ({target}); dự báo năm {end} đạt khoảng {projected}",
    ),
    "rv_value_done": ("{name} in {year} was {value} ({target})", "{name} năm {year} đạt {value} ({target})"),
    "rv_trend": ("{name} in {year} was {value}, {verdict}", "{name} năm {year} là {value}, xu hướng {verdict}"),
    "rv_no_target": (
        "{name} in {year} was {value}; the resolution sets no figure to compare it with",
        "{name} năm {year} đạt {value}; Nghị quyết không nêu con số để so sánh",
    ),
    "rv_on-track": ("likely to be met", "có khả năng đạt mục tiêu đề ra"),
    "rv_hard": ("hard to achieve", "khó đạt mục tiêu đề ra"),
    "rv_achieved": ("already met", "đã đạt mục tiêu đề ra"),
    "rv_insufficient-data": ("too few figures to project", "chưa đủ số liệu để dự báo"),
    "rv_n/a": ("no projection is possible", "không dự báo được"),
    "rv_indicator": ("{name}: {clauses}; overall {verdict}.", "{name}: {clauses}; nhìn chung {verdict}."),
    "rv_indicator_open": (
        "{name}: {clauses}; too little data to judge the target as a whole.",
        "{name}: {clauses}; chưa đủ số liệu để đánh giá chung chỉ tiêu.",
    ),
    "rv_heading": ("Results against the targets", "Kết quả thực hiện các chỉ tiêu"),
    "rv_why": ("Why", "Lý do"),
    "fm_party": ("COMMUNIST PARTY OF VIET NAM", "ĐẢNG CỘNG SẢN VIỆT NAM"),
    "fm_state": ("SOCIALIST REPUBLIC OF VIET NAM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
    "fm_motto": ("Independence - Freedom - Happiness", "Độc lập - Tự do - Hạnh phúc"),
    "fm_number": ("No. {number}", "Số {number}"),
    "fm_date": ("{place}, {date}", "{place}, ngày {day} tháng {month} năm {year}"),
    "fm_blank_date": ("{place}, .... / .... / ....", "{place}, ngày .... tháng .... năm ...."),
    "fm_recipients": ("Recipients:", "Nơi nhận:"),
    "fm_report": ("REPORT", "BÁO CÁO"),
    "report_format_clash": (
        "{file}: the name says one format and --format {format} another; give the file the extension of its format",
        "{file}: đuôi tên tệp và --format {format} không khớp nhau; hãy đặt tên tệp theo đúng định dạng",
    ),
    "doc_legend_methods": (
        "≠ the other projection method (linear trend or compound growth) and its verdict, where it differs",
        "≠ phương pháp dự báo còn lại (xu hướng tuyến tính hoặc tăng trưởng kép) và đánh giá theo phương pháp "
        "đó, khi khác",
    ),
    "chart_average": ("average since {start} (what the target compares)", "bình quân từ năm {start} (so với mục tiêu)"),
    "chart_rates": ("each year's rate", "tốc độ từng năm"),
    "chart_rates_estimate": ("each year's rate, estimate", "tốc độ từng năm, ước tính"),
    "chart_year": ("Year", "Năm"),
    "chart_value": ("Value", "Giá trị"),
    "chart_alt_named": (
        "Chart of {name}: {count} figures from {first} to {last}, the latest {latest}; projected to {end}: "
        "{linear_name} {linear}, {cagr_name} {cagr}; target {target}.",
        "Biểu đồ {name}: {count} số liệu từ năm {first} đến {last}, mới nhất {latest}; dự báo đến năm {end}: "
        "theo {linear_name} {linear}, theo {cagr_name} {cagr}; mục tiêu {target}.",
    ),
    # the review document says how sure each verdict is (issue 18, items 3 and 4)
    "rv_sure_range": ("{sure}: 80% range {lo} to {hi}", "{sure}: khoảng {lo}-{hi}"),
    "rv_sure_range_to": ("{sure}: 80% range {lo} to {hi}", "{sure}: khoảng từ {lo} đến {hi}"),
    "doc_legend_sure": (
        "How sure: decided (the figures settle it), fairly sure (the whole 80% range is on the verdict's "
        "side), unsure (the 80% range crosses the target), thin data (the projection reaches further than "
        "the years it rests on), not measured (too few figures for a range); 80%: the range in which the "
        "end-year figure falls about four times in five, if the past years' pattern holds",
        "Độ chắc chắn: đã rõ (số liệu đã quyết định), khá chắc (cả khoảng 80% nằm về phía kết luận), "
        "chưa chắc (khoảng 80% vượt qua mục tiêu), ít số liệu (dự báo xa hơn số năm có số liệu), "
        "chưa đo được (quá ít số liệu để tính khoảng); 80%: khoảng mà số liệu năm cuối rơi vào "
        "khoảng bốn lần trong năm, nếu diễn biến các năm qua tiếp tục",
    ),
    "chart_range": ("80% range", "khoảng 80%"),
    "chart_range_lo": ("80% range (low end)", "khoảng 80% (cận dưới)"),
    "chart_range_hi": ("80% range (high end)", "khoảng 80% (cận trên)"),
    "sure_from": ("from {between}", "từ {between}"),
    "chart_alt_range": (
        "The shaded band is the 80% range of the {method} projection, {between} in {end}.",
        "Dải tô màu là khoảng 80% của dự báo theo {method}, năm {end} từ {between}.",
    ),
}
