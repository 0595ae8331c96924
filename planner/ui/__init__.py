"""Everything Textual: the dashboard app, its screens and widgets."""
