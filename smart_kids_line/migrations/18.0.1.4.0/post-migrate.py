"""The quota ledger's count is now the sum of the senders' usage rows (several senders at once
would fight over one counter): the month's count so far becomes the first usage row."""

from openupgradelib import openupgrade


@openupgrade.migrate()
def migrate(env, version):
    if not openupgrade.column_exists(env.cr, "smart_kids_line_quota", "used"):
        return
    env.cr.execute(
        """
        INSERT INTO smart_kids_line_quota_usage (channel_id, month, recipients)
        SELECT channel_id, month, used FROM smart_kids_line_quota WHERE COALESCE(used, 0) > 0
        """
    )
    env.cr.execute("ALTER TABLE smart_kids_line_quota DROP COLUMN used")
