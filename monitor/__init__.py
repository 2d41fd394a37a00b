"""monitor: watch an inbox of news articles, keep every figure in an append-only event log, alert on change."""

__version__ = "0.1.0"
