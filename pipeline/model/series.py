"""A report series: one recurring report, issued again each session."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from pipeline.inputs.layout import DEFAULT_TEMPLATE
from pipeline.model.blocks import TableSpec
from pipeline.model.common import FIRST_YEAR, LAST_YEAR, FileName, NonEmpty, Strict, plain_name


FactSource = Literal["treaty", "committee"]


class Series(Strict):
    """One kind of recurring report."""

    id: FileName = plain_name("cmw-status")
    title: NonEmpty
    # the line under the title; left out when the title names its author itself ("Report of the
    # Secretary-General on the issue of child, early and forced marriage")
    author: NonEmpty | None = None
    organ: NonEmpty = "General Assembly"
    template: FileName = Field(DEFAULT_TEMPLATE, description="a plain name (letters, digits, '-' and '.'; no '/')", examples=["report"])
    # The fact sources the series' paragraphs and tables may use: `treaty` (its ledger: parties,
    # signatories, every State's dates and declarations), `committee` (its members); [] for none.
    facts: list[FactSource]
    ledger: FileName | None = Field(None, description="a plain name (letters, digits, '-' and '.'; no '/')",
                                    examples=["cmw-ledger.yaml"])
    committee: FileName | None = Field(None, description="a plain name (letters, digits, '-' and '.'; no '/')",
                                       examples=["cmw-committee.yaml"])
    # tables every edition of the series may use by name ('- table: committee-members')
    tables: dict[str, TableSpec] = {}
    # the first year whose editions print the QR code of their address (https://undocs.org/<symbol>)
    # on page 1 beside the job number and barcode; None: the series prints none
    qr_code_from: int | None = Field(None, gt=FIRST_YEAR, lt=LAST_YEAR)
    # added by new-edition after the status paragraph when an edition reports no changes yet
    change_paragraph: NonEmpty | None = None
