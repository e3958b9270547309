package io.gptload.api;

/** Parsing ids from query strings and paths, with gpt-load's 400 answers. */
final class Ids {

    private Ids() {
    }

    static long parse(String value, String missingMessage) {
        if (value == null || value.isBlank()) {
            throw ApiException.badRequest(missingMessage);
        }
        try {
            long id = Long.parseLong(value.strip());
            if (id <= 0) {
                throw ApiException.badRequest("Invalid group ID format");
            }
            return id;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("Invalid group ID format");
        }
    }
}
