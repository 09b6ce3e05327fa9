"""The ontology file, the DG namespace class, the JSON-LD context and the SHACL shapes agree."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from diplograph.ingest.records import ACTOR_TYPES, INTERACTION_TYPES
from diplograph.ontology import codegen
from diplograph.ontology.namespace import DG
from diplograph.ontology.vocab import (
    actor_types,
    context_path,
    id_space_of,
    interaction_types,
    namespace_of,
    ontology_path,
    read_ontology,
    shapes_path,
    speech_acts,
    terms,
)

DG_IRI = namespace_of(read_ontology())
ROOT = Path(__file__).resolve().parents[2]
SPEECH_ACTS = ("say", "warn", "demand", "deny", "announce", "accuse", "appeal", "propose", "reject",
               "threaten", "praise", "criticise")


@pytest.fixture(scope="module")
def onto() -> Graph:
    return read_ontology()


def _namespace_terms() -> set[str]:
    return {name for name in DG.__annotations__ if not name.startswith("_")}


def test_every_ontology_term_is_in_the_namespace_class_and_back(onto):
    in_ttl = set(terms(onto))
    in_py = _namespace_terms()
    assert in_ttl - in_py == set(), "terms in diplograph.ttl missing from DG"
    assert in_py - in_ttl == set(), "terms in DG that diplograph.ttl does not define"
    assert len(in_ttl) > 40


def test_unknown_terms_fail():
    assert DG.PhoneCall == URIRef(DG_IRI + "PhoneCall")
    with pytest.raises(AttributeError):
        DG.Phonecall  # noqa: B018  (a typo must not become an IRI)
    with pytest.raises(AttributeError):
        DG["nope"]


def test_generated_files_are_up_to_date(onto):
    assert (ontology_path().parent / "namespace.py").read_text("utf-8") == codegen.render_namespace(onto), \
        "namespace.py is stale: run python -m diplograph.ontology.codegen"
    assert context_path().read_text("utf-8") == codegen.render_context(onto), \
        "context.jsonld is stale: run python -m diplograph.ontology.codegen"


def test_codegen_notices_a_new_term():
    onto = read_ontology()
    onto.add((URIRef(DG_IRI + "Embassy"), RDF.type, OWL.Class))
    assert "Embassy: URIRef" in codegen.render_namespace(onto)
    assert '"Embassy": "dg:Embassy"' in codegen.render_context(onto)


def test_context_coerces_object_properties_and_dates():
    ctx = json.loads(context_path().read_text("utf-8"))["@context"]
    assert ctx["participant"] == {"@id": "dg:participant", "@type": "@id"}
    assert ctx["date"] == {"@id": "dg:date", "@type": "xsd:date"}
    assert ctx["published"]["@type"] == "xsd:dateTime"
    assert ctx["speechAct"]["@type"] == "@vocab"


def test_every_term_has_english_and_chinese_labels_and_definitions(onto):
    for name, kind in terms(onto).items():
        term = URIRef(DG_IRI + name)
        label_prop = SKOS.prefLabel if kind == "concept" else RDFS.label
        langs = {lit.language for lit in onto.objects(term, label_prop) if isinstance(lit, Literal)}
        assert {"en", "zh"} <= langs, f"dg:{name} lacks an en or zh label"
        defs = {lit.language for lit in onto.objects(term, SKOS.definition) if isinstance(lit, Literal)}
        assert {"en", "zh"} <= defs, f"dg:{name} lacks an en or zh definition"


def test_object_and_datatype_properties_have_domain_and_range(onto):
    for name, kind in terms(onto).items():
        if kind in ("object property", "datatype property"):
            term = URIRef(DG_IRI + name)
            assert onto.value(term, RDFS.domain) is not None, f"dg:{name} has no domain"
            assert onto.value(term, RDFS.range) is not None, f"dg:{name} has no range"


def test_types_match_the_records():
    assert set(interaction_types()) == set(INTERACTION_TYPES)
    assert set(actor_types()) == set(ACTOR_TYPES)


def test_speech_acts_are_a_skos_scheme_with_cameo_codes(onto):
    acts = speech_acts()
    assert set(acts) == set(SPEECH_ACTS)
    for key, concept in acts.items():
        assert (concept, SKOS.inScheme, DG.SpeechActs) in onto
        assert onto.value(concept, DG.cameoCode) is not None, f"{key} has no CAMEO code"
    # a warning (of sanctions) is a threat in CAMEO and PLOVER
    assert str(onto.value(DG.Warn, DG.ploverCategory)) == "THREATEN"
    assert str(onto.value(DG.Warn, DG.cameoCode)).startswith("13")
    assert str(onto.value(DG.Accuse, DG.cameoCode)) == "112"


def test_interaction_types_carry_cameo_and_plover(onto):
    assert str(onto.value(DG.PhoneCall, DG.cameoCode)).startswith("04")  # CAMEO 04x: consult
    for name in INTERACTION_TYPES:
        assert str(onto.value(DG[name], DG.ploverCategory)) == "CONSULT"


def test_alignments(onto):
    from diplograph.ontology.vocab import PROV, SCHEMA, SEM

    assert (DG.Person, RDFS.subClassOf, SCHEMA.Person) in onto
    assert (DG.Interaction, RDFS.subClassOf, SEM.Event) in onto
    assert (DG.participant, RDFS.subPropertyOf, SEM.hasActor) in onto
    assert (DG.place, RDFS.subPropertyOf, SEM.hasPlace) in onto
    assert (DG.Report, RDFS.subClassOf, PROV.Entity) in onto
    assert (DG.Statement, RDFS.subClassOf, SCHEMA.Quotation) in onto


def test_shapes_name_only_ontology_terms_and_are_valid_shacl():
    from pyshacl import validate

    shapes = Graph().parse(shapes_path(), format="turtle")
    known = {DG_IRI + name for name in terms()}
    used = {str(t) for triple in shapes for t in triple if isinstance(t, URIRef) and str(t).startswith(DG_IRI)}
    assert used and used <= known, f"shapes use unknown terms: {sorted(used - known)}"
    conforms, _, text = validate(shapes, meta_shacl=True, advanced=True)
    assert conforms, text


def test_the_ontology_states_both_namespaces_and_python_only_names_them(onto):
    """dg: and the id space come from diplograph.ttl (vann, void); outside the generated namespace.py no
    module of the package spells them, so changing them is an edit of the Turtle file and a codegen run."""
    from diplograph.ontology.namespace import ID

    assert str(DG) == DG_IRI == "https://w3id.org/diplograph/ontology#"
    assert str(ID) == id_space_of(onto) == "https://w3id.org/diplograph/id/"
    generated = {ROOT / "ontology" / "namespace.py", ROOT / "ontology" / "context.jsonld"}
    spelled = [str(p.relative_to(ROOT)) for folder in ("cli", "graph", "ingest", "ontology", "pipeline", "util", "viz")
               for p in (ROOT / folder).rglob("*.py") if p not in generated and "w3id.org/diplograph" in p.read_text("utf-8")]
    assert spelled == []
