"""Use cases. Each takes plain values, owns its transaction and returns plain values.

Every function takes a `Ctx` naming the owner, and reads or writes only that owner's rows.
"""
