package io.gptload.proxy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PathGuardTest {

    @ParameterizedTest
    @ValueSource(strings = {"/v1/chat/completions", "/v1beta/models/gemini-pro:generateContent", "/",
            "/v1/files/file-abc.jsonl", "/v1/a..b", "/v1/.well-known", "/v1/%252e%252e/x"})
    void safePaths(String p) {
        assertTrue(PathGuard.safe(p), p);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/v1/../admin", "/..", "/v1/./x", "/v1/%2e%2e/x", "/v1/%2E%2E/x", "/v1/.%2e/x",
            "/v1/a%2fb", "/v1/a%2Fb", "/v1/a%5cb", "/v1/a\\b", "/v1/x%00", "/..;/admin", "/v1/.;x/y", "/v1/%2e%2e;/a"})
    void traversalIsRejected(String p) {
        assertFalse(PathGuard.safe(p), p);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "my-group_1", "0"})
    void validNames(String n) {
        assertTrue(PathGuard.validGroupName(n));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "A", "a b", "a.b", "ä", "a/b"})
    void invalidNames(String n) {
        assertFalse(PathGuard.validGroupName(n));
    }

    @org.junit.jupiter.api.Test
    void suffixIsTakenFromTheRawPathWhateverTheGroupEncoding() {
        org.junit.jupiter.api.Assertions.assertEquals("/v1/x", ProxyGate.suffixAfterGroup("/proxy/g1/v1/x"));
        org.junit.jupiter.api.Assertions.assertEquals("/v1/x", ProxyGate.suffixAfterGroup("/proxy/%67%31/v1/x"));
        org.junit.jupiter.api.Assertions.assertEquals("/", ProxyGate.suffixAfterGroup("/proxy/g1"));
        org.junit.jupiter.api.Assertions.assertEquals("/", ProxyGate.suffixAfterGroup("/proxy/g1/"));
    }
}
