"""The five bundled seed articles parse exactly as the gold file says."""
import json

import pytest

from support.paths import CORPUS, GOLD, need_shared
from diplograph.ingest.reader import read_file
from diplograph.ingest.records import Article


def gold_articles():
    return json.loads(need_shared(GOLD / "seeds.json").read_text("utf-8"))["articles"]


@pytest.fixture(scope="module")
def seeds():
    return {p.name: read_file(p, p.name) for p in sorted(CORPUS.glob("*.txt"))}


def test_bundled_corpus_holds_the_five_seeds(seeds):
    assert len(seeds) == 5
    assert all(isinstance(a, Article) for a in seeds.values())


def test_title_date_url_outlet_match_gold(seeds):
    for gold in gold_articles():
        article = seeds[gold["file"]]
        assert article.title == gold["title"]
        assert article.published.date().isoformat() == gold["published"]
        assert article.url == gold["url"]
        assert article.outlet == gold["outlet"]


def test_epoch_times_navigation_dateline_and_reporter_are_stripped(seeds):
    article = seeds["000_445b50f40d22514d.txt"]
    text = "".join(b.original for b in article.blocks)
    for junk in ("首页", "epoch-comment", "【大纪元", "大纪元记者张婷综合报导", "原文链接", "<ok", "href"):
        assert junk not in text
    first = next(b for b in article.blocks if b.kind == "paragraph")
    assert first.original.startswith("克里姆林宫周一（2月21日）表示")


def test_photo_captions_are_kept_and_marked(seeds):
    captions = [b for b in seeds["001_7ac03c88fe2e9e94.txt"].blocks if b.kind == "caption"]
    assert any("图为2021年6月16日，拜登和普京在瑞士会晤" in b.original for b in captions)


def test_names_broken_over_html_lines_are_joined(seeds):
    text = "".join(b.text for b in seeds["001_7ac03c88fe2e9e94.txt"].blocks)
    assert "美国总统乔·拜登和俄罗斯总统普京周四（12月30日）举行了电话会谈" in text


def test_al_jazeera_headings_and_timezone(seeds):
    article = seeds["002_f4d41f4b1a813ccd.txt"]
    assert article.published.utcoffset().total_seconds() == 0
    assert article.published.hour == 1 and article.published.minute == 56
    assert [b.original for b in article.blocks if b.kind == "heading"][:2] == ["美国的威胁", "极端措施"]


def test_gnews_bylines_dropped_and_bold_headings_kept(seeds):
    article = seeds["004_2f1ea46cb1892beb.txt"]
    assert article.blocks[0].original.startswith("2021年05月25日俄国媒体报道")
    headings = [b.original for b in article.blocks if b.kind == "heading"]
    assert "1．会议议程" in headings


def test_sentence_offsets_point_into_both_texts(seeds):
    for article in seeds.values():
        for _, _, block, sentence in article.sentences():
            assert block.text[sentence.start:sentence.end] == sentence.text
            assert len(block.original) == len(block.text)


def test_ids_are_stable_and_come_from_the_url(seeds, tmp_path):
    source = CORPUS / "000_445b50f40d22514d.txt"
    moved = tmp_path / "elsewhere.md"
    moved.write_bytes(source.read_bytes())
    assert read_file(moved).id == seeds[source.name].id


def test_the_jsonl_record_reads_back_into_the_same_article():
    from diplograph.ingest.jsonl import article_from_json, dumps

    for path in sorted(CORPUS.glob("*.txt")):
        article = read_file(path, path.name)
        assert isinstance(article, Article)
        again = article_from_json(json.loads(dumps(article)))
        assert again == article, path.name
