"""Reading other people's files into Threshold: pure parsers, no database."""
