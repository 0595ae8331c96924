"""ea-planner: the executive's schedule, customer follow-ups and good moments to interrupt."""

__version__ = "0.1.0"
