import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from sitebuilder import SiteBuilder  # noqa: E402


@pytest.fixture
def site(tmp_path: Path) -> SiteBuilder:
    """An empty site with the repository's config and templates (tests add posts and pages)."""
    return SiteBuilder(tmp_path)
