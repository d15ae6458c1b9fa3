"""Threshold's domain: plain Python, no Streamlit and no database."""
