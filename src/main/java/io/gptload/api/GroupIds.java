package io.gptload.api;

/** Parses the {@code {id}} and {@code {subGroupId}} path parameters of group routes: a non-negative integer, else 400 BAD_REQUEST. */
final class GroupIds {

    private GroupIds() {
    }

    static long parse(String id) {
        return parse(id, "Invalid group ID format");
    }

    /** The {@code {subGroupId}} path parameter; gpt-load's message differs from the group id's. */
    static long parseSubGroup(String id) {
        return parse(id, "Invalid sub-group ID");
    }

    private static long parse(String id, String message) {
        if (id == null || id.isEmpty() || id.length() > 18 || !id.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw ApiException.badRequest(message);
        }
        return Long.parseLong(id);
    }
}
