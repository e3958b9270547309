package io.gptload.settings;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** Checks that a text is an absolute {@code http://} or {@code https://} URL with a host. */
public final class HttpUrls {

    private HttpUrls() {
    }

    /** Whether {@code text} is an http(s) URL with a host, parseable as a URI. */
    public static boolean isValid(String text) {
        if (text == null) {
            return false;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("http://") && !lower.startsWith("https://")) {
            return false;
        }
        try {
            URI uri = new URI(text);
            return uri.getHost() != null && !uri.getHost().isEmpty();
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
