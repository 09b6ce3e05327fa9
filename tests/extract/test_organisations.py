"""Organisations the lexicon lacks, found from their form, and bodies named inside titles (bulk-corpus sentences)."""
import pytest

from extract.helpers import article


@pytest.fixture(scope="module")
def read(extractor):
    def run(*paragraphs, published="2021-12-08"):
        return extractor.extract(article(*paragraphs, published=published))
    return run


@pytest.mark.parametrize("sentence, body", [
    ("澳洲葡萄与葡萄酒协会表示，关税一旦确定，澳洲就可以向世贸进行投诉。", "org-澳洲葡萄与葡萄酒协会"),
    ("印尼外交部表示，两国将签署关于教育、和平队和海上伙伴关系的双边协议。", "org-印尼外交部"),
    ("欧洲业界也要求拟定战略反制中国的“一带一路”，德国工业联盟（BDI）专家施卓克（Friedolin Strack）表示，光批评中国不够。",
     "org-德国工业联盟"),
])
def test_a_country_and_a_name_ending_in_a_body_word_is_an_organisation(read, sentence, body):
    e = read(sentence)
    assert body in e.mentioned
    assert next(a for a in e.actors if a.key == body).type == "Organization"


def test_a_kind_of_body_or_a_region_is_no_organisation(read):
    e = read("中国一家国际科技公司的员工说，台湾西南部的天气很好。")
    assert not [k for k in e.mentioned if k.startswith("org-")]


def test_a_body_word_at_the_head_of_a_title_names_the_countrys_body(read):
    e = read("但俄罗斯否认了声称他们向中国提出援助要求的报道，中国外交部发言人赵立坚将北京同意向俄罗斯提供这种援助的指控驳斥为"
             "“错误信息”。", published="2022-03-15")
    assert "chinese-foreign-ministry" in e.mentioned and "zhao-lijian" in [s.speaker for s in e.statements]


def test_a_minister_is_not_his_ministry(read):
    e = read("俄罗斯外交部长拉夫罗夫周五表示，俄方不会接受这些条件。")
    assert "russian-foreign-ministry" not in e.mentioned


def test_an_organisation_found_from_its_form_counts_only_where_it_acts(read):
    e = read("美国禁止美国公司直接购买由俄罗斯中央银行、国家安全基金或财政部发行的俄罗斯债券。")
    assert "org-俄罗斯中央银行" not in e.mentioned
