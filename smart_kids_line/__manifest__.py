{
    "name": "Smart Kids: LINE",
    "summary": "Parents receive check-ins, health notes, lunches and activities on LINE",
    "version": "18.0.0.1.0",
    "category": "Education",
    "author": "Smart Kids",
    "license": "LGPL-3",
    "depends": ["smart_kids"],
    "data": [],
    "installable": True,
}
