"""Pure builders: frames and options in, figures and layout pieces out (no database, no request)."""
