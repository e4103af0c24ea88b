"""The closed choices of `programs` (`--credential`, `--sort`), as str Enums; nothing else
imported, so the command line can declare them at start-up."""

from __future__ import annotations

from enum import StrEnum

from careercompare.choices import WordedChoice


class Credential(WordedChoice):
    """The credentials `--credential` takes, with their words; `any` is every credential."""

    CERTIFICATE = "certificate", "certificate"
    ASSOCIATE = "associate", "associate's degree"
    BACHELOR = "bachelor", "bachelor's degree"
    ANY = "any", "every credential"


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
