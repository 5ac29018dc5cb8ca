"""The credit line a resource's licence asks for.

Creative Commons licences with attribution ask for title, author, source and licence (TASL):
“Title” by Author (Source) is licensed under CC BY 4.0. CC0 and the public domain ask for
nothing, yet a credit is kind. "Used with permission" is not an open licence: the line says
whose permission, and that reuse needs theirs."""

from django.utils.html import conditional_escape, escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _

from courses.models.reference import AttributionRule

LINE_REQUIRED = _("“%(title)s” by %(creator)s is licensed under %(licence)s.")
LINE_REQUIRED_NO_CREATOR = _("“%(title)s” is licensed under %(licence)s.")
LINE_FREE = _("“%(title)s” (%(licence)s) is free of copyright restrictions. Credit: %(creator)s.")
LINE_FREE_NO_CREATOR = _("“%(title)s” (%(licence)s) is free of copyright restrictions.")
LINE_PERMISSION = _(
    "“%(title)s” is used with the permission of %(creator)s. It is not under an open licence: "
    "ask the rights holder before reusing it elsewhere."
)


def _creator(page) -> str:
    if page.author and page.source_name:
        return f"{page.author} ({page.source_name})"
    return page.author or page.source_name


def attribution_line(page) -> SafeString:
    licence = page.licence
    title = (
        format_html('<a href="{}" rel="noopener">{}</a>', page.original_url, page.title)
        if page.original_url
        else conditional_escape(page.title)
    )
    licence_html = (
        format_html('<a rel="license" href="{}">{}</a>', licence.url, licence.short_name)
        if licence.url
        else conditional_escape(licence.short_name)
    )
    creator = _creator(page)
    if licence.attribution == AttributionRule.PERMISSION:
        template = LINE_PERMISSION
    elif licence.attribution == AttributionRule.NOT_REQUIRED:
        template = LINE_FREE if creator else LINE_FREE_NO_CREATOR
    else:
        template = LINE_REQUIRED if creator else LINE_REQUIRED_NO_CREATOR
    parts = {"title": title, "licence": licence_html, "creator": conditional_escape(creator)}
    return mark_safe(escape(str(template)) % parts)  # noqa: S308 - every part escaped above
