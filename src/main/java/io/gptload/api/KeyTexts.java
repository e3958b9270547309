package io.gptload.api;

/** The check every key-text route shares: whitespace-only text is 400 VALIDATION_FAILED (spec §3.3). */
final class KeyTexts {

    private KeyTexts() {
    }

    static void requireNotBlank(String text) {
        if (text == null || text.isBlank()) {
            throw ApiException.validation("Keys text cannot be empty");
        }
    }
}
