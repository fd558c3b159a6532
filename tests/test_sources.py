from generator.base import sources


def test_squeeze_drops_line_breaks_and_stray_spaces():
    assert sources.squeeze("到 2025年，单位地区生产总值\n能源消耗") == "到2025年，单位地区生产总值能源消耗"


def test_matchable_drops_page_number_lines_between_the_halves_of_a_sentence():
    text = "鼓励绿色\n\n- 15 -\n\n出行方式"
    assert sources.occurs_in("鼓励绿色出行", sources.matchable(text))


def test_a_number_inside_a_sentence_is_not_taken_for_a_page_number():
    text = "新增 - 15 - 家"
    assert "-15-" in sources.matchable(text)


def test_occurs_in_rejects_text_that_is_not_there_and_empty_text():
    source = sources.matchable("森林覆盖率达到31.02%")
    assert sources.occurs_in("覆盖率达到 31.02%", source)
    assert not sources.occurs_in("森林覆盖率达到32%", source)
    assert not sources.occurs_in("  ", source)


def test_sha256_is_the_hex_digest():
    assert sources.sha256(b"") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"


def test_real_sources_contain_page_numbers_that_matching_removes(real_paths):
    text = (real_paths.package_dir / "sources" / "hedong-2023.txt").read_text(encoding="utf-8")
    assert "- 15 -" in text
    assert "-15-" not in sources.matchable(text)
