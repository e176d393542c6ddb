"""Random secrets printed on cards or put in kiosk addresses."""

import secrets

from odoo.tools import SQL


def new_token(nbytes=18):
    return secrets.token_urlsafe(nbytes)


def fill_missing_tokens(cr, table, column, nbytes=18):
    """Give every row without a token its own one.

    Odoo fills a new column with one default value for all existing rows; a secret must
    differ per row, so models call this from ``_auto_init`` instead of using a default.
    """
    cr.execute(
        SQL("SELECT id FROM %s WHERE %s IS NULL", SQL.identifier(table), SQL.identifier(column))
    )
    for (row_id,) in cr.fetchall():
        cr.execute(
            SQL(
                "UPDATE %s SET %s = %s WHERE id = %s",
                SQL.identifier(table),
                SQL.identifier(column),
                new_token(nbytes),
                row_id,
            )
        )
