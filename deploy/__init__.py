"""Running Threshold as several app servers behind nginx."""
