"""Reading articles: bytes in, Article (or Rejection with a reason) out.

Pure and deterministic: the caller reads the file and keeps the original bytes.
`read_article` handles .txt, .md, .html/.htm and .eml; `normalised_text_hash` finds the
same article saved under another name; `corroborate_date` lets the app date an article
whose own text gives only a year from an earlier article that carries the same quotes.
"""
from monitor.read.corroborate import WEAK_SOURCES, corroborate_date, quote_fingerprints, shared_quote
from monitor.read.options import ReadOptions
from monitor.read.reader import normalised_text_hash, read_article

__all__ = ["WEAK_SOURCES", "ReadOptions", "corroborate_date", "quote_fingerprints", "normalised_text_hash", "read_article", "shared_quote"]
