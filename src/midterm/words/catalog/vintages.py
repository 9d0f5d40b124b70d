"""Figures get revised (issue 21): when a figure was published, its revisions, --as-of DATE, record --revision.

key: (English, Vietnamese)."""

MESSAGES: dict[str, tuple[str, str]] = {
    # ---- figures get revised (issue 21): published, revisions, --as-of DATE, record --revision
    "published_too_early": (
        "published {date} is before the day the figure speaks of ({earliest})",
        "ngày công bố {date} sớm hơn thời điểm số liệu nói tới ({earliest})",
    ),
    "revision_order": (
        "revisions go oldest first: {date} is not after the one before ({before})",
        "các số điều chỉnh ghi theo thứ tự cũ trước: {date} không sau số trước đó ({before})",
    ),
    "revision_after_figure": (
        "a revision published {date} is not older than the figure in force ({in_force}: its published, "
        "else as_of, else the year end)",
        "số cũ công bố ngày {date} không sớm hơn số đang dùng ({in_force}: ngày công bố, nếu không có thì "
        "as_of, nếu không có thì cuối năm)",
    ),
    "bad_as_of_value": (
        "--as-of {value} is not a year, a date or latest: write 2023, 2023-09-30 or latest",
        "--as-of {value} không phải năm, ngày hay latest: viết 2023, 2023-09-30 hoặc latest",
    ),
    "bad_day": (
        "{option} {value} is not a day of the calendar (YYYY-MM-DD)",
        "{option} {value} không phải một ngày có thật (YYYY-MM-DD)",
    ),
    "bad_date_value": (
        "{option} {value} is not a date: write it as YYYY-MM-DD",
        "{option} {value} không phải ngày: viết dạng YYYY-MM-DD",
    ),
    "record_revision_needs_date": (
        "--revision needs --published DATE: the day the new figure was made public",
        "--revision cần --published DATE: ngày số mới được công bố",
    ),
    "record_revision_and_replace": (
        "--revision keeps the old figure, --replace corrects it: use one of them",
        "--revision giữ lại số cũ, --replace sửa số cũ: chỉ dùng một trong hai",
    ),
    "record_old_published_alone": (
        "--old-published dates the figure a --revision replaces: use it with --revision",
        "--old-published ghi ngày của số cũ mà --revision thay: chỉ dùng cùng --revision",
    ),
    "record_nothing_to_revise": (
        "{file} has no figure of {metric} for {year} to revise: record it without --revision",
        "{file} chưa có số liệu {metric} năm {year} để điều chỉnh: ghi mà không cần --revision",
    ),
    "record_revision_hint": (
        "the old figure must be older than the new one: check --published, or give the old figure's day "
        "with --old-published DATE",
        "số cũ phải công bố trước số mới: xem lại --published, hoặc ghi ngày công bố của số cũ bằng "
        "--old-published DATE",
    ),
    "revised_in": (
        "revised {metric} for {year} in {file}: the new figure is in force, the old one kept in revisions",
        "đã điều chỉnh {metric} năm {year} trong {file}: số mới được dùng, số cũ giữ trong revisions",
    ),
    "vintage_window": (
        " · what was known on {day}: figures at an earlier vintage than the one in force {earlier}, "
        "not yet published {unpublished}",
        " · số liệu đã biết vào ngày {day}: số theo bản công bố trước số đang dùng {earlier}, "
        "số chưa công bố {unpublished}",
    ),
    "vintage_later": (
        " · {n} of the figures read were published after {day} (revised figures; --as-of {iso}: what was known then)",
        " · {n} số liệu được dùng công bố sau ngày {day} (số đã điều chỉnh; --as-of {iso}: số đã biết khi đó)",
    ),
    "doc_vintage_later": (
        " {n} of the figures used were published after {day}: they are revised figures, not those known then.",
        " {n} số liệu được dùng công bố sau ngày {day}: đó là số đã điều chỉnh, không phải số đã biết khi đó.",
    ),
    "doc_vintage": (
        " The figures are those known on {day} (at an earlier vintage than the one in force: {earlier}; "
        "not yet published then: {unpublished}).",
        " Số liệu là số đã biết vào ngày {day} (số theo bản công bố trước số đang dùng: {earlier}; "
        "số khi đó chưa công bố: {unpublished}).",
    ),
    "published_on": (" · published {day}", " · công bố ngày {day}"),
    "revision_line": (
        "earlier figure {value} ({basis}, published {day}), revised by {moved}{points}: {source}",
        "số công bố trước {value} ({basis}, ngày {day}), sau điều chỉnh {moved}{points}: {source}",
    ),
    "points": (" points", " điểm"),
    "backtest_title_day": (
        "Backtest: the review with what was known on {day} against the year files to {latest}",
        "Kiểm chứng: đánh giá với số liệu đã biết vào ngày {day}, so với số liệu đến năm {latest}",
    ),
}
