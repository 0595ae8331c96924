"""What the dashboard's keys set in motion: the dialogs they open and the changes made.

One noun per module, each a set of plain functions of the app. The app imports a
flow on the first key that needs it, never at start: the grammar, the lifecycle
and the dialogs they bring are no part of the first frame.
"""
