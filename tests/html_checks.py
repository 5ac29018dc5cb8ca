"""What the Content-Security-Policy forbids on our pages, found in an HTML document: inline
scripts (a data block such as JSON-LD or json_script is not a script), inline event handlers,
javascript: addresses, inline styles."""

from html.parser import HTMLParser

#: <script type="…"> that browsers never run: data for scripts and search engines.
DATA_SCRIPT_TYPES = {"application/json", "application/ld+json"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href"}


class _InlineCode(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._script: str | None = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"<{tag} {name}=…> (inline event handler)")
            elif name == "style":
                self.found.append(f"<{tag} style=…> (inline style)")
            elif name in URL_ATTRIBUTES and (value or "").strip().lower().startswith("javascript:"):
                self.found.append(f"<{tag} {name}=javascript:…>")
        if tag == "script":
            kind = (attributes.get("type") or "").strip().lower()
            if "src" not in attributes and kind not in DATA_SCRIPT_TYPES:
                self._script = ""
        elif tag == "style":
            self.found.append("<style> element (inline style)")

    def handle_data(self, data):
        if self._script is not None:
            self._script += data

    def handle_endtag(self, tag):
        if tag == "script" and self._script is not None:
            self.found.append(f"<script> with inline code: {self._script.strip()[:80]!r}")
            self._script = None


def inline_code(html: str) -> list[str]:
    """Everything in `html` that a strict policy (no 'unsafe-inline') would block."""
    parser = _InlineCode()
    parser.feed(html)
    parser.close()
    return parser.found
