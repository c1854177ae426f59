"""Readers for files of historical posts: CSV, JSONL, Parquet and platform exports.

Every reader yields ``Post`` values in file order, each keyed by its ``row`` (0-based position in
the input), which is what the checkpoint uses to screen no post twice. A row that cannot be read
(bad JSON, wrong number of CSV fields, bytes that are not UTF-8, a missing text field) is yielded
as a ``Post`` with ``error`` set and its line number, so the audit reports it and goes on; a file
that cannot be read at all raises ``InputError``.

Formats (``detect_format`` picks one from the extension and the first bytes; ``--format`` forces):

- ``csv``: a header row; text in ``--text-column`` (default ``text``), optional id, date, account.
- ``jsonl``: one JSON object per line, same column options.
- ``parquet``: same column options.
- ``linkedin``: LinkedIn's ``Shares.csv`` (``ShareCommentary``, ``Date``, ``ShareLink``).
- ``twitter``: an X/Twitter archive's ``tweets.js`` (``window.YTD.tweets.part0 = [...]``); the
  account comes from ``account.js`` beside it when present.
- ``facebook``: ``your_posts_1.json`` (``timestamp``, ``data[].post``).
- ``instagram``: ``posts_1.json`` (``creation_timestamp``, ``title`` or ``media[].title``).
"""

from __future__ import annotations

import csv
import dataclasses
import json
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal, get_args

from screening.errors import InputError

Format = Literal["csv", "jsonl", "parquet", "linkedin", "twitter", "facebook", "instagram"]
FORMATS: tuple[Format, ...] = get_args(Format)

# Column names tried, in order, for a post's id (LinkedIn's Shares.csv names each post by its link).
ID_COLUMNS = ("id", "id_str", "post_id", "sharelink")
# Column names tried, in order, for a post's date and account when the caller names none.
DATE_COLUMNS = ("date", "created_at", "timestamp", "published_at", "posted_at", "time")
ACCOUNT_COLUMNS = ("account", "handle", "author", "username", "user", "screen_name")


@dataclass(frozen=True, slots=True)
class Post:
    """One post read from the input.

    ``row`` is the 0-based position among the file's posts (the checkpoint key); ``line`` the
    1-based line of the file where it starts, when the format has lines. ``text`` is ``None`` and
    ``error`` a sentence when the row could not be read.
    """

    row: int
    id: str
    text: str | None
    line: int | None = None
    date: str | None = None
    account: str | None = None
    error: str | None = None


@dataclass(frozen=True, slots=True)
class Columns:
    """Which fields of a tabular input hold the text, id, date and account.

    ``None`` means "the usual name if the file has it" (``id``; see ``DATE_COLUMNS`` and
    ``ACCOUNT_COLUMNS``); a name given explicitly must exist.
    """

    text: str = "text"
    id: str | None = None
    date: str | None = None
    account: str | None = None


# -- format detection ---------------------------------------------------------------------------


def detect_format(path: Path) -> Format:
    """Guess the input's format from its extension and first bytes."""
    suffix = path.suffix.lower()
    if suffix == ".parquet":
        return "parquet"
    if suffix in {".jsonl", ".ndjson"}:
        return "jsonl"
    head = _head(path)
    if suffix == ".js" or head.lstrip().startswith("window.YTD."):
        if re.match(r"\s*window\.YTD\.[A-Za-z_]+\.part\d+\s*=", head):
            return "twitter"
        raise InputError(
            f"{str(path)!r} is a .js file but not an X/Twitter archive file (it does not start with "
            "'window.YTD.tweets.part0 = ['); pass --format to say what it is."
        )
    if suffix == ".csv" or suffix == ".tsv":
        first_line = head.splitlines()[0] if head else ""
        return "linkedin" if "ShareCommentary" in first_line else "csv"
    if suffix == ".json":
        return _json_export_format(path)
    stripped = head.lstrip()
    if stripped.startswith("{"):
        return "jsonl"
    raise InputError(
        f"Cannot tell the format of {str(path)!r} from its extension {suffix or '(none)'!r}; pass "
        f"--format with one of {', '.join(FORMATS)}."
    )


def _head(path: Path, size: int = 4096) -> str:
    try:
        with path.open("rb") as handle:
            return handle.read(size).decode("utf-8-sig", errors="replace")
    except OSError as exc:
        raise InputError(f"Cannot read {str(path)!r}: {exc.strerror}.") from None


def _json_export_format(path: Path) -> Format:
    data = _load_json(path)
    items = _export_items(data)
    sample = next((item for item in items if isinstance(item, dict)), None)
    if sample is not None:
        if "data" in sample or ("timestamp" in sample and "creation_timestamp" not in sample):
            return "facebook"
        if "media" in sample or "creation_timestamp" in sample:
            return "instagram"
    raise InputError(
        f"{str(path)!r} is JSON but not a Facebook (your_posts_1.json) or Instagram (posts_1.json) "
        "export; for a list of posts with a text field use JSON Lines (.jsonl), or pass --format."
    )


# -- reading ------------------------------------------------------------------------------------


def read_posts(
    path: Path,
    fmt: Format | None = None,
    columns: Columns | None = None,
    account: str | None = None,
) -> Iterator[Post]:
    """Yield every post of ``path`` in order; ``account`` is the default for posts without one.

    Raises ``InputError`` (before yielding anything) when the file cannot be read or lacks the
    text column.
    """
    if not path.is_file():
        raise InputError(f"The input {str(path)!r} does not exist or is not a file.")
    fmt = fmt or detect_format(path)
    columns = columns or Columns()
    readers = {
        "csv": lambda: _read_csv(path, columns, account),
        "linkedin": lambda: _read_csv(path, Columns(text="ShareCommentary"), account),
        "jsonl": lambda: _read_jsonl(path, columns, account),
        "parquet": lambda: _read_parquet(path, columns, account),
        "twitter": lambda: _read_twitter(path, account),
        "facebook": lambda: _read_facebook(path, account),
        "instagram": lambda: _read_instagram(path, account),
    }
    if fmt not in readers:
        raise InputError(f"Unknown input format {fmt!r}; use one of {', '.join(FORMATS)}.")
    return readers[fmt]()


def count_posts(path: Path, fmt: Format | None = None, columns: Columns | None = None) -> int:
    """How many posts ``read_posts`` will yield (a cheap pass without screening, for progress)."""
    fmt = fmt or detect_format(path)
    if fmt == "parquet":
        import pyarrow.parquet as pq

        return int(pq.ParquetFile(path).metadata.num_rows)
    return sum(1 for _ in read_posts(path, fmt, columns))


def _pick(fieldnames: list[str], wanted: str | None, candidates: tuple[str, ...]) -> str | None:
    if wanted is not None:
        return wanted if wanted in fieldnames else None
    lowered = {name.lower(): name for name in fieldnames}
    return next((lowered[c] for c in candidates if c in lowered), None)


def _missing_text(path: Path, column: str, found: list[str]) -> InputError:
    shown = ", ".join(repr(f) for f in found[:12]) or "none"
    return InputError(
        f"{str(path)!r} has no {column!r} column (its columns are {shown}); name the column that "
        "holds the posts with --text-column."
    )


def _check_named(path: Path, columns: Columns, found: list[str]) -> None:
    for option, name in (("--id-column", columns.id), ("--date-column", columns.date),
                         ("--account-column", columns.account)):
        if name is not None and name not in found:
            shown = ", ".join(repr(f) for f in found[:12]) or "none"
            raise InputError(f"{str(path)!r} has no {name!r} column for {option} (its columns are {shown}).")


def _undecodable(value: str) -> bool:
    # Files are opened with errors="surrogateescape": bytes that are not UTF-8 become lone
    # surrogates, so one bad row is found and reported instead of failing the whole file.
    return any("\udc80" <= ch <= "\udcff" for ch in value)


def _read_csv(path: Path, columns: Columns, account: str | None) -> Iterator[Post]:
    csv.field_size_limit(sys.maxsize)
    handle = path.open("r", encoding="utf-8-sig", errors="surrogateescape", newline="")
    dialect: type[csv.Dialect] | csv.Dialect = csv.excel_tab if path.suffix.lower() == ".tsv" else csv.excel
    reader = csv.reader(handle, dialect)
    try:
        header = next(reader)
    except StopIteration:
        handle.close()
        raise InputError(f"{str(path)!r} is empty: a CSV needs a header row naming its columns.") from None
    except csv.Error as exc:
        handle.close()
        raise InputError(f"{str(path)!r} is not a readable CSV file ({exc}).") from None
    header = [h.strip() for h in header]
    if columns.text not in header:
        handle.close()
        raise _missing_text(path, columns.text, header)
    _check_named(path, columns, header)
    text_at = header.index(columns.text)
    id_name = _pick(header, columns.id, ID_COLUMNS)
    id_at = header.index(id_name) if id_name else None
    date_name = _pick(header, columns.date, DATE_COLUMNS)
    account_name = _pick(header, columns.account, ACCOUNT_COLUMNS)
    date_at = header.index(date_name) if date_name else None
    account_at = header.index(account_name) if account_name else None
    return _csv_rows(handle, reader, len(header), text_at, id_at, date_at, account_at, account)


def _csv_rows(
    handle: Any,
    reader: Any,
    width: int,
    text_at: int,
    id_at: int | None,
    date_at: int | None,
    account_at: int | None,
    account: str | None,
) -> Iterator[Post]:
    with handle:
        row = 0
        while True:
            line = reader.line_num + 1
            try:
                fields = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                yield Post(row=row, id=str(row + 1), text=None, line=line, error=f"Unreadable CSV row ({exc}).")
                row += 1
                continue
            if not fields or fields == [""]:
                continue  # a blank line is not a post
            ident = fields[id_at].strip() if id_at is not None and id_at < len(fields) else ""
            ident = ident or str(row + 1)
            if len(fields) != width:
                yield Post(row=row, id=_clean(ident), text=None, line=line, error=(
                    f"The row has {len(fields)} fields where the header has {width}; check its quoting."
                ))
                row += 1
                continue
            text = fields[text_at]
            post_account = fields[account_at].strip() if account_at is not None else ""
            date = fields[date_at].strip() if date_at is not None else ""
            if _undecodable(text) or _undecodable(ident):
                yield Post(row=row, id=_clean(ident), text=None, line=line,
                           error="The row is not valid UTF-8; re-save the file as UTF-8.")
            else:
                yield Post(row=row, id=ident, text=text, line=line, date=normalise_date(date),
                           account=_clean(post_account) or account)
            row += 1


def _clean(value: str) -> str:
    return value.encode("utf-8", errors="surrogateescape").decode("utf-8", errors="replace")


def _text_of(value: Any) -> str | None:
    if value is None:
        return None
    return value if isinstance(value, str) else str(value)


def _read_jsonl(path: Path, columns: Columns, account: str | None) -> Iterator[Post]:
    handle = path.open("rb")
    return _jsonl_rows(handle, columns, account)


def _jsonl_rows(handle: Any, columns: Columns, account: str | None) -> Iterator[Post]:
    with handle:
        row = 0
        for line_number, raw in enumerate(handle, 1):
            if not raw.strip():
                continue
            error: str | None
            try:
                record = json.loads(raw.decode("utf-8"))
            except UnicodeDecodeError as exc:
                error = f"The line is not valid UTF-8 (byte {exc.start}); re-save the file as UTF-8."
                record = None
            except json.JSONDecodeError as exc:
                error = f"The line is not valid JSON ({exc.msg} at column {exc.colno})."
                record = None
            else:
                error = None
                if not isinstance(record, dict):
                    error, record = "The line is a JSON value but not an object with a text field.", None
            if record is None:
                yield Post(row=row, id=str(row + 1), text=None, line=line_number, error=error)
            else:
                yield _record_post(row, line_number, record, columns, account)
            row += 1


def _record_post(row: int, line: int | None, record: dict[str, Any], columns: Columns,
                 account: str | None) -> Post:
    keys = list(record)
    id_key = _pick(keys, columns.id, ID_COLUMNS)
    ident = (_text_of(record.get(id_key)) if id_key else None) or str(row + 1)
    text = record.get(columns.text)
    date_key = _pick(keys, columns.date, DATE_COLUMNS)
    account_key = _pick(keys, columns.account, ACCOUNT_COLUMNS)
    date = normalise_date(record.get(date_key)) if date_key else None
    post_account = _text_of(record.get(account_key)) if account_key else None
    post = Post(row=row, id=ident, text=text, line=line, date=date, account=post_account or account)
    if text is None:
        return dataclasses.replace(post, error=f"The row has no {columns.text!r} field.")
    if not isinstance(text, str):
        return dataclasses.replace(
            post, text=None, error=f"The row's {columns.text!r} field is a {type(text).__name__}, not text."
        )
    return post


def _read_parquet(path: Path, columns: Columns, account: str | None) -> Iterator[Post]:
    import pyarrow.parquet as pq

    try:
        parquet = pq.ParquetFile(path)
    except Exception as exc:  # noqa: BLE001  (pyarrow raises several unrelated types for a bad file)
        raise InputError(f"{str(path)!r} is not a readable Parquet file ({exc}).") from None
    names = parquet.schema_arrow.names
    if columns.text not in names:
        raise _missing_text(path, columns.text, names)
    _check_named(path, columns, names)
    return _parquet_rows(parquet, columns, account)


def _parquet_rows(parquet: Any, columns: Columns, account: str | None) -> Iterator[Post]:
    row = 0
    for batch in parquet.iter_batches(batch_size=4096):
        for record in batch.to_pylist():
            yield _record_post(row, None, record, columns, account)
            row += 1


# -- platform exports ---------------------------------------------------------------------------


def _load_json(path: Path) -> Any:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(f"Cannot read {str(path)!r}: {exc.strerror}.") from None
    try:
        return json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"{str(path)!r} is not valid UTF-8 JSON ({exc}).") from None


def _export_items(data: Any) -> list[Any]:
    if isinstance(data, list):
        return data
    if isinstance(data, dict):
        # Some export versions wrap the list: {"status_updates_v2": [...]}, {"ig_posts": [...]}.
        lists = [v for v in data.values() if isinstance(v, list)]
        if len(lists) == 1:
            return lists[0]
    return []


def _items_with_lines(text: str, start: int) -> Iterator[tuple[int, Any]]:
    """Decode a JSON array item by item, yielding each item's 1-based line number."""
    decoder = json.JSONDecoder()
    at = start
    length = len(text)

    def skip(at: int) -> int:
        while at < length and text[at] in " \t\r\n,":
            at += 1
        return at

    at = skip(at)
    if at >= length or text[at] != "[":
        raise ValueError("expected a JSON array")
    at = skip(at + 1)
    while at < length and text[at] != "]":
        item, end = decoder.raw_decode(text, at)
        yield text.count("\n", 0, at) + 1, item
        at = skip(end)


def _read_twitter(path: Path, account: str | None) -> Iterator[Post]:
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"Cannot read {str(path)!r} as UTF-8 ({exc}).") from None
    match = re.match(r"\s*window\.YTD\.[A-Za-z_]+\.part\d+\s*=\s*", text)
    if match is None:
        raise InputError(
            f"{str(path)!r} is not an X/Twitter archive file: it should start with "
            "'window.YTD.tweets.part0 = ['."
        )
    try:
        items = list(_items_with_lines(text, match.end()))
    except ValueError as exc:
        raise InputError(f"{str(path)!r} holds no readable JSON array of tweets ({exc}).") from None
    handle = account or _twitter_account(path.parent)
    return _twitter_rows(items, handle)


def _twitter_account(folder: Path) -> str | None:
    candidate = folder / "account.js"
    if not candidate.is_file():
        return None
    try:
        text = candidate.read_text(encoding="utf-8-sig")
        data = json.loads(text[text.index("=") + 1 :])
        username = data[0]["account"]["username"]
    except (OSError, ValueError, KeyError, IndexError, TypeError):
        return None
    return f"@{username}" if isinstance(username, str) and username else None


def _twitter_rows(items: list[tuple[int, Any]], account: str | None) -> Iterator[Post]:
    for row, (line, item) in enumerate(items):
        tweet = item.get("tweet", item) if isinstance(item, dict) else None
        if not isinstance(tweet, dict):
            yield Post(row=row, id=str(row + 1), text=None, line=line, error="The item is not a tweet object.")
            continue
        ident = _text_of(tweet.get("id_str") or tweet.get("id")) or str(row + 1)
        text = tweet.get("full_text", tweet.get("text"))
        if not isinstance(text, str):
            yield Post(row=row, id=ident, text=None, line=line, error="The tweet has no full_text.")
            continue
        yield Post(row=row, id=ident, text=text, line=line, date=normalise_date(tweet.get("created_at")),
                   account=account)


def _unmojibake(value: str) -> str:
    # Facebook and Instagram exports write UTF-8 bytes as \u00XX escapes ("â\x80\x99" for "'");
    # re-reading them as Latin-1 bytes recovers the text. Text that is already right is kept.
    try:
        return value.encode("latin-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return value


def _read_facebook(path: Path, account: str | None) -> Iterator[Post]:
    items = _export_items(_load_json(path))
    return _facebook_rows(items, account)


def _facebook_rows(items: list[Any], account: str | None) -> Iterator[Post]:
    for row, item in enumerate(items):
        if not isinstance(item, dict):
            yield Post(row=row, id=str(row + 1), text=None, error=f"Item {row + 1} is not a post object.")
            continue
        texts = [d["post"] for d in item.get("data", []) if isinstance(d, dict) and isinstance(d.get("post"), str)]
        date = normalise_date(item.get("timestamp"))
        ident = str(item.get("timestamp", row + 1)) + f"-{row + 1}"
        if not texts:
            yield Post(row=row, id=ident, text=None, date=date, account=account,
                       error=f"Post {row + 1} has no text (data[].post); photos and check-ins are not screened.")
            continue
        yield Post(row=row, id=ident, text=_unmojibake("\n".join(texts)), date=date, account=account)


def _read_instagram(path: Path, account: str | None) -> Iterator[Post]:
    items = _export_items(_load_json(path))
    return _instagram_rows(items, account)


def _instagram_rows(items: list[Any], account: str | None) -> Iterator[Post]:
    for row, item in enumerate(items):
        if not isinstance(item, dict):
            yield Post(row=row, id=str(row + 1), text=None, error=f"Item {row + 1} is not a post object.")
            continue
        media = [m for m in item.get("media", []) if isinstance(m, dict)]
        caption = item.get("title") or next((m.get("title") for m in media if m.get("title")), None)
        stamp = item.get("creation_timestamp") or next(
            (m.get("creation_timestamp") for m in media if m.get("creation_timestamp")), None
        )
        date = normalise_date(stamp)
        ident = f"{stamp or 'post'}-{row + 1}"
        if not isinstance(caption, str) or not caption:
            yield Post(row=row, id=ident, text=None, date=date, account=account,
                       error=f"Post {row + 1} has no caption (title); images alone are not screened.")
            continue
        yield Post(row=row, id=ident, text=_unmojibake(caption), date=date, account=account)


# -- dates --------------------------------------------------------------------------------------

_DATE_FORMATS = (
    "%a %b %d %H:%M:%S %z %Y",  # X/Twitter: "Wed Oct 10 20:19:24 +0000 2018"
    "%Y-%m-%d %H:%M:%S",  # LinkedIn: "2023-05-01 09:30:00"
    "%Y-%m-%d",
    "%d/%m/%Y %H:%M",
    "%d/%m/%Y",
)


def normalise_date(value: Any) -> str | None:
    """A post's date as ISO 8601 (UTC when the source says so), or ``None`` when unknown.

    Epoch seconds (Facebook, Instagram), ISO strings and the platforms' own formats are read;
    anything else is kept as given rather than dropped, so the auditor still sees it.
    """
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        try:
            return datetime.fromtimestamp(float(value), tz=UTC).isoformat()
        except (OverflowError, OSError, ValueError):
            return None
    if isinstance(value, datetime):
        return value.isoformat()
    text = str(value).strip()
    if text.isdigit() and len(text) >= 9:
        return normalise_date(int(text))
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).isoformat()
    except ValueError:
        pass
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt).isoformat()
        except ValueError:
            continue
    return text


def month_of(date: str | None) -> str | None:
    """``YYYY-MM`` of an ISO date string, or ``None``."""
    if date and re.match(r"^\d{4}-\d{2}", date):
        return date[:7]
    return None
