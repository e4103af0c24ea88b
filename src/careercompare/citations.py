"""Numbers the sources a view cites, in order of first use, and lists them at the end."""

from __future__ import annotations

from careercompare.models import Catalog, Source, json_data


class Citations:
    """Hands out [n] markers and remembers which sources a view showed."""

    def __init__(self, catalog: Catalog) -> None:
        self._sources = {source.id: source for source in catalog.sources}
        self._numbers: dict[str, int] = {}

    def cite(self, source_id: str) -> str:
        """The marker for a source, e.g. '[2]'; a secondhand source also cites its reporter."""
        if source_id not in self._numbers:
            self._numbers[source_id] = len(self._numbers) + 1
            reporter = self._sources[source_id].reported_by
            if reporter is not None:
                self.cite(reporter)
        return f"[{self._numbers[source_id]}]"

    def cited(self) -> list[Source]:
        """The cited sources in number order."""
        return [self._sources[source_id] for source_id in self._numbers]

    def entries(self) -> tuple[str, ...]:
        """One description per cited source, in number order: 'Title. Publisher, ...'."""
        return tuple(self.describe(source) for source in self.cited())

    def describe(self, source: Source) -> str:
        """A source as a reader needs it: title, publisher, date, address, who reported it."""
        parts = [f"{source.title}. {source.publisher}"]
        if source.date is not None:
            parts[0] += f", {source.date_meaning} {source.date}"
        parts[0] += "."
        if source.url:
            parts.append(source.url)
        if source.reported_by is not None:
            parts.append(f"Reported by [{self._numbers[source.reported_by]}].")
        if source.note:
            parts.append(source.note)
        return " ".join(parts)

    def data(self) -> list[dict[str, object]]:
        """The cited sources for --json, each with the number the view gave it."""
        return [{"number": n, **json_data(source)} for n, source in enumerate(self.cited(), 1)]
