package io.gptload.admin;

import io.gptload.keypool.KeyNotes;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.sql.SQLException;
import org.primefaces.PrimeFaces;

/** The key page's notes dialog: a key's note, edited and saved (at most {@value KeyNotes#MAX} characters). */
@Named
@ViewScoped
public class KeyNotesBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    KeysBacking table;
    @Inject
    KeyNotes notes;

    private long noteKeyId;
    private String noteText = "";

    /** Opens the dialog on {@code row}'s note. */
    public void edit(KeyRow row) {
        noteKeyId = row.id();
        noteText = row.notes();
    }

    public void save() {
        FacesContext ctx = FacesContext.getCurrentInstance();
        if (table.keyOfGroup(noteKeyId).isEmpty()) {
            ConsoleMessages.error(ctx, "keys.error.gone");
            return;
        }
        String text = noteText == null ? "" : noteText;
        if (text.codePointCount(0, text.length()) > KeyNotes.MAX) {
            ConsoleMessages.error(ctx, "keys.notes.tooLong", KeyNotes.MAX);
            return;
        }
        try {
            notes.update(noteKeyId, text);
            PrimeFaces.current().executeScript("PF('notesDialog').hide()");
            table.refreshTable();
        } catch (SQLException e) {
            throw new ConsoleDataException("key notes", e);
        }
    }

    public String getNoteText() {
        return noteText;
    }

    public void setNoteText(String noteText) {
        this.noteText = noteText;
    }
}
