"""Read one sentence (or a few) as an article of a given day, the way the pipeline would."""
from datetime import datetime

from diplograph.ingest.normalize import normalize
from diplograph.ingest.records import Article, Block
from diplograph.ingest.sentences import split_sentences


def article(*paragraphs: str, published: str = "2022-02-21") -> Article:
    blocks = []
    for p in paragraphs:
        text = normalize(p)
        blocks.append(Block("paragraph", text, p, split_sentences(text)))
    return Article(id="test", source_file="test.md", outlet="test", title="test",
                   published=datetime.fromisoformat(published), url=None, language="zh-Hans", blocks=tuple(blocks))
