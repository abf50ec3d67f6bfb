"""Which area codes a file may hold: the municipality, its districts and neighbourhoods, the
Netherlands, and the comparison areas the deployment allows (``COMPARISON_AREAS``).

A file never creates an area outside these: ``GM9999`` is refused, not added to the database.
"""

import re
from dataclasses import dataclass

from django.utils.translation import gettext as _

from coalition.models import Area

# CBS writes the Netherlands as NL00, the RIVM as NL01: one country, stored as NL01 (the code
# the project has always used).
COUNTRY_CODE = "NL01"
COUNTRY_CODES = frozenset({"NL00", "NL01"})


@dataclass(frozen=True)
class AreaRules:
    municipality_code: str
    municipality_name: str
    comparison_codes: frozenset[str] = frozenset()

    @property
    def digits(self) -> str:
        return self.municipality_code[2:]

    def normalise(self, code: str) -> str:
        return COUNTRY_CODE if code in COUNTRY_CODES else code

    def owns(self, code: str) -> bool:
        """The municipality itself, one of its districts (WK + its 4 digits + 2) or
        neighbourhoods (BU + its 4 digits + 4)."""
        return code == self.municipality_code or bool(
            re.fullmatch(rf"WK{self.digits}[0-9]{{2}}|BU{self.digits}[0-9]{{4}}", code)
        )

    def allows(self, code: str) -> bool:
        code = self.normalise(code)
        return code == COUNTRY_CODE or code in self.comparison_codes or self.owns(code)

    def is_code(self, code: str) -> bool:
        return Area.kind_for_code(code) is not None and code == code.strip()

    def refusal(self, code: str) -> str | None:
        """Why a file may not hold this code, or None."""
        if self.allows(code):
            return None
        if not code:
            return _("the area code is empty")
        if not self.is_code(code):
            return _(
                "unknown area code “%(value)s” (use NL01, %(municipality)s, %(district)s or "
                "%(neighbourhood)s)"
            ) % {
                "value": code if len(code) <= 40 else code[:40] + "…",
                "municipality": self.municipality_code,
                "district": f"WK{self.digits}01",
                "neighbourhood": f"BU{self.digits}0101",
            }
        return _(
            "area %(value)s is not part of %(name)s and is not an allowed comparison area (the "
            "administrator can add it to COMPARISON_AREAS)"
        ) % {"value": code, "name": self.municipality_name}
