"""Python generated from the Qt Designer forms in ui/ (``make forms``); do not edit by hand."""
