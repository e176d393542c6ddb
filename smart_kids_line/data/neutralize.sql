-- A neutralized copy (odoo neutralize, restore.sh --neutralize) sends nothing to LINE:
-- every channel paused, so the outbox keeps its messages and no sender runs for them.
UPDATE smart_kids_line_channel SET state = 'paused', active = false;
