"""The jieba dictionary cache: the same dictionary as jieba's own set-up, rebuilt when stale or damaged."""
from __future__ import annotations

import pytest

from diplograph.ingest.lexicon import load_lexicon
from diplograph.ingest.tokenizer import Tokenizer, dictionary_key, lexicon_words

SENTENCES = ["布林肯与拉夫罗夫在日内瓦举行会谈。", "拜登和普京通电话，讨论乌克兰局势。", "泽连斯基说：我们不想要战争。"]


@pytest.fixture(scope="module")
def lexicon():
    return load_lexicon()


@pytest.fixture(scope="module")
def plain(lexicon):
    return Tokenizer(lexicon, cache_dir=None)


def test_cached_dictionary_is_jiebas_own_with_the_lexicon_words(lexicon, plain, tmp_path):
    first = Tokenizer(lexicon, cache_dir=tmp_path)  # writes the cache
    files = list((tmp_path / "jieba").iterdir())
    assert len(files) == 1 and files[0].name.startswith("dict-")
    second = Tokenizer(lexicon, cache_dir=tmp_path)  # reads it
    for tok in (first, second):
        assert tok._jieba.FREQ == plain._jieba.FREQ and tok._jieba.total == plain._jieba.total
        assert [tok.spans(s) for s in SENTENCES] == [plain.spans(s) for s in SENTENCES]
    assert ("布林肯", 0, 3) in second.segment(SENTENCES[0])


def test_a_damaged_or_foreign_cache_file_is_rebuilt_not_trusted(lexicon, plain, tmp_path):
    Tokenizer(lexicon, cache_dir=tmp_path)
    (path,) = (tmp_path / "jieba").iterdir()
    path.write_bytes(b"not a pickle")
    assert Tokenizer(lexicon, cache_dir=tmp_path)._jieba.FREQ == plain._jieba.FREQ
    import pickle

    path.write_bytes(pickle.dumps(("another key", {"x": 1}, 1)))
    tok = Tokenizer(lexicon, cache_dir=tmp_path)
    assert tok._jieba.FREQ == plain._jieba.FREQ


def test_the_key_follows_the_lexicon_words(lexicon):
    words = lexicon_words(lexicon)
    assert dictionary_key(words) == dictionary_key(list(words))
    assert dictionary_key(words) != dictionary_key(words + ["新词语"])


def test_an_unwritable_cache_folder_only_costs_time(lexicon, plain, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("a file where the cache folder should be")
    tok = Tokenizer(lexicon, cache_dir=blocker)
    assert tok._jieba.FREQ == plain._jieba.FREQ
