"""genreport: one YAML data file in, a publishable rule-of-law government annual report out."""

__version__ = "0.1.0"
