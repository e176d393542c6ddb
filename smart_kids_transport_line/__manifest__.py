{
    "name": "Smart Kids: School Vans on LINE",
    "summary": "Guardians hear on LINE when their child boards the van and is dropped at home, "
    "and at once when a van is late with their child on board",
    "version": "18.0.1.0.0",
    "category": "Education",
    "author": "Smart Kids",
    "license": "LGPL-3",
    # a bridge: installed by itself once both are (like event_booth_sale)
    "depends": ["smart_kids_line", "smart_kids_transport"],
    "auto_install": True,
    "data": [
        "data/smart_kids_line_trigger_data.xml",
    ],
    "installable": True,
}
