"""Where the seed articles live (``../shared/seeds``) and how tests read them: missing seeds
fail under CI and skip elsewhere."""

import os
from pathlib import Path

import pytest

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


def seed_path(file_name: str = "") -> Path:
    """The seed directory, or one article in it."""
    path = SEEDS / file_name
    if not path.exists():
        if os.environ.get("CI"):
            pytest.fail(f"seed article {path} is missing")
        pytest.skip(f"seed article {path} is not beside the project")
    return path


def seed_text(file_name: str) -> str:
    return seed_path(file_name).read_text(encoding="utf-8")
