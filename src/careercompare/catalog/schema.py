"""The JSON Schema of a catalog, generated from the models."""

from __future__ import annotations

import json

from careercompare.catalog.models import Catalog
from careercompare.catalog.validation import json_schema


def catalog_schema_text() -> str:
    """The schema as committed in data/roles.schema.json."""
    schema = json_schema(Catalog)
    return (
        json.dumps({"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}, indent=2)
        + "\n"
    )
