"""Importers: data files as BLS publishes them, turned into careercompare data."""
