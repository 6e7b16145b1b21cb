from django.core.management import call_command
from django.core.management.base import BaseCommand

from timeline.models import Event


class Command(BaseCommand):
    help = "Load the curated seed timeline (fixtures/seed_timeline.json) into an empty database."

    def add_arguments(self, parser):
        parser.add_argument(
            "--force", action="store_true", help="Load even if events exist (seed rows are overwritten)."
        )

    def handle(self, *args, force=False, **options):
        if Event.objects.exists() and not force:
            self.stdout.write("The timeline already has events; seed not loaded (use --force to reload it).")
            return
        call_command("loaddata", "seed_timeline", verbosity=options["verbosity"])
