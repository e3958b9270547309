package io.gptload.group;

import io.gptload.channel.ChannelAdapters;
import io.gptload.channel.ChannelType;
import java.util.Arrays;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The single-field rules of a group (spec §3.3 "Group validation rules"); each names its field. */
public final class GroupValidator {

    private static final Pattern NAME = Pattern.compile("[a-z0-9_-]{1,100}");

    private GroupValidator() {
    }

    /** The trimmed name, 1–100 of {@code [a-z0-9_-]}. */
    public static String name(String name) {
        String trimmed = name == null ? "" : name.strip();
        if (!NAME.matcher(trimmed).matches()) {
            throw GroupMessage.INVALID_NAME.exception("name");
        }
        return trimmed;
    }

    /** One of the registered channel types (trimmed). */
    public static ChannelType channelType(String id) {
        return ChannelType.fromId(id == null ? "" : id.strip()).orElseThrow(() -> GroupMessage.INVALID_CHANNEL_TYPE
                .exception("channel_type", Arrays.stream(ChannelType.values()).map(ChannelType::id)
                        .collect(Collectors.joining(", "))));
    }

    /** {@code true} for an aggregate; "" or absent means standard. */
    public static boolean aggregate(String groupType) {
        return switch (groupType == null ? "" : groupType.strip()) {
            case "", "standard" -> false;
            case "aggregate" -> true;
            default -> throw GroupMessage.INVALID_GROUP_TYPE.exception("group_type");
        };
    }

    /** The trimmed test model of a standard group; required. */
    public static String testModel(String testModel) {
        String trimmed = testModel == null ? "" : testModel.strip();
        if (trimmed.isEmpty()) {
            throw GroupMessage.TEST_MODEL_REQUIRED.exception("test_model");
        }
        return trimmed;
    }

    /** The trimmed validation endpoint: "" or a path starting with {@code /} without {@code ://}. */
    public static String validationEndpoint(String endpoint) {
        String trimmed = endpoint == null ? "" : endpoint.strip();
        if (!trimmed.isEmpty() && (!trimmed.startsWith("/") || trimmed.contains("://"))) {
            throw GroupMessage.INVALID_VALIDATION_ENDPOINT.exception("validation_endpoint");
        }
        return trimmed;
    }

    /** The endpoint a group's validation really uses: its own, or the channel's default when "". */
    public static String effectiveValidationEndpoint(GroupDefinition group) {
        return group.validationEndpoint().isEmpty()
                ? ChannelAdapters.of(group.channelType()).defaultValidationEndpoint()
                : group.validationEndpoint();
    }

    /** {@code s} trimmed, "" for null. */
    public static String trimmed(String s) {
        return s == null ? "" : s.strip();
    }
}
