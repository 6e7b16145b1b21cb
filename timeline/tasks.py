"""The background tasks (django-tasks; ``manage.py db_worker`` runs them from the database queue)."""

from django_tasks import task

from timeline.loading import run_load


@task()
def load_run(run_id: int) -> str:
    """Load a queued ``LoadRun`` (``timeline.loading``); the result is its summary line."""
    return run_load(run_id)
