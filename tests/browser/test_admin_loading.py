"""A curator loads the five seed articles through the admin in headless Chromium, sees the load's
report and goes on to the review queue. (The immediate task backend of the tests runs the load
during the upload; the database queue's worker is tested in tests/test_admin_load.py.)"""

import pytest
from django.contrib.auth.models import Permission

from tests.browser import test_browser as shared
from tests.seeds import seed_path
from timeline.admin_review import PER_PAGE
from timeline.models import DateMention, LoadRun, Source

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

expect, screenshot = shared.expect, shared.screenshot


def test_a_curator_uploads_the_seed_articles_and_sees_the_report_and_review_queue(
    live_server,
    page,
    django_user_model,
):
    curator = django_user_model.objects.create_user(
        "curator", password="a-long-test-passphrase", is_staff=True
    )
    # The curator group's permissions (the group itself, made by a migration, does not outlive the
    # flush of an earlier transactional test).
    curator.user_permissions.set(Permission.objects.filter(content_type__app_label="timeline"))
    seeds = sorted(seed_path().glob("*.txt"))

    page.goto(live_server.url + "/admin/")
    page.fill("#id_username", "curator")
    page.fill("#id_password", "a-long-test-passphrase")
    page.click("input[type=submit]")
    page.click("text=Load articles (files, pasted text or URLs)…")
    page.set_input_files("#id_files", [str(path) for path in seeds])
    screenshot(page, "admin-load-form")
    page.click("#load-form input[type=submit]")

    page.wait_for_url("**/admin/load-articles/*/")
    report = page.locator("#load-report tbody tr")
    expect(report).to_have_count(5)
    run = LoadRun.objects.get()
    summary = page.locator(".load-summary")
    expect(summary).to_have_text(run.summary)
    assert run.summary.startswith("loaded 4, updated 0, unchanged 0, duplicates 1, failed 0, skipped 0")
    lines = report.locator(".load-line").all_inner_texts()
    assert [line.split()[1] for line in lines] == [path.name for path in seeds]
    assert sum("copy of source" in line for line in lines) == 1  # the reworded copy and its original
    expect(page.locator("#load-status")).to_contain_text("Done: 5 inputs read.")
    screenshot(page, "admin-load-report")

    page.click("text=Date mentions awaiting review")
    page.wait_for_url("**/admin/timeline/datemention/**")
    pending = DateMention.objects.filter(source__in=Source.objects.all(), review="pending").count()
    assert pending > 0
    expect(page.locator("#result_list tr.review-row")).to_have_count(min(pending, PER_PAGE))


def test_the_run_page_follows_the_worker_without_a_page_load(live_server, page, admin_user, settings):
    """With the database queue, the page waits for the worker; its status fragment, polled by htmx,
    brings in the report when the worker (run here, in the test's thread) has loaded the article."""
    from django.core.management import call_command

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
    page.goto(live_server.url + "/admin/login/?next=/admin/load-articles/")
    page.fill("#id_username", admin_user.username)
    page.fill("#id_password", "password")
    page.click("input[type=submit]")
    page.fill("#id_text", "Rail cars at Tumangang\nSatellite images showed rail cars on 18 November 2022.")
    page.click("#load-form input[type=submit]")
    page.wait_for_url("**/admin/load-articles/*/")
    expect(page.locator("#load-status")).to_contain_text("Waiting for the worker")
    page.evaluate("window.__sameDocument = true")

    call_command("db_worker", "--batch", "--no-reload", "--no-startup-delay", verbosity=0)

    expect(page.locator("#load-report tbody tr")).to_have_count(1)
    expect(page.locator("#load-status")).to_contain_text("Done: 1 input read.")
    assert page.evaluate("window.__sameDocument") is True  # swapped in place by the poll
    assert page.locator("#load-status[hx-trigger]").count() == 0  # and polling has stopped
