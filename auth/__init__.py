"""Who may see what: users, sessions, the access policy and the audit log."""
