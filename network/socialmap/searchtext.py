"""Dutch text as search tokens, made in Python so that every database searches the same way.

An activity's text is stored as *tokens*: for every word its lower-case, accent-free form and
its Dutch Snowball stem, and for long stems also their tails (the parts of a compound):
"Koffieochtend" gives ``koffieochtend koffieocht fieocht ieocht eocht ocht``. A query word
matches when one of its forms starts a token. So "wandelingen" (stem "wandel") finds
"Wandelgroep", "wandel" finds "wandeling", "digicafe" finds "Digicafé" and "ochtend" (stem
"ocht") finds "Koffieochtend". SQLite and PostgreSQL both only compare these stored tokens with
the query's prefixes, so they cannot disagree.

A change to how tokens are made needs the stored tokens made again: a data migration calling
``store_tokens()``, as ``0014_fill_search_tokens`` does.
"""

import re
import threading
import unicodedata
from collections import defaultdict
from functools import lru_cache

from django.db import connections
from django.db.models.expressions import RawSQL
from snowballstemmer.dutch_stemmer import DutchStemmer

MAX_WORD = 40  # longer words are cut (PostgreSQL refuses lexemes over 2 KB anyway)
MAX_QUERY_WORDS = 10
TAIL_MIN = 4  # a compound part is found from four letters on ("cafe", "ocht")
HEAD_MIN = 3  # and only after three letters ("ijs|cafe"), which keeps the index small

# Little words skipped in a query ("koffie in voorburg" needs only "koffie" and "voorburg"),
# unless the query has nothing else. They stay in the index.
_LITTLE_WORDS = """
    aan al als bij dan dat de der deze die dit door een en er het hij hoe ik in is je jij maar
    met mijn na naar nog of om ons onze ook op over te tot u uit uw van voor was wat we wie wij
    ze zij zijn
"""
STOPWORDS = frozenset(_LITTLE_WORDS.split())

_WORD = re.compile(r"[^\W_]+")
# The pure-Python stemmer of the pinned package, not whatever ``snowballstemmer.stemmer()`` picks
# (PyStemmer when installed): the stored tokens must come from the very same algorithm.
_stemmer = DutchStemmer()
_stemmer_lock = threading.Lock()  # a Snowball stemmer object is not thread-safe


def words(text: str) -> list[str]:
    """The words of ``text``: lower case, without accents, letters and digits only."""
    folded = unicodedata.normalize("NFKD", (text or "").casefold())
    plain = "".join(c for c in folded if not unicodedata.combining(c))
    return [word[:MAX_WORD] for word in _WORD.findall(plain)]


@lru_cache(maxsize=50_000)
def stem(word: str) -> str:
    with _stemmer_lock:
        return _stemmer.stemWord(word)[:MAX_WORD]


def _word_tokens(word: str) -> list[str]:
    root = stem(word)
    tokens = [word, root]
    tokens += [root[i:] for i in range(HEAD_MIN, len(root) - TAIL_MIN + 1)]
    return tokens


def tokens(*texts: str | None) -> str:
    """The search tokens of some texts: unique, space-separated, in order of appearance."""
    found = dict.fromkeys(
        token for text in texts for word in words(text) for token in _word_tokens(word)
    )
    return " ".join(found)


def query_terms(text: str) -> list[tuple[str, ...]]:
    """The words of a query, each as the prefixes of which one must start a token.

    A word's prefix is its stem; when the stem is no prefix of the word itself ("samen" stems to
    "saam"), the word is a second prefix ("samenkomst" starts with it).
    """
    found = list(dict.fromkeys(words(text)))
    wanted = [word for word in found if word not in STOPWORDS] or found
    terms = []
    for word in wanted[:MAX_QUERY_WORDS]:
        root = stem(word) or word
        terms.append((root,) if word.startswith(root) else (root, word))
    return terms


def tsquery(terms: list[tuple[str, ...]]) -> str:
    """The PostgreSQL ``tsquery`` of some query terms: every term, one of its prefixes each.

    Tokens hold only letters and digits, so quoting them is safe; the text is cast to
    ``tsquery`` as it is, without a text search configuration changing the lexemes.
    """
    return " & ".join(
        "(" + " | ".join(f"'{prefix}':*" for prefix in prefixes) + ")" for prefixes in terms
    )


COLUMNS = ["search_title", "search_summary", "search_rest"]
# PostgreSQL: all tokens of an activity as a tsvector, each token a lexeme as it is.
TSVECTOR_SQL = (
    "array_to_tsvector(array_remove(string_to_array("
    "concat_ws(' ', search_title, search_summary, search_rest), ' '), ''))"
)


def activity_tokens(
    *,
    title: str,
    summary: str,
    description: str,
    organisation: str | None,
    venue_name: str,
    city: str,
    district: str | None,
    kinds: list[str],
) -> dict[str, str]:
    """The search token columns of one activity (``COLUMNS``), from its texts, the names of its
    organisation and district, and the names of its kinds of activity."""
    return {
        "search_title": tokens(title),
        "search_summary": tokens(summary),
        "search_rest": tokens(description, organisation, venue_name, city, district, *kinds),
    }


def store_tokens(activities) -> None:
    """Make and store the search tokens of a queryset of activities (the app's own, or a
    migration's historical model): the title's, the summary's, and those of the rest (the
    description, organisation, venue, town, district and kinds of activity). On PostgreSQL
    also the tsvector that its GIN index searches.

    Two reads, one write per 500 activities, and one more write on PostgreSQL.
    """
    model, db = activities.model, activities.db
    rows = list(
        activities.values(
            "pk",
            "title",
            "summary",
            "description",
            "venue_name",
            "city",
            "organisation__name",
            "district__name",
        )
    )
    if not rows:
        return
    kinds = defaultdict(list)
    through = model.activity_types.through.objects.using(db)
    for pk, name in through.filter(activity__in=activities.values("pk")).values_list(
        "activity_id", "activitytype__name"
    ):
        kinds[pk].append(name)
    made = [
        model(
            pk=row["pk"],
            **activity_tokens(
                title=row["title"],
                summary=row["summary"],
                description=row["description"],
                organisation=row["organisation__name"],
                venue_name=row["venue_name"],
                city=row["city"],
                district=row["district__name"],
                kinds=kinds[row["pk"]],
            ),
        )
        for row in rows
    ]
    model.objects.using(db).bulk_update(made, COLUMNS, batch_size=500)
    if connections[db].vendor == "postgresql":
        model.objects.using(db).filter(pk__in=activities.values("pk")).update(
            search_vector=RawSQL(TSVECTOR_SQL, [])  # noqa: S611 (a constant, no input)
        )
