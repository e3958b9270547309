package io.gptload.settings;

import io.gptload.shared.Languages;
import io.gptload.shared.MessageTemplate;
import io.gptload.shared.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Catalogue of validation messages in en-US, zh-CN and ja-JP. Placeholders {@code {0}}, {@code {1}}…
 * are replaced by the arguments; argument 0 is always the offending field.
 */
public enum ValidationMessage {
    UNKNOWN_SETTING("unknown setting: {0}", "未知的设置项：{0}", "不明な設定項目です: {0}"),
    UNKNOWN_CONFIG_FIELD("unknown config field: {1}", "未知的配置字段：{1}", "不明な設定フィールドです: {1}"),
    NOT_INTEGER("{0} must be an integer", "{0} 必须是整数", "{0} は整数で指定してください"),
    NOT_BOOLEAN("{0} must be true or false", "{0} 必须是布尔值（true 或 false）",
            "{0} は true または false で指定してください"),
    NOT_STRING("{0} must be a string", "{0} 必须是字符串", "{0} は文字列で指定してください"),
    NOT_OBJECT("{0} must be a JSON object", "{0} 必须是 JSON 对象", "{0} は JSON オブジェクトで指定してください"),
    NOT_ARRAY("{0} must be a JSON array", "{0} 必须是 JSON 数组", "{0} は JSON 配列で指定してください"),
    BELOW_MIN("{0} must be at least {1}", "{0} 不能小于 {1}", "{0} は {1} 以上で指定してください"),
    ABOVE_MAX("{0} must be at most {1}", "{0} 不能大于 {1}", "{0} は {1} 以下で指定してください"),
    REQUIRED("{0} is required and cannot be empty", "{0} 为必填项，不能为空", "{0} は必須です。空にはできません"),
    EMPTY("{0} must not be empty", "{0} 不能为空", "{0} は空にできません"),
    INVALID_FAILOVER_CODES("{0} is invalid: {1}", "{0} 格式无效：{1}", "{0} の形式が無効です: {1}"),
    INVALID_HTTP_URL("{0} must be a valid http:// or https:// URL with a host",
            "{0} 必须是包含主机名的有效 http:// 或 https:// 地址",
            "{0} はホスト名を含む有効な http:// または https:// の URL で指定してください"),
    INVALID_PROXY_URL("{0} must be empty or an http:// or https:// proxy URL with a host (only HTTP(S) proxies are supported)",
            "{0} 必须为空或是包含主机名的 http:// 或 https:// 代理地址（仅支持 HTTP(S) 代理）",
            "{0} は空、またはホスト名を含む http:// か https:// のプロキシ URL で指定してください（HTTP(S) プロキシのみ対応）"),
    PROXY_CREDENTIALS_UNSUPPORTED("{0}: proxies that need a user name and password are not supported yet; "
            + "use a proxy that allows the gateway's address",
            "{0}：暂不支持需要用户名和密码的代理，请使用允许网关地址访问的代理",
            "{0}: ユーザー名とパスワードが必要なプロキシにはまだ対応していません。ゲートウェイのアドレスを許可するプロキシを使用してください"),
    SOCKS_PROXY_UNSUPPORTED("{0}: SOCKS proxies are not supported, only HTTP(S) proxies (http:// or https://)",
            "{0}：不支持 SOCKS 代理，仅支持 HTTP(S) 代理（http:// 或 https://）",
            "{0}: SOCKS プロキシには対応していません。HTTP(S) プロキシ（http:// または https://）のみ使用できます"),
    NO_ACTIVE_UPSTREAM("{0} must contain at least one upstream with a weight greater than 0",
            "{0} 至少需要一个权重大于 0 的上游", "{0} には重みが 0 より大きいアップストリームが少なくとも 1 つ必要です"),
    INVALID_HEADER_NAME("{0} is not a valid HTTP header name: {1}", "{0} 不是有效的 HTTP 请求头名称：{1}",
            "{0} は有効な HTTP ヘッダー名ではありません: {1}"),
    DUPLICATE_HEADER("{0}: duplicate header key {1}", "{0}：请求头键 {1} 重复", "{0}: ヘッダーキー {1} が重複しています"),
    INVALID_HEADER_ACTION("{0} must be \"set\" or \"remove\"", "{0} 必须是 \"set\" 或 \"remove\"",
            "{0} は \"set\" または \"remove\" で指定してください"),
    INVALID_HEADER_VALUE("{0} must not contain line breaks, control characters or characters outside Latin-1 "
            + "(HTTP header values are Latin-1; percent-encode other text)",
            "{0} 不能包含换行符、控制字符或 Latin-1 以外的字符（HTTP 头的值只能是 Latin-1，其他文字请进行百分号编码）",
            "{0} に改行、制御文字、Latin-1 以外の文字を含めることはできません（HTTP ヘッダーの値は Latin-1 のみ。その他の文字はパーセントエンコードしてください）");

    private final MessageTemplate template;

    ValidationMessage(String en, String zh, String ja) {
        this.template = new MessageTemplate(name().toLowerCase(java.util.Locale.ROOT), en, zh, ja);
    }

    /** Stable id, e.g. {@code below_min}. */
    public String id() {
        return template.id();
    }

    /** An exception for {@code field}; {@code extra} fill placeholders {1}, {2}… */
    public ValidationException exception(String field, Object... extra) {
        return template.exception(field, extra);
    }

    /** This message in one of the supported languages (en-US for anything else). */
    public String format(String languageTag, List<String> args) {
        return template.format(languageTag, args);
    }

    /** The message of {@code e} in the given language, or its English text if the id is not ours. */
    public static String localize(ValidationException e, String languageTag) {
        for (ValidationMessage message : values()) {
            if (message.id().equals(e.messageId())) {
                return message.format(languageTag, e.args());
            }
        }
        return e.getMessage();
    }
}
