"""Bad input: each file gets a reason that names the problem, and the others are still read."""
import opencc
import pytest

from conftest import CORPUS
from diplograph.pipeline import Report, list_files, read_articles
from diplograph.ingest.reader import read_file
from diplograph.ingest.records import Article, Skipped

SEED = CORPUS / "000_445b50f40d22514d.txt"


def read_dir(folder):
    report = Report()
    articles = list(read_articles(list_files([folder]), report))
    return articles, {s.source_file: s.reason for s in report.skipped}


@pytest.fixture
def corpus_with_bad_files(tmp_path):
    (tmp_path / "good.md").write_bytes(SEED.read_bytes())
    (tmp_path / "empty.md").write_bytes(b"")
    (tmp_path / "blank.md").write_text("   \n\n  ")
    (tmp_path / "image.md").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 10)
    (tmp_path / "noise.bin").write_bytes(bytes(range(256)) * 40)
    text = SEED.read_text("utf-8")
    (tmp_path / "truncated.md").write_text(text[:text.index("<div") + 40], "utf-8")
    (tmp_path / "cut-mid-body.md").write_text(text[:text.index("美俄峰会可能会为")], "utf-8")
    (tmp_path / "undated.txt").write_text("一篇文章\n\n美国总统拜登表示，他将与普京通话。\n", "utf-8")
    return tmp_path


def test_each_bad_file_is_skipped_with_its_reason_and_the_good_one_is_read(corpus_with_bad_files):
    articles, skipped = read_dir(corpus_with_bad_files)
    assert [a.source_file for a in articles] == ["cut-mid-body.md", "good.md", "undated.txt"]
    assert articles[0].published.date().isoformat() == "2022-02-21"  # from the dateline; the URL footer is cut
    assert len(articles[0].blocks) == 2 and articles[0].url is None
    assert skipped["empty.md"] == "empty file"
    assert skipped["blank.md"] == "empty file"
    assert skipped["image.md"] == "binary file (a PNG image)"
    assert skipped["noise.bin"].startswith("binary file")
    assert skipped["truncated.md"].startswith("no Chinese body text (epochtimes format")  # cut inside a tag
    assert articles[2].published is None  # an article without a date is kept, undated


def test_a_huge_file_is_refused_without_reading_it(tmp_path):
    big = tmp_path / "huge.html"
    with big.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    result = read_file(big)
    assert isinstance(result, Skipped)
    assert result.reason == "file is 52.4 MB, over the 10 MB limit for one article (--max-size)"


def test_gb18030_and_big5_files_are_decoded(tmp_path):
    text = SEED.read_text("utf-8")
    (tmp_path / "gb.md").write_bytes(text.encode("gb18030"))
    traditional = opencc.OpenCC("s2t").convert(text)
    (tmp_path / "big5.md").write_bytes(traditional.encode("big5", errors="ignore"))
    gb, big5 = read_file(tmp_path / "gb.md"), read_file(tmp_path / "big5.md")
    assert isinstance(gb, Article) and gb.title == "普京拜登是否举行峰会 莫斯科谨慎回应"
    assert isinstance(big5, Article) and big5.language == "zh-Hant"
    assert "克里姆林宫" in big5.blocks[1].text  # analysed in simplified form
    assert "克里姆林宮" in big5.blocks[1].original  # shown as written


def test_duplicates_are_skipped_naming_the_first_copy(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "n13594481.md").write_bytes(SEED.read_bytes())
    (tmp_path / "b" / "n13594481.md").write_bytes(SEED.read_bytes())
    articles, skipped = read_dir(tmp_path)
    assert len(articles) == 1
    assert skipped == {"b/n13594481.md": "duplicate of a/n13594481.md (same source URL or text)"}


def test_thousands_of_files_in_one_folder(tmp_path):
    for i in range(3000):
        (tmp_path / f"n{i:05d}.txt").write_text(f"第{i}号简讯\n\n2022年2月21日，克里姆林宫表示，峰会尚无具体计划（{i}）。\n", "utf-8")
    (tmp_path / "broken.md").write_text("\x00\x01\x02", "utf-8")
    articles, skipped = read_dir(tmp_path)
    assert len(articles) == 3000
    assert list(skipped) == ["broken.md"]


def test_documentation_files_in_a_corpus_folder_are_not_articles():
    assert [source for _, source in list_files([CORPUS])] == sorted(p.name for p in CORPUS.glob("*.txt"))
