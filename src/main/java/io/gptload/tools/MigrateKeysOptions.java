package io.gptload.tools;

import java.util.List;
import java.util.Objects;

/**
 * The command line of {@code migrate-keys}: {@code --from OLD}, {@code --to NEW} (also
 * {@code --from=OLD}), or {@code --help}. An absent key is the empty string. {@link #toString()}
 * never shows the keys.
 *
 * @param help true when usage was asked for
 * @param from current ENCRYPTION_KEY of the data, empty when the data is plaintext
 * @param to   new ENCRYPTION_KEY, empty to store plaintext
 */
public record MigrateKeysOptions(boolean help, String from, String to) {

    public MigrateKeysOptions {
        Objects.requireNonNull(from, "from must not be null (use \"\")");
        Objects.requireNonNull(to, "to must not be null (use \"\")");
    }

    /**
     * Parses the arguments after {@code migrate-keys}.
     *
     * @throws UsageException with a one-line reason that never repeats a value
     */
    public static MigrateKeysOptions parse(List<String> args) throws UsageException {
        Objects.requireNonNull(args, "args must not be null");
        String from = null;
        String to = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--help") || arg.equals("-h") || arg.equals("help")) {
                return new MigrateKeysOptions(true, "", "");
            }
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            if (!name.equals("--from") && !name.equals("--to")) {
                throw new UsageException(arg.startsWith("-") ? "unknown option '" + name + "'"
                        : "unexpected argument; keys go right after --from or --to");
            }
            String value;
            if (arg.contains("=")) {
                value = arg.substring(arg.indexOf('=') + 1);
            } else if (i + 1 < args.size()) {
                value = args.get(++i);
            } else {
                throw new UsageException(name + " needs a value");
            }
            if (value.isEmpty()) {
                throw new UsageException(name + " needs a non-empty value");
            }
            if ((name.equals("--from") ? from : to) != null) {
                throw new UsageException(name + " given twice");
            }
            if (name.equals("--from")) {
                from = value;
            } else {
                to = value;
            }
        }
        if (from == null && to == null) {
            throw new UsageException("nothing to do: give --to (enable), --from (disable) or both (rotate)");
        }
        if (from != null && from.equals(to)) {
            throw new UsageException("--from and --to are the same key: nothing to do");
        }
        return new MigrateKeysOptions(false, from == null ? "" : from, to == null ? "" : to);
    }

    /** Which migration the keys ask for; meaningless for {@link #help()}. */
    public Scenario scenario() {
        if (from.isEmpty()) {
            return Scenario.ENABLE;
        }
        return to.isEmpty() ? Scenario.DISABLE : Scenario.ROTATE;
    }

    @Override
    public String toString() {
        return "MigrateKeysOptions[help=" + help + ", from=" + (from.isEmpty() ? "" : "****")
                + ", to=" + (to.isEmpty() ? "" : "****") + "]";
    }

    /** The command line is wrong; the message is one line and repeats no value. */
    public static final class UsageException extends Exception {

        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }
}
