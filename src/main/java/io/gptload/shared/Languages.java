package io.gptload.shared;

import java.util.List;
import java.util.Locale;

/** The three languages the gateway speaks, and how a caller's {@code Accept-Language} picks one. */
public final class Languages {

    public static final String EN_US = "en-US";
    public static final String ZH_CN = "zh-CN";
    public static final String JA_JP = "ja-JP";
    /** All supported language tags; the first is the default. */
    public static final List<String> SUPPORTED = List.of(EN_US, ZH_CN, JA_JP);

    private Languages() {
    }

    /**
     * Picks the language from the FIRST tag of an {@code Accept-Language} header (or a plain tag):
     * {@code zh*} → zh-CN, {@code ja*} → ja-JP, anything else (or nothing) → en-US.
     */
    public static String resolve(String acceptLanguage) {
        if (acceptLanguage == null) {
            return EN_US;
        }
        String first = acceptLanguage.split(",", 2)[0];
        int semicolon = first.indexOf(';');
        String tag = (semicolon < 0 ? first : first.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
        if (tag.startsWith("zh")) {
            return ZH_CN;
        }
        if (tag.startsWith("ja")) {
            return JA_JP;
        }
        return EN_US;
    }
}
