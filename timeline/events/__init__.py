"""Events: one row per dated mention, labelled by its clause; reports of one happening share a cluster.

`table` builds the rows of each article, `labels` their short labels, `merge` the clusters.
"""

from timeline.events.happenings import happenings
from timeline.events.labels import HEADLINE_WORDS, headline
from timeline.events.merge import MERGE_THRESHOLD, cluster_events
from timeline.events.table import document_events, event_id, extract_events, relation

__all__ = ["HEADLINE_WORDS", "MERGE_THRESHOLD", "cluster_events", "document_events", "event_id", "extract_events",
           "happenings", "headline", "relation"]
