package io.gptload.shared;

/**
 * A page of a list as gpt-load reads it from {@code page} and {@code page_size}: page defaults to
 * 1 (anything below 1 or unparseable ⇒ 1), size to 15 (≤ 0 or unparseable ⇒ 15), at most 1000.
 */
public record PageRequest(int page, int pageSize) {

    public static final int DEFAULT_SIZE = 15;
    public static final int MAX_SIZE = 1000;

    public PageRequest {
        page = Math.max(1, page);
        pageSize = pageSize <= 0 ? DEFAULT_SIZE : Math.min(pageSize, MAX_SIZE);
    }

    /** From the raw query values; {@code null} or text that is not an integer counts as absent. */
    public static PageRequest of(String page, String pageSize) {
        return new PageRequest(parse(page), parse(pageSize));
    }

    /** Rows to skip before this page. */
    public long offset() {
        return (long) (page - 1) * pageSize;
    }

    private static int parse(String s) {
        if (s == null) {
            return 0;
        }
        try {
            return Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
