"""The project's own promises: immutable seeds, agreeing environment files, two-command set-up."""
import hashlib
import re
import tomllib

import pandas as pd
import pytest
import yaml

from analysis.paths import DATA, ROOT, SEEDS


def _name(requirement: str) -> tuple[str, str]:
    """(normalized name, version spec) of 'Name[extra]>=1,<2'."""
    match = re.match(r"\s*([A-Za-z0-9_.\-]+)(\[[^\]]*\])?\s*(.*)$", requirement)
    name = re.sub(r"[-_.]+", "-", match.group(1)).lower()
    return name, match.group(3).replace(" ", "")


def pyproject_requirements() -> dict[str, str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    requirements = project["dependencies"] + [r for extra in project["optional-dependencies"].values() for r in extra]
    return dict(_name(r) for r in requirements)


def environment_requirements() -> dict[str, str]:
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    found = {}
    for item in env["dependencies"]:
        entries = item["pip"] if isinstance(item, dict) else [item]
        for entry in entries:
            if entry.startswith("-e") or entry.split("=")[0] in ("python", "pip"):
                continue
            name, spec = _name(entry)
            found[name] = spec
    return found


def test_seeds_are_byte_for_byte_the_shared_ones():
    expected = pd.read_csv(DATA / "seeds.sha256.csv")
    assert sorted(p.name for p in SEEDS.glob("*.txt")) == sorted(expected["file"])
    for row in expected.itertuples():
        assert hashlib.sha256((SEEDS / row.file).read_bytes()).hexdigest() == row.sha256, row.file


def test_environment_yml_agrees_with_pyproject():
    assert environment_requirements() == pyproject_requirements()


def test_environment_yml_installs_the_package_and_python_311():
    text = (ROOT / "environment.yml").read_text()
    assert "conda-forge" in text and "python=3.11" in text and "-e ." in text


@pytest.mark.parametrize("name,spec", [("textstat", "<0.7.9"), ("vadersentiment", ">=3.3.2")])
def test_pins_that_keep_the_tool_offline(name, spec):
    assert spec in pyproject_requirements()[name]


def test_seed_manifest_covers_every_seed_with_evidence():
    manifest = pd.read_csv(DATA / "articles.csv")
    assert sorted(manifest["file"]) == sorted(p.name for p in SEEDS.glob("*.txt"))
    assert manifest["outlet"].is_unique
    assert manifest["evidence"].str.len().gt(20).all()


def test_ci_runs_make_test_with_strict_shell():
    ci = (ROOT / ".ci" / "run").read_text()
    assert "set -euo pipefail" in ci and "make test" in ci


def test_readme_shows_the_two_commands_first():
    readme = (ROOT / "README.md").read_text()
    first_code = readme.index("make report")
    assert first_code < readme.index("## ") and "make test" in readme[:first_code + 200]


def test_no_run_time_downloads_in_the_package():
    for path in (ROOT / "analysis").glob("*.py"):
        source = path.read_text()
        for forbidden in ("nltk.download", "urlopen", "requests.get", "from_pretrained"):
            assert forbidden not in source, f"{path.name} calls {forbidden}"
