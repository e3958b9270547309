package io.gptload.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gptload.settings.SettingsCatalog;
import io.gptload.settings.SettingsUpdate;
import io.gptload.settings.SystemSettings;
import io.gptload.shared.ValidationException;
import jakarta.json.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The settings page's form: categories, what Save sends, and where a broken rule's message goes. */
class SettingsFormTest {

    private static final SystemSettings CURRENT = SystemSettings.defaults()
            .with(Map.of(SettingsCatalog.PROXY_KEYS, "sk-proxy-one-secret,sk-proxy-two-secret"));

    private static SettingField field(SettingsForm form, String key) {
        return form.fields().stream().filter(f -> f.getKey().equals(key)).findFirst().orElseThrow();
    }

    @Test
    void everySettingIsShownOnceByCategoryInTheConsoleLanguage() {
        SettingsForm form = SettingsForm.of(CURRENT, "en");
        assertEquals(List.of("basic", "request", "key"), form.categories().stream().map(SettingsForm.Category::id).toList());
        assertEquals(SettingsCatalog.all().size(), form.fields().size());
        assertEquals("3", field(form, SettingsCatalog.MAX_RETRIES).getValue());
        assertEquals("int", field(form, SettingsCatalog.MAX_RETRIES).getKind());
        assertEquals("bool", field(form, SettingsCatalog.ENABLE_REQUEST_BODY_LOGGING).getKind());
        assertEquals("text", field(form, SettingsCatalog.APP_URL).getKind());
        SettingsForm zh = SettingsForm.of(CURRENT, "zh");
        assertFalse(zh.categories().get(0).name().equals(form.categories().get(0).name()), "category names are localised");
        assertFalse(field(zh, SettingsCatalog.MAX_RETRIES).getName().equals(field(form, SettingsCatalog.MAX_RETRIES).getName()));
    }

    @Test
    void theProxyKeysAreNeverShownAndAnEmptyFieldKeepsThem() {
        SettingField keys = field(SettingsForm.of(CURRENT, "en"), SettingsCatalog.PROXY_KEYS);
        assertEquals("secret", keys.getKind());
        assertEquals("", keys.getValue());
        assertEquals("sk-p****cret, sk-p****cret", keys.getMaskedShown());
        assertEquals(Json.createObjectBuilder().build(), SettingsForm.of(CURRENT, "en").changes());
    }

    @Test
    void saveSendsOnlyTheEditedSettingsTyped() {
        SettingsForm form = SettingsForm.of(CURRENT, "en");
        field(form, SettingsCatalog.MAX_RETRIES).setValue(" 5 ");
        field(form, SettingsCatalog.ENABLE_REQUEST_BODY_LOGGING).setOn(true);
        field(form, SettingsCatalog.PROXY_URL).setValue("http://proxy.test:3128");
        field(form, SettingsCatalog.PROXY_KEYS).setValue("sk-new-a, sk-new-b");
        assertEquals(Json.createObjectBuilder().add("enable_request_body_logging", true).add("proxy_url", "http://proxy.test:3128")
                .add("max_retries", 5).add("proxy_keys", "sk-new-a, sk-new-b").build().entrySet(),
                form.changes().entrySet());
        assertEquals("5", SettingsUpdate.validate(form.changes()).get("max_retries"), "the service accepts it");
    }

    @Test
    void aNumberFieldThatIsNotANumberGoesToTheServiceWhoseMessageLandsOnTheField() {
        SettingsForm form = SettingsForm.of(CURRENT, "en");
        field(form, SettingsCatalog.REQUEST_TIMEOUT).setValue("soon");
        ValidationException e = assertThrows(ValidationException.class, () -> SettingsUpdate.validate(form.changes()));
        String message = form.fail(e, "en");
        assertEquals(message, field(form, SettingsCatalog.REQUEST_TIMEOUT).getError());
        assertTrue(message.endsWith("must be an integer"), message);
        assertTrue(message.startsWith(field(form, SettingsCatalog.REQUEST_TIMEOUT).getName()), message);
        assertEquals("", field(form, SettingsCatalog.MAX_RETRIES).getError());
        form.clearErrors();
        assertEquals("", field(form, SettingsCatalog.REQUEST_TIMEOUT).getError());
    }

    @Test
    void aValueBelowTheMinimumIsAnsweredInTheConsoleLanguage() {
        SettingsForm form = SettingsForm.of(CURRENT, "ja");
        field(form, SettingsCatalog.MAX_RETRIES).setValue("-1");
        ValidationException e = assertThrows(ValidationException.class, () -> SettingsUpdate.validate(form.changes()));
        String message = form.fail(e, "ja");
        assertTrue(message.contains("0 以上"), message);
    }
}
