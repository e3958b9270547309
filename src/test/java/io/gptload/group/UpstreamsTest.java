package io.gptload.group;

import static io.gptload.group.TestJson.rejects;
import static io.gptload.group.TestJson.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.JsonValue;
import java.util.List;
import org.junit.jupiter.api.Test;

class UpstreamsTest {

    @Test
    void parsesAndTrims() {
        List<Upstream> upstreams = Upstreams.parse(value("""
                [{"url": "  https://api.openai.com  ", "weight": 3},
                 {"url": "http://10.0.0.2:8080/v1", "weight": 0, "extra": "ignored"}]"""));
        assertEquals(List.of(new Upstream("https://api.openai.com", 3), new Upstream("http://10.0.0.2:8080/v1", 0)),
                upstreams);
        assertEquals("[{\"url\":\"https://api.openai.com\",\"weight\":3},{\"url\":\"http://10.0.0.2:8080/v1\",\"weight\":0}]",
                Upstreams.toJson(upstreams));
        assertEquals(upstreams, Upstreams.parse(Upstreams.toJsonArray(upstreams)));
    }

    @Test
    void missingWeightIsZero() {
        assertEquals(List.of(new Upstream("https://a.example", 0), new Upstream("https://b.example", 1)),
                Upstreams.parse(value("[{\"url\":\"https://a.example\"},{\"url\":\"https://b.example\",\"weight\":1}]")));
    }

    @Test
    void rejectsMissingOrNonArray() {
        rejects(() -> Upstreams.parse(null), "upstreams", "upstreams is required and cannot be empty");
        rejects(() -> Upstreams.parse(JsonValue.NULL), "upstreams", "upstreams is required and cannot be empty");
        rejects(() -> Upstreams.parse(value("{\"url\":\"https://a\"}")), "upstreams", "upstreams must be a JSON array");
        rejects(() -> Upstreams.parse(value("[\"https://a\"]")), "upstreams[0]", "upstreams[0] must be a JSON object");
    }

    @Test
    void rejectsBadUrls() {
        rejects(() -> Upstreams.parse(value("[{\"url\":\"https://a.example\",\"weight\":1},{\"url\":\"  \",\"weight\":1}]")),
                "upstreams[1].url", "upstreams[1].url is required and cannot be empty");
        rejects(() -> Upstreams.parse(value("[{\"weight\":1}]")),
                "upstreams[0].url", "upstreams[0].url is required and cannot be empty");
        rejects(() -> Upstreams.parse(value("[{\"url\":5,\"weight\":1}]")),
                "upstreams[0].url", "upstreams[0].url must be a string");
        for (String bad : List.of("api.openai.com", "ftp://a.example", "http://", "https://bad host", "https:///path")) {
            rejects(() -> Upstreams.parse(value("[{\"url\":\"" + bad + "\",\"weight\":1}]")),
                    "upstreams[0].url", "upstreams[0].url must be a valid http:// or https:// URL with a host");
        }
    }

    @Test
    void rejectsBadWeights() {
        rejects(() -> Upstreams.parse(value("[{\"url\":\"https://a.example\",\"weight\":-1}]")),
                "upstreams[0].weight", "upstreams[0].weight must be at least 0");
        rejects(() -> Upstreams.parse(value("[{\"url\":\"https://a.example\",\"weight\":1.5}]")),
                "upstreams[0].weight", "upstreams[0].weight must be an integer");
        rejects(() -> Upstreams.parse(value("[{\"url\":\"https://a.example\",\"weight\":\"2\"}]")),
                "upstreams[0].weight", "upstreams[0].weight must be an integer");
        rejects(() -> Upstreams.parse(value("[{\"url\":\"https://a.example\",\"weight\":4294967296}]")),
                "upstreams[0].weight", "upstreams[0].weight must be at most 2147483647");
    }

    @Test
    void needsOneActiveUpstream() {
        rejects(() -> Upstreams.parse(value("[]")),
                "upstreams", "upstreams must contain at least one upstream with a weight greater than 0");
        rejects(() -> Upstreams.parse(value("[{\"url\":\"https://a.example\",\"weight\":0}]")),
                "upstreams", "upstreams must contain at least one upstream with a weight greater than 0");
    }

    @Test
    void recordValidates() {
        assertThrows(NullPointerException.class, () -> new Upstream(null, 1));
        assertThrows(IllegalArgumentException.class, () -> new Upstream("https://a", -1));
    }
}
