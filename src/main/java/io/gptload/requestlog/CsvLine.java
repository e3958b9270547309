package io.gptload.requestlog;

/** One CSV record the way gpt-load's exports write it: quoted only when needed, {@code \n} line ends. */
final class CsvLine {

    private CsvLine() {
    }

    static String of(String... fields) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(field(fields[i] == null ? "" : fields[i]));
        }
        return sb.append('\n').toString();
    }

    static String field(String f) {
        boolean quote = !f.isEmpty() && (f.indexOf(',') >= 0 || f.indexOf('"') >= 0 || f.indexOf('\r') >= 0
                || f.indexOf('\n') >= 0 || Character.isWhitespace(f.charAt(0)));
        return quote ? '"' + f.replace("\"", "\"\"") + '"' : f;
    }
}
