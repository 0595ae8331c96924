"""The dashboard's views, one full `Screen` each: the dashboard, the detail views, the
close-out. The dialogs live in `planner.ui.dialogs`."""
