"""The `DG` namespace: every diplograph term, named from ontology/diplograph.ttl.

Unknown terms fail (`DG.Foo` raises), so a typo never becomes a new IRI.
"""
from rdflib.namespace import DefinedNamespace, Namespace
from rdflib.term import URIRef


class DG(DefinedNamespace):
    """diplograph ontology terms (kept in sync with diplograph.ttl by a test)."""

    _NS = Namespace("https://w3id.org/diplograph/ontology#")
    _fail = True

    # classes
    Actor: URIRef
    Person: URIRef
    Organization: URIRef
    Country: URIRef
    Interaction: URIRef
    PhoneCall: URIRef
    VideoConference: URIRef
    Summit: URIRef
    Meeting: URIRef
    Talks: URIRef
    Statement: URIRef
    Article: URIRef
    Topic: URIRef
    Place: URIRef
    # properties
    mentionedIn: URIRef
    participant: URIRef
    date: URIRef
    status: URIRef
    place: URIRef
    reportedIn: URIRef
    evidence: URIRef
    speaker: URIRef
    addressee: URIRef
    topic: URIRef
    quote: URIRef
    sourceFile: URIRef
    published: URIRef
    url: URIRef
    outlet: URIRef
