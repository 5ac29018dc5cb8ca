"""`make load`: 200 teachers study and take quizzes for 60 s against gunicorn + PostgreSQL.

    bin/with-postgres .venv/bin/python -m bench.loadrun      (what `make load` runs)

On the throw-away PostgreSQL of bin/with-postgres: migrate, `manage.py demo` (LOAD_DEMO_ARGS),
then gunicorn on 127.0.0.1 (the bench's settings and workers). Each simulated teacher is a
thread on its own keep-alive connection, signed in (a session made as a login makes it), and
loops over: open a lesson of a module they are enrolled in, think 1–4 s, and now and then
submit the module's final quiz through the page's form (some answers wrong) — nothing else is
requested, and nothing leaves loopback. The run lasts DURATION seconds exactly.

Then it proves nothing was lost or doubled: every lesson opened with a 200 added exactly one to
that lesson's view count; every quiz attempt recorded has its own number (1, 2, … per
enrolment, no gap, no repeat); `manage.py recompute_summaries --check` finds every year summary
equal to a full recount. Errors (any answer ≥ 400, or a failed connection) must be zero.
The result is printed and written to bench/results/load-<time>-<commit>.md."""

import os
import random
import secrets
import string
import subprocess
import sys
import threading
import time
import urllib.parse
from dataclasses import dataclass, field

from bench import server
from bench.database import ROOT, SETTINGS
from bench.load import Client
from bench.report import RESULTS_DIR, git_sha, utc_now

TEACHERS = 200
DURATION = 60.0
THINK_SECONDS = (1.0, 4.0)
QUIZ_SHARE = 0.25  # of the steps: submit the final quiz instead of opening a lesson
LOAD_DEMO_ARGS = ["--staff", "400", "--years", "1"]
ERROR_NO_POSTGRES = (
    "The load run needs PostgreSQL: run it as `make load` (bin/with-postgres sets DATABASE_URL)."
)


@dataclass
class Teacher:
    username: str
    cookie: str
    csrf: str
    lessons: list[str]
    assessment: str
    quiz_id: str
    answers: list[dict]  # a right set and some wrong ones, as form fields


@dataclass
class Tally:
    lock: threading.Lock = field(default_factory=threading.Lock)
    latencies: dict[str, list[float]] = field(default_factory=lambda: {"lesson": [], "quiz": []})
    lesson_ok: int = 0
    lesson_sent: int = 0
    quiz_posted: int = 0
    errors: list[str] = field(default_factory=list)


def _manage(*args: str, check: bool = True) -> subprocess.CompletedProcess:
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": SETTINGS}
    done = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True
    )
    if check and done.returncode:
        print(done.stdout, done.stderr, sep="\n", file=sys.stderr)
        raise SystemExit(f"manage.py {' '.join(args)} failed (exit {done.returncode})")
    return done


def _create_database(url: str) -> None:
    import psycopg

    parts = urllib.parse.urlsplit(url)
    name = parts.path.lstrip("/")
    admin = parts._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as connection:
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [name]
        ).fetchone()
        if not exists:
            connection.execute(f'CREATE DATABASE "{name}"')


def _prepare() -> str:
    print("Migrating and building the demo on PostgreSQL…", flush=True)
    _manage("migrate", "--noinput", "-v0")
    _manage("demo", *LOAD_DEMO_ARGS)
    _manage("collectstatic", "--noinput", "-v0")
    return "manage.py demo " + " ".join(LOAD_DEMO_ARGS)


def _setup_django() -> None:
    sys.path.insert(0, str(ROOT / "site"))
    os.environ["DJANGO_SETTINGS_MODULE"] = SETTINGS
    import django

    django.setup()


def _csrf_secret() -> str:
    alphabet = string.ascii_letters + string.digits
    return "".join(secrets.choice(alphabet) for _ in range(32))


def _form_answers(module, *, right: int | None) -> dict:
    """The quiz form's fields: every answer right (right=None) or only the first `right`."""
    from courses.quiz import FIELD_PREFIX

    fields = {}
    for index, question in enumerate(module.final_quiz().value["questions"]):
        correct = right is None or index < right
        kind, value = question.block_type, question.value
        name = FIELD_PREFIX + question.id
        if kind in ("single_choice", "multiple_choice"):
            picked = [c.id for c in value["choices"].bound_blocks if c.value["correct"] == correct]
            fields[name] = picked[:1] if kind == "single_choice" else picked
        elif kind == "true_false":
            truth = value["answer"] == "true"
            fields[name] = "true" if truth == correct else "false"
        else:
            accepted = list(value.get("accepted_answers") or [])
            fields[name] = accepted[0] if correct and accepted else "không biết"
    return fields


def _teachers() -> list[Teacher]:
    """TEACHERS people with an enrolment, this school year, in a live module that has lessons
    and a final quiz; each with a session of their own."""
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.test import Client as DjangoClient
    from django.utils import timezone

    from courses.school_year import current_school_year
    from training import roles
    from training.models import Enrolment

    year = current_school_year(timezone.localdate())
    User = get_user_model()
    people = User.objects.filter(
        groups__name=roles.TEACHER, is_active=True, profile__isnull=False
    ).order_by("pk")
    teachers, modules = [], {}
    for person in people.iterator():
        enrolments = Enrolment.objects.filter(
            user=person, school_year=year, module__live=True
        ).select_related("module")
        chosen = None
        for enrolment in enrolments:
            module = enrolment.module.specific
            if module.pk not in modules:
                lessons = [lesson.url for lesson in module.lessons()]
                quiz = module.final_quiz()
                modules[module.pk] = (module, lessons, quiz) if lessons and quiz else None
            if modules[module.pk]:
                chosen = modules[module.pk]
                break
        if chosen is None:
            continue
        module, lessons, quiz = chosen
        client = DjangoClient()
        client.force_login(person)
        session = client.cookies[settings.SESSION_COOKIE_NAME].value
        csrf = _csrf_secret()
        teachers.append(
            Teacher(
                username=person.username,
                cookie=(
                    f"{settings.SESSION_COOKIE_NAME}={session}; {settings.CSRF_COOKIE_NAME}={csrf}"
                ),
                csrf=csrf,
                lessons=lessons,
                assessment=module.url + module.reverse_subpage("assessment"),
                quiz_id=quiz.id,
                answers=[_form_answers(module, right=r) for r in (None, 0, 1, 2)],
            )
        )
        if len(teachers) == TEACHERS:
            break
    return teachers


def _counts() -> tuple[int, int]:
    from django.db.models import Sum

    from training.models import Attempt, LessonView

    views = LessonView.objects.aggregate(total=Sum("view_count"))["total"] or 0
    return views, Attempt.objects.count()


def _attempt_numbers_ok() -> tuple[bool, str]:
    """Each enrolment's attempts are numbered 1…n: no number missing, none twice."""
    from django.db.models import Count, F, Max

    from training.models import Attempt

    per_enrolment = Attempt.objects.values("enrolment").annotate(
        n=Count("pk"), top=Max("number"), distinct=Count("number", distinct=True)
    )
    gaps = per_enrolment.exclude(n=F("top")).count()
    repeats = per_enrolment.exclude(n=F("distinct")).count()
    return gaps == 0 and repeats == 0, f"{gaps} enrolments with a gap, {repeats} with a repeat"


def _simulate(base_url: str, teacher: Teacher, tally: Tally, deadline: float, seed: int) -> None:
    url = urllib.parse.urlsplit(base_url)
    rng = random.Random(seed)  # noqa: S311 — a simulation, not a secret
    client = Client(url.hostname, url.port)
    headers = {"Host": url.netloc, "Cookie": teacher.cookie, "Accept-Encoding": "gzip"}
    post_headers = {
        **headers,
        "Content-Type": "application/x-www-form-urlencoded",
        "Origin": f"{url.scheme}://{url.netloc}",
        "Referer": base_url + teacher.assessment,
    }
    time.sleep(rng.uniform(0, THINK_SECONDS[1]))  # the teachers do not all start together
    try:
        while time.monotonic() < deadline:
            quiz = rng.random() < QUIZ_SHARE
            began = time.perf_counter()
            try:
                if quiz:
                    fields = {
                        "csrfmiddlewaretoken": teacher.csrf,
                        "quiz": teacher.quiz_id,
                        **rng.choice(teacher.answers),
                    }
                    body = urllib.parse.urlencode(fields, doseq=True)
                    response, _ = client.request("POST", teacher.assessment, post_headers, body)
                    ok = response.status == 302
                else:
                    with tally.lock:
                        tally.lesson_sent += 1
                    response, _ = client.request("GET", rng.choice(teacher.lessons), headers)
                    ok = response.status == 200
            except (OSError, ConnectionError) as exc:
                with tally.lock:
                    tally.errors.append(f"{teacher.username}: {type(exc).__name__}")
                client.close()
                continue
            elapsed = time.perf_counter() - began
            with tally.lock:
                tally.latencies["quiz" if quiz else "lesson"].append(elapsed)
                if not ok:
                    tally.errors.append(f"{teacher.username}: HTTP {response.status}")
                elif quiz:
                    tally.quiz_posted += 1
                else:
                    tally.lesson_ok += 1
            pause = rng.uniform(*THINK_SECONDS)
            if time.monotonic() + pause >= deadline:
                break
            time.sleep(pause)
    finally:
        client.close()


def _percentile(values: list[float], p: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))] * 1000


def main() -> int:
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        print(ERROR_NO_POSTGRES, file=sys.stderr)
        return 2
    started, sha = utc_now(), git_sha()
    _create_database(url)
    data = _prepare()
    _setup_django()
    teachers = _teachers()
    if len(teachers) < TEACHERS:
        print(f"only {len(teachers)} teachers with a module to study", file=sys.stderr)
        return 1
    views_before, attempts_before = _counts()
    from django.db import connections

    connections.close_all()
    tally = Tally()
    with server.gunicorn(SETTINGS, "/bench/ok/") as running:
        print(f"{TEACHERS} teachers for {DURATION:.0f} s against {running.base_url}…", flush=True)
        began = time.monotonic()
        deadline = began + DURATION
        threads = [
            threading.Thread(
                target=_simulate, args=(running.base_url, t, tally, deadline, n), daemon=True
            )
            for n, t in enumerate(teachers)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(DURATION + 120)
        seconds = time.monotonic() - began
        peaks = running.peak_rss_mib()
    views_after, attempts_after = _counts()
    numbering_ok, numbering = _attempt_numbers_ok()
    check = _manage("recompute_summaries", "--check", check=False)
    lessons, quizzes = tally.latencies["lesson"], tally.latencies["quiz"]
    everything = lessons + quizzes
    views_added = views_after - views_before
    lines = [
        f"# Load run {started:%Y-%m-%d %H:%M} UTC · {sha}",
        "",
        f"- data: {data}; PostgreSQL (bin/with-postgres)",
        f"- server: gunicorn {' '.join(server.GUNICORN_ARGS)} on 127.0.0.1, settings {SETTINGS}",
        f"- load: {TEACHERS} teachers (one keep-alive connection each) for {DURATION:.0f} s, "
        f"think time {THINK_SECONDS[0]:.0f}–{THINK_SECONDS[1]:.0f} s; "
        f"{QUIZ_SHARE:.0%} of steps submit the final quiz, the others open a lesson",
        f"- machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at the end",
        "",
        "| what | requests | rate /s | p50 ms | p95 ms | p99 ms |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for name, values in (
        ("lesson views", lessons),
        ("quiz submissions", quizzes),
        ("all", everything),
    ):
        lines.append(
            f"| {name} | {len(values)} | {len(values) / seconds:.1f} | "
            + " | ".join(
                f"{v:.0f}" if (v := _percentile(values, p)) is not None else ""
                for p in (50, 95, 99)
            )
            + " |"
        )
    verdicts = [
        (
            not tally.errors,
            f"errors: {len(tally.errors)}" + (f" ({tally.errors[:5]})" if tally.errors else ""),
        ),
        (
            # A request the client gave up on (timeout) may still have been served: then the
            # count may lie between the two; with no error it must be exact.
            tally.lesson_ok <= views_added <= tally.lesson_sent
            and (tally.errors or views_added == tally.lesson_ok),
            f"lesson views: {tally.lesson_sent} sent, {tally.lesson_ok} answered 200, "
            f"view counts grew by {views_added}",
        ),
        (
            numbering_ok,
            f"quiz attempts: {tally.quiz_posted} submitted, {attempts_after - attempts_before} "
            f"recorded (refusals past the attempt limit or after completion record none); "
            f"numbering: {numbering}",
        ),
        (
            check.returncode == 0,
            f"recompute_summaries --check: {check.stdout.strip() or check.stderr.strip()}",
        ),
    ]
    lines.append("")
    lines += [f"- {'ok' if ok else 'FAILED'}: {text}" for ok, text in verdicts]
    lines.append(
        "- peak RSS of the gunicorn workers: "
        + (", ".join(f"{m:.0f} MiB" for m in sorted(peaks.values())) or "unknown")
    )
    text = "\n".join(lines) + "\n"
    print(text)
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    path = RESULTS_DIR / f"load-{started:%Y%m%dT%H%M%SZ}-{sha}.md"
    path.write_text(text, encoding="utf-8")
    print(f"written to {path.relative_to(ROOT)}")
    return 0 if all(ok for ok, _ in verdicts) else 1


if __name__ == "__main__":
    sys.exit(main())
