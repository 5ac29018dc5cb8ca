"""The document upload form. Kept apart from courses.forms, which the page models import:
Wagtail's document forms can only be imported once every model is loaded."""

from wagtail.documents.forms import BaseDocumentForm


class DocumentForm(BaseDocumentForm):
    """Wagtail's document form (settings.WAGTAILDOCS_DOCUMENT_FORM_BASE), saying one thing
    when it refuses a file: a file over the size limit is dropped by the form field, and the
    model then also complained of a file extension “” that is not allowed."""

    def _post_clean(self):
        refused = "file" in self._errors
        super()._post_clean()
        if refused:
            self._errors["file"] = self.error_class(self._errors["file"].as_data()[:1])
