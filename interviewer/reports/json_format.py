"""JSON: the Report model itself, pretty-printed. Other tools parse this shape."""

from __future__ import annotations

import json

from interviewer.models import Report

from ._common import ordered


def render_json(report: Report) -> str:
    # Same model, same keys in model order; only the criteria list is put core-first,
    # as in every other format. `format` stays the transcript's source format.
    data = report.model_copy(update={"criteria": ordered(report.criteria)}).model_dump(mode="json")
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
