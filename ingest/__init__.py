"""Turn raw news files into `Article` records and extract typed facts from them."""
