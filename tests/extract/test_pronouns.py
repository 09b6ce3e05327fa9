"""Pronouns: 他 and 她 find the person the passage is about, whose gender agrees (bulk-corpus sentences)."""
import pytest

from extract.helpers import article


@pytest.fixture(scope="module")
def speakers(extractor):
    def run(*paragraphs, published="2022-04-21"):
        return [s.speaker for s in extractor.extract(article(*paragraphs, published=published)).statements]
    return run


def test_ta_she_is_the_woman_not_the_man_named_after_her(speakers):
    said = speakers("耶伦宣称，如果北京对台湾采取强硬措施，拜登政府将准备动用所有的工具对中国进行制裁。"
                    "她说，“我相信我们已经证明我们能够”对侵略国家施加巨大的痛苦。")
    assert said == ["janet-yellen", "janet-yellen"]


def test_a_woman_named_with_nvshi_is_she(speakers):
    said = speakers("马克斯医生一再向德雷森女士保证，FDA正在进行调查，并表示他们的报告系统将会识别“安全信号”。",
                    "德雷森女士表示，NIH官员最初很殷勤。", "她说，她的症状一直没有得到解释。")
    assert said[-2:] == ["zh-德雷森", "zh-德雷森"]


def test_the_most_recent_person_whose_gender_agrees():
    from datetime import date

    from diplograph.ingest.context import ReadingContext

    genders = {"janet-yellen": "female", "joe-biden": "male", "jake-sullivan": "male"}
    ctx = ReadingContext(date(2022, 1, 1), gender_of=genders.get)
    for person in ("joe-biden", "janet-yellen", "jake-sullivan", "zh-某人"):
        ctx.note_person(person)
    assert ctx.antecedent("她") == "zh-某人" and ctx.antecedent("他") == "zh-某人"  # unknown: either
    ctx.genders["zh-某人"] = "male"
    assert ctx.antecedent("她") == "janet-yellen" and ctx.antecedent("他") == "zh-某人"
