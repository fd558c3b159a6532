"""The writer (generator/build/writer.py): generated files land under a part's folder of pages, the previous
build's are cleared, no path is written twice, and docs/ (the hand-written pages) is never touched."""

import pytest

from generator.base.paths import Paths
from generator.base.problems import GeneratorError
from generator.build.writer import Writer


def test_the_writer_writes_text_and_bytes_under_the_parts_folder_and_clears_the_previous_build(tmp_path):
    paths = Paths(tmp_path)
    folder = paths.part_docs("site")
    stale = folder / "plans" / "gone.md"
    stale.parent.mkdir(parents=True)
    stale.write_text("from the previous build", encoding="utf-8")
    hand_written = paths.docs_dir / "about.md"
    hand_written.parent.mkdir(parents=True)
    hand_written.write_text("written by a person", encoding="utf-8")

    writer = Writer(folder)
    writer.write_all([("plans/x.md", "# 甲区"), ("downloads/latest/x.zip", b"PK\x03\x04")])

    assert (folder / "plans" / "x.md").read_bytes() == "# 甲区".encode()
    assert (folder / "downloads" / "latest" / "x.zip").read_bytes() == b"PK\x03\x04"
    assert not stale.exists()
    assert sorted(p.name for p in paths.docs_dir.rglob("*")) == ["about.md"]
    assert hand_written.read_text(encoding="utf-8") == "written by a person"


def test_the_writer_refuses_to_write_one_path_twice(tmp_path):
    folder = Paths(tmp_path).part_docs("site")
    writer = Writer(folder)
    writer.write("plans/x.md", "first")
    with pytest.raises(GeneratorError, match="plans/x.md"):
        writer.write("plans/x.md", "second")
    assert (folder / "plans" / "x.md").read_text(encoding="utf-8") == "first"


@pytest.mark.parametrize("relative", ["../outside.md", "plans/../../outside.md", "/tmp/outside.md"])
def test_the_writer_refuses_a_path_outside_its_folder(tmp_path, relative):
    writer = Writer(Paths(tmp_path).part_docs("site"))
    with pytest.raises(GeneratorError, match="not a path inside docs/"):
        writer.write(relative, "x")
    assert [p for p in tmp_path.rglob("*") if p.is_file()] == []
