"""The rendered Markdown pages, before MkDocs: what each page says, from the real data."""

import pytest

from generator import passages, render


@pytest.fixture(scope="module")
def pages(real_paths, real_model):
    documents = {
        plan.plan_id: passages.plan_document(
            plan, (real_paths.package_dir / plan.source_file).read_text(encoding="utf-8")
        )
        for plan in real_model.plans
    }
    return render.render_pages(
        real_model, [{"name": "targets", "title": "目标", "description": "d", "rows": 1}], documents
    )


def test_one_page_per_plan_plus_the_fixed_pages(pages, real_model):
    expected = {f"plans/{p.plan_id}.md" for p in real_model.plans} | {
        f"sources/{p.plan_id}.md" for p in real_model.plans
    }
    expected |= {"index.md", "SUMMARY.md", "plans/index.md", "compare/index.md", "data/index.md"}
    assert set(pages) == expected


def test_jizhou_page_shows_its_forest_coverage_target_and_quote(pages):
    page = pages["plans/jizhou-2023.md"]
    assert "31.02%" in page
    assert "森林覆盖率达到31.02%" in page
    assert "天津市蓟州区人民政府" in page
    assert "2023年8月1日" in page


def test_pilot_programme_page_shows_its_document_number(pages):
    assert "津发改双碳〔2023〕400号" in pages["plans/tianjin-pilot-2023.md"]


def test_plan_page_links_its_own_data_slice(pages):
    assert "downloads/plans/hedong-2023/targets.csv" in pages["plans/hedong-2023.md"]


def test_navigation_lists_every_plan(pages, real_model):
    for plan in real_model.plans:
        assert f"plans/{plan.plan_id}.md" in pages["SUMMARY.md"]


def test_comparison_page_puts_plans_side_by_side(pages):
    page = pages["compare/index.md"]
    line = next(line for line in page.splitlines() if line.startswith("| 新建大型、超大型数据中心电能利用效率"))
    cells = [c.strip() for c in line.strip("|").split("|")]
    header = next(line for line in page.splitlines() if line.startswith("| 指标 |"))
    columns = [c.strip() for c in header.strip("|").split("|")]
    assert cells[columns.index("西青区")].startswith("≤ 1.25")
    assert cells[columns.index("蓟州区")].startswith("≤ 1.3")
    assert cells[columns.index("河东区")] == "—"


def test_home_page_counts_come_from_the_data(pages, real_model):
    assert f"**{len(real_model.targets)}**" in pages["index.md"]
