package io.gptload.proxy;

import java.io.IOException;
import java.io.InputStream;

/** Reads the request body once, refusing anything over {@code MAX_REQUEST_BODY_BYTES}. */
final class BoundedBody {

    private BoundedBody() {
    }

    /**
     * The body, or null when it is larger than {@code max} bytes. {@code contentLength} is the
     * length the body is framed by: null for a chunked request, whose Content-Length (if any) the
     * container ignores.
     */
    static byte[] read(InputStream in, long max, String contentLength) throws IOException {
        long declared = -1;
        if (contentLength != null) {
            try {
                declared = Long.parseLong(contentLength.strip());
            } catch (NumberFormatException ignored) {
                // the container rejects a malformed Content-Length itself
            }
            if (declared > max) {
                return null;
            }
        }
        if (in == null) {
            return new byte[0];
        }
        if (declared >= 0 && declared <= Integer.MAX_VALUE - 8) {
            // the container ends the stream at the declared length: no read-ahead buffer to trim
            return in.readNBytes((int) declared);
        }
        byte[] b = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
        return b.length > max ? null : b;
    }
}
