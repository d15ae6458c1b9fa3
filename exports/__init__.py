"""Files made from the user's data: chart images, CSV, the PDF report, backups (pure functions returning bytes)."""
