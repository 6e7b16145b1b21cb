"""Loading articles from the admin and with ``load_articles --queue``: the form, the run in the
background (the immediate task backend here; one test runs the database queue's worker in-process),
its progress fragment and its report."""

import gzip
import io
from datetime import timedelta

import pytest
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from tests.seeds import seed_path
from timeline.loading import NewInput, Options, create_run, run_load
from timeline.models import DateMention, LoadInput, LoadRun, Source

pytestmark = pytest.mark.django_db

PAGE = reverse("load_articles")
OTHER = (
    "Containers unloaded at Rajin\n"
    "Containers were unloaded at the port of Rajin in early December 2022 before a train left for Russia.\n"
)
ARTICLE = (
    "Rail cars seen at Tumangang\n"
    "Satellite images showed rail cars at the Tumangang yard on 18 November 2022, officials said. "
    "The shipments continued into December 2022.\n"
)


def upload(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/octet-stream")


def load(client, **data):
    """POST the form and follow the redirect to the run's page."""
    return client.post(PAGE, data, follow=True)


def test_the_admin_home_links_to_the_page_for_curators(curator_client):
    assert PAGE in curator_client.get(reverse("admin:index")).content.decode()


def test_staff_without_the_add_source_permission_cannot_load(client, django_user_model):
    client.force_login(django_user_model.objects.create_user("staff", password="pw", is_staff=True))
    assert client.get(PAGE).status_code == 403
    assert client.post(PAGE, {"text": ARTICLE}).status_code == 403
    run = create_run([NewInput(LoadInput.Kind.TEXT, "pasted text", ARTICLE.encode())], Options())
    assert client.get(reverse("load_run", args=[run.pk])).status_code == 403


def test_visitors_are_sent_to_the_login_page(client):
    response = client.get(PAGE)
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_uploaded_files_pasted_text_and_options_load_as_the_command_loads(curator_client, curator, tmp_path):
    files = {
        "rail.txt": ARTICLE.encode(),
        "rajin.txt.gz": gzip.compress(OTHER.encode()),
        "b.jsonl": b'{"title": "Denial", "text": "Pyongyang denied the report on 20 November 2022."}\n'
        b"not json\n",
    }
    pasted = "Pasted headline\nKirby said on 2 November 2022 that shells were shipped."
    options = {"published": "2022-11-25", "outlet": "38 North", "language": "en-GB"}
    # What the command would report for the same inputs and options.
    for name, content in {**files, "pasted.txt": pasted.encode()}.items():
        (tmp_path / name).write_bytes(content)
    out = io.StringIO()
    with pytest.raises(CommandError):  # one line fails
        call_command(
            "load_articles",
            str(tmp_path),
            "--dry-run",
            *(f"--{name}={value}" for name, value in options.items()),
            stdout=out,
            stderr=io.StringIO(),
        )
    expected = out.getvalue().strip().splitlines()[-1].removeprefix("dry run, nothing written: ")

    response = load(
        curator_client,
        files=[upload(name, content) for name, content in files.items()],
        text=pasted,
        **options,
    )
    assert response.status_code == 200
    run = LoadRun.objects.get()
    assert (run.status, run.created_by, run.inputs_total, run.inputs_done) == ("done", curator, 4, 4)
    assert run.summary == expected
    assert run.summary.startswith("loaded 4, updated 0, unchanged 0, duplicates 0, failed 1, skipped 0")
    page = response.content.decode()
    assert run.summary in page
    assert "FAILED b.jsonl: line 2: malformed JSON" in page
    sources = Source.objects.order_by("pk")
    assert [source.title for source in sources] == [
        "Rail cars seen at Tumangang",
        "Containers unloaded at Rajin",
        "Denial",
        "Pasted headline",
    ]
    assert {(source.outlet.name, source.language, source.published.isoformat()) for source in sources} == {
        ("38 North", "en", "2022-11-25")
    }
    for source in sources:
        assert reverse("admin:timeline_source_change", args=[source.pk]) in page
    # The review queue, linked from the report, holds what was found.
    assert reverse("admin:timeline_datemention_changelist") + "?review__exact=pending" in page
    assert DateMention.objects.filter(source__in=sources).count() == int(
        expected.split("mentions ")[1].split(",")[0]
    )
    # The inputs are gone once read.
    assert not LoadInput.objects.exists()


def test_a_file_over_the_limit_or_of_another_kind_fails_alone_naming_it(curator_client, settings):
    settings.TIMELINE_MAX_ARTICLE_BYTES = 2000
    response = load(
        curator_client,
        files=[
            upload("big.html", b"<p>" + b"x" * 3000 + b"</p>"),
            upload("photo.png", b"\x89PNG\r\n"),
            upload("empty.txt", b"   \n"),
            upload("good.txt", ARTICLE.encode()),
        ],
    )
    page = response.content.decode()
    assert "FAILED big.html: too large (3,007 bytes; the limit is 2,000" in page
    assert "FAILED photo.png: not an article file (accepted: .txt, .html, .htm, .jsonl" in page
    assert "FAILED empty.txt: empty" in page
    assert LoadRun.objects.get().summary.startswith(
        "loaded 1, updated 0, unchanged 0, duplicates 0, failed 3"
    )
    assert Source.objects.get().title == "Rail cars seen at Tumangang"


@pytest.mark.parametrize(
    ("data", "error"),
    [
        ({}, "Give at least one file, a pasted article or a URL."),
        (
            {"urls": "ftp://example.org/a.txt"},
            "ftp://example.org/a.txt: only http and https URLs are fetched.",
        ),
        ({"urls": "javascript:alert(1)"}, "javascript:alert(1): only http and https URLs are fetched."),
        ({"text": ARTICLE, "language": "not a code"}, "is not a language code"),
        ({"text": ARTICLE, "published": "2022-13-01"}, "Enter a valid date."),
    ],
)
def test_a_bad_form_says_what_is_wrong_and_queues_nothing(curator_client, data, error):
    response = curator_client.post(PAGE, data)
    assert response.status_code == 200
    assert error in response.content.decode().replace("&#x27;", "'")
    assert not LoadRun.objects.exists()


def test_more_than_the_upload_cap_at_once_is_refused(curator_client, settings):
    settings.TIMELINE_MAX_UPLOAD_BYTES = 300
    response = curator_client.post(
        PAGE, {"files": [upload("a.txt", ARTICLE.encode()), upload("b.txt", ARTICLE.encode())]}
    )
    assert "at most 300 can be loaded at once (TIMELINE_MAX_UPLOAD_BYTES)" in response.content.decode()
    assert not LoadRun.objects.exists()


def test_more_inputs_than_allowed_at_once_are_refused(curator_client, settings):
    settings.TIMELINE_MAX_UPLOAD_INPUTS = 2
    response = curator_client.post(
        PAGE, {"text": ARTICLE, "urls": "https://a.example/1\nhttps://a.example/2"}
    )
    assert "3 files and URLs: at most 2 can be loaded at once" in response.content.decode()
    assert not LoadRun.objects.exists()


def test_pasted_text_over_the_article_limit_is_refused(curator_client, settings):
    settings.TIMELINE_MAX_ARTICLE_BYTES = 100
    response = curator_client.post(PAGE, {"text": ARTICLE})
    assert "The pasted text is too large" in response.content.decode()


def test_untrusted_names_and_text_are_escaped_in_the_report(curator_client):
    response = load(curator_client, files=[upload("<img src=x onerror=alert(1)>.txt", b"")])
    page = response.content.decode()
    assert "<img src=x" not in page and "&lt;img src=x onerror=alert(1)&gt;.txt: empty" in page


def test_the_status_fragment_is_what_htmx_polls(curator_client):
    run = create_run([NewInput(LoadInput.Kind.TEXT, "pasted text", ARTICLE.encode())], Options())
    url = reverse("load_run", args=[run.pk])
    fragment = curator_client.get(url, headers={"HX-Request": "true", "HX-Target": "load-status"})
    body = fragment.content.decode()
    assert body.lstrip().startswith('<div id="load-status"') and "<html" not in body
    assert 'hx-trigger="every 1s"' in body and "Waiting for the worker" in body
    assert "HX-Request" in fragment["Vary"]
    full = curator_client.get(url).content.decode()
    assert "<html" in full and 'http-equiv="refresh"' in full  # without JavaScript
    run_load(run.pk)
    done = curator_client.get(
        url, headers={"HX-Request": "true", "HX-Target": "load-status"}
    ).content.decode()
    assert "hx-trigger" not in done and "Done: 1 input read." in done
    assert "loaded 1, updated 0" in done and "Date mentions awaiting review" in done


def test_the_status_shows_progress_while_the_run_loads(curator_client, monkeypatch):
    from timeline import loading

    monkeypatch.setattr(loading, "_SAVE_EVERY_S", 0)
    texts = [ARTICLE, OTHER]
    run = create_run(
        [NewInput(LoadInput.Kind.TEXT, f"text {n}", text.encode()) for n, text in enumerate(texts)], Options()
    )
    url, seen, read_input = reverse("load_run", args=[run.pk]), [], loading.read_input

    def reading(item, limit):
        if item.position == 1:  # the first article is loaded: look at the page as the poll does
            seen.append(curator_client.get(url, headers={"HX-Request": "true", "HX-Target": "load-status"}))
        yield from read_input(item, limit)

    monkeypatch.setattr(loading, "read_input", reading)
    run_load(run.pk)
    status = seen[0].content.decode()
    assert "Loading: 1 of 2 inputs read, 1 article so far" in status
    assert 'hx-trigger="every 1s"' in status and "loaded    text 0 → source" in status


def test_an_unknown_run_is_404(curator_client):
    assert curator_client.get(reverse("load_run", args=[999])).status_code == 404


def test_a_run_is_loaded_once_even_when_its_task_runs_again(curator_client):
    run = create_run([NewInput(LoadInput.Kind.TEXT, "pasted text", ARTICLE.encode())], Options())
    first = run_load(run.pk)
    assert run_load(run.pk) == first and Source.objects.count() == 1


def test_a_run_that_breaks_is_marked_failed_and_its_inputs_deleted(monkeypatch):
    run = create_run([NewInput(LoadInput.Kind.TEXT, "pasted text", ARTICLE.encode())], Options())

    def broken(*args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr("timeline.loading.load_articles", broken)
    with pytest.raises(RuntimeError):
        run_load(run.pk)
    run.refresh_from_db()
    assert (run.status, run.error) == ("failed", "RuntimeError: disk on fire")
    assert not LoadInput.objects.exists()


def test_load_articles_queue_queues_and_the_worker_runs_it(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / "b.txt").write_text(OTHER)
    out = io.StringIO()
    call_command("load_articles", str(tmp_path), "--queue", "--published", "2022-11-25", stdout=out)
    run = LoadRun.objects.get()
    assert out.getvalue().startswith(f"queued load {run.pk} (2 input(s)): `manage.py db_worker` runs it")
    assert reverse("load_run", args=[run.pk]) in out.getvalue()
    assert run.summary.startswith("loaded 2, updated 0") and run.published.isoformat() == "2022-11-25"
    assert run.results[0]["line"].startswith(f"loaded    {tmp_path / 'a.txt'} → source ")


def test_load_articles_queue_reads_stdin_now():
    stdin = io.BytesIO(ARTICLE.encode())
    call_command("load_articles", "-", "--queue", stdin=stdin, stdout=io.StringIO())
    assert LoadRun.objects.get().summary.startswith("loaded 1,")
    assert Source.objects.get().title == "Rail cars seen at Tumangang"


def test_load_articles_queue_takes_no_dry_run():
    with pytest.raises(CommandError, match="--queue reports on the load's page"):
        call_command("load_articles", "-", "--queue", "--dry-run", stdin=io.BytesIO(b"x"))
    assert not LoadRun.objects.exists()


DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


@pytest.mark.django_db(transaction=True)
def test_with_the_database_queue_the_run_waits_for_the_worker(client, django_user_model):
    # Not the curator group, which does not outlive an earlier transactional test's flush.
    user = django_user_model.objects.create_user("curator", password="pw", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="add_source"))
    client.force_login(user)
    with override_settings(TASKS=DATABASE_QUEUE):
        from django_tasks_db.models import DBTaskResult

        response = client.post(PAGE, {"text": ARTICLE})
        run = LoadRun.objects.get()
        assert response["Location"] == reverse("load_run", args=[run.pk])
        assert run.status == "queued" and DBTaskResult.objects.get().status == "READY"
        assert not Source.objects.exists()
        page = client.get(response["Location"]).content.decode()
        assert "Waiting for the worker" in page

        call_command("db_worker", "--batch", "--no-reload", "--no-startup-delay", verbosity=0)

        run.refresh_from_db()
        assert run.status == "done" and run.summary.startswith("loaded 1,")
        task = DBTaskResult.objects.get()
        assert (task.status, task.return_value) == ("SUCCESSFUL", run.summary)
        assert Source.objects.get().title == "Rail cars seen at Tumangang"


def test_the_five_seed_articles_load_from_the_admin(curator_client):
    names = sorted(path.name for path in seed_path().glob("*.txt"))
    files = [upload(name, (seed_path(name)).read_bytes()) for name in names]
    response = load(curator_client, files=files)
    run = LoadRun.objects.get()
    assert run.summary.startswith("loaded 4, updated 0, unchanged 0, duplicates 1, failed 0")
    page = response.content.decode()
    assert all(name in page for name in names)


def status_of(client, run) -> str:
    url = reverse("load_run", args=[run.pk])
    return client.get(url, headers={"HX-Request": "true", "HX-Target": "load-status"}).content.decode()


def test_a_run_whose_worker_went_silent_is_shown_stopped_and_not_polled(curator_client, settings):
    """A worker killed mid-load (kill -9) leaves its run marked running: once it has saved no
    progress for TIMELINE_LOAD_SILENT_AFTER, the page says the load stopped and polls no more."""
    settings.TIMELINE_LOAD_SILENT_AFTER = 600
    texts = [ARTICLE, OTHER]
    run = create_run(
        [NewInput(LoadInput.Kind.TEXT, f"text {n}", text.encode()) for n, text in enumerate(texts)], Options()
    )
    started = timezone.now()
    LoadRun.objects.filter(pk=run.pk).update(
        status=LoadRun.Status.RUNNING, started_at=started, progress_at=started, inputs_done=1
    )
    assert 'hx-trigger="every 1s"' in status_of(curator_client, run)  # still heard from

    LoadRun.objects.filter(pk=run.pk).update(progress_at=started - timedelta(seconds=601))
    status = status_of(curator_client, run)
    assert (
        "The load stopped: the worker ended before the load finished (no progress for over 10 minutes)"
        in status
    )
    assert "1 of 2 inputs read." in status
    assert "hx-trigger" not in status and "<progress" not in status
    assert (
        'http-equiv="refresh"' not in curator_client.get(reverse("load_run", args=[run.pk])).content.decode()
    )
    run.refresh_from_db()
    assert run.status == "running" and LoadInput.objects.filter(run=run).count() == 2  # nothing rewritten


def test_the_worker_saves_when_it_was_last_heard_from_as_it_loads(monkeypatch):
    from timeline import loading

    monkeypatch.setattr(loading, "_SAVE_EVERY_S", 0)
    run = create_run(
        [NewInput(LoadInput.Kind.TEXT, f"text {n}", t.encode()) for n, t in enumerate([ARTICLE, OTHER])],
        Options(),
    )
    heard, read_input = [], loading.read_input

    def reading(item, limit):
        heard.append(LoadRun.objects.get(pk=run.pk).progress_at)
        yield from read_input(item, limit)

    monkeypatch.setattr(loading, "read_input", reading)
    run_load(run.pk)
    run.refresh_from_db()
    assert heard[0] == run.started_at and heard[0] < heard[1] <= run.progress_at
    assert not loading.worker_ended(run)


@pytest.mark.django_db(transaction=True)
def test_a_task_taken_by_a_worker_that_ended_before_starting_the_load_is_shown_stopped(
    client, django_user_model
):
    user = django_user_model.objects.create_user("curator", password="pw", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="add_source"))
    client.force_login(user)
    with override_settings(TASKS=DATABASE_QUEUE, TIMELINE_LOAD_SILENT_AFTER=600):
        from django_tasks_db.models import DBTaskResult

        assert client.post(PAGE, {"text": ARTICLE}).status_code == 302
        run = LoadRun.objects.get()
        task = DBTaskResult.objects.get()
        task.claim("killed-worker")  # as db_worker takes it, before the task runs
        assert 'hx-trigger="every 1s"' in status_of(client, run)
        DBTaskResult.objects.filter(pk=task.pk).update(started_at=timezone.now() - timedelta(seconds=601))
        status = status_of(client, run)
        assert "Waiting for the worker: the worker ended before the load finished" in status
        assert "hx-trigger" not in status
