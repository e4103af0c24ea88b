"""The closed choices of `programs` (`--credential`, `--sort`), as str Enums; no imports,
so the command line can declare them at start-up."""

from __future__ import annotations

from enum import StrEnum


class Credential(StrEnum):
    """The credentials `--credential` takes."""

    CERTIFICATE = "certificate"
    ASSOCIATE = "associate"
    BACHELOR = "bachelor"


class ProgramSort(StrEnum):
    """What `--sort` orders programs by (largest first; programs without the figure last)."""

    EARNINGS = "earnings"
    DEBT = "debt"
    COMPLETERS = "completers"
