from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from timeline.importing import ImportFailed, import_slides, read_timeline

MAX_BYTES = 10 * 1024 * 1024


class Command(BaseCommand):
    help = (
        "Import a TimelineJS timeline (its Google Sheets template saved as CSV, or TimelineJS JSON) as "
        "draft events. Bad rows are reported by line and then nothing is stored."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="a .csv sheet or a TimelineJS .json file")
        parser.add_argument("--dry-run", action="store_true", help="check and list the events, store nothing")

    def handle(self, *args, file, dry_run=False, **options):
        path = Path(file)
        try:
            if path.stat().st_size > MAX_BYTES:
                raise CommandError(f"{file}: larger than {MAX_BYTES // (1024 * 1024)} MiB")
            content = path.read_bytes().decode("utf-8-sig")
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(f"{file}: cannot be read as UTF-8 text ({error})") from None
        try:
            slides = read_timeline(content, path.name)
        except ImportFailed as failed:
            for problem in failed.problems:
                self.stderr.write(problem)
            raise CommandError(f"{file}: {len(failed.problems)} bad row(s); nothing imported") from None
        if dry_run:
            for slide in slides:
                self.stdout.write(f"{slide.where}: {slide.date} · {slide.headline}")
            self.stdout.write(f"{len(slides)} event(s) would be imported (dry run)")
            return
        imported = import_slides(slides)
        self.stdout.write(
            f"imported {len(imported.events)} draft event(s), {len(imported.threads)} thread(s), "
            f"{imported.sources} source(s)"
        )
