package io.gptload.admin;

import io.gptload.group.GroupSnapshot;
import io.gptload.keypool.KeyImport;
import io.gptload.keypool.TaskRefusedException;
import io.gptload.keypool.TaskStartException;
import io.gptload.shared.ValidationException;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.primefaces.PrimeFaces;
import org.primefaces.model.file.UploadedFile;

/** The key page's Add keys dialog: pasted text and a {@code .txt} upload, imported as an async task. */
@Named
@ViewScoped
public class KeyImportBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    /** The largest .txt upload taken (also enforced by the upload component). */
    static final long MAX_UPLOAD = 20L * 1024 * 1024;

    @Inject
    KeysBacking table;
    @Inject
    KeyImport imports;
    @Inject
    KeyTaskBacking progress;

    private String addText = "";
    private transient UploadedFile upload;

    /** Starts importing the pasted text and the uploaded {@code .txt}, if any. */
    public void addKeys() {
        Optional<GroupSnapshot> group = table.standardGroup();
        if (group.isEmpty()) {
            return;
        }
        String text = addText == null ? "" : addText;
        if (upload != null && upload.getSize() > 0) {
            if (upload.getSize() > MAX_UPLOAD) {
                error("keys.add.tooLarge");
                return;
            }
            try (InputStream in = upload.getInputStream()) {
                text = text + "\n" + new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                upload = null;
            }
        }
        if (text.isBlank()) {
            error("keys.add.empty");
            return;
        }
        try {
            imports.start(group.get().id(), group.get().name(), text);
            addText = "";
            progress.watch();
            PrimeFaces.current().executeScript("PF('addKeysDialog').hide()");
        } catch (TaskRefusedException e) {
            error("keys.task.busy");
        } catch (TaskStartException | ValidationException e) {
            error("keys.add.noKeys");
        }
    }

    private static void error(String key) {
        ConsoleMessages.error(FacesContext.getCurrentInstance(), key);
    }

    public String getAddText() {
        return addText;
    }

    public void setAddText(String addText) {
        this.addText = addText;
    }

    public UploadedFile getUpload() {
        return upload;
    }

    public void setUpload(UploadedFile upload) {
        this.upload = upload;
    }
}
