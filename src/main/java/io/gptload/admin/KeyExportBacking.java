package io.gptload.admin;

import io.gptload.group.GroupDefinition;
import io.gptload.keypool.KeyExport;
import io.gptload.keypool.StoredKey;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;

/** The key page's Export: the selected group's keys (all, active or invalid) as a text file. */
@Named
@ViewScoped
public class KeyExportBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    KeysPage page;
    @Inject
    KeyExport export;

    private String exportScope = "";

    /** The group's keys as a text file, one per line, streamed from the database. */
    public StreamedContent getExportFile() {
        Long gid = page.getSelectedGroupId();
        GroupDefinition g = page.getSelectedGroup();
        if (gid == null || g == null) {
            return null;
        }
        String status = StoredKey.ACTIVE.equals(exportScope) || StoredKey.INVALID.equals(exportScope)
                ? exportScope : null;
        KeyExport exporter = export;
        long groupId = gid;
        return DefaultStreamedContent.builder()
                .name("keys-" + g.name() + "-" + (status == null ? "all" : status) + ".txt")
                .contentType("text/plain; charset=utf-8")
                .writer(out -> {
                    try {
                        exporter.write(groupId, status, out);
                    } catch (SQLException e) {
                        throw new ConsoleDataException("key export", e);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                })
                .build();
    }

    public String getExportScope() {
        return exportScope;
    }

    public void setExportScope(String exportScope) {
        this.exportScope = exportScope;
    }
}
