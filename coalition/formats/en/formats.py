"""English, for a Dutch municipality: dates in the same order as in Dutch, "1 December 2026"
(not Django's "Dec. 1, 2026"), times on the 24-hour clock; numbers with a decimal point."""

DATE_FORMAT = "j F Y"  # 1 December 2026
DATETIME_FORMAT = "j F Y H:i"  # 1 December 2026 14:30
TIME_FORMAT = "H:i"
SHORT_DATE_FORMAT = "j-n-Y"
SHORT_DATETIME_FORMAT = "j-n-Y H:i"
MONTH_DAY_FORMAT = "j F"
