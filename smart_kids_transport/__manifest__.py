{
    "name": "Smart Kids: School Vans",
    "summary": "Van trips scanned on and off, a trip that cannot end with a child on board, "
    "and an alert when a van is late",
    "version": "18.0.1.0.0",
    "category": "Education",
    "author": "Smart Kids",
    "license": "LGPL-3",
    "depends": ["smart_kids"],
    "data": [
        "security/ir.model.access.csv",
        "security/smart_kids_transport_security.xml",
        "data/ir_cron_data.xml",
        "report/report_rear_qr.xml",
        "views/smart_kids_vehicle_views.xml",
        "views/smart_kids_van_route_views.xml",
        "views/smart_kids_van_trip_views.xml",
        "views/smart_kids_child_views.xml",
        "views/smart_kids_centre_views.xml",
        "views/smart_kids_transport_menus.xml",
    ],
    "assets": {
        "web.assets_backend": [
            "smart_kids_transport/static/src/van/*",
        ],
        "web.assets_tests": [
            "smart_kids_transport/static/tests/tours/*",
        ],
    },
    "installable": True,
}
