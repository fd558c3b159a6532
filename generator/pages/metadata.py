"""Discovery metadata: the schema.org Dataset description that dataset search engines read.

Built from the descriptor and the model, so nothing is typed twice.
"""

from __future__ import annotations

from typing import Any

from generator.base import urls
from generator.site.model import Model


def dataset_json_ld(descriptor: dict[str, Any], model: Model, here: str, list_sources: bool = True) -> dict[str, Any]:
    """A schema.org Dataset, for the page ``here`` (a path under docs/) to embed: its links lead from that page.

    With ``list_sources``, it lists every source document (isBasedOn), about 0.5 KB each.
    """
    name = descriptor["name"]
    files = [
        (urls.package_file(name, "zip"), "zip", "整个数据包 / whole package"),
        (urls.package_file(name, "xlsx"), "xlsx", "Excel"),
        (urls.package_file(name, "sqlite"), "sqlite", "SQLite"),
        (urls.package_file("datapackage", "json"), "json", "Frictionless descriptor"),
    ]
    files += [
        (urls.data_file(r["name"], fmt), fmt, r["title"]) for r in descriptor["resources"] for fmt in urls.TABLE_FORMATS
    ]
    dataset = {
        "@context": "https://schema.org/",
        "@type": "Dataset",
        "name": descriptor["title"],
        "description": descriptor["description"],
        "identifier": descriptor["id"],
        "version": descriptor["version"],
        "dateCreated": descriptor["created"][:10],
        "keywords": descriptor["keywords"],
        "inLanguage": ["zh-CN", "en"],
        "license": next(lic["path"] for lic in descriptor["licenses"] if lic.get("path")),
        "isAccessibleForFree": True,
        "creator": [{"@type": "Organization", "name": c["title"]} for c in descriptor["contributors"]],
        "temporalCoverage": descriptor["temporalCoverage"],
        "spatialCoverage": {"@type": "Place", "name": descriptor["spatialCoverage"]},
        "distribution": [
            {
                "@type": "DataDownload",
                "name": title,
                "encodingFormat": urls.MEDIA_TYPES[fmt],
                "contentUrl": urls.site_url(here, urls.download(path)),
            }
            for path, fmt, title in files
        ],
    }
    if not list_sources:
        return dataset
    dataset["isBasedOn"] = [
        {
            "@type": "CreativeWork",
            "name": plan.title,
            "alternateName": plan.title_en,
            "inLanguage": "zh-CN",
            "author": {"@type": "GovernmentOrganization", "name": plan.issuer, "alternateName": plan.issuer_en},
            **({"datePublished": plan.issue_date.isoformat()} if plan.issue_date else {}),
            **({"identifier": plan.doc_number} if plan.doc_number else {}),
            "url": urls.site_url(here, urls.download(plan.source_file)),
        }
        for plan in model.plans
    ]
    return dataset
