package io.gptload.api;

import io.gptload.requestlog.LogFilter;
import io.gptload.requestlog.RequestLogQuery;
import io.gptload.requestlog.RequestLogView;
import io.gptload.shared.KeyCipher;
import io.gptload.shared.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.function.Function;

/** {@code GET /api/logs} and {@code GET /api/logs/export} (spec §3.3). */
@ApplicationScoped
@Path("logs")
public class LogsResource {

    private RequestLogQuery query;
    private KeyCipher cipher;

    protected LogsResource() {
        // for CDI proxies
    }

    @Inject
    public LogsResource(RequestLogQuery query, KeyCipher cipher) {
        this.query = Objects.requireNonNull(query, "query");
        this.cipher = Objects.requireNonNull(cipher, "cipher");
    }

    @GET
    public Response list(@Context UriInfo uri) {
        MultivaluedMap<String, String> q = uri.getQueryParameters();
        LogFilter filter = LogFilter.fromQuery(q, cipher::hash);
        PageRequest page = PageRequest.of(q.getFirst("page"), q.getFirst("page_size"));
        return Envelope.ok(query.find(filter, page, decryptor()).toJson(RequestLogView::toJson));
    }

    @GET
    @Path("export")
    public Response export(@Context UriInfo uri) {
        LogFilter filter = LogFilter.fromQuery(uri.getQueryParameters(), cipher::hash);
        String name = "log_keys_export_" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss")) + ".csv";
        StreamingOutput body = out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            query.exportKeysCsv(filter, w, decryptor());
            w.flush();
        };
        return Response.ok(body, "text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=" + name).build();
    }

    private Function<String, String> decryptor() {
        return stored -> {
            try {
                return cipher.decrypt(stored);
            } catch (KeyCipher.DecryptionException e) {
                return "failed-to-decrypt";
            }
        };
    }
}
