"""Backup: download a copy of your data; restore one after confirming, with the current data saved first."""

from datetime import date
from pathlib import Path

import streamlit as st

from services.backup import BackupError, make_backup, restore_backup
from ui.auth import auth_enabled
from ui.cache import after_write
from ui.demo import download_name
from ui.session import current_ctx, in_demo
from ui.shell import require_app

require_app()

ctx = current_ctx()
demo = in_demo()
state = st.session_state
DONE_KEY = "backup_restored"


def restore() -> None:
    """Restore the uploaded file; keep the outcome (or the reason it failed) for this run."""
    upload = state.get("backup_upload")
    if upload is None:
        state["backup_error"] = "Choose a backup file first."
        return
    try:
        result = restore_backup(ctx, upload.getvalue(), demo=demo)
    except BackupError as error:
        state["backup_error"] = (str(error), error.problems, error.more)
        return
    after_write(ctx)
    migrated = (
        f" It came from an older version (schema {result.from_revision}) and was updated." if result.migrated else ""
    )
    state[DONE_KEY] = (
        f"Backup restored: {result.sessions} sessions.{migrated}",
        str(result.safety_backup),
        result.notes,
    )
    state.pop("backup_confirm", None)


st.title("Backup", anchor=False)
if demo:
    st.write(
        "You are in the demo, so this backs up the demo's made-up data only, not your own. The file's name says "
        "demo, and Threshold will not restore it over your own data. To back up your own data, leave the demo first."
    )
else:
    st.write(
        "A backup is one file holding all your data: sessions, check-ins, settings, your own exercises and share "
        "links. Keep it somewhere safe (another disk, your cloud storage); you can restore it here, on this or "
        "another computer, even after Threshold has been updated."
    )
st.download_button(
    "Download the demo backup" if demo else "Download backup",
    data=lambda: make_backup(ctx, demo=demo),
    file_name=download_name(f"threshold-backup-{date.today():%Y-%m-%d}.sqlite"),
    mime="application/vnd.sqlite3",
    key="backup_download",
    icon=":material/download:",
    type="primary",
)

st.header("Restore from a backup", anchor=False)
if done := state.pop(DONE_KEY, None):
    message, kept, notes = done
    st.success(message, icon=":material/check_circle:")
    for note in notes:
        st.warning(note, icon=":material/build:")
    # A hosted server's folders are no business of the people using it; locally, the path helps find the file.
    where = "on the server" if auth_enabled() else f"to `{kept}`"
    st.info(f"Your data as it was just before the restore was saved {where}.", icon=":material/save:")
    if Path(kept).exists():
        st.download_button(
            "Download the data from before the restore",
            data=Path(kept).read_bytes(),
            file_name=Path(kept).name,
            key="backup_download_previous",
        )
if refused := state.pop("backup_error", None):
    message, problems, more = refused if isinstance(refused, tuple) else (refused, (), 0)
    st.error(message, icon=":material/error:")
    if problems:
        st.dataframe({"what is wrong in the backup": list(problems)}, hide_index=True, width="stretch")
    if more:
        st.caption(f"The first {len(problems):,} of {len(problems) + more:,}.")
st.file_uploader("Backup file (.sqlite)", type=["sqlite", "sqlite3", "db"], key="backup_upload")
if demo:
    st.warning(
        "Restoring here replaces the demo data with the backup's; your own data is not touched. A copy of the "
        "demo data is saved first, so you can go back.",
        icon=":material/warning:",
    )
else:
    st.warning(
        "Restoring replaces all your current data with the backup's. A copy of your current data is saved first, "
        "so you can go back.",
        icon=":material/warning:",
    )
what = "the demo data" if demo else "my current data"
confirmed = st.checkbox(f"Yes, replace {what} with this backup", key="backup_confirm")
st.button(
    "Restore",
    on_click=restore,
    disabled=not confirmed or state.get("backup_upload") is None,
    key="backup_restore",
    icon=":material/restore:",
)
