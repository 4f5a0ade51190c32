"""Reading a place lookup (place: the place containing it) for the analysis."""

from __future__ import annotations

import pytest

from joinedup.ingest import IngestError
from joinedup.ingest.places import load_place_parents


def _write(tmp_path, text: str, name: str = "places.yaml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_mapping_of_places_is_read_with_names_and_codes_trimmed(tmp_path):
    path = _write(tmp_path, "Eastgate ward: Northmere district\n"
                            "' E05000001 ': E07000001\n")
    assert load_place_parents(path) == {"Eastgate ward": "Northmere district",
                                        "E05000001": "E07000001"}


def test_an_empty_file_means_no_geography(tmp_path):
    assert load_place_parents(_write(tmp_path, "# nothing yet\n")) == {}


@pytest.mark.parametrize(("text", "expected"), [
    ("- Eastgate ward\n- Northmere district\n", "expected a mapping of place"),
    ("Eastgate ward: [Northmere, Kelder]\n", "entry 'Eastgate ward'"),
    ("Eastgate ward: ''\n", "entry 'Eastgate ward'"),
    ("Eastgate ward: eastgate WARD\n", "a place cannot contain itself"),
    ("Eastgate ward: [unclosed\n", "not valid YAML"),
])
def test_bad_lookups_are_refused_naming_the_file_and_the_entry(tmp_path, text, expected):
    with pytest.raises(IngestError) as caught:
        load_place_parents(_write(tmp_path, text, "wards.yaml"))
    message = str(caught.value)
    assert "wards.yaml" in message
    assert expected in message


def test_a_missing_file_is_refused_naming_it(tmp_path):
    with pytest.raises(IngestError, match=r"nowhere\.yaml"):
        load_place_parents(tmp_path / "nowhere.yaml")
