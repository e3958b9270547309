package io.gptload.admin;

import io.gptload.requestlog.LogCount;
import io.gptload.requestlog.LogFilter;
import io.gptload.requestlog.RequestLogPages;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * The lazy model behind the logs table: one filter, read a page at a time, newest first. The
 * count is taken once per filter (a new model is made when the filters change), never again per
 * page. With filters it is capped, so a filter over a million rows answers at once; when the
 * operator pages to the end of what was counted, the count goes ten times further.
 */
final class LogTableModel extends LazyDataModel<LogRow> {

    private static final long serialVersionUID = 1L;
    /** A filtered count first stops here; the page says "more than" beyond it. */
    static final long COUNT_CAP = 1_000;
    /** How much further the count goes each time the last counted page is reached. */
    static final long GROWTH = 10;

    private final RequestLogPages pages;
    private final LogFilter filter;
    private final Function<String, String> decryptor;
    private LogCount total;

    LogTableModel(RequestLogPages pages, LogFilter filter, Function<String, String> decryptor) {
        this.pages = Objects.requireNonNull(pages, "pages");
        this.filter = Objects.requireNonNull(filter, "filter");
        this.decryptor = Objects.requireNonNull(decryptor, "decryptor");
    }

    /** The number of matching logs, counted on first use. */
    LogCount total() {
        if (total == null) {
            total = pages.count(filter, COUNT_CAP);
        }
        return total;
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        return (int) Math.min(Integer.MAX_VALUE, total().value());
    }

    @Override
    public List<LogRow> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        LogCount counted = total();
        if (counted.capped() && first + (long) pageSize >= counted.value()) {
            total = pages.count(filter, nextCap(counted.value(), first, pageSize));
            setRowCount(count(filterBy));
        } else if (first >= counted.value()) {
            return List.of(); // nothing there (no match at all): no need to walk the table for it
        }
        return pages.page(filter, total, first, pageSize, decryptor).stream().map(LogRow::of).toList();
    }

    /** The next cap: ten times the last one, and at least a full cap beyond the page asked for. */
    static long nextCap(long cap, long first, int pageSize) {
        return Math.max(cap * GROWTH, first + pageSize + COUNT_CAP);
    }

    @Override
    public String getRowKey(LogRow row) {
        return row.id();
    }

    @Override
    public LogRow getRowData(String rowKey) {
        List<LogRow> shown = getWrappedData();
        return shown == null ? null : shown.stream().filter(r -> r.id().equals(rowKey)).findFirst().orElse(null);
    }

    LogFilter filter() {
        return filter;
    }
}
