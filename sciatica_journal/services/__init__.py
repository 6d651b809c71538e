"""The use cases the window and the command line call. No Qt here."""
