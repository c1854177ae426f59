"""Reading historical posts: every format, bad rows reported with their line, the rest read."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from screening.audit.sources import Columns, count_posts, detect_format, normalise_date, read_posts
from screening.errors import InputError

SAMPLE = Path(__file__).resolve().parents[3] / "data" / "audit_sample"


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        (SAMPLE / "posts.csv", "csv"),
        (SAMPLE / "Shares.csv", "linkedin"),
        (SAMPLE / "twitter" / "tweets.js", "twitter"),
        (SAMPLE / "facebook_your_posts_1.json", "facebook"),
        (SAMPLE / "instagram_posts_1.json", "instagram"),
    ],
)
def test_format_is_detected_from_extension_and_content(path: Path, expected: str) -> None:
    assert detect_format(path) == expected


def test_jsonl_and_parquet_are_detected_by_extension(tmp_path: Path) -> None:
    jsonl = tmp_path / "posts.ndjson"
    jsonl.write_text('{"text": "hello"}\n', encoding="utf-8")
    parquet = tmp_path / "posts.parquet"
    pq.write_table(pa.table({"text": ["hello"]}), parquet)
    assert detect_format(jsonl) == "jsonl"
    assert detect_format(parquet) == "parquet"


def test_unknown_json_is_refused_with_a_sentence(tmp_path: Path) -> None:
    path = tmp_path / "other.json"
    path.write_text('{"a": 1}', encoding="utf-8")
    with pytest.raises(InputError, match="--format"):
        detect_format(path)


def test_csv_without_text_column_names_the_columns_it_has(tmp_path: Path) -> None:
    path = tmp_path / "posts.csv"
    path.write_text("id,body\n1,hello\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"no 'text' column .*'id', 'body'.*--text-column"):
        read_posts(path)


def test_explicit_id_column_must_exist(tmp_path: Path) -> None:
    path = tmp_path / "posts.csv"
    path.write_text("text\nhello\n", encoding="utf-8")
    with pytest.raises(InputError, match="'post' column for --id-column"):
        read_posts(path, columns=Columns(id="post"))


def test_bad_csv_rows_are_reported_with_their_line_and_the_rest_is_read(tmp_path: Path) -> None:
    path = tmp_path / "posts.csv"
    path.write_bytes(
        b"id,text,date\n"
        b"a,first post,2025-01-02\n"
        b"b,\"a post\nover two lines\",2025-02-03\n"
        b"c,too,many,fields\n"
        b"d,caf\xe9 is not utf-8,2025-03-04\n"
        b"e,last post,2025-04-05\n"
    )
    posts = list(read_posts(path))
    assert [p.id for p in posts] == ["a", "b", "c", "d", "e"]
    assert [p.row for p in posts] == [0, 1, 2, 3, 4]
    assert [p.line for p in posts] == [2, 3, 5, 6, 7]
    assert posts[1].text == "a post\nover two lines"
    assert posts[2].text is None and "4 fields where the header has 3" in (posts[2].error or "")
    assert posts[3].text is None and "UTF-8" in (posts[3].error or "")
    assert posts[4].text == "last post" and posts[4].date == "2025-04-05T00:00:00"


def test_jsonl_bad_lines_are_reported_and_the_rest_is_read(tmp_path: Path) -> None:
    path = tmp_path / "posts.jsonl"
    path.write_bytes(
        b'{"id": 7, "text": "hello", "created_at": "2025-05-01T10:00:00Z", "handle": "@a"}\n'
        b"{not json}\n"
        b'{"id": 9, "body": "no text field"}\n'
        b"\n"
        b'{"text": "no id"}\n'
    )
    posts = list(read_posts(path))
    assert [(p.row, p.line) for p in posts] == [(0, 1), (1, 2), (2, 3), (3, 5)]
    assert posts[0].id == "7" and posts[0].account == "@a" and posts[0].date == "2025-05-01T10:00:00+00:00"
    assert "not valid JSON" in (posts[1].error or "")
    assert "no 'text' field" in (posts[2].error or "")
    assert posts[3].id == "4" and posts[3].text == "no id"


def test_parquet_reads_named_columns(tmp_path: Path) -> None:
    path = tmp_path / "posts.parquet"
    pq.write_table(pa.table({"body": ["one", None], "post_id": ["x1", "x2"], "author": ["@a", "@b"]}), path)
    posts = list(read_posts(path, columns=Columns(text="body")))
    assert [(p.id, p.text, p.account) for p in posts] == [("x1", "one", "@a"), ("x2", None, "@b")]
    assert posts[1].error is not None
    assert count_posts(path) == 2


def test_twitter_archive_keeps_dates_and_reads_the_account_beside_it() -> None:
    posts = list(read_posts(SAMPLE / "twitter" / "tweets.js"))
    assert len(posts) == 40
    assert all(p.account == "@NorthfieldInst" for p in posts)
    assert all(p.date and p.date.endswith("+00:00") for p in posts)
    assert posts[0].id.isdigit() and posts[0].line == 2


def test_twitter_item_without_text_is_reported_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "tweets.js"
    items = [{"tweet": {"id_str": "1", "full_text": "hi there"}}, {"tweet": {"id_str": "2"}}]
    path.write_text("window.YTD.tweets.part0 = " + json.dumps(items, indent=2), encoding="utf-8")
    posts = list(read_posts(path, account="@someone"))
    assert posts[0].text == "hi there" and posts[0].account == "@someone"
    assert posts[1].error == "The tweet has no full_text." and posts[1].line == 8


def test_linkedin_shares_use_share_commentary_and_date() -> None:
    posts = list(read_posts(SAMPLE / "Shares.csv", account="northfield-institute"))
    assert len(posts) == 30
    assert posts[0].id.startswith("https://www.linkedin.com/feed/update/")
    assert posts[0].date is not None and posts[0].date[:4] in {"2025", "2026"}
    assert all(p.text and p.account == "northfield-institute" for p in posts)


@pytest.mark.parametrize("name", ["facebook_your_posts_1.json", "instagram_posts_1.json"])
def test_meta_exports_repair_their_mojibake_and_keep_timestamps(name: str) -> None:
    posts = [p for p in read_posts(SAMPLE / name) if p.text]
    assert posts and all(p.date for p in posts)
    assert not any("\u00e2\u0080" in (p.text or "") for p in posts)
    if name.startswith("facebook"):
        assert all((p.text or "").endswith("\u2013 Northfield") for p in posts)


def test_facebook_post_without_text_is_reported() -> None:
    posts = list(read_posts(SAMPLE / "facebook_your_posts_1.json"))
    assert posts[-1].text is None and "no text" in (posts[-1].error or "")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Wed Oct 10 20:19:24 +0000 2018", "2018-10-10T20:19:24+00:00"),
        ("2023-05-01 09:30:00", "2023-05-01T09:30:00"),
        (1700000000, "2023-11-14T22:13:20+00:00"),
        ("1700000000", "2023-11-14T22:13:20+00:00"),
        ("", None),
        (None, None),
        ("last Tuesday", "last Tuesday"),
    ],
)
def test_dates_are_normalised_to_iso(value: object, expected: str | None) -> None:
    assert normalise_date(value) == expected
