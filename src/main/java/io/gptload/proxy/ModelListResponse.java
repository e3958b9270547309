package io.gptload.proxy;

import io.gptload.group.GroupSnapshot;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;

/** Model-list interception (spec §2.9): the upstream list merged with, or replaced by, the redirect rules. */
final class ModelListResponse {

    static final int MAX_LIST = 16 << 20;

    private ModelListResponse() {
    }

    static Response rewrite(GroupSnapshot group, HttpResponse<InputStream> r, String rawQuery, Runnable logIt) {
        try (InputStream in = r.body()) {
            byte[] raw = UpstreamBodies.decompress(in.readNBytes(MAX_LIST), UpstreamBodies.encoding(r), MAX_LIST);
            byte[] out = group.adapter().rewriteModelList(raw, rawQuery, group.redirect());
            return Response.ok(out, "application/json").build();
        } catch (IOException | IllegalArgumentException e) {
            return Response.status(500).type("application/json")
                    .entity("{\"error\":\"Failed to process response\"}").build();
        } finally {
            logIt.run();
        }
    }
}
