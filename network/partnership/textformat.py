"""A small, safe text format for awareness pages: never raw HTML.

Everything is escaped first; then only these are recognised: ``## heading`` and
``### heading`` (h2/h3), lines starting with ``- `` (a list), blank lines between
paragraphs, ``**bold**`` and links: ``[text](https://…)``, ``[text](mailto:…)`` and
``[text](/path)`` on this site. Any other link stays plain text: ``javascript:`` and other
schemes in any case, ``//host`` and ``/\\host`` (which browsers read as another site), and
anything with spaces or control characters in it.
"""

import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

BOLD = re.compile(r"\*\*(.+?)\*\*")
LINK = re.compile(r"\[([^\]]+)\]\(([^)\s]*)\)")
# A link target must start like this, and contain no backslash, space, control character or
# quote anywhere (browsers skip control characters and read a backslash as "/").
SAFE_START = re.compile(r"(?:https?://|mailto:[^@/]+@|/)(?!/)", re.IGNORECASE)
UNSAFE_CHARACTER = re.compile(r"[\\\x00-\x20\x7f\"'<>]")


def _link(match: re.Match) -> str:
    text, target = match.groups()
    if UNSAFE_CHARACTER.search(target) or not SAFE_START.match(target):
        return match[0]
    return f'<a href="{target}">{text}</a>'


def _inline(text: str) -> str:
    text = escape(text)
    text = BOLD.sub(r"<strong>\1</strong>", text)
    return LINK.sub(_link, text)


def render(source: str) -> SafeString:
    html: list[str] = []
    paragraph: list[str] = []
    items: list[str] = []

    def flush():
        if paragraph:
            html.append("<p>" + " ".join(_inline(line) for line in paragraph) + "</p>")
            paragraph.clear()
        if items:
            html.append("<ul>" + "".join(f"<li>{_inline(i)}</li>" for i in items) + "</ul>")
            items.clear()

    for raw in source.replace("\r\n", "\n").split("\n"):
        line = raw.strip()
        heading = re.match(r"^(#{2,3})\s+(.+)$", line)
        if not line:
            flush()
        elif heading:
            flush()
            level = len(heading.group(1))
            html.append(f"<h{level}>{_inline(heading.group(2))}</h{level}>")
        elif line.startswith("- "):
            if paragraph:
                flush()
            items.append(line[2:])
        else:
            if items:
                flush()
            paragraph.append(line)
    flush()
    return mark_safe("\n".join(html))  # noqa: S308 (every piece of text went through escape)
