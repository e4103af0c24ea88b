"""Numbers the sources a view cites, in order of first use."""

from __future__ import annotations

from careercompare.catalog.index import CatalogIndex
from careercompare.catalog.models import Source
from careercompare.results.base import CitedSource


class Citations:
    """Collects the sources a view cites while its result is built.

    Build a result in the order it is shown, so that markers count up from [1].
    """

    def __init__(self, index: CatalogIndex) -> None:
        self._sources = dict(index.sources_by_id)
        self._order: dict[str, int] = {}

    def cite_source(self, source: Source) -> str:
        """Cite a source that is not in the catalog (the wage database's release)."""
        self._sources.setdefault(source.id, source)
        return self.cite(source.id)

    def cite(self, source_id: str) -> str:
        """Remember a source (and, for a secondhand one, its reporter); returns the id."""
        if source_id not in self._order:
            self._order[source_id] = len(self._order) + 1
            reporter = self._sources[source_id].reported_by
            if reporter is not None:
                self.cite(reporter)
        return source_id

    def cited(self) -> tuple[CitedSource, ...]:
        """The cited sources in number order."""
        return tuple(
            CitedSource(number, self._sources[source_id])
            for source_id, number in self._order.items()
        )
