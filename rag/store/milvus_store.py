"""Milvus backend: the vectors live in a Milvus collection that several app processes can share.

``Settings.milvus_uri`` is a Milvus server (``http://host:19530``, a cluster or ``milvus-lite
server``) or a milvus-lite database file, which only one process may open. The index folder keeps
what it keeps with FAISS (manifest, chunks, BM25) plus ``milvus.json``: the collection and the
*published id limit*.

Index generations stay atomic although the collection is shared and changed in place:

* ids only grow, so rows an update adds are at or above the published limit, and every search is
  restricted to ``id < limit``: readers never see a half-finished update, and rows left by a
  killed update are invisible (and overwritten, since rows are upserted, when their ids are used);
* deletions wait in memory until the new generation is published (``published``), so readers of
  the old generation keep every row they know until then;
* a rebuild (other settings, a broken index) writes a new collection; the one it replaces is
  dropped once the new generation is published.
"""

from __future__ import annotations

import functools
import json
import threading
import uuid
from pathlib import Path

import numpy as np

from rag.store.base import StoreUnavailable, VectorStore

FILE_NAME = "milvus.json"
MAX_QUERY_ROWS = 16_384  # Milvus returns at most this many rows per query

_clients: dict[tuple[str, str], object] = {}
CONNECT_TIMEOUT_S = 10.0


def _engine_errors(method):
    """Milvus failures (server down, refused request) become StoreUnavailable, naming the server."""

    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        from pymilvus.exceptions import MilvusException

        try:
            return method(self, *args, **kwargs)
        except MilvusException as exc:
            reason = getattr(exc, "message", exc)
            if "://" not in self.uri:  # a milvus-lite file: one process at a time
                reason = (
                    f"{reason} (a milvus-lite file opens in one process only; share a Milvus server instead)"
                )
            raise StoreUnavailable(f"Milvus at {self.uri} failed: {reason}") from exc

    return wrapper


_clients_lock = threading.Lock()


def _client(uri: str, token: str):
    """One client per database per process (a milvus-lite file admits a single opener)."""
    from pymilvus import MilvusClient

    with _clients_lock:
        key = (uri, token)
        if key not in _clients:
            if "://" not in uri:
                Path(uri).parent.mkdir(parents=True, exist_ok=True)
            _clients[key] = MilvusClient(uri=uri, token=token, timeout=CONNECT_TIMEOUT_S)
        return _clients[key]


class MilvusStore(VectorStore):
    @_engine_errors
    def __init__(self, dim: int, uri: str, token: str, collection: str, limit: int = 0, create: bool = False):
        self.dim = dim
        self.uri = uri
        self.token = token
        self.collection = collection
        self.limit = limit  # rows with smaller ids are the published generation's
        self._pending_deletes: list[int] = []
        self._client = _client(uri, token)
        if create:
            self._create()
        elif not self._client.has_collection(collection):
            # Dropped behind the index's back: a broken index (rebuilt), not an engine failure.
            raise ValueError(f"Milvus at {uri} has no collection {collection}")
        self._client.load_collection(collection)

    @classmethod
    def new(cls, dim: int, uri: str, token: str, prefix: str) -> MilvusStore:
        return cls(dim, uri, token, f"{prefix}_{uuid.uuid4().hex[:8]}", create=True)

    @_engine_errors
    def _create(self) -> None:
        from pymilvus import DataType, MilvusClient

        schema = MilvusClient.create_schema(auto_id=False, enable_dynamic_field=False)
        schema.add_field("id", DataType.INT64, is_primary=True)
        schema.add_field("vector", DataType.FLOAT_VECTOR, dim=self.dim)
        params = self._client.prepare_index_params()
        # AUTOINDEX: the engine picks the structure for the collection's size (FLAT in milvus-lite,
        # HNSW/IVF on a cluster); vectors are unit length, so inner product is cosine.
        params.add_index(field_name="vector", index_type="AUTOINDEX", metric_type="IP")
        self._client.create_collection(
            self.collection, schema=schema, index_params=params, consistency_level="Strong"
        )

    @_engine_errors
    def add(self, ids: np.ndarray, vectors: np.ndarray) -> None:
        ids = np.asarray(ids, dtype=np.int64)
        vectors = np.asarray(vectors, dtype=np.float32)
        rows = [{"id": int(i), "vector": v.tolist()} for i, v in zip(ids, vectors)]
        for start in range(0, len(rows), 1000):
            self._client.upsert(self.collection, rows[start : start + 1000])
        if len(ids):
            self.limit = max(self.limit, int(ids.max()) + 1)

    def delete(self, ids: np.ndarray) -> None:
        self._pending_deletes.extend(int(i) for i in ids)

    @_engine_errors
    def published(self, previous: Path | None = None) -> None:
        if self._pending_deletes:
            for start in range(0, len(self._pending_deletes), 1000):
                self._client.delete(self.collection, ids=self._pending_deletes[start : start + 1000])
            self._pending_deletes = []
        record = previous / FILE_NAME if previous else None
        if record and record.is_file():
            replaced = json.loads(record.read_text())
            if replaced["uri"] == self.uri and replaced["collection"] != self.collection:
                self._client.drop_collection(replaced["collection"])  # a rebuild replaced it

    def _visible(self, extra: str = "") -> str:
        pending = f" and id not in {self._pending_deletes}" if self._pending_deletes else ""
        return f"id < {self.limit}{pending}" + (f" and {extra}" if extra else "")

    @_engine_errors
    def search(
        self, vector: np.ndarray, k: int, allowed: np.ndarray | None = None
    ) -> list[tuple[int, float]]:
        if allowed is not None:
            if len(allowed) == 0:
                return []
            expression = self._visible(f"id in {[int(i) for i in allowed]}")
        else:
            expression = self._visible()
        vector = np.asarray(vector, dtype=np.float32).ravel()
        hits = self._client.search(
            self.collection,
            data=[vector.tolist()],
            limit=k,
            filter=expression,
            output_fields=["id"],
            consistency_level="Strong",
        )[0]
        found = [(int(hit["id"]), float(hit["distance"])) for hit in hits]
        if allowed is not None and len(found) < min(k, len(allowed)):
            # An approximate index that filters after searching (milvus-lite does) comes back short
            # when the filter keeps few rows: score exactly the rows it allows, which are few.
            found = self._exact_among(vector, k, expression)
        return found

    def _exact_among(self, vector: np.ndarray, k: int, expression: str) -> list[tuple[int, float]]:
        rows = self._client.query(self.collection, filter=expression, output_fields=["vector"])
        if not rows:
            return []
        ids = np.array([int(row["id"]) for row in rows])
        scores = np.array([row["vector"] for row in rows], dtype=np.float32) @ vector
        best = np.argsort(-scores)[:k]
        return [(int(ids[i]), float(scores[i])) for i in best]

    @_engine_errors
    def ids(self) -> np.ndarray:
        iterator = self._client.query_iterator(
            self.collection, batch_size=MAX_QUERY_ROWS, filter=self._visible(), output_fields=["id"]
        )
        found: list[int] = []
        while batch := iterator.next():
            found.extend(int(row["id"]) for row in batch)
        iterator.close()
        return np.array(sorted(found), dtype=np.int64)

    @_engine_errors
    def vectors(self, ids: list[int]) -> np.ndarray:
        by_id: dict[int, list[float]] = {}
        for start in range(0, len(ids), MAX_QUERY_ROWS):
            for row in self._client.query(
                self.collection,
                ids=[int(i) for i in ids[start : start + MAX_QUERY_ROWS]],
                output_fields=["vector"],
            ):
                by_id[int(row["id"])] = row["vector"]
        return np.array([by_id[int(i)] for i in ids], dtype=np.float32).reshape(-1, self.dim)

    @_engine_errors
    def __len__(self) -> int:
        result = self._client.query(self.collection, filter=self._visible(), output_fields=["count(*)"])
        return int(result[0]["count(*)"])

    @property
    def kind(self) -> str:
        return f"Milvus collection {self.collection} at {self.uri}"

    @_engine_errors
    def save(self, directory: Path) -> None:
        self._client.flush(self.collection)
        record = {"uri": self.uri, "collection": self.collection, "dim": self.dim, "limit": self.limit}
        (directory / FILE_NAME).write_text(json.dumps(record, indent=1))

    @classmethod
    def load(cls, directory: Path, token: str = "") -> MilvusStore:
        record = json.loads((directory / FILE_NAME).read_text())
        return cls(record["dim"], record["uri"], token, record["collection"], record["limit"])
