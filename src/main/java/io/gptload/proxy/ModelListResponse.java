package io.gptload.proxy;

import io.gptload.group.GroupSnapshot;
import java.nio.charset.StandardCharsets;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;

/** Model-list interception (spec §2.9): the upstream list merged with, or replaced by, the redirect rules. */
final class ModelListResponse {

    static final int MAX_LIST = 16 << 20;

    private ModelListResponse() {
    }

    static Reply rewrite(GroupSnapshot group, HttpResponse<InputStream> r, String rawQuery, Runnable logIt) {
        try (InputStream in = r.body()) {
            byte[] raw = UpstreamBodies.decompress(in.readNBytes(MAX_LIST), UpstreamBodies.encoding(r), MAX_LIST);
            byte[] out = group.adapter().rewriteModelList(raw, rawQuery, group.redirect());
            return Reply.json(200, out);
        } catch (IOException | IllegalArgumentException e) {
            return Reply.json(500, "{\"error\":\"Failed to process response\"}".getBytes(StandardCharsets.UTF_8));
        } finally {
            logIt.run();
        }
    }
}
