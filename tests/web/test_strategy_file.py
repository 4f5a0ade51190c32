"""Loading the strategy from a file in the editor: read, check what changes, confirm, store.

The world's strategy (tests/conftest.py): priorities 1 "Appropriate and adapted
housing" and 2 "Respiratory illness", the theme "Long-term conditions" holding
both, the three default categories and no stored strategy name.
"""

from __future__ import annotations

import html
import re
import secrets

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from tests.factories import ActionFactory, member

from joinedup.accounts.models import Access
from joinedup.strategy.models import Category, Priority, Strategy, Theme
from joinedup.strategy.upload import SESSION_KEY

MD = """\
Name: Seamless Health
# Long-term conditions
- 1. Appropriate and adapted housing
- 2. Respiratory illness - Fewer emergency admissions
# Start well
- 3. Best start in life
"""

YAML = """\
name: Seamless Health
categories: [Prevention, Treatment]
priorities:
  - {number: 1, name: Appropriate and adapted housing}
  - {number: 2, name: Respiratory illness}
  - {number: 4, name: Healthy weight, description: Eat well and move more}
themes:
  - {name: Long-term conditions, priorities: [1, 2]}
  - {name: Live well, description: Adults of working age, priorities: [2, 4]}
"""

DEFAULTS = ["Early Intervention & Prevention", "Treatment", "Long-term management & support"]


def load_url(slug: str = "wealdbridge") -> str:
    return reverse("strategy:load", kwargs={"slug": slug})


def check_url(token: str, slug: str = "wealdbridge") -> str:
    return reverse("strategy:load-check", kwargs={"slug": slug, "token": token})


def strategy_file(text: str = MD, name: str = "seamless.md") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, text.encode() if isinstance(text, str) else text)


def _as(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def send(client: Client, file=None, slug: str = "wealdbridge"):
    return client.post(load_url(slug), {"file": file or strategy_file()})


def check_page(client: Client, file=None) -> tuple[str, str]:
    """(check page address, its body) after uploading `file`."""
    response = send(client, file)
    assert response.status_code == 302, response.content.decode()[:3000]
    page = client.get(response.url)
    assert page.status_code == 200
    return response.url, page.content.decode()


def seen(body: str) -> str:
    return re.search(r'name="seen" value="([0-9a-f]+)"', body).group(1)


def confirm(client: Client, file=None):
    url, body = check_page(client, file)
    return client.post(url, {"seen": seen(body)})


def priorities(partnership) -> list[tuple[int, str, str]]:
    return [(p.number, p.name, p.description) for p in Priority.objects.filter(partnership=partnership)]


def themes(partnership) -> list[tuple[str, str, list[int]]]:
    return [(t.name, t.description, sorted(p.number for p in t.priorities.all()))
            for t in Theme.objects.filter(partnership=partnership).order_by("name")]


def categories(partnership) -> list[str]:
    return [c.name for c in Category.objects.filter(partnership=partnership)]


def text_of(body: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", body)).split())


def stored(world) -> tuple:
    return priorities(world.board), themes(world.board), categories(world.board)


ORIGINAL = (
    [(1, "Appropriate and adapted housing", ""), (2, "Respiratory illness", "")],
    [("Long-term conditions", "", [1, 2])],
    DEFAULTS,
)


# Permissions


def test_the_editor_links_to_loading_a_file(world):
    body = _as(world.admin).get(reverse("strategy:edit", kwargs={"slug": "wealdbridge"})).content.decode()
    assert f'href="{load_url()}"' in body and "Load the strategy from a file" in body


def test_anonymous_visitor_is_sent_to_sign_in(client, world):
    token = secrets.token_urlsafe(24)
    for url in (load_url(), check_url(token)):
        assert client.get(url).url.startswith("/sign-in/")
        assert client.post(url).url.startswith("/sign-in/")


def test_a_member_of_another_partnership_gets_not_found(world):
    outsider = _as(world.outsider)
    assert outsider.get(load_url()).status_code == 404
    assert send(outsider).status_code == 404
    assert outsider.post(check_url(secrets.token_urlsafe(24)), {"seen": "x"}).status_code == 404
    assert stored(world) == ORIGINAL


@pytest.mark.parametrize("persona", ["editor", "nhs_editor", "viewer", "own_viewer"])
def test_only_administrators_may_load_a_file(world, persona):
    client = _as(getattr(world, persona))
    assert client.get(load_url()).status_code == 403
    assert send(client).status_code == 403
    assert client.session.get(SESSION_KEY) is None
    assert stored(world) == ORIGINAL


@pytest.mark.parametrize("persona", ["editor", "nhs_editor", "viewer", "own_viewer"])
def test_only_administrators_may_confirm(world, persona):
    url, body = check_page(_as(world.admin))
    client = _as(getattr(world, persona))
    assert client.get(url).status_code == 403
    assert client.post(url, {"seen": seen(body)}).status_code == 403
    assert stored(world) == ORIGINAL


def test_the_administrator_opens_the_form(world):
    body = _as(world.admin).get(load_url()).content.decode()
    assert 'enctype="multipart/form-data"' in body
    assert 'accept=".yaml,.yml,.txt,.md,.csv"' in body


def test_a_file_read_for_one_partnership_cannot_be_stored_in_another(world):
    member(world.admin, world.other_board, world.stranger_org, Access.ADMIN)
    client = _as(world.admin)
    url, body = check_page(client)
    token = url.rstrip("/").rsplit("/", 1)[-1]
    response = client.post(check_url(token, slug="eastmarsh"), {"seen": seen(body)})
    assert response.status_code == 404
    assert "This strategy file is no longer available" in response.content.decode()
    assert priorities(world.other_board) == [] and stored(world) == ORIGINAL


# Reading the file and the check page


def test_nothing_is_stored_before_confirmation(world):
    client = _as(world.admin)
    _, body = check_page(client)
    assert "Nothing has been stored yet" in body
    assert stored(world) == ORIGINAL
    assert not Strategy.objects.filter(partnership=world.board).exists()


def test_the_check_page_shows_what_a_markdown_file_adds_and_changes(world):
    _, body = check_page(_as(world.admin))
    text = text_of(body)
    assert "Name of the strategy ‘Seamless Health’" in text
    assert "Priorities 1 new, 1 changed, 1 unchanged" in text
    assert "Themes 1 new, 1 unchanged" in text
    assert "Contribution categories 3 unchanged" in text
    assert "Not in the file (kept) Nothing" in text
    assert "2 Respiratory illness Description changed" in text
    assert "3 Best start in life New" in text
    assert "Start well New, holding priority 3" in text
    assert "Appropriate and adapted housing" not in text_of(
        re.search(r'id="priority-changes".*?</table>', body, re.S).group(0))


def test_the_check_page_shows_renamed_priorities_and_what_the_file_leaves_out(world):
    text = text_of(check_page(_as(world.admin), strategy_file(
        "Name: Seamless Health\n# Ageing well\n- 1. Housing that fits\n- 3. Falls prevention\n",
        "ageing.md"))[1])
    assert "Name of the strategy ‘Seamless Health’" in text
    assert "Ageing well New, holding priorities 1 and 3" in text
    assert "1 Housing that fits Renamed from ‘Appropriate and adapted housing’" in text
    assert "Actions linked to a changed priority stay linked to it" in text
    assert ("Not in the file: kept" in text and "Priority 2: Respiratory illness" in text
            and "Theme ‘Long-term conditions’" in text)
    assert "Not in the file (kept) 2 kept" in text


def test_a_theme_whose_priorities_change_says_from_what_to_what(world):
    text = text_of(check_page(_as(world.admin), strategy_file(
        "Name: Seamless Health\n# Long-term conditions\n- 1. Appropriate and adapted housing\n",
        "s.md"))[1])
    assert "Long-term conditions Priorities under it change from 1 and 2 to 1" in text


def test_a_file_that_changes_nothing_offers_no_confirmation(world):
    Strategy.objects.create(partnership=world.board, name="Seamless Health")
    same = ("Name: Seamless Health\n# Long-term conditions\n- 1. Appropriate and adapted housing\n"
            "- 2. Respiratory illness\n")
    _, body = check_page(_as(world.admin), strategy_file(same, "same.md"))
    assert "loading it would change nothing" in body
    assert 'name="seen"' not in body


def test_the_browser_sends_back_only_the_token_and_what_it_was_shown(world):
    _, body = check_page(_as(world.admin))
    form = re.search(r'<form method="post" action="[^"]+" novalidate>.*?</form>', body, re.S).group(0)
    assert re.findall(r'name="([^"]+)"', form) == ["csrfmiddlewaretoken", "seen"]


# Storing


def test_confirming_a_markdown_file_stores_it_and_says_what_was_done(world):
    client = _as(world.admin)
    response = confirm(client)
    assert response.status_code == 302
    assert response.url == reverse("strategy:edit", kwargs={"slug": "wealdbridge"})
    assert priorities(world.board) == [
        (1, "Appropriate and adapted housing", ""),
        (2, "Respiratory illness", "Fewer emergency admissions"),
        (3, "Best start in life", ""),
    ]
    assert themes(world.board) == [("Long-term conditions", "", [1, 2]), ("Start well", "", [3])]
    assert categories(world.board) == DEFAULTS
    assert Strategy.objects.get(partnership=world.board).name == "Seamless Health"
    banner = text_of(client.get(response.url).content.decode())
    assert ("The strategy was loaded from ‘seamless.md’: 1 priority added, 1 priority changed, "
            "1 theme added, the strategy named ‘Seamless Health’") in banner
    assert client.session.get(SESSION_KEY) == {}


def test_confirming_a_yaml_file_stores_exactly_what_it_says(world):
    client = _as(world.admin)
    response = confirm(client, strategy_file(YAML, "seamless.yaml"))
    assert response.status_code == 302
    assert priorities(world.board) == [
        (1, "Appropriate and adapted housing", ""),
        (2, "Respiratory illness", ""),
        (4, "Healthy weight", "Eat well and move more"),
    ]
    assert themes(world.board) == [("Live well", "Adults of working age", [2, 4]),
                                   ("Long-term conditions", "", [1, 2])]
    # Kept categories keep their order number: "Early Intervention & Prevention" (0) sorts by name
    # beside the file's first category.
    assert categories(world.board) == ["Early Intervention & Prevention", "Prevention", "Treatment",
                                       "Long-term management & support"]
    banner = text_of(client.get(response.url).content.decode())
    assert ("1 priority added, 1 theme added, 1 category added, the strategy named ‘Seamless Health’; "
            "kept what the file leaves out: 2 categories") in banner


def test_loading_again_updates_by_number_and_keeps_what_the_file_leaves_out(world):
    linked = ActionFactory(partnership=world.board, owner=world.council)
    linked.priorities.add(world.priorities[0])
    client = _as(world.admin)
    confirm(client)
    response = confirm(client, strategy_file(
        "Name: Seamless Health\n# Ageing well\n- 1. Housing that fits\n- 3. Falls prevention\n", "again.md"))
    assert response.status_code == 302
    assert priorities(world.board) == [
        (1, "Housing that fits", ""),
        (2, "Respiratory illness", "Fewer emergency admissions"),
        (3, "Falls prevention", ""),
    ]
    assert themes(world.board) == [("Ageing well", "", [1, 3]), ("Long-term conditions", "", [1, 2]),
                                   ("Start well", "", [3])]
    assert [p.number for p in linked.priorities.all()] == [1]
    banner = text_of(client.get(response.url).content.decode())
    assert ("loaded from ‘again.md’: 2 priorities changed, 1 theme added; "
            "kept what the file leaves out: 1 priority, 2 themes") in banner


def test_a_csv_file_is_loaded_too(world):
    client = _as(world.admin)
    csv = "number,name,theme\n3,Falls prevention,Ageing well\n"
    response = confirm(client, strategy_file(csv, "falls.csv"))
    assert response.status_code == 302
    assert priorities(world.board)[2] == (3, "Falls prevention", "")
    assert themes(world.board)[0] == ("Ageing well", "", [3])
    assert Strategy.objects.get(partnership=world.board).name == "falls"


def test_a_stored_name_that_changes_is_shown_then_renamed(world):
    Strategy.objects.create(partnership=world.board, name="Our first strategy")
    client = _as(world.admin)
    _, body = check_page(client)
    assert "‘Our first strategy’ will be renamed ‘Seamless Health’" in text_of(body)
    response = confirm(client)
    assert "the strategy renamed ‘Seamless Health’" in text_of(client.get(response.url).content.decode())
    assert Strategy.objects.get(partnership=world.board).name == "Seamless Health"


def test_a_theme_named_like_a_stored_one_but_for_capitals_is_pointed_out(world):
    text = text_of(check_page(_as(world.admin), strategy_file(
        "Name: Seamless Health\n# Long-Term Conditions\n- 1. Appropriate and adapted housing\n", "s.md"))[1])
    assert ("Long-Term Conditions New, holding priority 1. A theme ‘Long-term conditions’ is already "
            "stored: names must match exactly, so this will be another theme") in text


def test_a_new_order_of_the_categories_is_shown(world):
    text = text_of(check_page(_as(world.admin), strategy_file(
        "name: S\npriorities: [A]\ncategories: [Treatment, Early Intervention & Prevention]\n",
        "order.yaml"))[1])
    assert "The categories will be listed in the order of the file" in text
    assert "Not in the file: kept" in text
    assert "Contribution category ‘Long-term management & support’" in text


# Files refused


def _refused(world, file) -> str:
    client = _as(world.admin)
    response = send(client, file)
    assert response.status_code == 200
    body = response.content.decode()
    assert "<title>Error: " in body and 'href="#id_file"' in body
    assert "govuk-error-summary" in body and 'id="id_file-error"' in body
    assert client.session.get(SESSION_KEY) is None
    assert stored(world) == ORIGINAL
    return text_of(body)


def test_a_markdown_mistake_is_shown_with_its_line(world):
    text = _refused(world, strategy_file("# Start well\n- Best start\n  - School readiness\n", "start.md"))
    assert "start.md: line 3: this line is indented under the line above" in text


def test_a_yaml_mistake_is_shown_with_its_entry_and_line(world):
    text = _refused(world, strategy_file("name: X\npriorities:\n  - {number: one, name: A}\n", "x.yaml"))
    assert "x.yaml: priorities[0].number (line 3): expected a whole number, found 'one'" in text


def test_a_file_of_another_kind_is_refused(world):
    text = _refused(world, strategy_file("Ref,Action\n1,Adapt homes\n", "plan.xlsx"))
    assert ("The selected file must be a YAML, plain text, Markdown or CSV file "
            "(.yaml, .yml, .txt, .md, .csv)") in text


def test_a_binary_file_with_a_text_name_is_refused(world):
    text = _refused(world, strategy_file(b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00", "strategy.md"))
    assert "The selected file is not a text file: save the strategy as a YAML" in text


def test_a_file_over_one_megabyte_is_refused(world):
    text = _refused(world, strategy_file("- Start well\n" + "x" * (1024 * 1024), "big.txt"))
    assert "The selected file must be smaller than 1 MB" in text


def test_an_empty_file_is_refused(world):
    assert "The selected file is empty" in _refused(world, strategy_file(b"", "empty.md"))


def test_no_file_is_refused(world):
    response = _as(world.admin).post(load_url(), {})
    assert "Select a strategy file" in response.content.decode()


def test_a_name_too_long_to_store_is_refused(world):
    text = _refused(world, strategy_file(f"- {'a' * 201}\n", "long.md"))
    assert "long.md: the name of priority 1 is 201 characters long; expected at most 200" in text


def test_a_theme_given_twice_is_refused(world):
    text = _refused(world, strategy_file("# Start well\n- A\n# Start well\n- B\n", "twice.md"))
    assert "twice.md: the theme ‘Start well’ is given more than once; expected each theme once" in text


# The confirmation step


def test_a_token_this_session_never_had_is_refused_politely(world):
    client = _as(world.admin)
    for response in (client.get(check_url(secrets.token_urlsafe(24))),
                     client.post(check_url(secrets.token_urlsafe(24)), {"seen": "0" * 32}),
                     client.post(check_url("not a token"), {})):
        assert response.status_code == 404
        assert "This strategy file is no longer available" in response.content.decode()
    assert stored(world) == ORIGINAL


def test_a_token_of_another_session_is_refused(world):
    url, body = check_page(_as(world.admin))
    response = _as(world.admin).post(url, {"seen": seen(body)})
    assert response.status_code == 404
    assert stored(world) == ORIGINAL


def test_a_token_older_than_an_hour_is_refused(world):
    client = _as(world.admin)
    url, body = check_page(client)
    session = client.session
    for entry in session[SESSION_KEY].values():
        entry["at"] -= 3601
    session.save()
    response = client.post(url, {"seen": seen(body)})
    assert response.status_code == 404
    assert "Nothing has been stored from it" in response.content.decode()
    assert stored(world) == ORIGINAL


def test_a_file_is_stored_once(world):
    client = _as(world.admin)
    url, body = check_page(client)
    assert client.post(url, {"seen": seen(body)}).status_code == 302
    assert client.post(url, {"seen": seen(body)}).status_code == 404


def test_a_change_made_meanwhile_is_shown_before_anything_is_stored(world):
    client = _as(world.admin)
    url, body = check_page(client)
    Priority.objects.filter(partnership=world.board, number=1).update(name="Warm homes")
    response = client.post(url, {"seen": seen(body)})
    assert response.status_code == 409
    text = text_of(response.content.decode())
    assert "Nothing was stored: the strategy was changed by someone else" in text
    assert "1 Appropriate and adapted housing Renamed from ‘Warm homes’" in text
    assert priorities(world.board)[0] == (1, "Warm homes", "")
    assert len(priorities(world.board)) == 2
    assert client.post(url, {"seen": seen(response.content.decode())}).status_code == 302
    assert priorities(world.board)[0] == (1, "Appropriate and adapted housing", "")


def test_confirming_without_what_was_shown_stores_nothing(world):
    client = _as(world.admin)
    url, _ = check_page(client)
    assert client.post(url, {}).status_code == 409
    assert stored(world) == ORIGINAL
