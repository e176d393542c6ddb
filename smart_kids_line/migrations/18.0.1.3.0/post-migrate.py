"""Check-in and check-out messages wait 5 s for siblings, not 30 s (parents hear within 10 s;
the screen result usually comes within those seconds). A wait an administrator changed is
kept."""

from openupgradelib import openupgrade


@openupgrade.migrate()
def migrate(env, version):
    for xmlid in ("smart_kids_line.trigger_check_in", "smart_kids_line.trigger_check_out"):
        trigger = env.ref(xmlid, raise_if_not_found=False)
        if trigger and trigger.merge_delay == 30:
            trigger.merge_delay = 5
