"""The DTI domain's own words, free of the web and the database: importable from every layer.

Nothing here imports SQLAlchemy, Dash or Flask (tests/test_layers.py holds that line), so the seed
checks, the importer, the queries, the figure builders and the pages can share one definition.
"""
