"""A row several people own (a pair): each finds it in their data, and erasing one leaves the others."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from storage.pairing.tables import PairingPairRow


def test_a_pair_is_in_each_persons_data_and_erasure_renames_only_one(ctx, workspace):
    workspace.say("create eig7 <#C100>")
    with ctx.uow() as uow:
        cohort = uow.cohorts.by_name("eig7")
        for members in ("UANA,UBEN", "UANA2,UBEN", "UBEN,UCHLOE,UANA"):
            uow.session.add(PairingPairRow(cohort_id=cohort.id, round_date=date(2026, 3, 2), members=members))
        uow.commit()
    with ctx.uow() as uow:
        mine = uow.personal.export("UANA")["pairing_pair"]
        assert sorted(row["members"] for row in mine) == ["UANA,UBEN", "UBEN,UCHLOE,UANA"]
        erased = uow.personal.erase("UANA", "XPSEUDO", None)
        assert erased.rows["pairing_pair"] == 2
        uow.commit()
    with ctx.uow() as uow:
        left = sorted(uow.session.scalars(select(PairingPairRow.members)))
    assert left == ["UANA2,UBEN", "UBEN,UCHLOE,XPSEUDO", "XPSEUDO,UBEN"]
