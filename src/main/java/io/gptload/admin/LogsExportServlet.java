package io.gptload.admin;

import io.gptload.keypool.KeyService;
import io.gptload.requestlog.RequestLogCsv;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * {@code GET /console/logs.csv}: the CSV export link of the logs page, for a logged-in console
 * session only (anyone else gets 401). The filter comes from the query ({@link LogExportLink});
 * the rows stream from {@link RequestLogCsv} straight to the response, keys masked.
 */
@WebServlet(urlPatterns = LogsExportServlet.PATH)
public class LogsExportServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    static final String PATH = "/console/logs.csv";
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    @Inject
    transient RequestLogCsv csv;
    @Inject
    transient KeyService keys;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setHeader("Cache-Control", "no-store");
        if (!ConsoleSession.loggedIn(req.getSession(false))) {
            resp.sendError(HttpServletResponse.SC_UNAUTHORIZED);
            return;
        }
        var filter = LogExportLink.filter(req::getParameter);
        resp.setContentType("text/csv; charset=utf-8");
        resp.setHeader("Content-Disposition",
                "attachment; filename=request_logs_" + LocalDateTime.now().format(FILE_TIME) + ".csv");
        Writer out = new OutputStreamWriter(resp.getOutputStream(), StandardCharsets.UTF_8);
        csv.write(filter, out, keys::displayValue);
    }
}
