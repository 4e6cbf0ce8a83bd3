"""What an exporter and its importer both know about a file format (columns, labels).

A format's exporter and importer never import each other: the names and
markers they share live here, one module per format (gettext's are in
``moci_vocab.po``).
"""
