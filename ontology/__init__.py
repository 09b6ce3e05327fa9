"""The diplograph vocabulary: the Turtle file is the source of truth."""
