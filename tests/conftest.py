"""Shared fixtures: the real corpus, the real embedder, a real index built once per session."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")

from rag.pipeline import Pipeline  # noqa: E402
from rag.settings import Settings  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
TEST_MODEL = "smollm2-135m"  # fast: for tests about plumbing, not answer quality
DEFAULT_MODEL = Settings.model_fields["model"].default


def make_settings(tmp: Path, **overrides) -> Settings:
    """Settings isolated from the user's environment and from the project's own index/."""
    values = {"corpus_dir": CORPUS, "index_dir": tmp / "index", **overrides}
    return Settings(_env_file=None, **values)


@pytest.fixture(scope="session")
def session_tmp(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("rag")


@pytest.fixture(scope="session")
def pipeline(session_tmp) -> Pipeline:
    """The default pipeline (default model) over the shipped corpus, index built once."""
    pipe = Pipeline(make_settings(session_tmp))
    pipe.update_index()
    return pipe


@pytest.fixture(scope="session")
def embedder(pipeline):
    return pipeline.embedder


@pytest.fixture
def corpus_copy(tmp_path) -> Path:
    """A writable copy of the shipped corpus."""
    target = tmp_path / "corpus"
    shutil.copytree(CORPUS, target)
    return target


def make_pdf(pages: list[str], title: str = "") -> bytes:
    """A real PDF with one text page per item (fpdf2), as a publisher's report would be."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_font("Helvetica", size=11)
    if title:
        pdf.set_title(title)
    for text in pages:
        pdf.add_page()
        pdf.multi_cell(0, 6, text)
    return bytes(pdf.output())


REPORT_PAGES = [
    "Humanitarian situation update, Armenia. Issued by the UN refugee agency office in Yerevan. "
    "Since 24 September, people from Nagorno-Karabakh have crossed into Armenia through the Lachin "
    "corridor. Most arrive in Goris, where the government has opened a registration centre.",
    "By 1 October, 100,617 refugees had arrived in Armenia, according to the Armenian government. "
    "Around 17,000 of them are children. The agency has delivered 3,200 blankets and 1,500 mattresses "
    "to reception centres in Syunik province.",
]
