package io.gptload.api;

import io.gptload.shared.Languages;
import io.gptload.settings.SettingCategory;
import io.gptload.settings.SettingDefinition;
import io.gptload.settings.SettingValues;
import io.gptload.settings.SettingsCatalog;
import io.gptload.settings.SettingsService;
import io.gptload.settings.SystemSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.Objects;

/** {@code GET/PUT /api/settings} (spec §3.3): settings by category; a change applies to the next request. */
@ApplicationScoped
@Path("settings")
public class SettingsResource {

    static final String UPDATED = "Settings updated successfully. Configuration will be reloaded in the background "
            + "across all instances.";

    private SettingsService settings;

    protected SettingsResource() {
        // for CDI proxies
    }

    @Inject
    public SettingsResource(SettingsService settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @GET
    public Response get(@HeaderParam("Accept-Language") String acceptLanguage) {
        String lang = Languages.resolve(acceptLanguage);
        Map<String, String> values = settings.current().asStrings();
        JsonArrayBuilder categories = Json.createArrayBuilder();
        for (SettingCategory c : SettingCategory.values()) {
            JsonArrayBuilder items = Json.createArrayBuilder();
            String categoryName = null;
            for (SettingDefinition d : SettingsCatalog.all()) {
                if (d.category() != c) {
                    continue;
                }
                categoryName = d.categoryName(lang);
                JsonObjectBuilder s = Json.createObjectBuilder()
                        .add("key", d.key())
                        .add("name", d.name(lang))
                        .add("value", SettingValues.toJson(d, values.getOrDefault(d.key(), d.defaultValue())))
                        .add("type", d.type().wireName())
                        .add("default_value", d.defaultValue())
                        .add("description", d.description(lang))
                        .add("category", categoryName);
                if (d.min() != null) {
                    s.add("min_value", d.min());
                }
                items.add(s.add("required", d.required()));
            }
            if (categoryName != null) {
                categories.add(Json.createObjectBuilder().add("category_name", categoryName).add("settings", items));
            }
        }
        return Envelope.ok(categories.build());
    }

    @PUT
    @Consumes("*/*")
    public Response put(String body) {
        SystemSettings before = settings.current();
        settings.update(JsonBodies.object(body));
        return before == settings.current() ? Envelope.ok(null) : Envelope.ok(null, UPDATED);
    }
}
