"""An Atom feed of newly published events, for the same filters as the timeline."""

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.views.decorators.http import require_safe

from timeline.exports import bad_request, filtered_events
from timeline.filters import clean_query

FEED_SIZE = 50


class EventFeed(Feed):
    feed_type = Atom1Feed
    title = "North Korea, Russia and the arms allegations: new events"
    subtitle = "Events newly published on the sourced timeline."

    def __init__(self, events, query: str):
        super().__init__()
        self.events, self.query = events, query

    def link(self):
        return reverse("timeline") + (f"?{self.query}" if self.query else "")

    def feed_url(self):
        return reverse("feed") + (f"?{self.query}" if self.query else "")

    def items(self):
        return self.events.order_by("-published_at", "-pk")[:FEED_SIZE]

    def item_title(self, item):
        return f"{item.date}: {item.title}"

    def item_description(self, item):
        # Atom readers treat the summary as HTML: the text is escaped so it shows as written.
        return escape(item.summary)

    def item_link(self, item):
        return item.get_absolute_url()

    def item_guid(self, item):
        return item.get_absolute_url()

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_categories(self, item):
        return [item.thread.name] if item.thread else ()


@require_safe
def event_feed(request):
    """A feed built per request (the filters live on the instance)."""
    events, errors = filtered_events(request)
    if errors:
        return bad_request(errors)
    return EventFeed(events, clean_query(request.GET))(request)
