package io.gptload.admin;

import io.gptload.keypool.KeyService;
import io.gptload.requestlog.LogCount;
import io.gptload.requestlog.LogFilter;
import io.gptload.requestlog.RequestLogPages;
import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.ZoneId;
import java.util.function.Function;
import org.primefaces.component.datatable.DataTable;

/**
 * {@code logs.xhtml}: the filters of {@code /api/logs}, the lazy table of request logs (newest
 * first, a page at a time from {@link RequestLogPages}), the detail dialog of one log, and the CSV
 * export link of the filtered logs ({@link LogsExportServlet}). Keys are shown masked only; the keys
 * page links to one key's logs by its hash ({@code ?key_hash=}), never by its value.
 */
@Named
@ViewScoped
public class LogsBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    /** The logs table's client id (a new filter starts on its first page). */
    static final String TABLE = ":logsForm:logTable";

    @Inject
    RequestLogPages pages;
    @Inject
    KeyService keys;

    private LogFilterForm form = new LogFilterForm();
    private LogFilter applied;
    private LogTableModel model;
    private LogRow selected;

    /** Opened with {@code ?key_hash=} (the keys page's link of one key): that key's logs. */
    @PostConstruct
    void openFromLink() {
        FacesContext ctx = FacesContext.getCurrentInstance();
        if (ctx == null) {
            return;
        }
        String hash = ctx.getExternalContext().getRequestParameterMap().get(LogExportLink.KEY_HASH);
        if (hash != null) {
            form.linkKeyHash(hash);
            apply();
        }
    }

    /** The table's model for the applied filters (none until Apply). */
    public LogTableModel getModel() {
        if (model == null) {
            model = new LogTableModel(pages, applied(), decryptor());
        }
        return model;
    }

    private LogFilter applied() {
        if (applied == null) {
            applied = LogFilter.NONE;
        }
        return applied;
    }

    /** Applies the filter fields and shows the first page of the newest matching logs. */
    public void apply() {
        applied = form.toFilter(keys::hash, ZoneId.systemDefault());
        model = null;
        selected = null;
        FacesContext ctx = FacesContext.getCurrentInstance();
        if (ctx != null && ctx.getViewRoot().findComponent(TABLE) instanceof DataTable table) {
            table.setFirst(0);
        }
    }

    /** Clears every filter. */
    public void reset() {
        form = new LogFilterForm();
        apply();
    }

    /** The number of matching logs; {@code capped} when more match than were counted. */
    public LogCount getTotal() {
        return getModel().total();
    }

    public long getCountCap() {
        return LogTableModel.COUNT_CAP;
    }

    /** Opens the detail dialog of one row. */
    public void showDetails(LogRow row) {
        selected = row;
    }

    public LogRow getSelected() {
        return selected;
    }

    /** The CSV export of the applied filters' logs ({@link LogsExportServlet}), relative to the page. */
    public String getCsvLink() {
        return LogsExportServlet.PATH.substring(1) + LogExportLink.query(applied());
    }

    private Function<String, String> decryptor() {
        KeyService k = keys;
        return (Function<String, String> & Serializable) k::displayValue;
    }

    public LogFilterForm getForm() {
        return form;
    }
}
