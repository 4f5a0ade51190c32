"""File-level failures raise IngestError naming the file, never a library exception."""

from __future__ import annotations

import os

import pytest

from joinedup.ingest import IngestError, read_plan


def test_missing_file_raises_naming_it(tmp_path):
    with pytest.raises(IngestError) as caught:
        read_plan(tmp_path / "absent.xlsx")
    assert caught.value.problem.location.file == "absent.xlsx"
    assert "not found" in caught.value.problem.message


def test_unsupported_extension_raises_listing_supported_types(tmp_path):
    path = tmp_path / "plan.pdf"
    path.write_bytes(b"x")
    with pytest.raises(IngestError) as caught:
        read_plan(path)
    assert ".xlsx" in caught.value.problem.message
    assert ".docx" in caught.value.problem.message
    assert caught.value.problem.location.file == "plan.pdf"


def test_truncated_xlsx_raises_naming_the_file(make_xlsx, tmp_path):
    good = make_xlsx([["Action"], ["Do it"]])
    data = good.read_bytes()
    cut = tmp_path / "cut.xlsx"
    cut.write_bytes(data[: len(data) // 2])
    with pytest.raises(IngestError) as caught:
        read_plan(cut)
    assert caught.value.problem.location.file == "cut.xlsx"
    assert "cut.xlsx" in str(caught.value)


def test_random_bytes_named_xlsx_raise_naming_the_file(tmp_path):
    path = tmp_path / "noise.xlsx"
    path.write_bytes(os.urandom(4096))
    with pytest.raises(IngestError) as caught:
        read_plan(path)
    assert caught.value.problem.location.file == "noise.xlsx"


@pytest.mark.parametrize("suffix", [".xls", ".ods", ".xlsb"])
def test_random_bytes_with_other_spreadsheet_extensions_raise(tmp_path, suffix):
    path = tmp_path / f"noise{suffix}"
    path.write_bytes(b"\x00\x01garbage" * 300)
    with pytest.raises(IngestError):
        read_plan(path)


def test_empty_xlsx_file_raises(tmp_path):
    path = tmp_path / "empty.xlsx"
    path.write_bytes(b"")
    with pytest.raises(IngestError):
        read_plan(path)


def test_wrong_columns_raise_saying_what_was_expected(make_xlsx):
    path = make_xlsx([["Lead", "Status", "Budget"], ["Ann", "Green", "£5k"]])
    with pytest.raises(IngestError) as caught:
        read_plan(path)
    problem = caught.value.problem
    assert problem.location.sheet == "Plan"
    assert "expected a column headed Action" in problem.message


def test_sheet_without_header_row_raises(make_xlsx):
    path = make_xlsx([["apples", "pears"], [1, 2]])
    with pytest.raises(IngestError, match="no header row found"):
        read_plan(path)


def test_empty_csv_raises(make_csv):
    with pytest.raises(IngestError):
        read_plan(make_csv(""))
