"""Parquet event logs: read row group by row group, columns mapped like a CSV's, types kept."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from klantreis.analytics.ingest.errors import Notes, fail
from klantreis.analytics.ingest.mapping import ColumnMapping
from klantreis.analytics.ingest.sink import FLUSH_ROWS, EventSink
from klantreis.analytics.ingest.tabular import TableNormaliser


def read_parquet(
    path: Path, mapping: ColumnMapping, sink: EventSink, notes: Notes, progress: Callable[[int, int], None]
) -> None:
    """Stream a Parquet file into `sink`."""
    source = str(path)
    try:
        parquet = pq.ParquetFile(path)
    except (pa.ArrowInvalid, OSError) as error:
        raise fail(source, f"not a readable Parquet file ({error})", fix="check that the export finished") from None
    names = parquet.schema_arrow.names
    normalise = TableNormaliser(names, mapping, source, locate=lambda index: (index + 1, None), empty_is_null=False)
    total_rows = max(parquet.metadata.num_rows, 1)
    size = path.stat().st_size
    done = 0
    for batch in parquet.iter_batches(batch_size=FLUSH_ROWS):
        sink.write(normalise(pa.Table.from_batches([batch])))
        done += batch.num_rows
        progress(size * done // total_rows, size)
