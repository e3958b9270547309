package io.gptload.settings;

import io.gptload.shared.Languages;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gptload.shared.ValidationException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ValidationMessageTest {

    @Test
    void exceptionHasEnglishMessageIdAndArgs() {
        ValidationException e = ValidationMessage.BELOW_MIN.exception("request_timeout", 1);
        assertEquals("request_timeout must be at least 1", e.getMessage());
        assertEquals("below_min", e.messageId());
        assertEquals(List.of("request_timeout", "1"), e.args());
        assertEquals("request_timeout", e.field());
    }

    @Test
    void localisesByAcceptLanguage() {
        ValidationException e = ValidationMessage.BELOW_MIN.exception("max_retries", 0);
        assertEquals("max_retries 不能小于 0", ValidationMessage.localize(e, "zh-CN,zh;q=0.9"));
        assertEquals("max_retries は 0 以上で指定してください", ValidationMessage.localize(e, "ja"));
        assertEquals("max_retries must be at least 0", ValidationMessage.localize(e, "fr"));
        assertEquals("max_retries must be at least 0", ValidationMessage.localize(e, null));
    }

    @Test
    void foreignIdFallsBackToMessage() {
        ValidationException e = new ValidationException("x", "someone_elses", List.of("x"), "plain text");
        assertEquals("plain text", ValidationMessage.localize(e, "zh-CN"));
    }

    @Test
    void substitutesInOnePassSoArgumentsCannotInjectPlaceholders() {
        ValidationException e = ValidationMessage.DUPLICATE_HEADER.exception("{1}", "{0}");
        assertEquals("{1}: duplicate header key {0}", e.getMessage());
    }

    @Test
    void everyTemplateIsFilledInEveryLanguage() {
        Set<String> ids = new HashSet<>();
        for (ValidationMessage message : ValidationMessage.values()) {
            assertTrue(ids.add(message.id()));
            for (String language : Languages.SUPPORTED) {
                String text = message.format(language, List.of("FIELD", "ARG"));
                assertFalse(text.contains("{"), message + " " + language + ": " + text);
                assertTrue(text.contains("FIELD") || message == ValidationMessage.UNKNOWN_CONFIG_FIELD,
                        message + " " + language + " must name the field");
            }
        }
    }
}
