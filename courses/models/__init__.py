"""Content models: managed lists, professional standards, the resource library and the
training programmes. Import them from here (`from courses.models import ModulePage`)."""

from courses.models.library import (
    ResourceDownload,
    ResourceFile,
    ResourceIndexPage,
    ResourcePage,
    ResourcePageTag,
)
from courses.models.programmes import (
    DEFAULT_PASS_MARK,
    LessonPage,
    ModulePage,
    ProgrammeIndexPage,
    ProgrammePage,
)
from courses.models.reference import (
    AttributionRule,
    Grade,
    Language,
    Licence,
    ResourceType,
    SchoolLevel,
    Subject,
)
from courses.models.standards import Criterion, Framework, FrameworkAudience, RatingLevel, Standard

__all__ = [
    "DEFAULT_PASS_MARK",
    "AttributionRule",
    "Criterion",
    "Framework",
    "FrameworkAudience",
    "Grade",
    "Language",
    "LessonPage",
    "Licence",
    "ModulePage",
    "ProgrammeIndexPage",
    "ProgrammePage",
    "RatingLevel",
    "ResourceDownload",
    "ResourceFile",
    "ResourceIndexPage",
    "ResourcePage",
    "ResourcePageTag",
    "ResourceType",
    "SchoolLevel",
    "Standard",
    "Subject",
]
