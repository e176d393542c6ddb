"""Growth scores after 60 months (the WHO 2007 reference) and on day 730 (length, not height)
changed: every stored measurement is scored again, by the same compute as new ones."""

from openupgradelib import openupgrade


@openupgrade.migrate()
def migrate(env, version):
    measures = env["smart_kids.growth.measurement"].with_context(active_test=False).search([])
    for name in ("age_months", "z_height_for_age", "who_scored"):  # one compute sets them all
        env.add_to_compute(measures._fields[name], measures)
    measures.flush_model()
