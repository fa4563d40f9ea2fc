"""Shapes of Chinese official identifiers."""

import re

# 文号: 机关代字〔年份〕序号号, e.g. 长开政发〔2016〕12号, 国办公开办函〔2019〕60号.
_BRACKETS = str.maketrans({"[": "〔", "]": "〕", "［": "〔", "］": "〕", "(": "〔", ")": "〕", "（": "〔", "）": "〕",
                           "【": "〔", "】": "〕", "〖": "〔", "〗": "〕"})  # fmt: skip
DOCUMENT_NUMBER_RE = re.compile(r"^[\u4e00-\u9fffA-Za-z]{1,24}〔(19[5-9]\d|20\d\d)〕第?[1-9]\d{0,5}号$")


def normalize_document_number(value: str) -> str:
    """Unify the year brackets to 〔〕 (the form GB/T 9704 prescribes) and strip spaces."""
    value = re.sub(r"\s+", "", value or "")
    return value.translate(_BRACKETS)


def is_valid_document_number(value: str) -> bool:
    return bool(DOCUMENT_NUMBER_RE.match(value))
