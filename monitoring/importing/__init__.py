"""Reading and checking indicator files with pandas: bytes in, clean rows or Dutch errors out.

Nothing here touches the database; ``monitoring.services`` stores what passes. ``files``
reads any CSV people really send, ``headers`` recognises the kind of file, ``areas`` says
which area codes a file may hold, and one module per kind checks its figures.
"""

from monitoring.importing.areas import COUNTRY_CODE, AreaRules
from monitoring.importing.files import MAX_FILE_BYTES, LineError, ParsedFile
from monitoring.importing.headers import HEADER
from monitoring.importing.indicators import FIRST_YEAR, KEY, LAST_YEAR, parse_indicator_csv
from monitoring.importing.kerncijfers import parse_kerncijfers_csv
from monitoring.importing.rivm import parse_rivm_csv

__all__ = [
    "COUNTRY_CODE",
    "FIRST_YEAR",
    "HEADER",
    "KEY",
    "LAST_YEAR",
    "MAX_FILE_BYTES",
    "AreaRules",
    "LineError",
    "ParsedFile",
    "parse_indicator_csv",
    "parse_kerncijfers_csv",
    "parse_rivm_csv",
]
