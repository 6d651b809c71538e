"""Painting for the report and the screen alike: QtGui only, no widgets."""
