"""A problem found in a plan's files, in words: the line a person reads, the fields of JSON."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .messages import t
from .text import clean

if TYPE_CHECKING:
    from midterm.i18n import Lang
    from midterm.problems import Problem, Report


def problem_message(p: Problem, lang: Lang) -> str:
    args = dict(p.args)
    if p.key == "toml_syntax":
        from .toml import toml_detail  # only when a file does not parse

        args["detail"] = toml_detail(str(args["detail"]), lang)
        if args.pop("decimal_comma", False):
            args["detail"] += t("decimal_comma", lang)
    hint = args.pop("hint", None)
    args["hint"] = t("hint", lang, word=hint) if hint else ""
    if str(args.get("found", "")).startswith("t_"):
        args["found"] = t(args["found"], lang)
    if "expected" in args and str(args["expected"]).startswith("t_"):
        args["expected"] = t(args["expected"], lang)
    if "span" in args:
        args["span"] = t(f"span_{args['span']}", lang)
    if "lo" in args and "hi" in args and p.key in ("out_of_bounds", "target_out_of_range"):
        lo, hi = args.pop("lo"), args.pop("hi")
        bounds = "bounds_both" if lo != "" and hi != "" else ("bounds_min" if lo != "" else "bounds_max")
        args["bounds"] = t(bounds, lang, lo=lo, hi=hi)
    check = args.pop("check", None)
    text = t(p.key, lang, **args)
    return text + t("acknowledged", lang, check=check) if check else text


def problem_line(p: Problem, lang: Lang) -> str:
    """The one line a person reads: file:line:col: severity: path: message."""
    path = f"{p.path}: " if p.path else ""
    return clean(f"{p.place()}: {t(p.severity, lang)}: {path}{problem_message(p, lang)}")


def problem_doc(p: Problem, lang: Lang) -> dict[str, Any]:
    return {
        "file": p.file,
        "line": p.line,
        "column": p.column,
        "path": p.path,
        "message": problem_message(p, lang),
        "severity": p.severity,
    }


def validate_summary(report: Report, lang: Lang) -> str:
    count = {s: sum(p.severity == s for p in report.problems) for s in ("error", "warning", "notice")}
    return t(
        "validate_ok",
        lang,
        files=report.files,
        errors=count["error"],
        warnings=count["warning"],
        notices=count["notice"],
    )
