"""The lexicons: well formed, unambiguous, and extensible from a user's folder."""
import pytest

from diplograph.ingest.lexicon import LexiconError, load_lexicon


@pytest.fixture(scope="module")
def bundled():
    return load_lexicon()


def test_every_name_names_one_actor(bundled):
    assert bundled.conflicts == ()


def test_references_point_at_known_actors(bundled):
    keys = set(bundled.actors)
    assert {o.holder for offices in bundled.offices.values() for o in offices} <= keys
    assert {c for c, _ in bundled.offices} <= keys
    assert set(bundled.metonyms.values()) <= keys and set(bundled.abbreviations.values()) <= keys
    assert {a.country for a in bundled.actors.values() if a.country} <= keys


def test_coverage_is_far_beyond_the_seeds(bundled):
    by_type = {t: sum(1 for a in bundled.actors.values() if a.type == t) for t in ("Person", "Organization", "Country")}
    assert by_type["Country"] >= 190 and by_type["Person"] >= 500 and by_type["Organization"] >= 250


def test_a_user_folder_adds_actors_and_overrides_names(tmp_path):
    (tmp_path / "actors.tsv").write_text(
        "key\ttype\tlabel_zh\tlabel_en\taliases\n"
        "ruslan-kasparov\tPerson\t卡斯帕罗夫斯\tRuslan Kasparovs\t鲁斯兰·卡斯帕罗夫斯\n", "utf-8")
    (tmp_path / "places.tsv").write_text("label_zh\tlabel_en\tcountry\n日内瓦\tGenève\tswitzerland\n", "utf-8")
    lexicon = load_lexicon([tmp_path])
    assert lexicon.surfaces["卡斯帕罗夫斯"] == "ruslan-kasparov"
    assert lexicon.places["日内瓦"].label_en == "Genève"
    assert lexicon.fingerprint != load_lexicon().fingerprint  # a changed lexicon is a different lexicon


def test_a_malformed_user_file_names_the_file_and_line(tmp_path):
    (tmp_path / "actors.tsv").write_text("key\tkind\nx\tPerson\n", "utf-8")
    with pytest.raises(LexiconError, match=r"actors.tsv:1: the header lacks the column\(s\) type, label_zh"):
        load_lexicon([tmp_path])
    (tmp_path / "actors.tsv").write_text("key\ttype\tlabel_zh\nx\tPeople\t某人\n", "utf-8")
    with pytest.raises(LexiconError, match=r"actors.tsv:2: type must be one of"):
        load_lexicon([tmp_path])


def test_a_missing_user_folder_is_an_error(tmp_path):
    with pytest.raises(LexiconError, match="does not exist"):
        load_lexicon([tmp_path / "nope"])
