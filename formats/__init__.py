"""Plain values to bytes and chart specs, and back: no database, no Streamlit."""
