package io.gptload.shared;

/**
 * Describes an unexpected exception for the server log without its messages (which may carry
 * request data or keys): exception types and the top stack frames of each cause.
 */
public final class Throwables {

    private static final int FRAMES = 12;

    private Throwables() {
    }

    public static String describe(Throwable t) {
        StringBuilder sb = new StringBuilder();
        int depth = 0;
        for (Throwable c = t; c != null && depth < 5; c = c.getCause(), depth++) {
            sb.append(depth == 0 ? "" : "\n caused by ").append(c.getClass().getName());
            StackTraceElement[] st = c.getStackTrace();
            for (int i = 0; i < Math.min(FRAMES, st.length); i++) {
                sb.append("\n   at ").append(st[i]);
            }
        }
        return sb.toString();
    }
}
