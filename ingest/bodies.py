"""Organisations the lexicon lacks, found from their form, and institutions named inside titles.

德国联邦统计局, 爱沙尼亚外交部: a country followed by a name that ends in a word
for a body (局, 部, 委员会, 研究所 …) at a word boundary is that country's body.
观察者研究基金会（the Observer Research Foundation, ORF）: a name ending in such a
word, or quoted, and glossed by a Latin name that is not a person's, is a body.
对《The Print》说: a publication told something is a body.
智库欧洲对外关系委员会, 鞋类制造商Crocs: a word for a kind of body (cues.tsv,
organisation_kinds) opens the name of one.
中国外交部发言人, 国务院发言人普莱斯: a title that opens with an institution
word (外交部, 国务院) names that institution of the phrase's country.
"""
from __future__ import annotations

import re
from dataclasses import replace

from diplograph.ingest.found import DISCOVERED, METONYM, NAME, NO_WORDS, OFFICE, Found, Words, gaps, organisation_key
from diplograph.ingest.lexicon import Lexicon

TOLD_OUTLET = re.compile(r"(?:对|向|告诉|接受)《([^《》，。]{2,14})》(?=(?:的?采访|专访)?(?:时|中)?(?:表示|说|称|透露|指出|证实|坦言))")
LATIN_GLOSS = re.compile(r"\s*[（(]\s*([A-Za-z][^（）()]{0,80}?)\s*[）)]")
BODY_STOPS = frozenset("，。、；：:,;（()）“”\"《》 　的在于对向及等是称说或只某每各我你他她们前")
NAME_VERBS = ("与", "和", "联合")
FUNCTION_OPENINGS = frozenset("我你他她它这那就每各某")
BODY_MARKS = frozenset("，。、；：:,;（()）“”\"《》 　")
GENERIC = re.compile(r"[一两二三四五几多各某这那每数][家所个些座间]|大型|最大|龙头|国有|上市|多数|主要|^[东西南北中内外]{1,2}部$")
MAX_BODY = 14
PERSON_LIKE = re.compile(r"^(?:[A-Z][a-z'’\-]+\.?\s+){1,3}[A-Z][a-z'’\-]+$")


def discover_bodies(text: str, found: list[Found], lexicon: Lexicon, tokens: tuple[tuple[int, int], ...] | None,
                    words: Words = NO_WORDS) -> list[Found]:
    """`found` with the organisations of the sentence that the lexicon lacks, found from their form."""
    suffixes = tuple(sorted(lexicon.cues.organisation_words, key=len, reverse=True))
    whole = frozenset(lexicon.cues.institution_words)
    extra = []
    for start, end in gaps(found, len(text)):
        before = next((f for f in found if f.end == start and ((f.is_actor and f.type == "Country" and f.kind == NAME)
                                                                 or f.place or f.kind == METONYM)), None)
        if before is None and tokens is not None and (admin := _admin_area(text, start, end, tokens)):
            before = Found(start, admin, "", "Place", text[start:admin], place=True)  # 上海市公安局: a city's body
            start = admin
        if before is not None and tokens is not None:
            length = _body_after(text, start, end, suffixes, whole, tokens, words) \
                or _glued_body(text, before.start, start, end, suffixes, tokens)
            if length:
                surface = text[before.start:start + length]
                extra.append(Found(before.start, start + length, organisation_key(surface), "Organization", surface,
                                   kind=DISCOVERED))
                found = [replace(f, prefix=True) if f is before and f.is_actor else f for f in found]
                continue
        told = TOLD_OUTLET.search(text, start, end)
        if told is not None and told.end() <= end:  # 对《The Print》说: a publication that is told something
            extra.append(Found(told.start(1) - 1, told.end(1) + 1, organisation_key(told.group(1)), "Organization",
                               text[told.start(1) - 1:told.end(1) + 1], kind=DISCOVERED))
            continue
        kinds = lexicon.cues.organisation_kinds
        named = _latin_after_kind(text, start, end, kinds)
        if named is not None:
            extra.append(Found(*named, organisation_key(text[named[0]:named[1]]), "Organization",
                               text[named[0]:named[1]], kind=DISCOVERED))
            continue
        for gloss in LATIN_GLOSS.finditer(text, start, end):
            if PERSON_LIKE.match(gloss.group(1).strip()):
                continue
            span = _body_before(text, start, gloss.start(), suffixes, tokens or (), words, lexicon.cues.relay_words,
                                kinds)
            if span:
                surface = text[span[0]:span[1]]
                extra.append(Found(span[0], span[1], organisation_key(surface), "Organization", surface, kind=DISCOVERED))
            break
    return sorted(found + extra, key=lambda f: (f.start, not f.prefix))


def _stops(word: str) -> bool:
    """Does this word end a body's name: a mark, or a function word standing alone (等, 的; not 等 in 高等法院)?"""
    return any(ch in BODY_MARKS for ch in word) or (len(word) == 1 and word in BODY_STOPS) \
        or word[0] in FUNCTION_OPENINGS  # 美国我们司法部, 日本就要突破: pronouns and adverbs are in no name


def _glued_body(text: str, opening: int, start: int, end: int, suffixes: tuple[str, ...],
                tokens: tuple[tuple[int, int], ...]) -> int:
    """上海市公安局 as one word of the tokenizer: the length after `start` of a word that runs on from the place at
    `opening` into the gap and ends in a body word."""
    for s, e in tokens:
        if s == opening and start < e <= end and text[opening:e].endswith(suffixes) and e - start >= 2:
            return e - start
    return 0


ADMIN_AREAS = ("省", "市", "县", "州", "区")


def _admin_area(text: str, start: int, end: int, tokens: tuple[tuple[int, int], ...]) -> int | None:
    """The end of a place name with its administrative word that opens the gap after a clause mark (上海市, 浙江省)."""
    if start > 0 and text[start - 1] not in BODY_STOPS:
        return None
    for s, e in tokens:
        if s == start and e <= end and 3 <= e - s <= 5 and text[s:e].endswith(ADMIN_AREAS):
            return e
        if s > start:
            break
    return None


def _body_after(text: str, start: int, end: int, suffixes: tuple[str, ...], whole: frozenset[str],
                tokens: tuple[tuple[int, int], ...], words: Words) -> int:
    """Length of a body's name that opens text[start:end] and ends in a body word at a word boundary: a body word
    of its own (海军, 国防部), or a name of at least two more characters with no verb in it (联邦统计局, not 签署)."""
    inside = [(s, e) for s, e in tokens if start <= s and e <= min(end, start + MAX_BODY)]
    best = 0
    for n, (s, e) in enumerate(inside):
        if _stops(text[s:e]) or (words.verb_like(text[s:e]) and text[s:e] not in NAME_VERBS):
            break  # 澳洲葡萄与葡萄酒协会: 与 joins two nouns of the name; 联合 (united) names many
        name = text[start:e]
        suffix = next((w for w in suffixes if name.endswith(w)), None)
        if suffix is None or text.startswith(suffixes, e):
            continue
        if GENERIC.search(name):
            break  # 中国一家科技公司, 美国最大燃料管道公司, 西南部: a kind of body, or a region, not a named one
        if name in whole or (len(name) - len(suffix) >= 2 and (len(suffix) >= 2 or e - s >= 3)):
            best = e - start  # 联邦统计局: the last word carries the one-character body word (not 内部, 东部)
    return best


def _body_before(text: str, start: int, end: int, suffixes: tuple[str, ...], tokens: tuple[tuple[int, int], ...],
                 words: Words, relays: tuple[str, ...] = (), kinds: tuple[str, ...] = ()) -> tuple[int, int] | None:
    """The span of a body's name that closes text[start:end]: a publication's title (《政治报》), or a quoted name or
    a run that ends in a body word (“欧亚集团”, 观察者研究基金会; not “联合远征行动”), after any verb (援引利兹大学)
    and after any word for a kind of body (智库欧洲对外关系委员会), which also makes a name of a run that ends in no
    body word (机器人制造商库卡)."""
    if text[end - 1:end] == "》" and (open_at := text.rfind("《", start, end - 1)) >= 0:
        inner = (open_at + 1, end - 1)
        return inner if 2 <= inner[1] - inner[0] <= MAX_BODY else None
    quoted = text[end - 1:end] == "”"
    if quoted and (open_at := text.rfind("“", start, end - 1)) >= 0 and text[start:end - 1].endswith(suffixes):
        inner = (open_at + 1, end - 1)
        return inner if 2 <= inner[1] - inner[0] <= MAX_BODY else None
    run = [(s, e) for s, e in tokens if start <= s and e <= end and end - s <= MAX_BODY + 4]
    k, after_kind = end, False
    for s, e in reversed(run):  # back over the words of the name, to a mark or a function word (not 对外 in 对外关系)
        if _stops(text[s:e]):
            break
        k = s
    for s, e in run:  # the name starts after the last verb, or word for a kind of body, of the run
        if k <= s and e < end and (words.verb_like(text[s:e]) or text[s:e] in relays):
            k, after_kind = e, False
        elif k <= s and e < end and text[s:e] in kinds and _named_after_kind(text[e:end], suffixes):
            k, after_kind = e, True
    if not (text[k:end].endswith(suffixes) or after_kind and 2 <= end - k <= 8):
        return None
    return (k, end) if (end - k >= 3 or after_kind) and end - k <= MAX_BODY and not GENERIC.search(text[k:end]) \
        else None


def _named_after_kind(rest: str, suffixes: tuple[str, ...]) -> bool:
    """Is what follows a word for a kind of body a name of its own: no body word at its end (库卡), or at least three
    characters before it (欧洲对外关系委员会; not 专业协会 in 电缆制造商专业协会, one name)?"""
    suffix = next((w for w in suffixes if rest.endswith(w)), None)
    return suffix is None or len(rest) - len(suffix) >= 3


LATIN_NAME = re.compile(r"[A-Z][A-Za-z0-9&'’.\-]*(?: (?:&|[A-Z][A-Za-z0-9&'’.\-]*)){0,3}")


def _latin_after_kind(text: str, start: int, end: int, kinds: tuple[str, ...]) -> tuple[int, int] | None:
    """鞋类制造商Crocs, 德国品牌Hugo Boss: the span of a Latin name right after a word for a kind of body."""
    for kind in kinds:
        at = text.find(kind, start, end)
        while at >= 0:
            m = LATIN_NAME.match(text, at + len(kind), end)
            if m is not None and len(m.group().strip()) >= 2:
                return m.start(), m.start() + len(m.group().rstrip())
            at = text.find(kind, at + 1, end)
    return None


def institutions_in_titles(found: tuple[Found, ...], text: str, lexicon: Lexicon) -> tuple[Found, ...]:
    """中国外交部发言人, 国务院发言人普莱斯: the institution a title opens with, as a mention of that body of the
    phrase's country (the lexicon's, or one named with the country: 乌克兰外交部), qualifying the person or standing
    for the unnamed one."""
    words = tuple(sorted(lexicon.cues.institution_words, key=len, reverse=True))
    out: list[Found] = []
    for f in found:
        hit = _institution_in(text, f, words, lexicon)
        if hit is not None and any(g.actor == hit[2] and g.start <= hit[0] < g.end for g in found):
            hit = None  # 中共国务院副总理: the lexicon found the body itself
        if hit is None:
            out.append(f)
            continue
        start, end, body = hit
        unnamed = f.prefix and f.type == "Country"  # 中国外交部发言人表示: the ministry's unnamed spokesperson
        mention = Found(start, end, body, "Organization", text[start:end], prefix=True, role=f.role if unnamed else None)
        out.extend([replace(f, role=None), mention] if unnamed else [mention, f])
    return tuple(sorted(out, key=lambda f: (f.start, not f.prefix)))


def _institution_in(text: str, f: Found, words: tuple[str, ...], lexicon: Lexicon) -> tuple[int, int, str] | None:
    """(start, end, body) of the institution word that opens the title of `f`, after the country that may open it."""
    role = f.role
    if not role or not (f.prefix and f.type == "Country" or f.type == "Person"):
        return None
    start = f.end if f.prefix else f.start if f.kind == OFFICE else f.start - len(role)
    if start < 0 or text[start:start + len(role)] != role:
        return None
    hit = _institution_opening(text, f, start, role, words, lexicon)
    if hit is None and f.type == "Person" and not f.prefix and f.kind != OFFICE \
            and (described := _description_before(text, start)) is not None and described < start:
        hit = _institution_opening(text, f, described, text[described:f.start], words, lexicon)  # 国家安全委员会…协调员
    return hit


def _institution_opening(text: str, f: Found, start: int, role: str, words: tuple[str, ...],
                         lexicon: Lexicon) -> tuple[int, int, str] | None:
    for word in words:
        at = role.find(word)
        if at < 0:
            continue
        if role.startswith(("长", "部长"), at + len(word)):
            continue  # 外交部长 is the minister (外交 + 部长), not the ministry
        lead = role[:at]
        owner = lexicon.surfaces.get(lead) if lead else None
        if lead and (owner is None or lexicon.actors[owner].type != "Country"):
            continue
        country = owner or (f.actor if f.type == "Country" else getattr(lexicon.actors.get(f.actor), "country", None))
        body = _body_of(lexicon, country, word) if country else None
        if body is not None:
            return start + at, start + at + len(word), body
        if country and (lead or f.prefix and f.type == "Country"):  # 乌克兰外交部发言人: a body the lexicon lacks
            opening = start if lead else f.start
            return opening, start + at + len(word), organisation_key(text[opening:start + at + len(word)])
    return None


DESCRIPTION = re.compile(r"[^，。、；：:“”（）()《》\s的和与及]{1,16}$")


def _description_before(text: str, end: int) -> int | None:
    """Where the run of nouns that ends at `end` (a title) starts, after a clause mark, 的, a conjunction or a
    bracket: 以及国家安全委员会印太地区协调员 → 国家安全委员会印太地区协调员."""
    m = DESCRIPTION.search(text, max(0, end - 16), end)
    if m is None or m.start() == end:
        return None
    start = m.start()
    return start + 2 if text.startswith("以及", start) else start


def _body_of(lexicon: Lexicon, country: str, word: str) -> str | None:
    """美国 + 国务院 → the US State Department, where the lexicon has that name."""
    info = lexicon.actors.get(country)
    if info is None:
        return None
    for name in (info.label_zh, *info.aliases):
        key = lexicon.surfaces.get(name + word)
        if key is not None and lexicon.actors[key].type == "Organization":
            return key
    return None
