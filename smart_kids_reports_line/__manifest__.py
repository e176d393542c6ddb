{
    "name": "Smart Kids: Reports on LINE",
    "summary": "Data reminders and satisfaction invitations on LINE; guardians on LINE in the "
    "executive summary and the evaluation",
    "version": "18.0.1.1.0",
    "category": "Education",
    "author": "Smart Kids",
    "license": "LGPL-3",
    # a bridge: installed by itself once both satellites are (like event_booth_sale)
    "depends": ["smart_kids_line", "smart_kids_reports"],
    "auto_install": True,
    "external_dependencies": {"python": ["openupgradelib"]},
    "data": [
        "data/smart_kids_line_trigger_data.xml",
    ],
    "installable": True,
}
