"""Data freshness, not "currency" (which reads as money): the reminder model, the
evaluation's share of current days, the indicator measure, the settings' parameters and
the external ids of the cron, menus and parameters are renamed in place. An
administrator's settings, the indicators (kept by ``noupdate``) and the evaluations'
figures are kept."""

from openupgradelib import openupgrade

OLD_PARAM, NEW_PARAM = "smart_kids_reports.currency_", "smart_kids_reports.freshness_"


@openupgrade.migrate()
def migrate(env, version):
    cr = env.cr
    openupgrade.rename_models(
        cr, [("smart_kids.currency.reminder", "smart_kids.freshness.reminder")]
    )
    openupgrade.rename_fields(
        env,
        [
            (
                "smart_kids.evaluation",
                "smart_kids_evaluation",
                "currency_percent",
                "current_days_percent",
            )
        ],
    )
    cr.execute(
        "UPDATE smart_kids_indicator SET measure = 'data_freshness' WHERE measure = 'data_currency'"
    )
    cr.execute(
        """UPDATE ir_model_fields_selection s SET value = 'data_freshness'
             FROM ir_model_fields f
            WHERE s.field_id = f.id AND f.model = 'smart_kids.indicator'
              AND f.name = 'measure' AND s.value = 'data_currency'"""
    )
    cr.execute(
        "UPDATE ir_config_parameter SET key = %s || substr(key, %s) WHERE key LIKE %s",
        (NEW_PARAM, len(OLD_PARAM) + 1, OLD_PARAM.replace("_", r"\_") + "%"),
    )
    renames = [
        (
            "field_smart_kids_evaluation__currency_percent",
            "field_smart_kids_evaluation__current_days_percent",
        ),
        (
            "selection__smart_kids_indicator__measure__data_currency",
            "selection__smart_kids_indicator__measure__data_freshness",
        ),
        ("param_currency_min_checkin_rate", "param_freshness_min_checkin_rate"),
        ("param_currency_min_health_rate", "param_freshness_min_health_rate"),
        ("ir_cron_currency_reminders", "ir_cron_freshness_reminders"),
        ("menu_currency_today", "menu_freshness_today"),
        ("menu_currency_trends", "menu_freshness_trends"),
    ]
    openupgrade.rename_xmlids(
        cr, [(f"smart_kids_reports.{old}", f"smart_kids_reports.{new}") for old, new in renames]
    )
