"""The comparison views, checked against what the fixture's plans say (tests/fixture/)."""

import pytest
from conftest import FIXTURE, FIXTURE_RELATIONS, with_targets

from generator.base import sources
from generator.base.source_text import Source
from generator.package import passages
from generator.site import views
from generator.site.model import build_model


@pytest.fixture(scope="module")
def rows(fixture_model):
    return views.by_indicator(fixture_model)


def row(rows, indicator_id):
    return next(r for r in rows if r.indicator.indicator_id == indicator_id)


def test_renewable_share_yi_is_stricter_than_jia(rows):
    # 甲区: 到2030年，可再生能源消费比重达到15%以上; 乙区: 力争到2030年可再生能源消费比重达到18%以上
    [note] = views.stricter(row(rows, "renewable-share"))
    assert (note.stricter.plan_id, str(note.stricter.value)) == ("yi-2023", "18")
    assert (note.weaker.plan_id, str(note.weaker.value)) == ("jia-2023", "15")


def test_levels_and_absolute_amounts_are_not_ranked(fixture_tables):
    model = with_targets(
        fixture_tables,
        # 乙区 given 20万千瓦 beside 甲区's 12万千瓦, 甲区 a 4% cut beside 乙区's 2.5%: both are levels (eq).
        ("jia-2023-t002", {"target_id": "yi-2023-t901", "plan_id": "yi-2023", "value": 20}),
        ("yi-2023-t002", {"target_id": "jia-2023-t901", "plan_id": "jia-2023", "value": 4}),
    )
    rows = views.by_indicator(model)
    assert views.stricter(row(rows, "new-energy-capacity")) == []  # 12 and 20 万千瓦 depend on district size
    assert views.stricter(row(rows, "public-institution-energy-intensity")) == []  # 2.5% and 4% are levels


def test_shared_indicators_have_more_than_one_district(rows):
    shared = views.shared(rows)
    assert [r.indicator.indicator_id for r in shared] == ["renewable-share"]
    assert all(r.plan_count > 1 for r in shared)


def test_own_or_city(rows):
    stances = {indicator.indicator_id: stance for indicator, stance in views.own_or_city(rows)}
    assert stances["energy-intensity"] == {"jia-2023": "defers-to-city", "yi-2023": ""}
    assert stances["carbon-peak"] == {"jia-2023": "qualitative", "yi-2023": ""}
    assert stances["renewable-share"] == {"jia-2023": "quantitative", "yi-2023": "quantitative"}


def test_a_figure_counts_as_own_even_beside_a_deferral(fixture_tables):
    # 甲区 defers to the city on energy intensity (jia-2023-t001); give it a figure as well.
    model = with_targets(
        fixture_tables,
        ("yi-2023-t002", {"target_id": "jia-2023-t902", "plan_id": "jia-2023", "indicator_id": "energy-intensity"}),
    )
    stances = {i.indicator_id: s for i, s in views.own_or_city(views.by_indicator(model))}
    assert stances["energy-intensity"]["jia-2023"] == "quantitative"


def test_timeline_holds_only_2022_to_2030_in_order(fixture_model):
    years = views.timeline(fixture_model)
    assert list(years) == [2025, 2027, 2028, 2030]
    quotes = [t.quote for t in years[2025]]
    assert "到2025年，创建绿色社区3-5个" in quotes  # 乙区 二（二）1
    assert "每年新增绿色建筑2万平方米" not in [t.quote for ts in years.values() for t in ts]  # no year


def test_timeline_keeps_commitments_to_different_indicators_alike_in_kind_and_year(fixture_tables):
    """甲区 defers to the city on energy intensity by 2025 (t001); the same for carbon intensity is another
    commitment, listed beside it; a second statement of t001 is listed once."""
    model = with_targets(
        fixture_tables,
        ("jia-2023-t001", {"target_id": "jia-2023-t901", "indicator_id": "carbon-intensity"}),
        ("jia-2023-t001", {"target_id": "jia-2023-t902"}),
    )
    ids = [t.target_id for t in views.timeline(model)[2025] if t.plan_id == "jia-2023"]
    assert "jia-2023-t001" in ids and "jia-2023-t901" in ids and "jia-2023-t902" not in ids


def test_coverage_adds_up_to_each_plans_measures_and_targets(fixture_model):
    cells = views.coverage(fixture_model)
    for plan in fixture_model.plans:
        assert sum(m for m, _ in cells[plan.plan_id].values()) == len(plan.measures)
        assert sum(t for _, t in cells[plan.plan_id].values()) == len(plan.targets)
    assert cells["jia-2023"]["energy"] == (2, 5)  # 三（一）1 and 2; five targets on energy indicators
    assert cells["jia-2023"]["pilots"] == (1, 0)


def test_the_housing_and_construction_commission_carries_most_measures(fixture_model):
    busiest = views.agencies(fixture_model)[0]
    assert busiest.agency.name_zh == "区住房建设委"
    assert busiest.by_plan == {"jia-2023": 2, "yi-2023": 2, "shili-pilot-2023": 0}  # the pilot names none


def test_plan_years_count_every_commitment_once_by_year_then_area(fixture_model):
    yi = next(p for p in fixture_model.plans if p.plan_id == "yi-2023")
    bars = views.plan_years(yi)
    assert [(bar.year, bar.total) for bar in bars] == [(2025, 3), (2030, 1), (None, 1)]  # undated last
    assert sum(bar.total for bar in bars) == len(yi.targets)
    assert all(bar.total == sum(n for _, n in bar.areas) for bar in bars)
    assert [(area.area_id, n) for area, n in bars[0].areas] == [("overall", 1), ("efficiency", 1), ("pilots", 1)]


@pytest.fixture(scope="module")
def region(fixture_model):
    [view] = views.regions(fixture_model)  # one region is compared: 示例市's districts
    return view


def test_a_regions_views_are_those_of_its_own_plans(region, fixture_model):
    assert region.code == "990000" and region.model.plans == fixture_model.regions[0].plans
    assert region.shared == views.shared(views.by_indicator(region.model))
    assert set(region.stricter) == {"renewable-share"}


def test_rows_are_grouped_by_action_area_with_who_asks_for_more(region):
    orders = [group.area.sort_order for group in region.by_area]
    assert orders == sorted(set(orders))
    assert [row for group in region.by_area for row in group.rows] == region.rows
    notes = [note for group in region.by_area for note in group.stricter]
    # 乙区 力争…达到18%以上 against 甲区 达到15%以上, both for 2030
    assert [(n.stricter.plan_id, n.weaker.plan_id) for n in notes] == [("yi-2023", "jia-2023")]


def plan(model, plan_id):
    return next(p for p in model.plans if p.plan_id == plan_id)


def document(plan):
    """The plan's source text with its quotes marked, as the site assembles it."""
    text = (FIXTURE / "datapackage" / plan.source_file).read_text(encoding="utf-8")
    return passages.plan_document(plan, Source.of(text))


def test_a_plans_targets_by_area_put_figures_first(fixture_model):
    jia = plan(fixture_model, "jia-2023")
    targets = [row.target for row in views.plan_targets(jia, document(jia))]
    assert sorted(t.target_id for t in targets) == sorted(t.target_id for t in jia.targets)
    areas = [t.indicator.area.sort_order for t in targets]
    assert areas == sorted(areas)
    order = {"quantitative": 0, "qualitative": 1, "defers-to-city": 2}
    keys = [(t.indicator.area.sort_order, order[t.kind]) for t in targets]
    assert keys == sorted(keys)


def test_a_plans_targets_are_numbered_in_the_order_their_quotes_are_read(fixture_model):
    jia = plan(fixture_model, "jia-2023")
    text = (FIXTURE / "datapackage" / jia.source_file).read_text(encoding="utf-8")
    rows = sorted(views.plan_targets(jia, document(jia)), key=lambda row: row.position)
    assert [row.position for row in rows] == list(range(1, len(jia.targets) + 1))
    readable = sources.matchable(text)  # a quote may run over a line break and a page number
    where = [readable.index(sources.squeeze(row.target.quote)) for row in rows]
    assert where == sorted(where)


def test_a_target_added_later_takes_its_place_in_the_reading_order(fixture_tables):
    # a second target on 甲区's 新能源装机容量达到12万千瓦 (section 二), added after all the others
    model = with_targets(fixture_tables, ("jia-2023-t002", {"target_id": "jia-2023-t901"}))
    jia = plan(model, "jia-2023")
    position = {row.target.target_id: row.position for row in views.plan_targets(jia, document(jia))}
    assert position["jia-2023-t002"] < position["jia-2023-t901"] < position["jia-2023-t007"]


def jia_with_a_second_energy_goal(fixture_tables, **changes):
    """甲区's target rows with one more on energy intensity: a copy of t002 (新能源装机容量达到12万千瓦, a figure for
    2025 in section 二, so that it has a place in the text), beside t001, its deferral to the city for 2025."""
    extra = {"target_id": "jia-2023-t902", "indicator_id": "energy-intensity", **changes}
    jia = plan(with_targets(fixture_tables, ("jia-2023-t002", extra)), "jia-2023")
    return views.plan_targets(jia, document(jia))


def test_a_figure_and_a_deferral_on_one_goal_stand_together_and_name_each_other(fixture_tables):
    rows = jia_with_a_second_energy_goal(fixture_tables)
    ids = [row.target.target_id for row in rows]
    assert ids[ids.index("jia-2023-t902") + 1] == "jia-2023-t001"
    related = {row.target.target_id: [t.target_id for t in row.related] for row in rows if row.related}
    assert related == {"jia-2023-t902": ["jia-2023-t001"], "jia-2023-t001": ["jia-2023-t902"]}


@pytest.mark.parametrize("other", [{"target_year": 2030}, {"scope": "new-buildings"}, {"kind": "defers-to-city"}])
def test_commitments_on_another_year_or_scope_or_of_one_kind_are_not_one_goal(fixture_tables, other):
    rows = jia_with_a_second_energy_goal(fixture_tables, **other)
    assert [row.target.target_id for row in rows if row.related] == []


def test_a_plans_target_rows_carry_what_they_are_filtered_and_sorted_by(fixture_model):
    jia = plan(fixture_model, "jia-2023")
    rows = {row.target.target_id: row for row in views.plan_targets(jia, document(jia))}
    # 甲区 t005: 力争2028年前实现碳达峰, in the overall goals, the fifth target of the plan
    assert rows["jia-2023-t005"].filters == {
        "area": "overall",
        "year": "2028",
        "kind": "qualitative",
        "hedge": "力争",
        "scope": "district",
    }
    assert rows["jia-2023-t005"].position == 5
    assert rows["jia-2023-t002"].filters["hedge"] == "none"  # 新能源装机容量达到12万千瓦: no qualifier


def test_a_comparison_row_lists_a_code_per_commitment_in_the_same_order(rows):
    # 可再生能源消费比重: 甲区 15%以上 (2030), 乙区 力争…18%以上 (2030)
    assert row(rows, "renewable-share").filters == {
        "plan": "jia-2023 yi-2023",
        "year": "2030 2030",
        "kind": "quantitative quantitative",
        "hedge": "none 力争",
        "scope": "district district",
    }
    # 新增绿色建筑面积: 乙区's yearly figure has no target year
    assert row(rows, "green-building-area").filters["year"] == "none"


def test_several_hedge_words_of_one_target_stay_together(fixture_tables):
    model = with_targets(fixture_tables, ("yi-2023-t003", {"target_id": "yi-2023-t901", "hedge": "力争、左右"}))
    assert views.filter_codes(plan(model, "yi-2023").targets[-1])["hedge"] == "力争+左右"


def test_filters_offer_the_values_the_rows_have_in_reading_order(region, fixture_model):
    options = {f.name: [o.code for o in f.options] for f in region.filters}
    assert list(options) == list(views.COMPARISON_FILTERS)
    assert options["plan"] == ["jia-2023", "yi-2023"]
    assert options["year"] == ["2025", "2027", "2028", "2030", "none"]  # undated last
    assert options["kind"] == ["quantitative", "qualitative", "defers-to-city"]
    assert options["hedge"] == ["none", "力争", "左右"]  # 力争 is first used before 左右 (甲区 t005)
    assert options["scope"] == ["district", "group"]
    jia = {f.name: [o.code for o in f.options] for f in views.plan_filters(plan(fixture_model, "jia-2023"))}
    assert jia["area"] == ["overall", "energy"]
    assert jia["hedge"] == ["none", "力争"] and jia["scope"] == ["district"]


def test_stances_are_counted_per_plan(region):
    # 甲区: figures for new-energy capacity, total energy, renewable share and rooftop PV; dated results for the
    # peak and the coal boilers; the city's figure for energy intensity.
    # 乙区: four figures, and the city's figure for carbon intensity. "" counts the indicators a plan leaves alone.
    counts = {plan_id: dict(counter) for plan_id, counter in region.stance_counts.items()}
    assert counts["jia-2023"] == {"quantitative": 4, "qualitative": 2, "defers-to-city": 1, "": 4}
    assert counts["yi-2023"] == {"quantitative": 4, "defers-to-city": 1, "": 6}


def test_the_timeline_lists_every_dated_commitment_once(region):
    total = sum(len(targets) for targets in region.timeline.values())
    assert total == 11  # the twelve targets but 乙区's yearly green buildings, which has no year
    assert sum(n for _, _, n in region.timeline_counts) == total
    listing = region.timeline_listing
    assert listing.listed and listing.total == total and listing.due == []
    listed = [row.target.target_id for _, rows in listing.rows for row in rows]
    assert sorted(listed) == sorted(t.target_id for targets in region.timeline.values() for t in targets)
    assert len(set(listed)) == len(listed)
    for year, rows in listing.rows:
        assert all(row.filters == {"plan": row.target.plan_id, "year": str(year)} for row in rows)
    menus = {f.name: [o.code for o in f.options] for f in listing.filters}
    assert menus["plan"] == ["jia-2023", "yi-2023"]
    assert menus["year"] == [str(year) for year in region.timeline]


def test_past_its_limit_the_timeline_counts_each_plans_commitments_by_year(region):
    model, years, counts = region.model, region.timeline, region.timeline_counts
    listing = views.timeline_listing(model, years, counts, most=10)
    assert not listing.listed and listing.rows == [] and listing.filters == []
    assert listing.total == 11
    flat = [(year, plan, n) for year, plans in listing.due for plan, n in plans]
    assert flat == counts  # each year's plans in order, with how many they have due
    assert views.timeline_listing(model, years, counts, most=11).listed


def test_district_measures_line_up_under_the_pilot_programmes_contents(region):
    assert region.pilot.plan_id == "shili-pilot-2023"
    [(first, none), (second, answers)] = region.pilot_answers  # the programme's two contents, 三（一） and 三（二）
    assert (first.section, none) == ("三（一）", [])
    assert second.section == "三（二）"
    assert [(a.plan.plan_id, a.measure.section, a.quotes) for a in answers] == [
        ("jia-2023", "三（二）1", ["创建一批绿色社区"]),
        ("yi-2023", "二（二）1", ["创建绿色社区3-5个"]),
    ]
    chapters = [(c.plan.plan_id, c.chapter.section, c.measures, c.contents) for c in region.pilot_chapters]
    assert chapters == [("jia-2023", "三（二）", 1, 1), ("yi-2023", "二（二）", 1, 1)]


def test_model_counts_targets_by_kind_and_by_region(fixture_model):
    assert dict(fixture_model.kind_counts) == {"quantitative": 8, "qualitative": 2, "defers-to-city": 2}
    [region] = fixture_model.regions
    assert len(region.targets) == 12
    assert len(region.district_targets) == 12  # the pilot programme states none


def test_the_longest_year_bar_is_full_width(fixture_model):
    jia = next(p for p in fixture_model.plans if p.plan_id == "jia-2023")
    bars = views.plan_years(jia)  # 2025: 4 targets, 2027: 1, 2028: 1, 2030: 1
    assert [(bar.year, bar.total, bar.share) for bar in bars] == [
        (2025, 4, 100.0),
        (2027, 1, 25.0),
        (2028, 1, 25.0),
        (2030, 1, 25.0),
    ]


def test_chapters_are_found_by_their_anchor_in_the_source_text(fixture_model):
    jia = next(p for p in fixture_model.plans if p.plan_id == "jia-2023")
    titles = views.chapter_titles(jia)
    assert {anchor: chapter.section for anchor, chapter in titles.items()} == {
        "s3-1": "三（一）",
        "s3-2": "三（二）",
        "s4": "四",
    }


def test_every_district_of_a_region_is_listed_with_its_plans_or_none(region):
    # 甲区 and 乙区 have their plans in the fixture; 丙区 is a district of 示例市 whose plan is not.
    c = region.collection
    assert [(d.district.code, [p.plan_id for p in d.plans]) for d in c.districts] == [
        ("990101", ["jia-2023"]),
        ("990102", ["yi-2023"]),
        ("990103", []),
    ]
    assert [d.district.name_zh for d in c.covered] == ["甲区", "乙区"]
    assert [d.district.name_zh for d in c.missing] == ["丙区"]


def test_a_plan_added_for_a_district_moves_it_to_the_covered(fixture_tables):
    """Coverage is derived from the plans table, not stored: a plan row for 丙区 is all it takes."""
    jia = next(p for p in fixture_tables["plans"] if p["plan_id"] == "jia-2023")
    plans = fixture_tables["plans"] + [{**jia, "plan_id": "bing-2024", "district_code": "990103"}]
    [view] = views.regions(build_model({**fixture_tables, "plans": plans}, FIXTURE_RELATIONS))
    assert view.collection.missing == []
    assert [p.plan_id for p in view.collection.districts[2].plans] == ["bing-2024"]


def test_a_regions_documents_run_from_the_city_down_each_with_the_places_that_name_it(fixture_model):
    [page] = views.region_documents(fixture_model)  # 示例市: its plans cite two documents
    assert page.code == "990000"
    levels = dict(page.levels)
    assert list(levels) == ["city", "standard-or-law"]  # only what its plans cite; no national document
    [city_plan] = levels["city"]
    assert city_plan.document.document_id == "shili-carbon-peaking-plan" and city_plan.plan is None
    assert [c.citation_id for c in city_plan.citations] == ["jia-2023-c001"] and city_plan.plan_ids == ["jia-2023"]
    [regulation] = levels["standard-or-law"]
    assert [(c.plan_id, c.section) for c in regulation.citations] == [("yi-2023", "三（二）")]
    lineage = {row.plan.plan_id: row.by_level for row in page.lineage}
    assert list(lineage) == ["jia-2023", "yi-2023", "shili-pilot-2023"]
    names = {
        p: {level: [d.document_id for d in docs] for level, docs in by.items() if docs} for p, by in lineage.items()
    }
    assert names == {
        "jia-2023": {"city": ["shili-carbon-peaking-plan"]},
        "yi-2023": {"standard-or-law": ["shili-energy-conservation-regulations"]},
        "shili-pilot-2023": {},
    }


def test_the_index_lists_every_document_once_with_the_regions_that_cite_it(fixture_model):
    pages = views.region_documents(fixture_model)
    listing = views.document_index(fixture_model, pages)
    assert listing.counted == []  # fewer documents than DOCUMENTS_LISTED: every one listed
    index = dict(listing.listed)
    assert list(index) == ["city", "district", "standard-or-law"]
    entries = {e.document.document_id: e for docs in index.values() for e in docs}
    assert len(entries) == sum(len(docs) for docs in index.values()) == len(fixture_model.documents)
    counts = {d: (e.plan_count, [(r.code, n) for r, n in e.regions]) for d, e in entries.items()}
    assert counts == {
        "shili-carbon-peaking-plan": (1, [("990000", 1)]),
        "shili-carbon-peaking-pilot-programme": (0, []),  # a plan of the package, which no plan cites
        "jia-carbon-peaking-plan": (0, []),
        "yi-carbon-peaking-plan": (0, []),
        "shili-energy-conservation-regulations": (1, [("990000", 1)]),
    }
    assert entries["shili-carbon-peaking-pilot-programme"].plan.plan_id == "shili-pilot-2023"


def test_a_plan_lists_what_it_cites_in_the_order_it_first_names_it(fixture_model):
    [(document, citations)] = views.plan_citations(plan(fixture_model, "jia-2023"))
    assert document.document_id == "shili-carbon-peaking-plan"
    assert [c.quote for c in citations] == ["为落实《示例市碳达峰实施方案》（示政发〔2022〕5号），制定本方案"]
    assert views.plan_citations(plan(fixture_model, "shili-pilot-2023")) == []


def test_a_deferral_leads_to_the_city_document_the_plan_names_before_its_numbered_parts(fixture_model):
    assert [d.document_id for d in views.city_basis(plan(fixture_model, "jia-2023"))] == ["shili-carbon-peaking-plan"]
    # 乙区 names only a regulation, in 三（二）: its deferral to the city's target leads nowhere
    assert views.city_basis(plan(fixture_model, "yi-2023")) == []


def test_a_plans_headline_puts_its_headline_indicators_first_then_its_main_goals_figures(fixture_model):
    jia = next(p for p in fixture_model.plans if p.plan_id == "jia-2023")
    h = views.headline(jia)
    assert h.peak.target_id == "jia-2023-t005"  # 力争2028年前实现碳达峰
    # renewable-share is a headline indicator; t002 and t003 are the other figures of the main goals (二);
    # t006 (屋顶光伏, in a key-task chapter) is neither.
    assert [t.target_id for t in h.figures] == ["jia-2023-t004", "jia-2023-t002", "jia-2023-t003"]
    assert (h.targets, h.quantitative, h.measures, h.agencies) == (7, 4, 3, 4)


def test_only_district_plans_are_compared(fixture_model):
    compared = views.compared_indicators(views.regions(fixture_model))
    assert compared == {
        "jia-2023": ("990000", frozenset({"renewable-share"})),  # the one indicator both districts commit to
        "yi-2023": ("990000", frozenset({"renewable-share"})),
    }  # not shili-pilot-2023, the city's programme


def test_the_pilot_comparison_counts_the_contents_answered_and_the_answers(fixture_model):
    view = views.regions(fixture_model)[0]
    # The fixture's programme has two contents; the district measures answer one of them (not 三（一）), twice.
    assert len(view.pilot_answers) == 2
    assert (view.pilot_contents_answered, view.pilot_measures) == (1, 2)


def test_a_district_without_a_plan_quotes_what_the_programme_asks_of_every_district(real_model, real_paths):
    """The city programme's sentences that name every district's commission, verbatim and by measure; its notice's
    line of address (各区发展改革委：) is not one of its measures, nor is a sentence naming pilot districts only."""
    programme = plan(real_model, "tianjin-pilot-2023")
    text = (real_paths.package_dir / programme.source_file).read_text(encoding="utf-8")
    asks = views.city_asks(programme, passages.plan_document(programme, Source.of(text)))
    assert [(a.measure.section, a.measure.title) for a in asks] == [
        ("四（一）", "确定试点名单"),
        ("四（二）", "编制实施方案"),
    ]
    assert asks[0].sentences == [
        "各区发展改革委根据本区碳达峰碳中和工作实际、绿色低碳发展现状，"
        "提出试点区（园区）申报意向，并于2024年1月15日前报市发展改革委。"
    ]
    readable = sources.matchable(text)
    for sentence in (s for a in asks for s in a.sentences):
        assert views.EVERY_DISTRICT in sentence and sources.squeeze(sentence) in readable


def test_a_programme_that_asks_nothing_of_every_district_gives_no_quotes(fixture_model):
    """The fixture's programme names the district commissions only as whom its notice is addressed to."""
    programme = plan(fixture_model, "shili-pilot-2023")
    assert "各区发展改革委：" in (FIXTURE / "datapackage" / programme.source_file).read_text(encoding="utf-8")
    assert views.city_asks(programme, document(programme)) == []
    assert views.city_asks(None, []) == []
