"""Plain values to bytes and chart specs and back: CSV, the PDF, chart images, Altair charts, FHIR, calendar
reminders, readers of uploads. No database, no Streamlit."""
