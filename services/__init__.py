"""Use cases. Each takes plain values, owns its transaction and returns plain values (never a chart or a widget).

Every use case takes a `Ctx` naming the owner, and reads or writes only that owner's rows. A read that another
use case needs inside its own transaction has a twin ending in `_in` that takes the open session and the owner's
id (build_report reads everything in one transaction through progress_data_in, load_history_in, ...).
"""
