"""The `DG` namespace (every diplograph term) and `ID` (where nodes live), generated from diplograph.ttl.

Do not edit by hand: run `python -m diplograph.ontology.codegen`. Unknown
terms fail (`DG.Foo` raises AttributeError), so a typo never becomes a new IRI.
"""
from rdflib.namespace import DefinedNamespace, Namespace
from rdflib.term import URIRef


class DG(DefinedNamespace):
    """diplograph ontology terms (kept in sync with diplograph.ttl by a test)."""

    _NS = Namespace("https://w3id.org/diplograph/ontology#")
    _fail = True

    # classes
    Actor: URIRef  # Actor
    Article: URIRef  # Article
    Country: URIRef  # Country
    Interaction: URIRef  # Interaction
    Meeting: URIRef  # Meeting
    Organization: URIRef  # Organization
    Person: URIRef  # Person
    PhoneCall: URIRef  # Phone call
    Place: URIRef  # Place
    Report: URIRef  # Report
    SpeechAct: URIRef  # Speech act
    Statement: URIRef  # Statement
    Summit: URIRef  # Summit
    Talks: URIRef  # Talks
    Topic: URIRef  # Topic
    VideoConference: URIRef  # Video conference

    # concept schemes
    SpeechActs: URIRef  # Speech acts

    # concepts (speech acts)
    Accuse: URIRef  # accuse
    Announce: URIRef  # announce
    Appeal: URIRef  # appeal
    Criticise: URIRef  # criticise
    Demand: URIRef  # demand
    Deny: URIRef  # deny
    Praise: URIRef  # praise
    Propose: URIRef  # propose
    Reject: URIRef  # reject
    Say: URIRef  # say
    Threaten: URIRef  # threaten
    Warn: URIRef  # warn

    # object properties
    addressee: URIRef  # addressee
    country: URIRef  # country
    hasReport: URIRef  # has report
    mentionedIn: URIRef  # mentioned in
    participant: URIRef  # participant
    place: URIRef  # place
    reportedIn: URIRef  # reported in
    reportedType: URIRef  # reported type
    speaker: URIRef  # speaker
    speechAct: URIRef  # speech act
    topic: URIRef  # topic

    # datatype properties
    block: URIRef  # block
    date: URIRef  # date
    datePrecision: URIRef  # date precision
    endDate: URIRef  # end date
    endOffset: URIRef  # end offset
    evidence: URIRef  # evidence
    outlet: URIRef  # outlet
    participantNote: URIRef  # participant note
    published: URIRef  # published
    publishedPrecision: URIRef  # publication date precision
    quote: URIRef  # quote
    role: URIRef  # role
    sentenceIndex: URIRef  # sentence index
    sourceFile: URIRef  # source file
    sourceFormat: URIRef  # source format
    startOffset: URIRef  # start offset
    status: URIRef  # status
    url: URIRef  # URL
    verb: URIRef  # speech verb
    weekday: URIRef  # weekday
    wikidata: URIRef  # Wikidata id

    # annotation properties
    cameoCode: URIRef  # CAMEO code
    cameoLabel: URIRef  # CAMEO label
    ploverCategory: URIRef  # PLOVER category


# A DefinedNamespace makes a new URIRef at every look-up (2.6 µs; graph.ttl of the 10x corpus
# looks terms up 830,000 times): each term is bound once here. Unknown names still fail.
for _name in DG.__annotations__:
    setattr(DG, _name, DG._NS[_name])


# Where the nodes of a built graph live (the ontology's void:uriSpace): actor/joe-biden …
ID = Namespace("https://w3id.org/diplograph/id/")
