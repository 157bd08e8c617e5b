"""Arabic formats Django leaves unset: a date with its time (the admin's lists and history), and grouped thousands.

Django's Arabic has a date ("j F، Y") and a time ("g:i A") but no date-and-time format, so it
falls back to the English "N j, Y, P"; its separators are those of Lebanon's Latin digits
(1.234,5), grouping off. Month names, AM/PM and the separators come from Django's catalog.
"""

DATETIME_FORMAT = "j F، Y، g:i A"
# As Django's SHORT_DATE_FORMAT, a right-to-left mark after the day and the month.
SHORT_DATETIME_FORMAT = "d\u200f/m\u200f/Y g:i A"
NUMBER_GROUPING = 3
