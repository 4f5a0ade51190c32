"""The Review page (one hub for the three review queues) and the one "Review" menu item.

The data, on top of `alike` (council and NHS stop-smoking actions paired, and
a charity action "Carers' breaks"):

- pairs: the council/NHS pair and an NHS/"Quit smoking group" (charity) pair
  in one cluster, a lone council/"Quit smoking group" synergy, a pair already
  kept separate and a pair the latest analysis no longer found
  -> 2 groups (3 pairs) waiting for everyone who sees all of `board`; none for
  `own_viewer`, who sees only the charity's actions, so no pair whole;
- suggestions: two open on the council action, one open on the charity
  action, one rejected -> 3 waiting for 2 actions; 1 (for 1 action) for
  `own_viewer`;
- findings: one on the council action, one on the charity action, one about
  the whole plan -> 3; 2 for `own_viewer` (not the council's).
"""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from django.urls import reverse
from tests.factories import ActionFactory
from tests.synergies.review_data import SLUG, make_pair

from joinedup.synergies.models import AnalysisRun, Finding, PairStatus, Suggestion

PERSONAS = ["admin", "editor", "nhs_editor", "viewer", "own_viewer", "outsider", None]
HUB = {"admin": 200, "editor": 200, "nhs_editor": 200, "viewer": 200, "own_viewer": 200,
       "outsider": 404}
QUEUES = ["queue", "suggestions", "findings"]


@pytest.fixture
def waiting(alike, world):
    run = AnalysisRun.objects.create()
    group = ActionFactory(partnership=world.board, owner=world.charity, title="Quit smoking group")
    alike.pair.cluster, alike.pair.last_run = 1, run
    alike.pair.save()
    make_pair(world.board, alike.nhs, group, score=0.7, cluster=1, run=run)
    make_pair(world.board, alike.council, group, score=0.4, kind="synergy", run=run)
    decided = make_pair(world.board, alike.charity, alike.council, score=0.5)
    decided.status = PairStatus.KEEP_SEPARATE
    decided.save()
    gone = make_pair(world.board, alike.charity, alike.nhs, score=0.5)
    gone.still_found = False
    gone.save()
    first, second = world.priorities
    Suggestion.objects.create(action=alike.council, priority=first, rank=1, score=0.9)
    Suggestion.objects.create(action=alike.council, category=world.categories[0], rank=1, score=0.6)
    Suggestion.objects.create(action=alike.charity, priority=second, rank=1, score=0.7)
    Suggestion.objects.create(action=alike.charity, priority=first, rank=2, score=0.3,
                              status="rejected")
    for subject, action in [("Council: no lead", alike.council), ("Carers: no lead", alike.charity),
                            ("Priority 1 has no actions", None)]:
        Finding.objects.create(partnership=world.board, run=run, severity="high",
                               check_code="missing_lead", subject=subject, message="m",
                               action=action)
    return alike


def _url(name: str = "hub") -> str:
    return reverse(f"synergies:{name}", kwargs={"slug": SLUG})


def _get(client, user, url):
    if user is not None:
        client.force_login(user)
    return client.get(url)


def _count(body: str, element_id: str) -> str:
    start = body.index(f'id="{element_id}"')
    return body[body.index("<strong", start):body.index("</p>", start)]


def test_the_hub_counts_what_each_queue_holds(client, waiting):
    body = _get(client, waiting.world.viewer, _url()).content.decode()
    assert ">2</strong>" in _count(body, "waiting-groups")
    assert "groups of alike actions waiting (3 pairs)" in _count(body, "waiting-groups")
    assert ">3</strong>" in _count(body, "waiting-suggestions")
    assert "suggestions waiting, for 2 actions" in _count(body, "waiting-suggestions")
    assert ">3</strong>" in _count(body, "waiting-findings")


def test_the_hub_counts_only_what_the_person_may_see(client, waiting):
    body = _get(client, waiting.world.own_viewer, _url()).content.decode()
    assert ">0</strong>" in _count(body, "waiting-groups")
    assert ">1</strong>" in _count(body, "waiting-suggestions")
    assert "suggestion waiting, for 1 action" in _count(body, "waiting-suggestions")
    assert ">2</strong>" in _count(body, "waiting-findings")


def test_the_hub_agrees_with_the_queue_pages(client, waiting):
    client.force_login(waiting.world.viewer)
    assert "2 groups awaiting review" in client.get(_url("queue")).content.decode()
    assert "3 findings from the latest analysis" in client.get(_url("findings")).content.decode()


def test_an_empty_hub_says_nothing_is_waiting(client, alike):
    alike.pair.delete()
    body = _get(client, alike.world.viewer, _url()).content.decode()
    assert ">0</strong>" in _count(body, "waiting-groups")
    suggestions = " ".join(_count(body, "waiting-suggestions").split())
    assert suggestions.endswith("0</strong> suggestions waiting")
    assert ">0</strong>" in _count(body, "waiting-findings")


def test_the_hub_links_to_the_three_queues(client, waiting):
    body = _get(client, waiting.world.viewer, _url()).content.decode()
    for heading in ("Bring together", "Suggestions", "Health check"):
        assert f">{heading}</h2>" in body
    for name in QUEUES:
        assert f'href="{_url(name)}"' in body


@pytest.mark.parametrize("persona", PERSONAS)
def test_the_hub_is_open_to_every_member_like_the_queues(client, alike, persona):
    user = getattr(alike.world, persona) if persona else None
    response = _get(client, user, _url())
    if persona is None:
        assert response.status_code == 302 and response.url.startswith(reverse("pages:sign-in"))
    else:
        assert response.status_code == HUB[persona]
        assert _get(client, user, _url("queue")).status_code == HUB[persona]


def test_the_hub_only_reads(client, alike):
    client.force_login(alike.world.admin)
    assert client.post(_url(), {}).status_code == 405


class _Menu(HTMLParser):
    """The links of the partnership menu: (text, aria-current or None)."""

    def __init__(self) -> None:
        super().__init__()
        self.inside = False
        self.link: dict | None = None
        self.items: list[tuple[str, str | None]] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "nav" and attrs.get("aria-label") == "Partnership menu":
            self.inside = True
        elif self.inside and tag == "a":
            self.link = {"text": "", "current": attrs.get("aria-current")}

    def handle_endtag(self, tag):
        if tag == "nav":
            self.inside = False
        elif tag == "a" and self.link is not None:
            self.items.append((" ".join(self.link["text"].split()), self.link["current"]))
            self.link = None

    def handle_data(self, data):
        if self.link is not None:
            self.link["text"] += data


def menu(body: str) -> list[tuple[str, str | None]]:
    parser = _Menu()
    parser.feed(body)
    return parser.items


EVERYONE = ["Dashboard", "Actions", "Review", "Strategy", "Partners", "Indicators",
            "Landscape", "Self-assessment"]
ADMINISTRATORS = [*EVERYONE, "Manage"]


@pytest.mark.parametrize("persona", ["admin", "editor", "nhs_editor", "viewer", "own_viewer"])
def test_the_menu_has_one_review_item_instead_of_three(client, alike, persona):
    body = _get(client, getattr(alike.world, persona), _url("queue")).content.decode()
    texts = [text for text, _ in menu(body)]
    assert texts == (ADMINISTRATORS if persona == "admin" else EVERYONE)


@pytest.mark.parametrize("name", ["hub", *QUEUES, "decisions"])
def test_the_review_item_is_the_active_one_on_the_hub_and_every_queue(client, alike, name):
    items = menu(_get(client, alike.world.admin, _url(name)).content.decode())
    active = [(text, current) for text, current in items if current]
    assert active == [("Review", "page" if name == "hub" else "true")]


def test_the_review_item_is_active_on_a_cluster_review_page(client, alike):
    items = menu(_get(client, alike.world.admin, alike.review_url).content.decode())
    assert [text for text, current in items if current] == ["Review"]


def test_other_pages_say_which_menu_item_is_the_current_page(client, alike):
    items = menu(_get(client, alike.world.viewer, "/p/wealdbridge/dashboard/").content.decode())
    assert [(t, c) for t, c in items if c] == [("Dashboard", "page")]
