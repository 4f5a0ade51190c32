"""The upload page's column choices: further columns import, clashing choices are refused.

(Uses the `world` personas.)
"""

from __future__ import annotations

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from joinedup.actions.models import Action
from joinedup.partners import upload
from joinedup.partners.forms import MappingForm

PLAN = (
    "Ref,Action,Detail,Partners involved,Colour,Lead,How we will know,Target\n"
    "H1,Warm homes grants,Grants for boilers,Fire service,blue,A. Patel,Homes warmed,400\n"
)


@pytest.fixture(autouse=True)
def store(settings, tmp_path):
    settings.JOINEDUP_UPLOAD_DIR = tmp_path / "uploads"


def _check_page(world):
    client = Client()
    client.force_login(world.editor)
    response = client.post(reverse("partners:upload", kwargs={"slug": "wealdbridge"}), {
        "organisation": str(world.council.id),
        "file": SimpleUploadedFile("warm-homes.csv", PLAN.encode(), content_type="text/csv")})
    assert response.status_code == 302
    return client, response.url, client.get(response.url).content.decode()


def _chosen(body: str) -> dict[str, str | None]:
    found = {}
    for label, select in re.findall(r"Column ‘(.*?)’\s*</label>.*?(<select.*?</select>)", body,
                                    re.S):
        match = re.search(r'<option value="([^"]*)" selected', select)
        found[label] = match.group(1) if match else None
    return found


def test_upload_page_shows_further_columns_with_their_field(world):
    _, _, body = _check_page(world)
    assert _chosen(body) == {
        "Ref": "reference", "Action": "title", "Detail": "description",
        "Partners involved": "description", "Colour": "", "Lead": "lead",
        "How we will know": "outcome_measures", "Target": "outcome_measures"}


def test_upload_imports_two_columns_chosen_for_one_text_field(world):
    client, url, body = _check_page(world)
    choices = _chosen(body) | {"Colour": "description"}
    data = {f"column-{i}": field for i, field in enumerate(choices.values())}
    assert client.post(url, data | {"go": "preview"}).status_code == 302
    body = client.get(url).content.decode()
    assert _chosen(body)["Colour"] == "description"
    data = {f"column-{i}": field for i, field in enumerate(_chosen(body).values())}
    client.post(url, data | {"go": "import"})
    action = Action.objects.get(owner=world.council, external_ref="H1")
    assert action.description == ("Grants for boilers\nPartners involved: Fire service\n"
                                  "Colour: blue")
    assert action.outcome_measures == "Homes warmed\nTarget: 400"


def test_upload_refuses_two_columns_chosen_for_a_one_column_field(world):
    client, url, body = _check_page(world)
    choices = _chosen(body) | {"Colour": "lead"}
    data = {f"column-{i}": field for i, field in enumerate(choices.values())}
    response = client.post(url, data | {"go": "import"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "<title>Error: " in page
    assert ("Choose another field for ‘Colour’, or ignore it: ‘Lead’ is already read as lead, "
            "which only one column can give") in page
    assert not Action.objects.exists()


def test_mapping_form_clashes_only_within_one_sheet():
    columns = [upload.Column("A", "Lead", "lead", ("A",)),
               upload.Column("B", "Lead officer", "lead", ("B",)),
               upload.Column("A", "Owner", "", ("A", "B"))]
    form = MappingForm(columns, {"column-0": "lead", "column-1": "lead", "column-2": ""})
    assert form.is_valid(), form.errors
    form = MappingForm(columns, {"column-0": "lead", "column-1": "lead", "column-2": "lead"})
    assert not form.is_valid()
    assert list(form.errors) == ["column-2"]
    # Of two columns of one sheet given one field, the one joinedup chose it for is kept.
    form = MappingForm(columns, {"column-0": "", "column-1": "status", "column-2": "status"})
    assert list(form.errors) == ["column-2"]
    columns[2] = upload.Column("A", "Owner", "status", ("A", "B"))
    form = MappingForm(columns, {"column-0": "", "column-1": "status", "column-2": "status"})
    assert list(form.errors) == ["column-1"]
