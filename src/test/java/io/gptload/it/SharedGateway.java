package io.gptload.it;

import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit extension that boots one gateway (embedded H2, in-memory store) per test JVM and hands
 * it to every test class that asks for a {@link Gateway} or {@link FakeUpstream} parameter.
 * Booting costs 10–30 s, so the black-box suite shares it; tests use their own group names.
 */
public final class SharedGateway implements ParameterResolver {

    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(SharedGateway.class);

    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext c) {
        Class<?> t = p.getParameter().getType();
        return t == Gateway.class || t == FakeUpstream.class || t == Api.class;
    }

    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext c) {
        ExtensionContext.Store store = c.getRoot().getStore(NS);
        Class<?> t = p.getParameter().getType();
        FakeUpstream upstream = store.getOrComputeIfAbsent("upstream", k -> FakeUpstream.start(), FakeUpstream.class);
        if (t == FakeUpstream.class) {
            return upstream;
        }
        Gateway gw = store.getOrComputeIfAbsent("gateway", k -> {
            try {
                return Gateway.start("shared", Map.of());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, Gateway.class);
        return t == Gateway.class ? gw : new Api(gw);
    }
}
