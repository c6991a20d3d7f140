"""The interface's words, one module per page; `components.i18n` merges them into one table."""
