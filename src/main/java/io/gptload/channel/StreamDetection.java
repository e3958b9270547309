package io.gptload.channel;

import io.gptload.shared.json.JsonFields;

/** The stream signals every format honours (spec §2.7). */
final class StreamDetection {

    private StreamDetection() {
    }

    /** {@code Accept} contains {@code text/event-stream}, or query {@code stream=true}, or top-level body {@code "stream": true}. */
    static boolean requested(ClientRequest r) {
        String accept = r.header().apply("Accept");
        if (accept != null && accept.contains("text/event-stream")) {
            return true;
        }
        if ("true".equals(UpstreamUrl.firstParam(r.rawQuery(), "stream"))) {
            return true;
        }
        return JsonFields.topLevelBoolean(r.body(), "stream").orElse(false);
    }
}
