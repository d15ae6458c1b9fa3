"""Streamlit glue shared by the pages: which database and owner, caches, form helpers."""
