{
    "name": "Smart Kids: Reports and Evaluation",
    "summary": "Executive reports, data-currency monitoring, centre evaluation and "
    "star certification",
    "version": "18.0.0.1.0",
    "category": "Education",
    "author": "Smart Kids",
    "license": "LGPL-3",
    "depends": ["smart_kids", "survey"],
    "data": [],
    "installable": True,
}
