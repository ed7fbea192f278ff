"""Is a reference pseudonymous? What a case reference, an agency or a role must never be.

A return names its case by a pseudonym (``C1``), its agency by an id and its
auditor by a role. :func:`identifying` tells when one of them looks like what
identifies a person instead: a person's name, a date (of birth), an NHS
number (ten digits, spaced or not, that pass the NHS mod-11 check) or a UK
postcode. It is a heuristic, so the checks that use it warn
(``looks-identifying``) and never quote the value.

A partnership that has its own reference scheme declares it in the round's
manifest (``case_reference_pattern``); :func:`reference_pattern` reads that
pattern, which the round then enforces as an error. The pattern language is
a regular expression without groups, alternation or back-references, so that
no pattern can take exponential time on a reference.
"""

from __future__ import annotations

import datetime
import re
from enum import StrEnum

__all__ = [
    "Identifying",
    "identifying",
    "nhs_number_valid",
    "reference_pattern",
]


class Identifying(StrEnum):
    """What an identifying value looks like."""

    NAME = "a person's name"
    DATE = "a date (of birth?)"
    NHS_NUMBER = "an NHS number"
    POSTCODE = "a postcode"


_DIGIT = re.compile(r"[0-9]")
_NHS = re.compile(r"(?<![0-9])([0-9]{3})[ -]?([0-9]{3})[ -]?([0-9]{4})(?![0-9])")
_POSTCODE = re.compile(
    r"(?<![A-Za-z0-9])([A-Za-z]{1,2}[0-9][A-Za-z0-9]?)[ _-]?([0-9][A-Za-z]{2})(?![A-Za-z0-9])"
)
# Dates are looked for at every start (a lookahead), so that one candidate that is no date
# ("1-14.03" in "C1-14.03.2009") does not hide the date after it.
_DMY = re.compile(
    r"(?<![0-9])(?=([0-9]{1,2})[./-]([0-9]{1,2})[./-]([0-9]{4}|[0-9]{2})(?![0-9]))"
)
_YMD = re.compile(r"(?<![0-9])(?=((?:19|20)[0-9]{2})[./-]?([0-9]{2})[./-]?([0-9]{2})(?![0-9]))")
_DMY_RUN = re.compile(r"(?<![0-9])(?=([0-9]{2})([0-9]{2})((?:19|20)[0-9]{2})(?![0-9]))")
_WORD = re.compile(r"[A-Za-z][a-z']*|[A-Z]+(?![a-z])")
_TITLE_WORDS = re.compile(r"^[A-Z][a-z']+(?:[ _.-]?[A-Z][a-z']+)+$")
_HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr"})
# Common given names in England and Wales (ONS lists), leaving out those that are ordinary
# English words (May, Will, Grace, Rose, Mark, Faith...): a reference or a role that holds
# one most likely names someone.
_GIVEN_NAMES = frozenset(
    """
    aaliyah aaron abdul abigail adam adrian ahmed aidan aisha alan albert alex alexander
    alexandra alfie alice alison amelia amir amy andrew angela ann anna anne anthony archie
    arthur ashley barbara ben benjamin bethany brian callum carl carol caroline catherine
    charles charlie charlotte chloe christine christopher claire craig daniel danielle darren
    david deborah dennis donna dylan edward eleanor elizabeth ella ellie emily emma eric ethan
    evie fatima finley florence frank freddie freya gary george georgia gemma graham hannah
    harry harvey heather helen henry hollie holly ian imran isabella isla isaac jack jacob
    jade james jamie jane janet jason jayden jennifer jessica joan john jonathan joseph
    joshua julie karen kate katie kayleigh keith kelly kevin kieran kyle laura lauren leah
    leo liam lily linda lisa logan louise lucy luke lynne margaret maria martin mary matthew
    megan michael michelle mohammed muhammad nathan nicola noah oliver olivia oscar patricia
    paul peter philip rachel rebecca richard robert ronald ryan samantha samuel sandra sarah
    scott sharon shaun simon sophia sophie stephen steven stuart susan thomas timothy tracey
    tyler victoria william yasmin zara zoe
    """.split()  # noqa: SIM905 - a word list reads better as words
)


def nhs_number_valid(digits: str) -> bool:
    """Whether ten digits pass the NHS number's mod-11 check (weights 10 down to 2; a check
    digit of 11 is 0, and 10 is never valid)."""
    if len(digits) != 10 or not digits.isdigit():
        return False
    total = sum(int(d) * w for d, w in zip(digits[:9], range(10, 1, -1), strict=True))
    check = 11 - total % 11
    if check == 11:
        check = 0
    return check != 10 and check == int(digits[9])


def _date(year: int, month: int, day: int) -> bool:
    if year < 100:
        year += 2000 if year <= datetime.date.today().year % 100 else 1900
    if not 1900 <= year <= datetime.date.today().year:
        return False
    try:
        datetime.date(year, month, day)
    except ValueError:
        return False
    return True


def _has_date(text: str) -> bool:
    for m in _DMY.finditer(text):
        if _date(int(m[3]), int(m[2]), int(m[1])):
            return True
    for m in _YMD.finditer(text):
        if _date(int(m[1]), int(m[2]), int(m[3])):
            return True
    return any(_date(int(m[3]), int(m[2]), int(m[1])) for m in _DMY_RUN.finditer(text))


def _has_name(text: str, strict: bool) -> bool:
    words = [w.lower() for w in _WORD.findall(text.replace("_", " "))]
    if any(w in _GIVEN_NAMES for w in words):
        return True
    if any(w in _HONORIFICS for w in words[:-1]):
        return True
    # Two or more capitalised words (Jane Smith, JaneSmith, Jane_Smith) in a reference;
    # not in a role, where "Team Manager" is usual.
    return strict and _TITLE_WORDS.match(text) is not None


def identifying(text: str, *, role: bool = False) -> Identifying | None:
    """What ``text`` looks like, if it looks like something that identifies a person.

    ``role`` is for an auditor's role, written as words ("Team manager"): capitalised
    words alone do not make it a name there, as they do in a reference.
    """
    if _DIGIT.search(text) is not None:  # each of these has digits: most texts have none
        for m in _NHS.finditer(text):
            if nhs_number_valid("".join(m.groups())):
                return Identifying.NHS_NUMBER
        if _has_date(text):
            return Identifying.DATE
        if _POSTCODE.search(text):
            return Identifying.POSTCODE
    if _has_name(text, strict=not role):
        return Identifying.NAME
    return None


_FORBIDDEN_IN_PATTERN = re.compile(r"(?<!\\)[()|]|\\[0-9]")


def reference_pattern(pattern: str) -> re.Pattern[str]:
    """The partnership's case reference pattern compiled, to be matched whole.

    Raises ``ValueError`` (with a message that says why) for a pattern that is not a
    regular expression, or that uses groups, alternation or back-references, which the
    pattern language leaves out so that matching stays fast on any reference.
    """
    if _FORBIDDEN_IN_PATTERN.search(pattern.replace("\\\\", "")):
        raise ValueError(
            "the pattern may not use groups '( )', alternation '|' or back-references; "
            "write it with characters, classes such as [A-Z] or \\d, and counts such as {2,4}"
        )
    try:
        return re.compile(pattern)
    except re.error as exc:
        raise ValueError(f"the pattern is not a regular expression: {exc.msg}") from None
