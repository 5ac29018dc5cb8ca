"""Wagtail's chooser widgets without their inline script, so that the admin's
Content-Security-Policy needs no 'unsafe-inline' for scripts (issue 12).

Wagtail 8's BaseChooser.render writes `<script>new ImageChooser("id", {…});</script>` after the
widget; it has no hook for this, so PortalConfig.ready() puts `chooser_render` in its place. It
writes the same call as data on an inert <template>, which portal/static/portal/admin-init.js
makes (for constructors named …Chooser only, and the workflow task chooser's
createTaskChooser). Another chooser class that writes its own script keeps Wagtail's rendering
(site/portal/tests/test_admin_csp.py would find its inline script)."""

import json

from django.utils.html import format_html
from django.utils.safestring import mark_safe
from wagtail.admin.widgets.chooser import BaseChooser
from wagtail.admin.widgets.workflows import AdminTaskChooser

_wagtail_render = BaseChooser.render


def chooser_render(self, name, value, attrs=None, renderer=None):
    task = isinstance(self, AdminTaskChooser)
    if type(self).render_js_init is not BaseChooser.render_js_init and not task:
        return _wagtail_render(self, name, value, attrs, renderer)
    try:
        id_ = attrs["id"]
    except (KeyError, TypeError) as e:
        raise TypeError("BaseChooser cannot be rendered without an 'id' attribute") from e
    value_data = self.get_value_data(value)
    widget_html = self.render_html(name, value_data, attrs)
    call = format_html(
        '<template data-controller="hoctap-init" data-hoctap-init-call-value="{}" '
        'data-hoctap-init-constructor-value="{}" data-hoctap-init-id-value="{}" '
        'data-hoctap-init-options-value="{}"></template>',
        "task-chooser" if task else "chooser",
        self.js_constructor,
        id_,
        json.dumps(self.get_js_init_options(id_, name, value_data)),
    )
    return mark_safe(f"{widget_html}{call}")  # noqa: S308 - Wagtail's HTML and our escaped data


def install() -> None:
    BaseChooser.render = chooser_render
