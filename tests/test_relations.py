"""Relations (generator/package/relations.py): which rows each plan owns and refers to, read from the descriptor's
foreign keys. Every expected value here is written from the rules, by hand: the real descriptor's, small made-up
ones', and a table added to the fixture package that no module names."""

import csv
import json

import pytest
from conftest import copy_fixture_project

from generator import pipeline
from generator.base.paths import Paths
from generator.build import parts
from generator.build.digests import digest
from generator.package import load, regional, relations, validate
from generator.site.assemble import assemble

OWNED = {"chapters", "measures", "targets", "measure_agencies", "projects", "citations", "pilot_alignment"}


@pytest.fixture(scope="module")
def real() -> relations.Relations:
    return relations.derive(json.loads(Paths().descriptor_path.read_bytes()))


def test_the_real_resources_owned_by_plans(real):
    assert set(real.owned) == OWNED
    # In the descriptor's order.
    assert real.owned == (
        "chapters", "measures", "measure_agencies", "projects", "targets", "pilot_alignment", "citations"
    )  # fmt: skip


def test_each_real_row_leads_to_its_plan_by_its_own_key_or_through_its_measure(real):
    paths = {name: (key.fields, key.target, key.required) for name, key in real.towards_plan.items()}
    assert paths == {
        "chapters": (("plan_id",), "plans", True),
        "measures": (("plan_id",), "plans", True),
        "projects": (("plan_id",), "plans", True),  # its measure_id is not needed to find it
        "targets": (("plan_id",), "plans", True),
        "citations": (("plan_id",), "plans", True),
        "measure_agencies": (("measure_id",), "measures", True),
        "pilot_alignment": (("measure_id",), "measures", True),  # not content_id: that chapter may be another plan's
        "documents": (("plan_id",), "plans", False),  # this document is that plan: it refers to it, is not its
    }
    assert real.owner_key == ("plan_id",)


def test_the_column_that_picks_a_real_rows_source(real):
    fields = {name: real.plan_field(name) for name in ("plans", "chapters", "measure_agencies", "pilot_alignment")}
    assert fields == {"plans": "plan_id", "chapters": "plan_id", "measure_agencies": "measure_id",
                      "pilot_alignment": "measure_id"}  # fmt: skip
    assert real.plan_field("documents") == "plan_id"
    assert [real.plan_field(name) for name in ("districts", "agencies", "indicators", "action_areas")] == [None] * 4


def test_the_real_references_that_stay_in_one_plan(real):
    found = {(r.resource, r.fields, r.target) for r in real.same_plan()}
    assert found == {
        ("measures", ("chapter_id",), "chapters"),
        ("targets", ("chapter_id",), "chapters"),
        ("targets", ("measure_id",), "measures"),
        ("projects", ("measure_id",), "measures"),
    }


# Made-up descriptors: each resource a list of fields, each foreign key (fields, resource referred to, fields).


def resource(name, required=(), optional=(), keys=(), primary=None) -> dict:
    fields = [{"name": f, "type": "string", "constraints": {"required": True}} for f in required]
    fields += [{"name": f, "type": "string"} for f in optional]
    foreign_keys = [
        {"fields": own, "reference": {"fields": theirs} | ({"resource": target} if target is not None else {})}
        for own, target, theirs in keys
    ]
    schema = {"fields": fields, "primaryKey": primary or [fields[0]["name"]], "foreignKeys": foreign_keys}
    return {"name": name, "path": f"data/{name}.csv", "schema": schema}


PLANS = resource("plans", ["plan_id"])


def test_a_required_key_to_the_plans_owns_an_optional_one_refers():
    derived = relations.derive(
        {"resources": [PLANS, resource("notes", ["note_id", "plan_id"], keys=[(["plan_id"], "plans", ["plan_id"])]),
                       resource("mentions", ["mention_id"], ["plan_id"], keys=[(["plan_id"], "plans", ["plan_id"])])]}
    )  # fmt: skip
    assert derived.owned == ("notes",)
    assert derived.towards_plan["mentions"].required is False
    assert derived.plan_field("mentions") == "plan_id"
    assert derived.same_plan() == ()


def test_ownership_passes_down_required_keys_by_the_nearest_owned_resource():
    descriptor = {
        "resources": [
            PLANS,
            # Declared first, but reached in three steps: a step resource is the nearest (two).
            resource("deep", ["deep_id", "leaf_id", "step_id"],
                     keys=[(["leaf_id"], "leaves", ["leaf_id"]), (["step_id"], "steps", ["step_id"])]),
            resource("steps", ["step_id", "plan_id"], keys=[(["plan_id"], "plans", ["plan_id"])]),
            resource("leaves", ["leaf_id", "step_id"], keys=[(["step_id"], "steps", ["step_id"])]),
            # Two required keys to resources owned equally near: the first declared.
            resource("twice", ["twice_id", "leaf_id", "other_leaf"],
                     keys=[(["other_leaf"], "leaves", ["leaf_id"]), (["leaf_id"], "leaves", ["leaf_id"])]),
            # An optional key to an owned resource owns nothing.
            resource("loose", ["loose_id"], ["step_id"], keys=[(["step_id"], "steps", ["step_id"])]),
        ]
    }  # fmt: skip
    derived = relations.derive(descriptor)
    assert derived.owned == ("deep", "steps", "leaves", "twice")
    assert derived.towards_plan["deep"].target == "steps"
    assert derived.towards_plan["leaves"].fields == ("step_id",)
    assert derived.towards_plan["twice"].fields == ("other_leaf",)
    assert "loose" not in derived.towards_plan
    assert derived.plan_field("deep") == "step_id"
    # deep and leaves reach their plan through steps only: their references to steps are not checked.
    assert derived.same_plan() == ()


def test_a_required_key_to_the_plans_goes_before_an_optional_one_declared_first():
    derived = relations.derive(
        {"resources": [PLANS, resource("pairs", ["pair_id", "plan_id"], ["other_plan"],
                                       keys=[(["other_plan"], "plans", ["plan_id"]),
                                             (["plan_id"], "plans", ["plan_id"])])]}
    )  # fmt: skip
    assert derived.towards_plan["pairs"].fields == ("plan_id",) and derived.owned == ("pairs",)


def test_same_plan_references_join_two_resources_with_a_plan_key_each():
    descriptor = {
        "resources": [
            PLANS,
            resource("parts", ["part_id", "plan_id"], ["parent"],
                     keys=[(["plan_id"], "plans", ["plan_id"]), (["parent"], "", ["part_id"])]),
            resource("items", ["item_id", "plan_id"], ["part_id"],
                     keys=[(["plan_id"], "plans", ["plan_id"]), (["part_id"], "parts", ["part_id"])]),
            resource("links", ["item_id", "part_id"],
                     keys=[(["item_id"], "items", ["item_id"]), (["part_id"], "parts", ["part_id"])]),
        ]
    }  # fmt: skip
    found = {(r.resource, r.fields, r.target) for r in relations.derive(descriptor).same_plan()}
    # A self-reference (v1 wrote its resource as "") stays in the plan too; links has no plan key of its own.
    assert found == {("parts", ("parent",), "parts"), ("items", ("part_id",), "parts")}


TWO_TO_ONE = {"fields": ["a", "b"], "reference": {"resource": "plans", "fields": ["plan_id"]}}
NAMED_ALONE = {"fields": "plan_id", "reference": {"resource": "plans", "fields": "plan_id"}}
NOT_A_CONSTRAINT = {"name": "plan_id", "constraints": "required"}


@pytest.mark.parametrize(
    "descriptor",
    [
        {},
        {"resources": "plans"},
        {"resources": [None, {"path": "x.csv"}, {"name": "plans"}, {"name": "notes", "schema": "notes.json"}]},
        {"resources": [{"name": "notes", "schema": {"fields": "x", "foreignKeys": [None, {}, {"reference": []}]}}]},
        {"resources": [{"name": "notes", "schema": {"foreignKeys": [TWO_TO_ONE]}}]},
        {"resources": [{"name": "notes", "schema": {"fields": [NOT_A_CONSTRAINT], "foreignKeys": [NAMED_ALONE]}}]},
    ],
)
def test_a_broken_descriptor_gives_fewer_relations_and_no_error(descriptor):
    derived = relations.derive(descriptor)
    assert derived.owned == () and derived.same_plan() == ()
    assert relations.plans_of(derived, {"notes": [{"plan_id": "p"}]}, "notes") in ([None], ["p"])
    assert [plan for plan, _ in relations.slices(derived, {"plans": [{"plan_id": "p"}]})] in ([None], ["p"])


# Rows: a made-up package of two plans, with the text rows as load parses them.

PACKAGE = {
    "resources": [
        resource("districts", ["code"], ["parent_code"], keys=[(["parent_code"], None, ["code"])]),
        resource("plans", ["plan_id", "district_code"], keys=[(["district_code"], "districts", ["code"])]),
        resource("areas", ["area_id"]),
        resource("chapters", ["chapter_id", "plan_id", "area_id"],
                 keys=[(["plan_id"], "plans", ["plan_id"]), (["area_id"], "areas", ["area_id"])]),
        resource("measures", ["measure_id", "plan_id", "chapter_id"],
                 keys=[(["plan_id"], "plans", ["plan_id"]), (["chapter_id"], "chapters", ["chapter_id"])]),
        resource("agencies", ["agency_id"]),
        resource("links", ["measure_id", "position", "agency_id"], primary=["measure_id", "position"],
                 keys=[(["measure_id"], "measures", ["measure_id"]), (["agency_id"], "agencies", ["agency_id"])]),
        resource("alignment", ["measure_id", "content_id"], primary=["measure_id", "content_id"],
                 keys=[(["measure_id"], "measures", ["measure_id"]), (["content_id"], "chapters", ["chapter_id"])]),
        resource("documents", ["document_id"], ["plan_id"], keys=[(["plan_id"], "plans", ["plan_id"])]),
        resource("citations", ["citation_id", "plan_id", "document_id"],
                 keys=[(["plan_id"], "plans", ["plan_id"]), (["document_id"], "documents", ["document_id"])]),
    ]
}  # fmt: skip
TABLES = {
    "districts": [{"code": "c", "parent_code": ""}, {"code": "d1", "parent_code": "c"},
                  {"code": "d2", "parent_code": "c"}, {"code": "d3", "parent_code": "c"}],
    "plans": [{"plan_id": "p1", "district_code": "d1"}, {"plan_id": "p2", "district_code": "d2"}],
    "areas": [{"area_id": "a1"}, {"area_id": "a2"}, {"area_id": "a3"}],
    "chapters": [{"chapter_id": "p1-1", "plan_id": "p1", "area_id": "a1"},
                 {"chapter_id": "p2-1", "plan_id": "p2", "area_id": "a2"}],
    "measures": [{"measure_id": "p2-m1", "plan_id": "p2", "chapter_id": "p2-1"},
                 {"measure_id": "p1-m1", "plan_id": "p1", "chapter_id": "p1-1"}],
    "agencies": [{"agency_id": "g1"}, {"agency_id": "g2"}, {"agency_id": "g3"}],
    "links": [{"measure_id": "p1-m1", "position": "1", "agency_id": "g2"},
              {"measure_id": "p2-m1", "position": "1", "agency_id": "g1"},
              {"measure_id": "gone", "position": "1", "agency_id": "g3"}],
    "alignment": [{"measure_id": "p1-m1", "content_id": "p2-1"}],
    "documents": [{"document_id": "law", "plan_id": ""}, {"document_id": "plan-two", "plan_id": "p2"}],
    "citations": [{"citation_id": "p1-c1", "plan_id": "p1", "document_id": "plan-two"}],
}  # fmt: skip


def test_each_row_leads_to_its_plan():
    derived = relations.derive(PACKAGE)
    assert relations.plans_of(derived, TABLES, "plans") == ["p1", "p2"]
    assert relations.plans_of(derived, TABLES, "measures") == ["p2", "p1"]
    assert relations.plans_of(derived, TABLES, "links") == ["p1", "p2", None]  # "gone" is no measure
    assert relations.plans_of(derived, TABLES, "alignment") == ["p1"]  # by its measure, not its chapter
    assert relations.plans_of(derived, TABLES, "documents") == ["", "p2"]
    assert relations.plans_of(derived, TABLES, "agencies") == [None, None, None]
    assert relations.plan_keys(derived, TABLES, "links") == {"p2-m1": "p2", "p1-m1": "p1"}
    assert relations.plan_keys(derived, TABLES, "chapters") == {"p1": "p1", "p2": "p2"}


def test_a_plans_slice_is_its_rows_those_that_refer_to_it_and_all_they_refer_to():
    sliced = dict(relations.slices(relations.derive(PACKAGE), TABLES))
    assert list(sliced) == ["p1", "p2"]
    assert sliced["p1"] == {
        # p1's district, p2's (p1 cites the document that is p2, and aligns with p2's chapter: both bring p2's
        # row), and the city above both
        "districts": [0, 1, 2],
        "plans": [0, 1],
        "areas": [0, 1],  # its chapter's, and the area of p2's chapter that its measure answers
        "chapters": [0, 1],
        "measures": [1],
        "agencies": [1],
        "links": [0],
        "alignment": [0],
        "documents": [1],
        "citations": [0],
    }
    assert sliced["p2"] == {
        "districts": [0, 2],
        "plans": [1],
        "areas": [1],
        "chapters": [1],
        "measures": [0],
        "agencies": [0],
        "links": [1],
        "alignment": [],
        "documents": [1],  # the document that is p2 refers to it
        "citations": [],
    }


# A table added to the fixture package that no module names: a note on a plan.

NOTES = {
    "name": "plan_notes",
    "type": "table",
    "title": "方案附注 / Plan notes",
    "description": "方案的附注。 / Notes on a plan.",
    "path": "data/plan_notes.csv",
    "scheme": "file",
    "format": "csv",
    "mediatype": "text/csv",
    "encoding": "utf-8",
    "schema": {
        "fields": [
            {"name": "note_id", "type": "string", "title": "附注编号 / Note id", "description": "编号。 / Its id.",
             "constraints": {"required": True}},
            {"name": "plan_id", "type": "string", "title": "方案编号 / Plan id", "description": "方案。 / The plan.",
             "constraints": {"required": True}},
            {"name": "note", "type": "string", "title": "附注 / Note", "description": "附注。 / The note."},
        ],
        "primaryKey": ["note_id"],
        "foreignKeys": [{"fields": ["plan_id"], "reference": {"resource": "plans", "fields": ["plan_id"]}}],
    },
}  # fmt: skip


def write_notes(paths, notes: list[tuple[str, str, str]]) -> None:
    with (paths.package_dir / "data" / "plan_notes.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerows([("note_id", "plan_id", "note"), *notes])


def noted(folder) -> Paths:
    """The fixture project with a plan_notes table: a note on jia-2023 and one on yi-2023."""
    paths = copy_fixture_project(folder)
    descriptor = json.loads(paths.descriptor_path.read_bytes())
    descriptor["resources"].append(NOTES)
    paths.descriptor_path.write_text(json.dumps(descriptor, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    write_notes(paths, [("n1", "jia-2023", "甲区的附注"), ("n2", "yi-2023", "乙区的附注")])
    return paths


def test_a_new_plan_owned_table_is_sliced_with_its_plan(tmp_path):
    paths = noted(tmp_path)
    pipeline.build(paths, run_mkdocs=False)
    folder = paths.part_docs(parts.WHOLE) / "downloads" / "latest" / "plans"
    jia = (folder / "jia-2023" / "plan_notes.csv").read_text(encoding="utf-8")
    assert jia == "note_id,plan_id,note\nn1,jia-2023,甲区的附注\n"
    assert json.loads((folder / "jia-2023" / "plan_notes.json").read_bytes()) == [
        {"note_id": "n1", "plan_id": "jia-2023", "note": "甲区的附注"}
    ]
    assert (folder / "yi-2023" / "plan_notes.csv").read_text(encoding="utf-8").splitlines()[1:] == [
        "n2,yi-2023,乙区的附注"
    ]
    assert json.loads((folder / "shili-pilot-2023" / "plan_notes.json").read_bytes()) == []


def test_a_new_plan_owned_tables_row_changes_its_plans_region_digest(tmp_path):
    paths = noted(tmp_path)

    def digests():
        inputs = load.load(paths)
        tables = validate.validate(inputs).tables
        site = assemble(inputs, tables)
        region = parts.Part("990000", False, frozenset(["990000"]))
        rows = regional.parts_rows(inputs.relations, tables, None, {region.name: region.regions})[region.name]
        assert len(rows["plan_notes"]) == 2  # both plans' notes: the region's rows
        return digest(region, inputs, site.model, "common", "national", rows)

    before = digests()
    write_notes(paths, [("n1", "jia-2023", "甲区改过的附注"), ("n2", "yi-2023", "乙区的附注")])
    assert digests() != before


def test_validation_reports_a_verbatim_resource_without_a_key_to_its_plan(fixture_project):
    descriptor = json.loads(fixture_project.descriptor_path.read_bytes())
    chapters = next(r for r in descriptor["resources"] if r["name"] == "chapters")
    chapters["schema"]["foreignKeys"] = [k for k in chapters["schema"]["foreignKeys"] if k["fields"] != ["plan_id"]]
    fixture_project.descriptor_path.write_text(json.dumps(descriptor, ensure_ascii=False), encoding="utf-8")
    problems = validate.validate(load.load(fixture_project)).problems
    assert [(p.file, p.type) for p in problems] == [("datapackage/datapackage.json", "no-plan-key")]
    assert "chapters" in problems[0].message
