"""Plain values to bytes and chart specs and back: CSV, the PDF, chart images, Altair charts, readers of uploads."""
