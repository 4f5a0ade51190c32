"""Do two actions reach the same people, in the same place, or name each other?

Three of the labelling rules for a real pair are about structure, not about
how alike two texts read: the actions must overlap in people and in place,
and a synergy is often an *explicit link* - one action names the other's
service as where it refers people, or as its venue or partner. These features
give the model those facts directly:

* place overlap follows the geography: a ward overlaps its district, and the
  whole area overlaps everything (given a child -> parent lookup of places);
* group overlap treats "whole population" as overlapping every group;
* a named link is the share of one action's distinctive title words that the
  other action mentions right after a linking phrase ("refer to ...",
  "venue for ...", "jointly with ...").
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, CountVectorizer

from joinedup.ingest.records import ActionRecord

from .lexical import WORD_PATTERN
from .text import normalise

WHOLE_POPULATION = "whole_population"
LINK_WORDS = 6
"""How many words after a linking phrase are read as what it links to."""
_CUE = re.compile(
    r"\b(?:refer(?:s|red|ring|ral|rals)?|signpost(?:s|ed|ing)?|onward|via|venues?|rooms?|"
    r"premises|hosted by|jointly|joint|alongside|partnership with|working with|"
    r"together with|through)\b\s+((?:[a-z0-9_&'\-]+\s*){1," + str(LINK_WORDS) + "})")
_LINK_STOP = frozenset(ENGLISH_STOP_WORDS) | {
    "service", "services", "support", "people", "programme", "local", "new", "team",
    "teams", "provision", "offer", "scheme", "project", "residents", "staff", "partners"}
"""Words too general to show what a link points at."""


class PlaceTree:
    """Which places contain which: child -> parent codes or names, case-insensitive.

    Built from the partnership's geography (wards in districts, LSOAs in wards).
    Without it, places overlap only when they are the same.
    """

    def __init__(self, parents: Mapping[str, str] | None = None) -> None:
        self._parents = {k.strip().lower(): v.strip().lower()
                         for k, v in (parents or {}).items() if k and v}

    def lineage(self, place: str) -> frozenset[str]:
        """The place and every place containing it (cycles are cut)."""
        seen = [place.strip().lower()]
        while seen[-1] in self._parents and self._parents[seen[-1]] not in seen:
            seen.append(self._parents[seen[-1]])
        return frozenset(seen)


def action_places(action: ActionRecord) -> tuple[str, ...]:
    """The places an action names: its area codes, then place names as written."""
    names = tuple(p.strip() for p in action.places_text.split(";") if p.strip())
    return tuple(dict.fromkeys(action.area_codes + names))


def place_overlap(actions: Sequence[ActionRecord], left: np.ndarray, right: np.ndarray,
                  tree: PlaceTree | None = None) -> np.ndarray:
    """1 where the pair's places overlap, -1 where they are apart, NaN when unknown.

    Two places overlap when one is the other or contains it. Vectorised: each
    action gets its own places and, separately, its places with everything
    containing them; a pair overlaps when either side's own places meet the
    other side's lineage.
    """
    tree = tree or PlaceTree()
    places = [action_places(a) for a in actions]
    own = [tuple(p.strip().lower() for p in row) for row in places]
    lineages: dict[str, frozenset[str]] = {}
    lines = [tuple(q for p in row for q in lineages.setdefault(p, tree.lineage(p)))
             for row in own]
    columns: dict[str, int] = {}
    own_matrix = _indexed(own, columns)
    line_matrix = _indexed(lines, columns)
    own_matrix.resize((len(own), len(columns) or 1))
    line_matrix.resize((len(own), len(columns) or 1))
    meets = np.maximum(rowwise_products(own_matrix, line_matrix, left, right),
                       rowwise_products(own_matrix, line_matrix, right, left))
    whole = np.array([a.whole_area for a in actions], dtype=bool)
    named = np.array([bool(p) for p in places], dtype=bool)
    known = whole | named
    out = np.where(whole[left] | whole[right] | (meets > 0), 1.0, -1.0)
    return np.where(known[left] & known[right], out, np.nan).astype(np.float32)


def _indexed(rows: Sequence[Sequence[object]], columns: dict) -> sp.csr_matrix:
    """Binary rows x values, numbering new values in the shared `columns`."""
    indices, indptr = [], [0]
    for row in rows:
        indices.extend(columns.setdefault(v, len(columns)) for v in dict.fromkeys(row))
        indptr.append(len(indices))
    data = np.ones(len(indices), dtype=np.float32)
    return sp.csr_matrix((data, indices, indptr), shape=(len(rows), max(len(columns), 1)))


def rowwise_products(first: sp.csr_matrix, second: sp.csr_matrix, left: np.ndarray,
                     right: np.ndarray, chunk: int = 200_000) -> np.ndarray:
    """first[left[n]] . second[right[n]] for every n (chunked)."""
    out = np.zeros(len(left))
    for start in range(0, len(left), chunk):
        stop = start + chunk
        product = first[left[start:stop]].multiply(second[right[start:stop]])
        out[start:stop] = np.asarray(product.sum(axis=1)).ravel()
    return out


def membership(values: Sequence[Sequence[object]]) -> sp.csr_matrix:
    """Binary action x value matrix (one column per distinct value)."""
    return _indexed(values, {})


def common_counts(matrix: sp.csr_matrix, left: np.ndarray, right: np.ndarray) -> np.ndarray:
    """How many values each pair shares (chunked row-wise products)."""
    return rowwise_products(matrix, matrix, left, right)


def group_overlap(actions: Sequence[ActionRecord], left: np.ndarray,
                  right: np.ndarray) -> np.ndarray:
    """1 shared group, 0.5 one side is the whole population, -1 apart, NaN when unknown."""
    groups = [a.population_groups for a in actions]
    matrix = membership(groups)
    sizes = np.diff(matrix.indptr)
    common = common_counts(matrix, left, right)
    whole = np.array([WHOLE_POPULATION in g for g in groups], dtype=bool)
    known = (sizes[left] > 0) & (sizes[right] > 0)
    out = np.where(common > 0, 1.0, np.where(whole[left] | whole[right], 0.5, -1.0))
    return np.where(known, out, np.nan).astype(np.float32)


def link_phrases(normalised: str) -> list[str]:
    """The words that follow each linking phrase in a normalised text."""
    return [m.group(1).strip() for m in _CUE.finditer(normalised)]


SENTENCE_BREAK = "zzbreakzz"
"""Stands in for the end of a sentence or field, so a link phrase stops there."""
_SENTENCE_END = re.compile(r"[.;:!?]+(?:\s|$)|\n+")
_HAS_CUE = re.compile(r"\b(?:refer|signpost|onward|via|venue|room|premises|hosted|joint|"
                      r"alongside|partnership|working|together|through)", re.IGNORECASE)


def link_text(raw: str) -> str:
    """`raw` normalised with sentence ends kept, for reading link phrases.

    Texts without any linking word are skipped (most actions), which keeps
    large plans fast.
    """
    if not _HAS_CUE.search(raw):
        return ""
    marked = _SENTENCE_END.sub(f" {SENTENCE_BREAK} ", raw)
    return normalise(marked).replace(SENTENCE_BREAK, ".")


@dataclass(frozen=True)
class LinkIndex:
    """Per action: what its linking phrases point at, and its title words (IDF-weighted)."""

    linked: sp.csr_matrix
    titles: sp.csr_matrix
    vocabulary: np.ndarray


def build_link_index(titles: Sequence[str], link_texts: Sequence[str]) -> LinkIndex:
    """Vectorise titles and link phrases over one vocabulary, weighted by rarity.

    `titles` are the normalised titles; a title word's weight is its inverse
    document frequency among the titles, so "service" counts for little and
    "befriending" for much. Link phrases are read from `link_texts`
    (normalised texts, see link_text).
    """
    linked_texts = [" ".join(link_phrases(t)) for t in link_texts]
    vectoriser = CountVectorizer(token_pattern=WORD_PATTERN, stop_words=sorted(_LINK_STOP),
                                 binary=True, dtype=np.float32)
    title_matrix = vectoriser.fit_transform(titles).tocsr()
    n = max(title_matrix.shape[0], 1)
    df = np.bincount(title_matrix.indices, minlength=title_matrix.shape[1])
    weights = sp.diags((np.log((n + 1) / (df + 1)) + 1).astype(np.float32))
    return LinkIndex(linked=(vectoriser.transform(linked_texts) @ weights).tocsr(),
                     titles=(title_matrix @ weights).tocsr(),
                     vocabulary=vectoriser.get_feature_names_out())


def _covered(index: LinkIndex, src: np.ndarray, dst: np.ndarray, chunk: int) -> np.ndarray:
    """Share of dst's title weight that src's link phrases mention."""
    title_mass = np.asarray(index.titles.sum(axis=1)).ravel()
    presence = index.linked.copy()
    presence.data[:] = 1.0
    out = np.zeros(len(src), dtype=np.float32)
    for start in range(0, len(src), chunk):
        stop = start + chunk
        hit = presence[src[start:stop]].multiply(index.titles[dst[start:stop]])
        out[start:stop] = np.asarray(hit.sum(axis=1)).ravel() / np.maximum(
            title_mass[dst[start:stop]], 1e-9)
    return out


def named_link(index: LinkIndex, left: np.ndarray, right: np.ndarray,
               chunk: int = 200_000) -> np.ndarray:
    """How much either action names the other's title after a linking phrase (0..1)."""
    if len(left) == 0:
        return np.zeros(0, dtype=np.float32)
    return np.maximum(_covered(index, left, right, chunk), _covered(index, right, left, chunk))


EVIDENCE_SHARE = 0.5
"""Least share of the other title's weight a link must name to be shown as evidence."""


def linked_words(index: LinkIndex, src: int, dst: int,
                 least_share: float = 0.0) -> list[str]:
    """dst's title words that src's linking phrases name (for the evidence).

    Empty when they make up less than `least_share` of the title's weight, so
    a link on one common word ("referral to primary care" against a title
    that merely mentions GP practices) is not offered as evidence.
    """
    a = set(index.linked.indices[index.linked.indptr[src]:index.linked.indptr[src + 1]].tolist())
    span = slice(index.titles.indptr[dst], index.titles.indptr[dst + 1])
    columns, weights = index.titles.indices[span].tolist(), index.titles.data[span].tolist()
    named = [(c, w) for c, w in zip(columns, weights, strict=True) if c in a]
    total = sum(weights)
    if not named or total <= 0 or sum(w for _, w in named) / total < least_share:
        return []
    return [str(index.vocabulary[c]).replace("_", " ") for c, _ in named]
