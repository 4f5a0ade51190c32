"""Per-partner spreadsheet round trip: differences shown first, nothing changes until confirmed,
undo restores exactly."""

from __future__ import annotations

import datetime as dt
import io
import re
from decimal import Decimal

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.forms.models import model_to_dict
from django.urls import reverse
from tests.factories import ActionFactory

from joinedup.actions.models import Action
from joinedup.imports.models import ImportBatch

SLUG = "wealdbridge"


def serialised(action_id: int) -> dict:
    """Every stored value of an action and its links; version and timestamps excluded."""
    action = Action.everything.get(pk=action_id)
    row = model_to_dict(action, exclude=["priorities", "categories", "population_groups"])
    row.pop("version")
    row["deleted_at"] = action.deleted_at
    row["links"] = ({p.pk for p in action.priorities.all()}, {c.pk for c in action.categories.all()},
                    {g.pk for g in action.population_groups.all()})
    return row


@pytest.fixture
def council_actions(world):
    p1, p2 = world.priorities
    first = ActionFactory(partnership=world.board, owner=world.council, external_ref="H1",
                          title="Adapt homes for older people", lead_name="Jane Smith",
                          status="on_track", resource_amount=Decimal("12000.00"),
                          end_date=dt.date(2027, 3, 31), progress_note="Survey done")
    first.priorities.set([p1])
    first.categories.set([world.categories[0]])
    second = ActionFactory(partnership=world.board, owner=world.council, external_ref="",
                           title="Warm homes grants")
    second.priorities.set([p2])
    other = ActionFactory(partnership=world.board, owner=world.nhs, external_ref="N1",
                          title="NHS work")
    return {"first": first, "second": second, "other": other}


def _download(client, user, org) -> bytes:
    client.force_login(user)
    response = client.get(reverse("imports:spreadsheet", kwargs={"slug": SLUG, "org_id": org.pk}))
    assert response.status_code == 200
    return response.content


def _edited(content: bytes, edit) -> bytes:
    book = openpyxl.load_workbook(io.BytesIO(content))
    sheet = book["Actions"]
    headers = {cell.value: cell.column for cell in sheet[1]}
    edit(sheet, headers)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _row_of(sheet, headers, title):
    for row in range(2, sheet.max_row + 1):
        if sheet.cell(row, headers["Title"]).value == title:
            return row
    raise AssertionError(f"{title} not in the sheet")


def _change_title_and_add(sheet, headers):
    row = _row_of(sheet, headers, "Adapt homes for older people")
    sheet.cell(row, headers["Title"]).value = "Adapt 200 homes for older people"
    sheet.cell(row, headers["Status"]).value = "At risk"
    sheet.cell(row, headers["Priorities"]).value = "1, 2"
    new = sheet.max_row + 1
    sheet.cell(new, headers["Reference"]).value = "H9"
    sheet.cell(new, headers["Title"]).value = "Handyperson scheme"
    sheet.cell(new, headers["Partner"]).value = "Wealdbridge County Council"
    wrong = sheet.max_row + 1
    sheet.cell(wrong, headers["Reference"]).value = "X1"
    sheet.cell(wrong, headers["Title"]).value = "Someone else's action"
    sheet.cell(wrong, headers["Partner"]).value = "NHS Wealdbridge ICB"


def _change_rows(html: str) -> list[tuple[str, str, str]]:
    """(field, now, after) for every row of the 'Changed actions' tables."""
    changed = html.split("Changed actions")[1].split("New actions")[0]
    cells = re.findall(r'<th scope="row" class="govuk-table__header">(.*?)</th>\s*'
                       r'<td class="govuk-table__cell">(.*?)</td>\s*'
                       r'<td class="govuk-table__cell">(.*?)</td>', changed)
    return [tuple(c) for c in cells]


def _upload(client, org, content: bytes, name="council.xlsx"):
    url = reverse("imports:upload", kwargs={"slug": SLUG, "org_id": org.pk})
    return client.post(url, {"file": SimpleUploadedFile(name, content)})


def _confirm(client, org, html: str):
    fingerprint = html.split('name="fingerprint" value="')[1].split('"')[0]
    url = reverse("imports:upload", kwargs={"slug": SLUG, "org_id": org.pk})
    return client.post(url, {"confirm": "1", "fingerprint": fingerprint})


def test_an_unedited_download_uploads_with_no_differences(client, world, council_actions):
    content = _download(client, world.editor, world.council)
    html = _upload(client, world.council, content).content.decode()
    assert "0 actions will change, 0 will be added, 2 unchanged, 0 rows rejected" in html
    assert "Confirm and import" not in html


def test_the_download_holds_only_that_partners_actions(client, world, council_actions):
    book = openpyxl.load_workbook(io.BytesIO(_download(client, world.editor, world.council)))
    titles = {row[2].value for row in book["Actions"].iter_rows(min_row=2)}
    headers = [c.value for c in book["Actions"][1]]
    assert headers[2] == "Title"
    assert titles == {"Adapt homes for older people", "Warm homes grants"}


def test_differences_are_shown_field_by_field_and_nothing_changes_yet(client, world, council_actions):
    before = {k: serialised(a.pk) for k, a in council_actions.items()}
    content = _edited(_download(client, world.editor, world.council), _change_title_and_add)
    html = _upload(client, world.council, content).content.decode()
    assert "1 action will change, 1 will be added, 1 unchanged, 1 row rejected" in html
    rows = _change_rows(html)
    assert ("Title", "Adapt homes for older people", "Adapt 200 homes for older people") in rows
    assert ("Status", "On track", "At risk") in rows
    assert ("Priorities", "1", "1, 2") in rows
    assert len(rows) == 3
    assert "Handyperson scheme" in html
    assert "belongs to &#39;NHS Wealdbridge ICB&#39;" in html
    assert {k: serialised(a.pk) for k, a in council_actions.items()} == before
    assert Action.objects.filter(title="Handyperson scheme").count() == 0
    assert ImportBatch.objects.count() == 0


def test_confirming_applies_the_changes_as_one_batch(client, world, council_actions):
    content = _edited(_download(client, world.editor, world.council), _change_title_and_add)
    html = _upload(client, world.council, content).content.decode()
    assert _confirm(client, world.council, html).status_code == 302
    first = Action.objects.get(pk=council_actions["first"].pk)
    assert (first.title, first.status) == ("Adapt 200 homes for older people", "at_risk")
    assert {p.number for p in first.priorities.all()} == {1, 2}
    assert Action.objects.get(title="Handyperson scheme").owner == world.council
    assert not Action.objects.filter(title="Someone else's action").exists()
    batch = ImportBatch.objects.get()
    assert (batch.created_count, batch.updated_count, batch.unchanged_count, batch.rejected_count) \
        == (1, 1, 1, 1)
    assert batch.user == world.editor and batch.organisation == world.council


def test_undo_restores_every_changed_action_exactly_and_removes_new_ones(client, world, council_actions):
    before = {k: serialised(a.pk) for k, a in council_actions.items()}
    content = _edited(_download(client, world.editor, world.council), _change_title_and_add)
    _confirm(client, world.council, _upload(client, world.council, content).content.decode())
    batch = ImportBatch.objects.get()
    client.force_login(world.admin)
    response = client.post(reverse("imports:undo", kwargs={"slug": SLUG, "pk": batch.pk}))
    assert response.status_code == 302
    assert {k: serialised(a.pk) for k, a in council_actions.items()} == before
    assert Action.deleted.filter(title="Handyperson scheme").count() == 1
    assert not Action.objects.filter(title="Handyperson scheme").exists()
    batch.refresh_from_db()
    assert batch.undone_by == world.admin and batch.undone_at is not None


def test_undo_is_refused_when_an_action_changed_since(client, world, council_actions):
    content = _edited(_download(client, world.editor, world.council), _change_title_and_add)
    _confirm(client, world.council, _upload(client, world.council, content).content.decode())
    first = Action.objects.get(pk=council_actions["first"].pk)
    first.title = "Edited by hand later"
    first.version += 1
    first.save()
    client.force_login(world.admin)
    client.post(reverse("imports:undo", kwargs={"slug": SLUG, "pk": ImportBatch.objects.get().pk}))
    assert Action.objects.get(pk=first.pk).title == "Edited by hand later"
    assert ImportBatch.objects.get().undone_at is None


def test_a_confirmation_for_a_different_review_changes_nothing(client, world, council_actions):
    before = serialised(council_actions["first"].pk)
    content = _edited(_download(client, world.editor, world.council), _change_title_and_add)
    _upload(client, world.council, content)
    url = reverse("imports:upload", kwargs={"slug": SLUG, "org_id": world.council.pk})
    client.post(url, {"confirm": "1", "fingerprint": "not-what-was-reviewed"})
    assert serialised(council_actions["first"].pk) == before
    assert ImportBatch.objects.count() == 0


def test_a_file_that_is_not_a_spreadsheet_shows_an_error(client, world, council_actions):
    client.force_login(world.editor)
    html = _upload(client, world.council, b"hello", name="notes.txt").content.decode()
    assert "<title>Error: " in html
    assert 'href="#id_file"' in html
