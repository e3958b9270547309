package io.gptload.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LanguagesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
        "NULL|en-US",
        "''|en-US",
        "*|en-US",
        "fr-FR,zh-CN;q=0.9|en-US",
        "zh|zh-CN",
        "zh-TW|zh-CN",
        "ZH-cn|zh-CN",
        "zh-Hans-CN;q=0.8, en|zh-CN",
        "ja|ja-JP",
        "ja-JP,en-US;q=0.5|ja-JP",
        "en-GB,ja;q=0.9|en-US",
        "en|en-US",
        " ja ;q=1|ja-JP",
        "de,ja|en-US"
    })
    void firstTagDecides(String header, String expected) {
        assertEquals(expected, Languages.resolve(header));
    }
}
