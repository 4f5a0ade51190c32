"""The landscape diagram: bodies, organisations and plans in three columns, as inline SVG.

Every node is a link (keyboard-focusable, with an accessible name that says
what it is and how many connections it has); edges carry the ids of both ends
so a small script can highlight a node's connections on focus or hover. The
page also gives the same facts as tables, for anyone who cannot use the picture.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

COLUMNS = {"body": 10, "organisation": 430, "plan": 850}
HEADINGS = {"body": "Partnership bodies", "organisation": "Organisations", "plan": "Plans"}
NODE_WIDTH, NODE_HEIGHT, ROW, TOP = 300, 24, 32, 50
LABEL_CHARS = 40
STYLE = """
.lx-node rect{fill:#f3f2f1;stroke:#505a5f;stroke-width:1}
.lx-node text{fill:#0b0c0c;font:14px sans-serif}
.lx-node--body rect{fill:#e8f1f8}
.lx-node--plan rect{fill:#f4f8ec}
.lx-node:focus{outline:none}
.lx-node:focus rect,.lx-node:hover rect{stroke:#0b0c0c;stroke-width:3}
.lx-node:focus rect{fill:#ffdd00}
.lx-edge{stroke:#b1b4b6;stroke-width:1}
.lx-edge.is-lit{stroke:#0b0c0c;stroke-width:2.5}
.lx-node.is-lit rect{stroke:#0b0c0c;stroke-width:2.5}
.lx-heading{fill:#0b0c0c;font:bold 16px sans-serif}
"""


@dataclass(frozen=True)
class Node:
    id: str
    kind: str  # body, organisation or plan
    label: str
    href: str
    description: str


@dataclass(frozen=True)
class Edge:
    a: str
    b: str


def _short(label: str) -> str:
    return label if len(label) <= LABEL_CHARS else label[:LABEL_CHARS - 1] + "…"


def _positions(nodes: Sequence[Node]) -> dict[str, tuple[int, int]]:
    rows = dict.fromkeys(COLUMNS, 0)
    placed = {}
    for node in nodes:
        placed[node.id] = (COLUMNS[node.kind], TOP + rows[node.kind] * ROW)
        rows[node.kind] += 1
    return placed


def _node(node: Node, x: int, y: int, links: int) -> str:
    name = f"{node.description}. Connected to {links} other item{'s' if links != 1 else ''}."
    return (f'<a class="lx-node lx-node--{node.kind}" href="{escape(node.href)}" tabindex="0" '
            f'data-node="{escape(node.id)}" aria-label="{escape(name)}">'
            f'<title>{escape(node.label)}</title>'
            f'<rect x="{x}" y="{y}" width="{NODE_WIDTH}" height="{NODE_HEIGHT}" rx="3"></rect>'
            f'<text x="{x + 8}" y="{y + 17}" aria-hidden="true">{escape(_short(node.label))}</text></a>')


def _edge(edge: Edge, placed: dict[str, tuple[int, int]]) -> str:
    (ax, ay), (bx, by) = placed[edge.a], placed[edge.b]
    if ax > bx:
        (ax, ay), (bx, by) = (bx, by), (ax, ay)
    x1, x2 = ax + NODE_WIDTH, bx
    if x1 > x2:  # same column: a body and its parent; join their left edges
        x1, x2 = ax, bx
    return (f'<line class="lx-edge" data-a="{escape(edge.a)}" data-b="{escape(edge.b)}" '
            f'x1="{x1}" y1="{ay + NODE_HEIGHT // 2}" x2="{x2}" y2="{by + NODE_HEIGHT // 2}"></line>')


def landscape_svg(nodes: Sequence[Node], edges: Sequence[Edge], title: str, summary: str) -> str:
    """The diagram as an <svg> string; edges naming unknown nodes are left out."""
    placed = _positions(nodes)
    edges = [e for e in edges if e.a in placed and e.b in placed]
    links = {n.id: 0 for n in nodes}
    for edge in edges:
        links[edge.a] += 1
        links[edge.b] += 1
    height = TOP + max([y for _, y in placed.values()], default=TOP) + ROW
    width = COLUMNS["plan"] + NODE_WIDTH + 10
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="lx-diagram" viewBox="0 0 {width} {height}" '
        f'role="group" aria-labelledby="lx-title lx-desc" style="max-width:100%;height:auto">',
        f'<title id="lx-title">{escape(title)}</title><desc id="lx-desc">{escape(summary)}</desc>',
        f"<style>{STYLE}</style>",
        *(f'<text class="lx-heading" x="{x}" y="30" aria-hidden="true">{HEADINGS[kind]}</text>'
          for kind, x in COLUMNS.items()),
        '<g aria-hidden="true">', *(_edge(e, placed) for e in edges), "</g>",
        *(_node(n, *placed[n.id], links[n.id]) for n in nodes),
        "</svg>",
    ]
    return "".join(parts)
