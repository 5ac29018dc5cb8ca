"""schema.org descriptions of library resources, so that other portals and search engines can
index them (https://schema.org/LearningResource)."""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.utils.safestring import SafeString, mark_safe

# Escape what could end the <script> element or start markup inside it.
_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}
COVER_IMAGE = "width-1200|format-webp"


def learning_resource(page, *, request, files=None) -> dict:
    """A LearningResource for a ResourcePage: licence, language(s), educational level(s),
    type, subjects, author and source, and the files it offers."""
    absolute = request.build_absolute_uri
    url = page.get_full_url(request) or absolute(page.get_url(request))
    languages = [language.tag for language in page.languages.all()]
    data = {
        "@context": "https://schema.org",
        "@type": "LearningResource",
        "@id": url,
        "url": url,
        "name": page.title,
        "description": page.summary,
        "learningResourceType": page.resource_type.name,
        "inLanguage": languages[0] if len(languages) == 1 else languages,
        "license": page.licence.url or page.licence.short_name,
        "isAccessibleForFree": True,
        "educationalLevel": [level.name for level in page.levels.all()],
        "about": [{"@type": "Thing", "name": subject.name} for subject in page.subjects.all()],
        "keywords": ", ".join(tag.name for tag in page.tags.all()),
        "audience": {"@type": "EducationalAudience", "educationalRole": "teacher"},
    }
    if page.author:
        data["author"] = {"@type": "Person", "name": page.author}
    if page.source_name:
        data["publisher"] = {"@type": "Organization", "name": page.source_name}
    if page.original_url:
        data["isBasedOn"] = page.original_url
    if page.first_published_at:
        data["datePublished"] = page.first_published_at.date().isoformat()
    if page.last_published_at:
        data["dateModified"] = page.last_published_at.date().isoformat()
    if page.cover_image:
        data["image"] = absolute(page.cover_image.get_rendition(COVER_IMAGE).url)
    media = [
        {
            "@type": "MediaObject",
            "name": attached.label,
            "contentUrl": absolute(attached.document.url),
            "encodingFormat": attached.document.content_type,
        }
        for attached in (files if files is not None else page.files.select_related("document"))
    ]
    if page.video_url:
        media.append({"@type": "VideoObject", "name": page.title, "embedUrl": page.video_url})
    if media:
        data["associatedMedia"] = media
    return {key: value for key, value in data.items() if value not in ("", [], None)}


def as_script(data: dict) -> SafeString:
    """The JSON, safe to place inside <script type="application/ld+json">…</script>."""
    text = json.dumps(data, ensure_ascii=False, cls=DjangoJSONEncoder, indent=None)
    return mark_safe(text.translate(_SCRIPT_ESCAPES))  # noqa: S308 - escaped just above
