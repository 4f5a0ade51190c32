"""Uploading a plan in the browser: permissions, file checks, mapping, confirmation, report."""

from __future__ import annotations

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from tests.factories import ActionFactory

from joinedup.actions.models import Action
from joinedup.partners import upload

PLAN = (
    "Ref,Action,Lead officer,Deadline,Priority,RAG\n"
    "H1,Adapt homes of frail older people,A. Patel,31/03/2014,1,Green\n"
    "H2,,B. Jones,31/03/2014,2,Green\n"
    "H3,Warm homes grants,C. Smith,30/09/2014,1,Amber\n"
)


def upload_url() -> str:
    return reverse("partners:upload", kwargs={"slug": "wealdbridge"})


@pytest.fixture(autouse=True)
def store(settings, tmp_path):
    settings.JOINEDUP_UPLOAD_DIR = tmp_path / "uploads"
    return settings.JOINEDUP_UPLOAD_DIR


def plan_file(text: str = PLAN, name: str = "housing-plan.csv") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, text.encode(), content_type="text/csv")


def _as(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def send(client, organisation, file=None):
    return client.post(upload_url(), {"organisation": str(organisation.id), "file": file or plan_file()})


def check_page(client, organisation, file=None):
    response = send(client, organisation, file)
    assert response.status_code == 302, response.content.decode()[:2000]
    return response.url, client.get(response.url)


def chosen(body: str) -> dict[str, str]:
    """Column header -> selected field, read from the mapping selects."""
    found = {}
    for label, select in re.findall(r"Column ‘(.*?)’\s*</label>.*?(<select.*?</select>)", body, re.S):
        match = re.search(r'<option value="([^"]*)" selected', select)
        found[label] = match.group(1) if match else None
    return found


def mapping_post(body: str, go: str, **extra) -> dict:
    data = {f"column-{i}": field for i, field in enumerate(chosen(body).values())}
    return data | {"go": go} | extra


# Permissions


def test_anonymous_visitor_is_sent_to_sign_in_from_upload(client, world):
    assert client.get(upload_url()).status_code == 302


def test_outsider_gets_not_found_on_upload(world):
    assert _as(world.outsider).get(upload_url()).status_code == 404


@pytest.mark.parametrize("persona", ["viewer", "own_viewer"])
def test_viewers_cannot_upload(world, persona):
    client = _as(getattr(world, persona))
    assert client.get(upload_url()).status_code == 403
    assert send(client, world.nhs).status_code == 403


def test_editor_may_upload_only_for_their_own_organisation(world):
    response = send(_as(world.editor), world.nhs)
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()


def test_admin_may_upload_for_any_partner(world):
    assert send(_as(world.admin), world.charity).status_code == 302


def test_another_users_token_is_not_found(world):
    url, _ = check_page(_as(world.editor), world.council)
    assert _as(world.admin).get(url).status_code == 404


def test_upload_refuses_a_post_without_the_csrf_token(world):
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.editor)
    assert send(client, world.council).status_code == 403


# File checks


def test_unsupported_file_type_is_refused_with_a_clear_message(world):
    response = send(_as(world.editor), world.council, plan_file(name="plan.pdf"))
    body = response.content.decode()
    assert "<title>Error: " in body
    assert "The selected file must be a spreadsheet, CSV file or Word document" in body
    assert 'href="#id_file"' in body


def test_file_over_20_megabytes_is_refused(world):
    big = plan_file("x" * (20 * 1024 * 1024 + 1))
    body = send(_as(world.editor), world.council, big).content.decode()
    assert "The selected file must be smaller than 20 MB" in body


def test_uploaded_file_is_kept_under_a_random_token_folder(world, store):
    url, _ = check_page(_as(world.editor), world.council)
    token = url.rstrip("/").rsplit("/", 1)[1]
    assert len(token) >= 20
    assert (store / token / "housing-plan.csv").read_text() == PLAN


def test_uploads_older_than_an_hour_are_swept(world, store):
    (store / "old").mkdir(parents=True)
    upload.sweep(now=__import__("time").time() + 3601)
    assert not (store / "old").exists()


# Mapping and preview


def test_check_page_shows_the_mapping_joinedup_chose(world):
    _, page = check_page(_as(world.editor), world.council)
    assert chosen(page.content.decode()) == {
        "Ref": "reference", "Action": "title", "Lead officer": "lead", "Deadline": "timeline",
        "Priority": "priorities", "RAG": "status"}


def test_check_page_previews_rows_as_they_will_be_stored(world):
    _, page = check_page(_as(world.editor), world.council)
    preview = page.content.decode().split('id="preview"')[1].split("</table>")[0]
    assert "Adapt homes of frail older people" in preview
    assert "31/03/2014" in preview and "On track" in preview


def test_nothing_is_stored_before_import(world):
    check_page(_as(world.editor), world.council)
    assert not Action.objects.exists()


def test_a_changed_mapping_updates_the_preview_without_importing(world):
    client = _as(world.editor)
    url, page = check_page(client, world.council)
    data = mapping_post(page.content.decode(), "import")
    data["column-2"] = ""  # Lead officer: ignore
    response = client.post(url, data)
    assert response.status_code == 302 and not Action.objects.exists()
    assert chosen(client.get(url).content.decode())["Lead officer"] == ""


# Import and report


def test_import_stores_the_plan_and_reports_counts_and_rejected_rows(world):
    client = _as(world.editor)
    url, page = check_page(client, world.council)
    body = client.post(url, mapping_post(page.content.decode(), "import")).content.decode()
    assert Action.objects.filter(owner=world.council).count() == 2
    assert "Plan imported" in body
    rejected = body.split('id="rejected"')[1].split("</table>")[0]
    assert re.search(r"<td[^>]*>\s*3\s*</td>", rejected)  # the file's row 3 has no action


def _word_plan() -> SimpleUploadedFile:
    """The CSV plan's rows as a table in a Word document, under a heading."""
    import io

    import docx

    document = docx.Document()
    document.add_heading("Housing actions", level=2)
    rows = [line.split(",") for line in PLAN.strip().splitlines()]
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    data = io.BytesIO()
    document.save(data)
    return SimpleUploadedFile("housing-plan.docx", data.getvalue(), content_type=(
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"))


def test_a_word_document_plan_is_checked_and_imported_like_a_spreadsheet(world):
    client = _as(world.editor)
    url, page = check_page(client, world.council, _word_plan())
    body = page.content.decode()
    assert chosen(body)["Action"] == "title" and chosen(body)["Deadline"] == "timeline"
    client.post(url, mapping_post(body, "import"))
    # H2 has no action, so two of the three rows are stored.
    assert sorted(Action.objects.filter(owner=world.council).values_list("title", flat=True)) == [
        "Adapt homes of frail older people", "Warm homes grants"]


def test_import_deletes_the_kept_file(world, store):
    client = _as(world.editor)
    url, page = check_page(client, world.council)
    client.post(url, mapping_post(page.content.decode(), "import"))
    assert list(store.iterdir()) == []
    assert client.get(url).status_code == 404


def test_import_saves_the_chosen_mapping_on_the_plan(world):
    client = _as(world.editor)
    url, page = check_page(client, world.council)
    client.post(url, mapping_post(page.content.decode(), "import"))
    plan = world.council.plans.get(title="housing-plan")
    assert plan.column_mapping["RAG"] == "status"


# Changes to existing actions need confirmation


@pytest.fixture
def stored_h1(world):
    return ActionFactory(partnership=world.board, owner=world.council, external_ref="H1",
                         title="Adapt homes", lead_name="A. Patel")


def test_changes_to_an_existing_action_are_shown_field_by_field(world, stored_h1):
    _, page = check_page(_as(world.editor), world.council)
    body = page.content.decode()
    assert "H1: Adapt homes" in body
    old_new = r"Title</th>\s*<td[^>]*>Adapt homes</td>\s*<td[^>]*>Adapt homes of frail older people</td>"
    assert re.search(old_new, body)


def test_import_over_existing_actions_is_refused_without_confirmation(world, stored_h1):
    client = _as(world.editor)
    url, page = check_page(client, world.council)
    response = client.post(url, mapping_post(page.content.decode(), "import"))
    stored_h1.refresh_from_db()
    assert response.status_code == 200
    assert "Confirm that 1 existing action is to be changed" in response.content.decode()
    assert stored_h1.title == "Adapt homes"
    assert Action.objects.count() == 1


def test_confirmed_import_updates_the_existing_action(world, stored_h1):
    client = _as(world.editor)
    url, page = check_page(client, world.council)
    client.post(url, mapping_post(page.content.decode(), "import", confirm="on"))
    stored_h1.refresh_from_db()
    assert stored_h1.title == "Adapt homes of frail older people"
    assert Action.objects.count() == 2


def test_a_mapping_that_leaves_no_action_column_is_refused_and_the_upload_kept(world):
    client = _as(world.editor)
    url, page = check_page(client, world.council)
    data = mapping_post(page.content.decode(), "preview")
    data["column-1"] = ""  # Action: ignore, so no column holds the action
    response = client.post(url, data)
    body = response.content.decode()
    assert response.status_code == 200
    assert "With this mapping the plan cannot be read" in body and "<title>Error: " in body
    assert chosen(client.get(url).content.decode())["Action"] == "title"


def test_changes_to_a_deleted_action_with_the_same_reference_are_shown(world):
    deleted = ActionFactory(partnership=world.board, owner=world.council, external_ref="H3", title="Old")
    deleted.soft_delete()
    _, page = check_page(_as(world.editor), world.council)
    assert "H3: Old" in page.content.decode()
