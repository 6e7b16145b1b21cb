"""An Atom feed of newly published events, for the same filters as the timeline."""

from dataclasses import dataclass

from django.contrib.syndication.views import Feed
from django.db.models import QuerySet
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.views.decorators.http import require_safe

from timeline.filters import EventFilter
from timeline.models import Event
from timeline.querystrings import rejects_invalid_parameters, validated, with_query

FEED_SIZE = 50


@dataclass(frozen=True)
class FilteredEvents:
    """What one feed request asks for: its events, and the timeline and feed addresses with its filters."""

    events: QuerySet
    timeline_url: str
    feed_url: str


class EventFeed(Feed):
    feed_type = Atom1Feed
    title = "North Korea, Russia and the arms allegations: new events"
    subtitle = "Events newly published on the sourced timeline."

    def get_object(self, request):
        """The request's filters (invalid ones raise ``InvalidParameters``): the feed's object."""
        event_filter = validated(EventFilter(request.GET or None, queryset=Event.objects.published()))
        return FilteredEvents(
            event_filter.qs,
            with_query(reverse("timeline"), request.GET),
            with_query(request.path, request.GET),
        )

    def link(self, obj):
        return obj.timeline_url

    def feed_url(self, obj):
        return obj.feed_url

    def items(self, obj):
        return obj.events.select_related("thread").order_by("-published_at", "-pk")[:FEED_SIZE]

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


event_feed = require_safe(rejects_invalid_parameters(EventFeed()))
