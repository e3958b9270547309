package io.gptload.proxy;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricFilter;
import org.eclipse.microprofile.metrics.MetricID;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

/**
 * An in-memory {@link MetricRegistry} for unit tests: counters, timers and gauges by
 * {@link MetricID}, the metadata each name was registered with, and how often the registry was
 * asked for an instrument (to prove the caching).
 */
final class FakeRegistry {

    /** A counter that counts. */
    static final class FakeCounter implements Counter {
        private final AtomicLong n = new AtomicLong();

        @Override
        public void inc() {
            n.incrementAndGet();
        }

        @Override
        public void inc(long by) {
            n.addAndGet(by);
        }

        @Override
        public long getCount() {
            return n.get();
        }
    }

    final Map<MetricID, Object> metrics = new ConcurrentHashMap<>();
    final Map<String, Metadata> metadata = new ConcurrentHashMap<>();
    final AtomicInteger lookups = new AtomicInteger();
    final Map<MetricID, List<Duration>> timings = new ConcurrentHashMap<>();
    final MetricRegistry registry = (MetricRegistry) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[]{MetricRegistry.class}, (self, m, args) -> switch (m.getName()) {
                case "counter" -> instrument((Metadata) args[0], tags(args), id -> new FakeCounter());
                case "timer" -> instrument((Metadata) args[0], tags(args), this::timer);
                case "gauge" -> gauge(args);
                case "remove" -> metrics.remove((MetricID) args[0]) != null;
                case "removeMatching" -> {
                    metrics.keySet().removeIf(id -> ((MetricFilter) args[0]).matches(id, null));
                    yield null;
                }
                case "toString" -> "FakeRegistry";
                default -> throw new UnsupportedOperationException(m.toString());
            });

    private static Tag[] tags(Object[] args) {
        return args.length > 1 ? (Tag[]) args[1] : new Tag[0];
    }

    private Object instrument(Metadata md, Tag[] tags, Function<MetricID, Object> make) {
        lookups.incrementAndGet();
        metadata.put(md.getName(), md);
        return metrics.computeIfAbsent(new MetricID(md.getName(), tags), make);
    }

    private Timer timer(MetricID id) {
        List<Duration> updates = timings.computeIfAbsent(id, k -> new CopyOnWriteArrayList<>());
        return (Timer) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{Timer.class},
                (self, m, args) -> switch (m.getName()) {
                    case "update" -> {
                        updates.add((Duration) args[0]);
                        yield null;
                    }
                    case "getCount" -> (long) updates.size();
                    default -> throw new UnsupportedOperationException(m.toString());
                });
    }

    @SuppressWarnings("unchecked")
    private Object gauge(Object[] args) {
        Metadata md = (Metadata) args[0];
        metadata.put(md.getName(), md);
        Supplier<Number> read;
        Tag[] tags;
        if (args[1] instanceof Supplier<?> s && args.length == 3) {
            read = (Supplier<Number>) s;
            tags = (Tag[]) args[2];
        } else {
            Object target = args[1];
            Function<Object, Number> f = (Function<Object, Number>) args[2];
            read = () -> f.apply(target);
            tags = (Tag[]) args[3];
        }
        metrics.put(new MetricID(md.getName(), tags), read);
        return null;
    }

    long count(String name, Tag... tags) {
        Object m = metrics.get(new MetricID(name, tags));
        return m == null ? -1 : ((Counter) m).getCount();
    }

    List<Duration> timings(String name, Tag... tags) {
        return metrics.containsKey(new MetricID(name, tags)) ? timings.get(new MetricID(name, tags)) : null;
    }

    @SuppressWarnings("unchecked")
    Number gaugeValue(String name, Tag... tags) {
        Object m = metrics.get(new MetricID(name, tags));
        return m == null ? null : ((Supplier<Number>) m).get();
    }

    static Tag group(String name) {
        return new Tag("group", name);
    }
}
