"""Calendar subscriptions kept current: fetch a feed or a CalDAV calendar, merge it, remember.

Nothing here is imported by the dashboard's first frame or by `today`; the
network libraries (urllib for feeds, `caldav` for CalDAV) are imported only
when a sync runs.
"""
