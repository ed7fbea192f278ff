"""The fhir.resources models the FHIR tests validate with: R4B for R4 exports, R5 for R5.

Importing this module skips the importing test module when the ``fhir`` extra is
missing, except in CI, where that must fail the run.
"""

from __future__ import annotations

import os
from typing import Any

import pytest

from audit_tool.export.fhir import FhirVersion

# 'make test' installs the fhir extra (the test extra pulls it in). Without it these tests
# are skipped locally, but never in CI, where a missing extra must fail the run.
if not os.environ.get("CI"):
    pytest.importorskip("fhir.resources")

from fhir.resources.questionnaire import Questionnaire as QuestionnaireR5
from fhir.resources.questionnaireresponse import (
    QuestionnaireResponse as QuestionnaireResponseR5,
)
from fhir.resources.R4B.questionnaire import Questionnaire as QuestionnaireR4B
from fhir.resources.R4B.questionnaireresponse import (
    QuestionnaireResponse as QuestionnaireResponseR4B,
)

MODELS: dict[FhirVersion, tuple[Any, Any]] = {
    "R4": (QuestionnaireR4B, QuestionnaireResponseR4B),
    "R5": (QuestionnaireR5, QuestionnaireResponseR5),
}
