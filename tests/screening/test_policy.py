from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from screening.errors import ConfigError
from screening.policy import default_policy_path, load_policy


def _write(tmp_path: Path, data: dict) -> Path:
    path = tmp_path / "policy.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    return path


def _default() -> dict:
    return yaml.safe_load(default_policy_path().read_text(encoding="utf-8"))


def test_shipped_policy_loads_with_all_five_categories():
    policy = load_policy()
    assert set(policy.categories) == {"offensive", "discriminatory", "defamatory", "pii", "confidential"}
    assert all(c.clause for c in policy.categories.values())


def test_unknown_top_level_key_is_an_error_naming_key_and_file(tmp_path):
    data = _default()
    data["thresholds"] = {"pii": 0.5}
    path = _write(tmp_path, data)
    with pytest.raises(ConfigError, match=r"unknown key 'thresholds'") as info:
        load_policy(path)
    assert str(path) in str(info.value)


def test_typo_inside_a_category_is_an_error(tmp_path):
    data = _default()
    data["categories"]["pii"]["treshold"] = 0.5
    with pytest.raises(ConfigError, match=r"categories\.pii\.treshold"):
        load_policy(_write(tmp_path, data))


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda d: d["categories"]["pii"].update(threshold=1.5), r"categories\.pii\.threshold"),
        (lambda d: d["categories"]["pii"].update(action="delete"), r"categories\.pii\.action"),
        (lambda d: d["categories"].pop("defamatory"), r"missing category defamatory"),
        (lambda d: d["categories"].update(copyright=d["categories"]["pii"]), r"unknown category copyright"),
        (lambda d: d.update(detectors=[]), r"detectors"),
        (lambda d: d["categories"]["offensive"].update(block_threshold=0.1), r"below threshold"),
        (lambda d: d["term_lists"][0].update(action="ignore"), r"term_lists\.0\.action"),
    ],
)
def test_bad_values_are_errors_that_name_them(tmp_path, edit, message):
    data = _default()
    edit(data)
    with pytest.raises(ConfigError, match=message):
        load_policy(_write(tmp_path, data))


def test_missing_file_and_bad_yaml_are_clear_errors(tmp_path):
    with pytest.raises(ConfigError, match="does not exist"):
        load_policy(tmp_path / "nope.yaml")
    bad = tmp_path / "bad.yaml"
    bad.write_text("version: [unclosed", encoding="utf-8")
    with pytest.raises(ConfigError, match="not valid YAML"):
        load_policy(bad)


def test_unknown_detector_name_fails_at_load_naming_known_ones(tmp_path):
    from screening import Screener

    data = _default()
    data["detectors"] = ["pii.presidio.v9"]
    with pytest.raises(ConfigError, match=r"No detector is registered as 'pii.presidio.v9'.*Known detectors: .*pii"):
        Screener.load(_write(tmp_path, data))


@pytest.mark.parametrize(
    ("handle", "expected"),
    [("@NorthfieldInst", True), ("@northfieldinst", True), ("personal", False), ("@someone_else", False), (None, False)],
)
def test_official_accounts_need_approval(handle, expected):
    assert load_policy().needs_approval(handle) is expected
