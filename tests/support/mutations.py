"""Ways a real article file goes wrong, for the fuzz test (driven by hypothesis) and bench/fuzz.py (seeded).

Each mutation takes the file's bytes and a `random.Random` and returns new bytes: truncation, random
bytes, very long lines, other and mixed encodings, unbalanced or deeply nested HTML, front matter with
odd types, impossible dates (二月六七號, 0000-00-00), broken markdown, line endings and control characters.
`mutate` applies one to three of them. Hypothesis controls the `Random` it passes (st.randoms), so a
failing input shrinks; the bench passes `random.Random(seed)`, so a failure is found again from its seed.
"""
from __future__ import annotations

import random
import re
from collections.abc import Callable

Mutation = Callable[[bytes, random.Random], bytes]

ODD_DATES = ["二月六七號", "二月六七号", "0000-00-00", "2021年13月45日", "9999年1月1日", "十三月三十二日", "周八",
             "1/0/2021", "2021-02-30", "00/00/0000", "2021.13.01", "20211345", "上上周五", "明年二月三十日",
             "本月99日", "去年十三月", "0年0月0日", "1900年1月1日", "2100年12月31日", "2024年2月29日"]
TAGS = ["<div>", "</div>", "<p>", "</p>", "<script>", "</script>", "<!--", "-->", "<![CDATA[", "<a href=\"",
        "<img alt='", "<table><tr><td>", "</td>", "<h1>", "</h1>", "<br>", "<style>", "<p class=\"caption\">",
        "<article>", "</article>", "<figcaption>", "<blockquote>", "&nbsp;", "&#x0;", "&#99999999;", "<",
        ">", "</", "<!DOCTYPE html>", "<meta property=\"article:published_time\" content=\"0000-00-00\">",
        "<time datetime=\"二月六七號\">", "<title>", "</title>", "<li>", "<ul>"]
ODD_YAML_VALUES = ["[1, 2, 3]", "{a: 1, b: [x, y]}", "123", "12.5", "null", "~", "true", "''", "\"\"",
                   "0000-00-00", "2021-13-45", "二月六七號", "2021-02-21T25:61:00Z", "!!binary aGVsbG8=",
                   "&a [*a]", "*undefined", "|\n  多行\n  文本", ">-\n  折叠", "- 1\n- 2", "'unclosed",
                   "\"\\x\"", "9" * 400, "[" * 50, "{{{{", "2021-02-21 10:00:00 +0800", "Mon, 99 Feb 2022"]
MARKDOWN = ["## ", "##", "[轉載自GNews](", "[轉載自GNews](https://gnews.org/zh-hans/1/)", "![", "![](",
            "[![]()](", "`", "```", "> ", "- ", "1. ", "**", "\\*", "[[zh:", "]]", "🔗 [", "](http://x/2021/13/45/)",
            "参考资料：", "---\n", "\n---\n", "#" * 7, "<ok href=", "【大纪元", "讯】", "责任编辑："]
CONTROL = ["\x00", "\x01", "\x07", "\x1b[31m", "\ufeff", "\u200b", "\u202e", "\ud800", "\U0001F600", "\u0301" * 20,
           "\r", "\r\n", "\x0c", "\u2028", "\u3000", "\uffff", "·", "\u00a0"]


def _text(data: bytes) -> str:
    return data.decode("utf-8", errors="replace")


def _utf8(text: str) -> bytes:
    return text.encode("utf-8", errors="surrogatepass")


def truncate(data: bytes, rng: random.Random) -> bytes:
    return data[:rng.randrange(len(data) + 1)]


def random_bytes(data: bytes, rng: random.Random) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 20)):
        at = rng.randrange(len(out) + 1)
        chunk = bytes(rng.randrange(256) for _ in range(rng.randint(1, 64)))
        if rng.random() < 0.5:
            out[at:at + len(chunk)] = chunk  # overwrite
        else:
            out[at:at] = chunk  # insert
    return bytes(out)


def long_line(data: bytes, rng: random.Random) -> bytes:
    """A line of tens of thousands of characters: the file's own text without punctuation, or one character."""
    text = _text(data)
    plain = re.sub(r"[^\u4e00-\u9fffA-Za-z0-9]+", "", text) or "字"
    size = rng.choice([2_000, 20_000, 120_000])
    line = (plain * (size // len(plain) + 1))[:size] if rng.random() < 0.7 else rng.choice("字a。<，") * size
    at = rng.randrange(len(text) + 1)
    return _utf8(text[:at] + "\n" + line + "\n" + text[at:])


def reencode(data: bytes, rng: random.Random) -> bytes:
    """The file in GB18030, Big5, UTF-16 or Latin-1 (what cannot be encoded replaced), or half in one and half in another."""
    text = _text(data)
    codecs = ["gb18030", "big5", "utf-16", "utf-16-le", "latin-1", "cp1252", "shift_jis", "utf-8-sig"]
    if rng.random() < 0.5:
        return text.encode(rng.choice(codecs), errors="replace")
    cut = rng.randrange(len(text) + 1)
    return text[:cut].encode(rng.choice(codecs), errors="replace") + text[cut:].encode(rng.choice(codecs),
                                                                                        errors="replace")


def unbalanced_html(data: bytes, rng: random.Random) -> bytes:
    text = _text(data)
    for _ in range(rng.randint(1, 30)):
        at = rng.randrange(len(text) + 1)
        text = text[:at] + rng.choice(TAGS) + text[at:]
    if rng.random() < 0.3:  # closing tags taken away
        text = re.sub(r"</(p|div|article|script|a)>", "", text)
    if rng.random() < 0.2:  # nesting deeper than any recursion
        depth = rng.choice([500, 3_000, 20_000])
        at = rng.randrange(len(text) + 1)
        text = text[:at] + "<div>" * depth + "深" + "</div>" * rng.randint(0, depth) + text[at:]
    return _utf8(text)


def odd_front_matter(data: bytes, rng: random.Random) -> bytes:
    """Front matter whose title, date, author or categories is a list, a mapping, a number, an alias, broken YAML."""
    text = _text(data)
    keys = ["title", "date", "author", "categories", "link", "url", "permalink", "tags", "title"]
    lines = [f"{rng.choice(keys)}: {rng.choice(ODD_YAML_VALUES)}" for _ in range(rng.randint(1, 6))]
    if rng.random() < 0.3:
        lines.insert(0, "title: 拜登与普京通话")
    if rng.random() < 0.15:  # a billion laughs: nine to the eighth strings behind one alias
        lines[:0] = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'] + [
            f"{chr(98 + i)}: &{chr(98 + i)} [{','.join(['*' + chr(97 + i)] * 9)}]" for i in range(7)]
        lines.append(f"{rng.choice(keys)}: *h")
    front = "---\n" + "\n".join(lines) + ("\n---\n" if rng.random() < 0.9 else "\n")
    match = re.match(r"\A\s*---[ \t]*\r?\n.*?\r?\n---[ \t]*(?:\r?\n|\Z)", text, re.S)
    return _utf8(front + (text[match.end():] if match else text))


def odd_dates(data: bytes, rng: random.Random) -> bytes:
    """Impossible or ambiguous dates in the title, the first lines or anywhere."""
    text = _text(data)
    for _ in range(rng.randint(1, 8)):
        at = rng.choice([0, text.find("\n") + 1, rng.randrange(len(text) + 1), min(len(text), 300)])
        text = text[:at] + rng.choice(ODD_DATES) + text[at:]
    return _utf8(text)


def broken_markdown(data: bytes, rng: random.Random) -> bytes:
    text = _text(data)
    for _ in range(rng.randint(1, 20)):
        at = rng.randrange(len(text) + 1)
        text = text[:at] + rng.choice(MARKDOWN) + text[at:]
    return _utf8(text)


def lines_and_controls(data: bytes, rng: random.Random) -> bytes:
    """Line endings changed, lines dropped, doubled or joined, control and odd Unicode characters sprinkled."""
    text = _text(data)
    choice = rng.randrange(5)
    if choice == 0:
        text = text.replace("\n", rng.choice(["\r\n", "\r", "", " ", "\n\n\n"]))
    elif choice == 1:
        lines = text.split("\n")
        text = "\n".join(line for line in lines if rng.random() < 0.7)
    elif choice == 2:
        lines = text.split("\n")
        rng.shuffle(lines)
        text = "\n".join(lines)
    elif choice == 3:
        text = text * rng.randint(2, 4)
    for _ in range(rng.randint(0, 30)):
        at = rng.randrange(len(text) + 1)
        text = text[:at] + rng.choice(CONTROL) + text[at:]
    return _utf8(text)


MUTATIONS: tuple[Mutation, ...] = (truncate, random_bytes, long_line, reencode, unbalanced_html, odd_front_matter,
                                   odd_dates, broken_markdown, lines_and_controls)


def mutate(data: bytes, rng: random.Random) -> tuple[bytes, tuple[str, ...]]:
    """`data` after one to three mutations, and their names."""
    applied = []
    for _ in range(rng.randint(1, 3)):
        mutation = rng.choice(MUTATIONS)
        data = mutation(data, rng)
        applied.append(mutation.__name__)
    return data, tuple(applied)


def read_and_extract(extractor, data: bytes, source: str):
    """Read `data` and extract its facts as a build does, but with nothing caught: a bug raises. Checks what
    every article and extraction must be (offsets that fit, evidence that is the sentence) and that a skip
    has a one-line reason that is not an internal error. Returns the `Article`'s extraction or the `Skipped`."""
    from diplograph.ingest.reader import read_bytes
    from diplograph.ingest.records import Skipped

    article = read_bytes(data, source)
    if isinstance(article, Skipped):
        assert article.reason and "\n" not in article.reason and "internal error" not in article.reason, article
        return article
    assert article.title and article.blocks
    for block in article.blocks:
        assert len(block.text) == len(block.original)
        for sentence in block.sentences:
            assert 0 <= sentence.start < sentence.end <= len(block.text)
            assert sentence.text == block.text[sentence.start:sentence.end]
    extraction = extractor.extract(article)
    for fact in (*extraction.mentions, *extraction.interactions, *extraction.statements):
        ev = fact.evidence
        assert ev.text == article.blocks[ev.block].original[ev.start:ev.end]
    return extraction
