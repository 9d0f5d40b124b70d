"""Python's TOML errors (tomllib writes them in English) in the user's language."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from midterm.i18n import Lang


def toml_detail(detail: str, lang: Lang) -> str:
    """The standard library's TOML error in the user's language (built only when one is shown)."""
    if lang != "vi":
        return detail
    exact, patterns = _toml_vi()
    if detail in exact:
        return exact[detail]
    for pattern, words in patterns:
        match = re.fullmatch(pattern, detail)
        if match:
            return words.format(match.group(1))
    return detail


def _toml_vi() -> tuple[dict[str, str], list[tuple[str, str]]]:
    exact = {
        "Cannot overwrite a value": "không thể ghi đè một giá trị đã có (khóa hay bảng bị khai báo hai lần?)",
        "Escaped character is not a Unicode scalar value": "ký tự thoát không phải ký tự Unicode hợp lệ",
        "Expected '=' after a key in a key/value pair": "thiếu dấu '=' sau tên khóa",
        "Expected ']' at the end of a table declaration": "thiếu ']' ở cuối tên bảng",
        "Expected ']]' at the end of an array declaration": "thiếu ']]' ở cuối tên mảng bảng",
        "Expected newline or end of document after a statement": "sau một dòng khai báo phải xuống dòng",
        "Invalid date or datetime": "ngày hoặc giờ không hợp lệ",
        "Invalid hex value": "giá trị hex không hợp lệ",
        "Invalid initial character for a key part": "ký tự đầu của tên khóa không hợp lệ",
        "Invalid statement": "dòng không hợp lệ",
        "Invalid value": "giá trị không hợp lệ",
        "Unclosed array": "mảng chưa đóng ']'",
        "Unclosed inline table": "bảng nội dòng chưa đóng '}'",
        "Unescaped '\\' in a string": "dấu '\\' trong chuỗi chưa được thoát",
        "Unterminated string": "chuỗi chưa đóng dấu nháy",
        "nested too deeply": "lồng nhau quá sâu",
    }
    patterns = [
        (r"Cannot declare (.*) twice", "khai báo {} hai lần"),
        (r"Cannot mutate immutable namespace (.*)", "không thể sửa bảng {} đã khai báo trọn"),
        (r"Cannot redefine namespace (.*)", "không thể khai báo lại bảng {}"),
        (r"Duplicate inline table key (.*)", "khóa {} trùng trong bảng nội dòng"),
        (r"Expected (.*)", "cần {}"),
        (r"Found invalid character (.*)", "gặp ký tự không hợp lệ {}"),
        (r"Illegal character (.*)", "ký tự không được phép {}"),
    ]
    return exact, patterns
