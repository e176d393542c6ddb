"""Names that say what they mean: the hooks model was ``smart_kids.event`` (it is not
Odoo's Event app) and the activity's developmental domain was the field ``domain`` (read
as a search domain by any Odoo developer). Renamed in place, values kept."""

from openupgradelib import openupgrade


@openupgrade.migrate()
def migrate(env, version):
    openupgrade.rename_models(env.cr, [("smart_kids.event", "smart_kids.hooks")])
    openupgrade.rename_fields(
        env,
        [("smart_kids.day.activity", "smart_kids_day_activity", "domain", "development_domain")],
    )
    openupgrade.rename_xmlids(
        env.cr,
        [
            (
                "smart_kids.field_smart_kids_day_activity__domain",
                "smart_kids.field_smart_kids_day_activity__development_domain",
            ),
        ]
        + [
            (
                f"smart_kids.selection__smart_kids_day_activity__domain__{value}",
                f"smart_kids.selection__smart_kids_day_activity__development_domain__{value}",
            )
            for value in ("physical", "emotional", "social", "intellectual")
        ],
    )
