package io.gptload.group;

import io.gptload.shared.Languages;
import io.gptload.shared.MessageTemplate;
import io.gptload.shared.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Validation messages of the group use cases in en-US, zh-CN and ja-JP. Argument {@code {0}} is
 * always the offending field; {@code {1}}… are extra arguments.
 */
public enum GroupMessage {
    INVALID_NAME("{0} must be 1-100 characters of lowercase letters, digits, '_' or '-'",
            "{0} 只能包含 1-100 个小写字母、数字、'_' 或 '-'",
            "{0} は 1～100 文字の英小文字・数字・'_'・'-' で指定してください"),
    INVALID_CHANNEL_TYPE("{0} must be one of: {1}", "{0} 必须是以下之一：{1}", "{0} は次のいずれかで指定してください: {1}"),
    INVALID_GROUP_TYPE("{0} must be \"standard\" or \"aggregate\"", "{0} 必须是 \"standard\" 或 \"aggregate\"",
            "{0} は \"standard\" または \"aggregate\" で指定してください"),
    TEST_MODEL_REQUIRED("{0} is required for a standard group", "标准分组必须填写 {0}", "標準グループでは {0} は必須です"),
    INVALID_VALIDATION_ENDPOINT("{0} must be empty or a path starting with '/' (no scheme or host)",
            "{0} 必须为空或以 '/' 开头的路径（不能包含协议或主机）",
            "{0} は空、または '/' で始まるパス（スキームやホストは不可）で指定してください"),
    AGGREGATE_NO_MODEL_REDIRECT("{0}: aggregate groups cannot have model redirect rules",
            "{0}：聚合分组不能配置模型重定向规则", "{0}: 集約グループにはモデルリダイレクトルールを設定できません"),
    REFERENCED_BY_AGGREGATES("{0} cannot be changed: the group is a sub group of {1} aggregate group(s)",
            "{0} 不能修改：该分组被 {1} 个聚合分组引用", "{0} は変更できません: このグループは {1} 個の集約グループのサブグループです"),
    SUB_GROUPS_REQUIRED("{0} must contain at least one sub group", "{0} 至少需要一个子分组",
            "{0} にはサブグループが少なくとも 1 つ必要です"),
    INVALID_SUB_GROUP_ID("{0} must be a positive group id", "{0} 必须是有效的分组 ID", "{0} は有効なグループ ID で指定してください"),
    WEIGHT_RANGE("{0} must be between 0 and 1000", "{0} 必须在 0 到 1000 之间", "{0} は 0～1000 で指定してください"),
    SUB_GROUP_NOT_FOUND("{0}: sub group {1} not found", "{0}：子分组 {1} 不存在", "{0}: サブグループ {1} が見つかりません"),
    SUB_GROUP_IS_AGGREGATE("{0}: sub group {1} is an aggregate group", "{0}：子分组 {1} 是聚合分组",
            "{0}: サブグループ {1} は集約グループです"),
    SUB_GROUP_CHANNEL_MISMATCH("{0}: sub group {1} must use channel type {2}", "{0}：子分组 {1} 的渠道类型必须是 {2}",
            "{0}: サブグループ {1} のチャネルタイプは {2} である必要があります"),
    SUB_GROUP_ENDPOINT_MISMATCH("{0}: sub group {1} must use the validation endpoint {2} like the other sub groups",
            "{0}：子分组 {1} 的验证端点必须与其他子分组一致（{2}）",
            "{0}: サブグループ {1} の検証エンドポイントは他のサブグループと同じ {2} である必要があります"),
    SUB_GROUP_EXISTS("{0}: Sub group {1} already exists", "{0}：子分组 {1} 已存在", "{0}: サブグループ {1} は既に存在します"),
    NOT_AGGREGATE("{0}: only aggregate groups can have sub groups", "{0}：只有聚合分组可以拥有子分组",
            "{0}: サブグループを持てるのは集約グループだけです"),
    REORDER_ITEMS_REQUIRED("{0} must contain at least one group", "{0} 至少需要一个分组",
            "{0} にはグループが少なくとも 1 つ必要です"),
    INVALID_GROUP_ID("{0} must be a positive group id", "{0} 必须是有效的分组 ID", "{0} は有効なグループ ID で指定してください"),
    SORT_NEGATIVE("{0} must not be negative", "{0} 不能为负数", "{0} は負の値にできません"),
    REORDER_DUPLICATE("{0}: group {1} is listed more than once", "{0}：分组 {1} 重复出现",
            "{0}: グループ {1} が複数回指定されています"),
    REORDER_GROUP_NOT_FOUND("{0}: group {1} not found", "{0}：分组 {1} 不存在", "{0}: グループ {1} が見つかりません"),
    INVALID_COPY_KEYS("{0} must be \"none\", \"valid_only\" or \"all\"", "{0} 必须是 \"none\"、\"valid_only\" 或 \"all\"",
            "{0} は \"none\"、\"valid_only\"、\"all\" のいずれかで指定してください");

    private final MessageTemplate template;

    GroupMessage(String en, String zh, String ja) {
        this.template = new MessageTemplate("group." + name().toLowerCase(java.util.Locale.ROOT), en, zh, ja);
    }

    /** Stable id, e.g. {@code group.invalid_name}. */
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

    /** The message of {@code e} in the given language when its id is one of ours. */
    public static Optional<String> localize(ValidationException e, String languageTag) {
        for (GroupMessage message : values()) {
            if (message.id().equals(e.messageId())) {
                return Optional.of(message.format(languageTag, e.args()));
            }
        }
        return Optional.empty();
    }
}
