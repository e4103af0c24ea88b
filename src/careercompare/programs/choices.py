"""The closed choices of `programs` (`--credential`, `--sort`), as str Enums; no imports,
so the command line can declare them at start-up."""

from __future__ import annotations

from enum import StrEnum


class Credential(StrEnum):
    """The credentials `--credential` takes; `any` is every credential."""

    CERTIFICATE = "certificate"
    ASSOCIATE = "associate"
    BACHELOR = "bachelor"
    ANY = "any"

    @property
    def label(self) -> str:
        """The credential in words: "associate's degree"."""
        return _LABELS[self]


_LABELS = {
    Credential.CERTIFICATE: "certificate",
    Credential.ASSOCIATE: "associate's degree",
    Credential.BACHELOR: "bachelor's degree",
    Credential.ANY: "every credential",
}


# The credential of each typical entry education of the BLS Employment Projections that
# a Scorecard credential matches; the other categories (a high school diploma, a master's
# or doctoral degree) leave every credential in.
ENTRY_CREDENTIALS = {
    "Postsecondary nondegree award": Credential.CERTIFICATE,
    "Associate's degree": Credential.ASSOCIATE,
    "Bachelor's degree": Credential.BACHELOR,
}
# The entry educations below a postsecondary award, for which the training people pay for
# is a certificate program (pharmacy technicians, medical secretaries).
BELOW_A_CREDENTIAL = frozenset(
    (
        "No formal educational credential",
        "High school diploma or equivalent",
        "Some college, no degree",
    )
)


class ProgramSort(StrEnum):
    """What `--sort` orders programs by: earnings and completers largest first, debt least
    first (what a student looks for); programs without the figure last."""

    EARNINGS = "earnings"
    DEBT = "debt"
    COMPLETERS = "completers"

    @property
    def least_first(self) -> bool:
        return self is ProgramSort.DEBT
