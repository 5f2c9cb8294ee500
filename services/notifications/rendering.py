"""Building an email's text and HTML parts from one list of paragraphs and a link."""

from __future__ import annotations

from html import escape

from services.notifications.email import Email

_HTML = """<!doctype html>
<html><body style="font-family: sans-serif; line-height: 1.5; color: #222">
{paragraphs}
{button}
<p style="color: #777; font-size: small">datashare</p>
</body></html>
"""


def render(
    kind: str,
    subject: str,
    greeting: str,
    paragraphs: list[str],
    link: str | None = None,
    link_label: str = "",
    quote: str = "",
) -> Email:
    """Plain text and HTML with the same content; every value is escaped in the HTML."""
    text_parts = [greeting, *paragraphs]
    if quote:
        text_parts.append("\n".join(f"> {line}" for line in quote.splitlines()))
    if link:
        text_parts.append(f"{link_label}:\n{link}")
    text_parts.append("-- \ndatashare")
    html_parts = [f"<p>{escape(greeting)}</p>", *(f"<p>{escape(p)}</p>" for p in paragraphs)]
    if quote:
        html_parts.append(
            '<blockquote style="border-left: 3px solid #ccc; padding-left: 1em">'
            + "<br>".join(escape(line) for line in quote.splitlines())
            + "</blockquote>"
        )
    button = f'<p><a href="{escape(link, quote=True)}">{escape(link_label)}</a></p>' if link else ""
    return Email(
        kind=kind,
        subject=subject,
        text="\n\n".join(text_parts) + "\n",
        html=_HTML.format(paragraphs="\n".join(html_parts), button=button),
    )
