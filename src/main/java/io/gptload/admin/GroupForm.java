package io.gptload.admin;

import io.gptload.channel.ChannelType;
import io.gptload.group.GroupDefinition;
import io.gptload.group.GroupRequest;
import io.gptload.group.HeaderRule;
import io.gptload.group.ParamOverrides;
import io.gptload.settings.SettingDefinition;
import io.gptload.settings.ValidationMessage;
import io.gptload.shared.ValidationException;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.JsonWriter;
import jakarta.json.stream.JsonGenerator;
import java.io.Serializable;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What the group editor dialog edits: every field of a group as the operator types it (rows for
 * upstreams, model redirects, header rules and config overrides; text for the JSON param overrides
 * and the proxy keys), turned into a {@link GroupRequest} for {@code GroupService} on save. The
 * service does the validation; this class only reports what it cannot express as JSON (a param
 * override text that is not JSON, a config value of the wrong type, a duplicate row) and maps
 * the field a {@link ValidationException} names back to the row the operator sees. Its rows are
 * {@link UpstreamRow}, {@link RedirectRow}, {@link HeaderRow} and {@link ConfigRow}. Over 300 lines
 * (~520) because a group has some twenty fields, each with its accessors, and building the request
 * and mapping refusals back share them all.
 */
public final class GroupForm implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Message ids of the console's own form rules start with this; the rest is a bundle key. */
    static final String CONSOLE_ID = "console:";
    static final String STANDARD = "standard";
    static final String AGGREGATE = "aggregate";
    private static final Pattern ROW_FIELD = Pattern.compile("^(upstreams|header_rules)\\[(\\d+)\\](?:\\.(\\w+))?$");
    private static final Pattern REDIRECT_FIELD = Pattern.compile("^model_redirect_rules\\[(\".*\")\\]$");

    private Long id;
    private String name = "";
    private String displayName = "";
    private String description = "";
    private String groupType = STANDARD;
    private String channelType = ChannelType.OPENAI.id();
    private Integer sort = 1;
    private String testModel = "";
    private String validationEndpoint = "";
    private final List<UpstreamRow> upstreams = new ArrayList<>();
    private String paramOverrides = "";
    private boolean hadParamOverrides;
    private final List<RedirectRow> redirects = new ArrayList<>();
    private boolean redirectStrict;
    private final List<HeaderRow> headers = new ArrayList<>();
    private String proxyKeys = "";
    private final List<ConfigRow> config = new ArrayList<>();

    /** Indexes of the rows sent in the last request, by the index the service sees. */
    private List<Integer> sentUpstreams = List.of();
    private List<Integer> sentHeaders = List.of();
    private final Set<String> invalid = new HashSet<>();

    // ---- building ----------------------------------------------------------------------------

    /** An empty standard group with one upstream row. */
    public static GroupForm blank() {
        GroupForm f = new GroupForm();
        f.upstreams.add(new UpstreamRow());
        return f;
    }

    /** The form of a stored group, for editing. */
    public static GroupForm of(GroupDefinition g) {
        GroupForm f = new GroupForm();
        f.id = g.id();
        f.name = g.name();
        f.displayName = g.displayName();
        f.description = g.description();
        f.groupType = g.aggregate() ? AGGREGATE : STANDARD;
        f.channelType = g.channelType().id();
        f.sort = g.sort();
        f.proxyKeys = String.join("\n", g.proxyKeyList());
        if (!g.aggregate()) {
            f.testModel = g.testModel();
            f.validationEndpoint = g.validationEndpoint();
            g.upstreams().forEach(u -> f.upstreams.add(new UpstreamRow(u.url(), u.weight())));
            f.hadParamOverrides = !g.paramOverrides().isEmpty();
            f.paramOverrides = f.hadParamOverrides ? pretty(ParamOverrides.toJson(g.paramOverrides())) : "";
            g.modelRedirectRules().forEach((from, to) -> f.redirects.add(new RedirectRow(from, to)));
            f.redirectStrict = g.modelRedirectStrict();
            g.headerRules().forEach(r -> f.headers.add(new HeaderRow(r.key(), r.value(), r.action().wireName())));
            g.config().asStrings().forEach((k, v) -> f.config.add(new ConfigRow(k, v)));
        }
        return f;
    }

    private static String pretty(String json) {
        try (JsonReader r = Json.createReader(new StringReader(json))) {
            JsonValue v = r.readValue();
            StringWriter out = new StringWriter();
            try (JsonWriter w = Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true)).createWriter(out)) {
                w.write(v);
            }
            return out.toString().strip();
        } catch (JsonException e) {
            return json;
        }
    }

    /**
     * The create (no id) or update request of this form. An aggregate sends only what applies to
     * it (name, display name, description, channel type on create, sort, proxy keys); a standard
     * group sends every field, so cleared rows clear the stored value.
     *
     * @throws ValidationException for what the form itself can tell is wrong (see class comment)
     */
    public GroupRequest toRequest() {
        clearInvalid();
        boolean create = id == null;
        boolean aggregate = isAggregate();
        String proxy = proxyKeyText(proxyKeys);
        if (aggregate) {
            return new GroupRequest(name, text(displayName), text(description), create ? AGGREGATE : null,
                    create ? channelType : null, sort == null ? (create ? 0 : null) : sort, null, null, null, proxy,
                    null, null, null, null, null);
        }
        return new GroupRequest(name, text(displayName), text(description), create ? STANDARD : null, channelType,
                sort == null ? (create ? 0 : null) : sort, text(testModel), text(validationEndpoint), redirectStrict,
                proxy, upstreamsJson(), paramOverridesJson(create), redirectsJson(), configJson(), headersJson());
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    /** Proxy keys as stored: one list, comma separated, from text with commas or line breaks. */
    static String proxyKeyText(String text) {
        if (text == null) {
            return "";
        }
        return Arrays.stream(text.split("[,\\r\\n]+")).map(String::strip).filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new)).stream().collect(Collectors.joining(","));
    }

    private JsonValue upstreamsJson() {
        JsonArrayBuilder array = Json.createArrayBuilder();
        List<Integer> sent = new ArrayList<>();
        for (int i = 0; i < upstreams.size(); i++) {
            UpstreamRow row = upstreams.get(i);
            if (row.url == null || row.url.isBlank()) {
                continue;
            }
            array.add(Json.createObjectBuilder().add("url", row.url).add("weight", row.weight == null ? 0 : row.weight));
            sent.add(i);
        }
        sentUpstreams = List.copyOf(sent);
        return array.build();
    }

    private JsonValue paramOverridesJson(boolean create) {
        String text = paramOverrides == null ? "" : paramOverrides.strip();
        if (text.isEmpty()) {
            return create || !hadParamOverrides ? null : JsonValue.EMPTY_JSON_OBJECT;
        }
        try (JsonReader r = Json.createReader(new StringReader(text))) {
            return r.readValue();
        } catch (JsonException e) {
            throw ValidationMessage.NOT_OBJECT.exception("param_overrides");
        }
    }

    private JsonValue redirectsJson() {
        JsonObjectBuilder rules = Json.createObjectBuilder();
        Set<String> seen = new HashSet<>();
        for (RedirectRow row : redirects) {
            String from = text(row.from).strip();
            String to = text(row.to).strip();
            if (from.isEmpty() && to.isEmpty()) {
                continue;
            }
            if (!seen.add(from)) {
                row.invalid = true;
                throw consoleError("model_redirect_rules", "groups.error.duplicateRedirect", from);
            }
            rules.add(from, to);
        }
        return rules.build();
    }

    private JsonValue headersJson() {
        JsonArrayBuilder array = Json.createArrayBuilder();
        List<Integer> sent = new ArrayList<>();
        for (int i = 0; i < headers.size(); i++) {
            HeaderRow row = headers.get(i);
            if (text(row.key).isBlank() && text(row.value).isBlank()) {
                continue;
            }
            array.add(Json.createObjectBuilder().add("key", text(row.key)).add("value", text(row.value))
                    .add("action", row.action == null ? HeaderRule.Action.SET.wireName() : row.action));
            sent.add(i);
        }
        sentHeaders = List.copyOf(sent);
        return array.build();
    }

    private JsonValue configJson() {
        JsonObjectBuilder json = Json.createObjectBuilder();
        Set<String> seen = new HashSet<>();
        for (ConfigRow row : config) {
            String value = text(row.value).strip();
            Optional<SettingDefinition> def = row.setting();
            if (def.isEmpty()) {
                if (value.isEmpty()) {
                    continue;
                }
                row.invalid = true;
                throw consoleError("config", "groups.error.configKey");
            }
            String key = def.get().key();
            String field = "config." + key;
            if (!seen.add(key)) {
                row.invalid = true;
                throw consoleError(field, "groups.error.duplicateConfig", key);
            }
            json.add(key, configValue(def.get(), value, field, row));
        }
        return json.build();
    }

    private static JsonValue configValue(SettingDefinition def, String value, String field, ConfigRow row) {
        switch (def.type()) {
            case INT -> {
                try {
                    return Json.createValue(Long.parseLong(value));
                } catch (NumberFormatException e) {
                    row.invalid = true;
                    throw ValidationMessage.NOT_INTEGER.exception(field);
                }
            }
            case BOOL -> {
                if ("true".equalsIgnoreCase(value)) {
                    return JsonValue.TRUE;
                }
                if ("false".equalsIgnoreCase(value)) {
                    return JsonValue.FALSE;
                }
                row.invalid = true;
                throw ValidationMessage.NOT_BOOLEAN.exception(field);
            }
            default -> {
                return Json.createValue(value);
            }
        }
    }

    /** A refusal of the console's own form rules: message {@code bundleKey} with {@code args}. */
    static ValidationException consoleError(String field, String bundleKey, Object... args) {
        List<String> all = new ArrayList<>();
        all.add(field);
        for (Object a : args) {
            all.add(String.valueOf(a));
        }
        return new ValidationException(field, CONSOLE_ID + bundleKey, all, bundleKey + ": " + field);
    }

    // ---- errors -------------------------------------------------------------------------------

    /**
     * Marks what the service's (or the form's) refusal names: a top-level field, one upstream or
     * header row part (mapped back from the rows actually sent), a redirect row or a config row.
     */
    public void markInvalid(String field) {
        clearInvalid();
        if (field == null || field.isEmpty()) {
            return;
        }
        Matcher row = ROW_FIELD.matcher(field);
        if (row.matches()) {
            int sentIndex = Integer.parseInt(row.group(2));
            String part = row.group(3) == null ? "url" : row.group(3);
            if (row.group(1).equals("upstreams")) {
                rowAt(upstreams, sentUpstreams, sentIndex).ifPresent(r -> r.invalid.add(part));
            } else {
                rowAt(headers, sentHeaders, sentIndex).ifPresent(r -> r.invalid.add(part));
            }
            invalid.add(row.group(1));
            return;
        }
        Matcher redirect = REDIRECT_FIELD.matcher(field);
        if (redirect.matches()) {
            String from;
            try (JsonReader r = Json.createReader(new StringReader(redirect.group(1)))) {
                from = ((jakarta.json.JsonString) r.readValue()).getString();
            } catch (JsonException | ClassCastException e) {
                from = null;
            }
            for (RedirectRow r : redirects) {
                if (text(r.from).strip().equals(from)) {
                    r.invalid = true;
                }
            }
            invalid.add("model_redirect_rules");
            return;
        }
        if (field.startsWith("config.")) {
            String key = field.substring("config.".length());
            config.stream().filter(c -> c.key.equals(key)).forEach(c -> c.invalid = true);
            invalid.add("config");
            return;
        }
        if (field.equals("upstreams") && !upstreams.isEmpty()) {
            upstreams.get(0).invalid.add("url");
        }
        invalid.add(field);
    }

    private static <T> Optional<T> rowAt(List<T> rows, List<Integer> sent, int sentIndex) {
        if (sentIndex < sent.size() && sent.get(sentIndex) < rows.size()) {
            return Optional.of(rows.get(sent.get(sentIndex)));
        }
        return Optional.empty();
    }

    /** Forgets the marks of the last refusal. */
    public void clearInvalid() {
        invalid.clear();
        upstreams.forEach(r -> r.invalid.clear());
        headers.forEach(r -> r.invalid.clear());
        redirects.forEach(r -> r.invalid = false);
        config.forEach(r -> r.invalid = false);
    }

    /** Whether the last save was refused because of {@code field} (e.g. {@code name}, {@code test_model}). */
    public boolean invalid(String field) {
        return invalid.contains(field);
    }

    // ---- rows: add and remove ---------------------------------------------------------------

    public void addUpstream() {
        upstreams.add(new UpstreamRow());
    }

    public void removeUpstream(int index) {
        remove(upstreams, index);
    }

    public void addRedirect() {
        redirects.add(new RedirectRow());
    }

    public void removeRedirect(int index) {
        remove(redirects, index);
    }

    public void addHeader() {
        headers.add(new HeaderRow());
    }

    public void removeHeader(int index) {
        remove(headers, index);
    }

    public void addConfig() {
        config.add(new ConfigRow());
    }

    public void removeConfig(int index) {
        remove(config, index);
    }

    private static void remove(List<?> rows, int index) {
        if (index >= 0 && index < rows.size()) {
            rows.remove(index);
        }
    }

    /** Adds a proxy key on a line of its own. */
    public void appendProxyKey(String key) {
        String current = proxyKeys == null ? "" : proxyKeys.stripTrailing();
        proxyKeys = current.isEmpty() ? key : current + "\n" + key;
    }

    // ---- properties ------------------------------------------------------------------------------

    public Long getId() {
        return id;
    }

    public boolean isNew() {
        return id == null;
    }

    public boolean isAggregate() {
        return AGGREGATE.equals(groupType);
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getGroupType() {
        return groupType;
    }

    /** Standard or aggregate; fixed once the group exists. */
    public void setGroupType(String groupType) {
        if (id == null && (STANDARD.equals(groupType) || AGGREGATE.equals(groupType))) {
            this.groupType = groupType;
        }
    }

    public String getChannelType() {
        return channelType;
    }

    public void setChannelType(String channelType) {
        this.channelType = channelType;
    }

    public Integer getSort() {
        return sort;
    }

    public void setSort(Integer sort) {
        this.sort = sort;
    }

    public String getTestModel() {
        return testModel;
    }

    public void setTestModel(String testModel) {
        this.testModel = testModel;
    }

    public String getValidationEndpoint() {
        return validationEndpoint;
    }

    public void setValidationEndpoint(String validationEndpoint) {
        this.validationEndpoint = validationEndpoint;
    }

    public List<UpstreamRow> getUpstreams() {
        return upstreams;
    }

    public String getParamOverrides() {
        return paramOverrides;
    }

    public void setParamOverrides(String paramOverrides) {
        this.paramOverrides = paramOverrides;
    }

    public List<RedirectRow> getRedirects() {
        return redirects;
    }

    public boolean isRedirectStrict() {
        return redirectStrict;
    }

    public void setRedirectStrict(boolean redirectStrict) {
        this.redirectStrict = redirectStrict;
    }

    public List<HeaderRow> getHeaders() {
        return headers;
    }

    public String getProxyKeys() {
        return proxyKeys;
    }

    public void setProxyKeys(String proxyKeys) {
        this.proxyKeys = proxyKeys;
    }

    public List<ConfigRow> getConfig() {
        return config;
    }
}
