"""The bundled SPARQL queries (`*.rq`), installed so `diplograph query NAME` finds them."""
