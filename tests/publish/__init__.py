"""Tests of citations, releases and the printable codebook."""
