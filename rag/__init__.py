"""Offline, cited question answering over a folder of news articles.

The pipeline reads like the product: load → clean → chunk → embed → index → retrieve →
generate → cite. Each stage is one module; `rag.pipeline.Pipeline` wires them from one
`rag.settings.Settings`.
"""

__version__ = "0.1.0"
