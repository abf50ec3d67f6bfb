"""The signal form's "stored exactly once" check of ``make bench``.

Under load every visitor sends the public form and opens the thank-you page the answer points
to, as a browser does; the load generator logs each accepted submission (its form token and
the reference the thank-you page showed) to the file named by BENCH_ACCEPTED_LOG. Afterwards
the check compares that log with the signals the form stored during the run: each accepted
submission is stored, once, under the reference it was shown, and no reference is shown
twice. Imported by the locust process, so Django is imported inside the functions only.
"""

import os
import re
from collections import Counter
from pathlib import Path

REFERENCE = re.compile(r"S-\d{4}-\d{5,}")
NOT_SHOWN = "-"


def log_accepted(form_token: str, thanks_html: str) -> None:
    """Note an accepted submission: its signed form token and the reference shown (or "-")."""
    path = os.environ.get("BENCH_ACCEPTED_LOG")
    if not path:
        return
    match = REFERENCE.search(thanks_html or "")
    with open(path, "a") as handle:
        handle.write(f"{form_token or NOT_SHOWN} {match[0] if match else NOT_SHOWN}\n")


def stored_submissions() -> dict[str, list[str]]:
    """The form token of each signal the public form stored → the references stored with it."""
    from signals.models import Signal

    stored: dict[str, list[str]] = {}
    rows = Signal.objects.filter(channel=Signal.Channel.WEB, form_token__isnull=False)
    for token, reference in rows.values_list("form_token", "reference"):
        stored.setdefault(token, []).append(reference)
    return stored


def check(log_path: str, before: dict[str, list[str]], *, in_flight: int) -> list[str]:
    """The faults found (empty when every accepted submission is stored exactly once).

    ``before`` is :func:`stored_submissions` before the load; ``in_flight`` the number of
    visitors, each of whom may have had one submission stored whose answer the load generator
    did not wait for when it stopped (counted, not faulted, up to that number)."""
    from signals.forms.intake import read_form_token

    lines = [line.split() for line in Path(log_path).read_text().splitlines() if line.strip()]
    stored = {t: refs for t, refs in stored_submissions().items() if t not in before}
    faults, shown = [], Counter()
    accepted_tokens = set()
    for signed, reference in lines:
        token = read_form_token(signed) if signed != NOT_SHOWN else None
        accepted_tokens.add(token)
        if reference == NOT_SHOWN:
            faults.append(f"accepted, but the thank-you page showed no reference ({signed[:12]}…)")
            continue
        shown[reference] += 1
        refs = stored.get(token, [])
        if refs != [reference]:
            faults.append(
                f"{reference} was shown, but its submission is stored as {refs or 'nothing'}"
            )
    faults += [f"{ref} was shown to {n} submissions" for ref, n in shown.items() if n > 1]
    if not lines:
        faults.append("no submission was accepted (no thank-you page reached)")
    unanswered = [t for t in stored if t not in accepted_tokens]
    if len(unanswered) > in_flight:
        faults.append(
            f"{len(unanswered)} submissions stored without an accepted answer logged "
            f"(at most {in_flight} can be cut off when the load stops)"
        )
    print(
        f"  exactly once: {len(lines)} accepted, {sum(shown.values())} references shown, "
        f"{len(stored)} stored, {len(unanswered)} stored while the load stopped, "
        f"{len(faults)} faults",
        flush=True,
    )
    for fault in faults[:20]:
        print(f"  EXACTLY-ONCE FAULT: {fault}", flush=True)
    return faults
