"""Who may download, upload, list and undo: checked on the server for every persona."""

from __future__ import annotations

import pytest
from django.urls import reverse
from tests.factories import ActionFactory

from joinedup.imports.models import ImportBatch

SLUG = "wealdbridge"
EDITS_COUNCIL = {"admin", "editor"}
PERSONAS = ["admin", "editor", "nhs_editor", "viewer", "own_viewer"]


def _spreadsheet_urls(world, org):
    return [reverse("imports:spreadsheet", kwargs={"slug": SLUG, "org_id": org.pk}),
            reverse("imports:upload", kwargs={"slug": SLUG, "org_id": org.pk})]


@pytest.mark.parametrize("persona", PERSONAS)
def test_only_people_who_edit_for_the_partner_may_download_or_upload(client, world, persona):
    ActionFactory(partnership=world.board, owner=world.council)
    client.force_login(getattr(world, persona))
    expected = 200 if persona in EDITS_COUNCIL else 403
    for url in _spreadsheet_urls(world, world.council):
        assert client.get(url).status_code == expected


def test_the_nhs_editor_may_use_the_nhs_spreadsheet(client, world):
    client.force_login(world.nhs_editor)
    for url in _spreadsheet_urls(world, world.nhs):
        assert client.get(url).status_code == 200


def test_an_organisation_outside_the_partnership_is_not_found(client, world):
    client.force_login(world.admin)
    for url in _spreadsheet_urls(world, world.stranger_org):
        assert client.get(url).status_code == 404


def test_members_of_another_partnership_get_not_found(client, world):
    client.force_login(world.outsider)
    urls = [*_spreadsheet_urls(world, world.council), reverse("imports:list", kwargs={"slug": SLUG})]
    for url in urls:
        assert client.get(url).status_code == 404


def test_anonymous_visitors_are_sent_to_sign_in(client, world):
    urls = [*_spreadsheet_urls(world, world.council), reverse("imports:list", kwargs={"slug": SLUG})]
    for url in urls:
        assert client.get(url).status_code == 302


@pytest.mark.parametrize("persona", PERSONAS)
def test_only_administrators_see_the_imports_list(client, world, persona):
    client.force_login(getattr(world, persona))
    expected = 200 if persona == "admin" else 403
    assert client.get(reverse("imports:list", kwargs={"slug": SLUG})).status_code == expected


@pytest.mark.parametrize("persona", ["editor", "nhs_editor", "viewer", "own_viewer"])
def test_only_administrators_may_undo(client, world, persona):
    batch = ImportBatch.objects.create(partnership=world.board, organisation=world.council,
                                       user=world.editor, file_name="council.xlsx")
    client.force_login(getattr(world, persona))
    url = reverse("imports:undo", kwargs={"slug": SLUG, "pk": batch.pk})
    assert client.post(url).status_code == 403
    batch.refresh_from_db()
    assert batch.undone_at is None


def test_undo_needs_a_post(client, world):
    batch = ImportBatch.objects.create(partnership=world.board, organisation=world.council,
                                       user=world.editor, file_name="council.xlsx")
    client.force_login(world.admin)
    assert client.get(reverse("imports:undo", kwargs={"slug": SLUG, "pk": batch.pk})).status_code == 405


def test_another_partnerships_batch_cannot_be_undone_from_here(client, world):
    batch = ImportBatch.objects.create(partnership=world.other_board, organisation=world.stranger_org,
                                       file_name="elsewhere.xlsx")
    client.force_login(world.admin)
    assert client.post(reverse("imports:undo", kwargs={"slug": SLUG, "pk": batch.pk})).status_code == 404


@pytest.mark.parametrize("persona", ["nhs_editor", "viewer", "own_viewer"])
def test_an_upload_from_someone_who_cannot_edit_for_the_partner_is_refused(client, world, persona):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(getattr(world, persona))
    url = reverse("imports:upload", kwargs={"slug": SLUG, "org_id": world.council.pk})
    response = client.post(url, {"file": SimpleUploadedFile("x.csv", b"Title\nSneaky\n")})
    assert response.status_code == 403
    response = client.post(url, {"confirm": "1", "fingerprint": "x"})
    assert response.status_code == 403
