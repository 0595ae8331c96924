"""The dialogs: every `ModalScreen` of the dashboard, each asking one thing (a line, a choice,
a form, quick-add, the settings, the welcome) or showing one (help, the morning notes).
All list `dialog.tcss` first."""
