"""Event logs (CSV, Parquet, Excel, XES, XES.gz) into one normalised, cached Parquet event table.

    from klantreis.analytics.ingest import ingest, ColumnMapping, IngestResult, IngestError
    result = ingest("bpic2012.xes.gz")              # result.parquet: case_id, activity, timestamp, position, ...

The table: case_id (string), activity (string), timestamp (UTC, microseconds, nullable), position
(the event's 0-based place in the file), then lifecycle, resource and channel when present, then every
other attribute under its own name (XES trace attributes as case:<key>), typed. Rows are stored sorted
per case by (timestamp, position) (sort by position for file order), followed by the ordering columns
analyses read instead of sorting again (see `ordering`).
"""

from klantreis.analytics.ingest.api import IngestResult, detect_format, ingest
from klantreis.analytics.ingest.cache import default_cache_dir
from klantreis.analytics.ingest.errors import IngestError
from klantreis.analytics.ingest.mapping import ColumnMapping

__all__ = ["ColumnMapping", "IngestError", "IngestResult", "default_cache_dir", "detect_format", "ingest"]
