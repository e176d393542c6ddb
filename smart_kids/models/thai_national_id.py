"""Thai national ID numbers (เลขประจำตัวประชาชน) of every category the Department of
Provincial Administration (DOPA) issues.

``stdnum.th.pin`` checks the 13 digits and the check digit but refuses a first digit 0,
which DOPA gives to people without Thai registration status (e.g. children of migrant
workers, who attend the centres). The first digit is the holder's category, 0 to 8; 9 is
not issued. The check digit is the same for every category, and stdnum computes it.
"""

from stdnum.th import pin

CATEGORIES = frozenset("012345678")


def compact(number):
    """13 bare digits, whatever separators were typed."""
    return pin.compact(number or "")


def is_valid(number):
    number = compact(number)
    return (
        len(number) == 13
        and number.isdigit()
        and number[0] in CATEGORIES
        and number[-1] == pin.calc_check_digit(number)
    )
