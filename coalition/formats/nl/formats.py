"""Dutch: a date is written out, "1 december 2026", everywhere (templates use DATE_FORMAT and
DATETIME_FORMAT, never a format of their own); numbers with a decimal comma, "2,50"."""

DATE_FORMAT = "j F Y"  # 1 december 2026
DATETIME_FORMAT = "j F Y H:i"  # 1 december 2026 14:30
TIME_FORMAT = "H:i"
DECIMAL_SEPARATOR = ","
