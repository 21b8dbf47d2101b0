"""Events: one row per dated mention, labelled by its clause; reports of one happening share a cluster."""

from timeline.events.table import (
    HEADLINE_WORDS,
    MERGE_THRESHOLD,
    cluster_events,
    document_events,
    event_id,
    extract_events,
    headline,
    relation,
)

__all__ = ["HEADLINE_WORDS", "MERGE_THRESHOLD", "cluster_events", "document_events", "event_id", "extract_events",
           "headline", "relation"]
