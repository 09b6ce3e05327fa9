"""The lexicons: well formed, unambiguous, and extensible from a user's folder."""
import pytest

from diplograph.ingest.lexicon import CUE_LISTS, LexiconError, load_lexicon


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


def test_the_word_lists_of_the_rules_are_data_a_user_folder_extends(bundled, tmp_path):
    assert all(getattr(bundled.cues, name) for name in CUE_LISTS)
    (tmp_path / "cues.tsv").write_text("list\twords\tmeaning\npair_words\t两位领袖|双方\tleaders of the pair\n", "utf-8")
    lexicon = load_lexicon([tmp_path])
    assert lexicon.cues.pair_words == bundled.cues.pair_words + ("两位领袖",)  # added, 双方 not twice
    assert lexicon.cues.report_verbs == bundled.cues.report_verbs
    assert lexicon.fingerprint != bundled.fingerprint  # so the build cache re-extracts


def test_a_cue_list_no_rule_reads_is_an_error_naming_the_line(tmp_path):
    (tmp_path / "cues.tsv").write_text("list\twords\n# a comment\npair_word\t两位领袖\n", "utf-8")
    with pytest.raises(LexiconError, match=r"cues.tsv:3: no rule reads a list 'pair_word'"):
        load_lexicon([tmp_path])


def test_a_pair_word_from_a_user_folder_changes_what_is_extracted(bundled, tmp_path):
    """两位领袖 is not a bundled pair word: added in a user folder, the talks get the pair last spoken of."""
    from diplograph.ingest.extract import Extractor

    from extract.helpers import article

    text = article("拜登与普京周二通电话。", "两位领袖周四将举行会谈。")
    (tmp_path / "cues.tsv").write_text("list\twords\npair_words\t两位领袖\n", "utf-8")
    before = Extractor(bundled).extract(text).interactions
    after = Extractor(load_lexicon([tmp_path])).extract(text).interactions
    assert [(i.type, i.participants) for i in before] == [("PhoneCall", ("joe-biden", "vladimir-putin"))]
    assert [(i.type, i.participants, i.status) for i in after] == [
        ("PhoneCall", ("joe-biden", "vladimir-putin"), "held"), ("Talks", ("joe-biden", "vladimir-putin"), "planned")]


def test_a_user_filler_longer_than_a_bundled_one_still_joins_the_phrase(bundled, tmp_path):
    """前任 from a user folder must not be cut short by the bundled 前: 美国前任国务卿 is one title."""
    from datetime import date

    from diplograph.ingest.mentions import ActorFinder

    (tmp_path / "cues.tsv").write_text("list\twords\nname_fillers\t前任\n", "utf-8")
    text, on = "美国前任国务卿蓬佩奥说", date(2022, 2, 1)
    before = {f.actor: (f.role, f.prefix) for f in ActorFinder(bundled).find(text, on)}
    after = {f.actor: (f.role, f.prefix) for f in ActorFinder(load_lexicon([tmp_path])).find(text, on)}
    assert before == {"united-states": (None, True), "mike-pompeo": ("国务卿", False)}  # an affiliation, not one title
    assert after == {"united-states": (None, True), "mike-pompeo": ("美国前任国务卿", False)}
