"""The real published DTI figures (`data/`, copied unchanged from the project's shared data) and their loader."""
