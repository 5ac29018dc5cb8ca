"""Demo step: last school year's reports, sent upward by most schools' principals (through the
real service), so that the office's "received reports" page shows who sent, when, late or on
time, and who did not. The demo school (ql.demo's) has sent its report; this year's is theirs to
send."""

from datetime import datetime, time, timedelta

from django.utils import timezone

from courses.school_year import current_school_year
from training.models import Position, StaffProfile, YearReportSubmission
from training.yearly_report.documents import default_header
from training.yearly_report.selectors import deadline_for
from training.yearly_report.services import year_report_submit


def _place(school) -> str:
    """The commune's name, as the date line writes it ("Phong Thổ, ngày …")."""
    parent = school.get_parent()
    name = parent.name if parent else school.name
    for prefix in ("UBND xã ", "UBND phường ", "UBND thị trấn "):
        name = name.removeprefix(prefix)
    return name


def build_submissions(ctx) -> None:
    if ctx.department is None or not ctx.schools:
        return
    start = int(current_school_year(ctx.today)[:4]) - 1
    school_year = f"{start}-{start + 1}"
    principals = {
        profile.unit_id: profile.user
        for profile in StaffProfile.objects.filter(
            unit__in=ctx.schools, position=Position.PRINCIPAL, user__is_active=True
        ).select_related("user")
    }
    if ctx.demo_school is not None and "school_manager" in ctx.accounts:
        principals[ctx.demo_school.pk] = ctx.accounts["school_manager"]
    sent = late = 0
    for index, school in enumerate(ctx.schools):
        principal = principals.get(school.pk)
        # One school in four has not sent it yet; the demo school always has.
        if principal is None or (index % 4 == 3 and school != ctx.demo_school):
            continue
        deadline = deadline_for(unit=school, school_year=school_year)
        is_late = index % 7 == 5
        day = deadline + timedelta(
            days=ctx.rng.randint(1, 9) if is_late else -ctx.rng.randint(1, 20)
        )
        header = default_header(unit=school, user=principal)
        header.update(
            day=day,
            number=f"{ctx.rng.randint(10, 99)}/BC-{school.code}",
            place=_place(school),
        )
        submission = year_report_submit(
            unit=school, school_year=school_year, header=header, acting_user=principal
        )
        # The demo tells last year's story: sent on the day written on the document.
        sent_at = timezone.make_aware(datetime.combine(day, time(9, ctx.rng.randint(0, 59))))
        YearReportSubmission.objects.filter(pk=submission.pk).update(
            submitted_at=sent_at, late=day > deadline
        )
        sent += 1
        late += day > deadline
    ctx.log(
        f"Yearly reports {school_year}: {sent} of {len(ctx.schools)} schools sent theirs "
        f"({late} late)."
    )
