package io.gptload.cluster;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPubSub;

/**
 * {@link Broadcast} over Redis pub/sub ({@code gpt-load:} + channel). Notices are published from
 * a background thread; one that cannot be sent (Redis down) is kept, de-duplicated, and sent again
 * every second until Redis is back. A dedicated subscriber thread receives notices and hands them
 * to the listeners on one worker thread (in order); when its connection drops it reconnects every
 * 1–2 s and, once subscribed again, runs the resync tasks. Without {@code REDIS_DSN} it does nothing.
 */
@ApplicationScoped
public class RedisBroadcast implements Broadcast {

    private static final Logger LOG = Logger.getLogger(RedisBroadcast.class.getName());
    private static final String SEPARATOR = "|";

    private final Map<String, List<Consumer<String>>> listeners = new ConcurrentHashMap<>();
    private final List<Runnable> resync = new CopyOnWriteArrayList<>();
    private final Set<String> unsent = ConcurrentHashMap.newKeySet();
    private RedisConnection redis;
    /** Container threads: listeners call transactional services, which need the application's context. */
    @Resource
    private ManagedThreadFactory threads;
    private ScheduledExecutorService sender;
    private ExecutorService worker;
    private Thread subscriber;
    private volatile JedisPubSub subscription;
    private volatile boolean stopped;
    private volatile boolean publishFailing;

    protected RedisBroadcast() {
        // for CDI proxies
    }

    @Inject
    public RedisBroadcast(RedisConnection redis) {
        this.redis = redis;
    }

    @Override
    public boolean clustered() {
        return redis.enabled();
    }

    @Override
    public void publish(String channel, String payload) {
        if (!redis.enabled() || stopped) {
            return;
        }
        String message = channel + SEPARATOR + payload;
        unsent.add(message);
        sender().execute(this::sendUnsent);
    }

    private synchronized ScheduledExecutorService sender() {
        if (sender == null) {
            sender = Executors.newSingleThreadScheduledExecutor(r -> named(r, "cluster-publish"));
            sender.scheduleWithFixedDelay(this::sendUnsent, 1, 1, TimeUnit.SECONDS);
        }
        return sender;
    }

    private void sendUnsent() {
        for (String message : unsent) {
            int bar = message.indexOf(SEPARATOR);
            String channel = message.substring(0, bar);
            String payload = message.substring(bar + 1);
            try {
                redis.call(j -> j.publish(RedisConnection.PREFIX + channel, redis.nodeId() + SEPARATOR + payload));
                unsent.remove(message);
                if (publishFailing) {
                    publishFailing = false;
                    LOG.info("cluster notices are sent again");
                }
            } catch (RuntimeException e) {
                if (!publishFailing) {
                    publishFailing = true;
                    LOG.warning("cannot send a cluster notice to Redis (" + e.getClass().getSimpleName()
                            + "); retrying every second");
                }
                return;
            }
        }
    }

    @Override
    public void subscribe(String channel, Consumer<String> listener) {
        listeners.computeIfAbsent(channel, c -> new CopyOnWriteArrayList<>()).add(listener);
    }

    @Override
    public void onResync(Runnable task) {
        resync.add(task);
    }

    @Override
    public synchronized void start() {
        if (!redis.enabled() || subscriber != null) {
            return;
        }
        worker = Executors.newSingleThreadExecutor(r -> named(r, "cluster-notices"));
        subscriber = named(this::subscribeLoop, "cluster-subscriber");
        subscriber.start();
    }

    private Thread named(Runnable r, String name) {
        Thread t = threads != null ? threads.newThread(r) : new Thread(r);
        t.setName(name);
        t.setDaemon(true);
        return t;
    }

    private void subscribeLoop() {
        boolean connectedBefore = false;
        long backoff = 1000;
        String[] channels = listeners.keySet().stream().map(c -> RedisConnection.PREFIX + c).toArray(String[]::new);
        if (channels.length == 0) {
            return;
        }
        while (!stopped) {
            boolean[] subscribed = {false};
            boolean resyncNeeded = connectedBefore;
            JedisPubSub pubsub = new JedisPubSub() {
                @Override
                public void onSubscribe(String channel, int count) {
                    if (count == channels.length && !subscribed[0]) {
                        subscribed[0] = true;
                        if (resyncNeeded) {
                            LOG.info("cluster notices received again; reloading settings, groups and keys");
                            resync.forEach(task -> worker.execute(() -> run(task, "resync")));
                        }
                    }
                }

                @Override
                public void onMessage(String channel, String message) {
                    deliver(channel, message);
                }
            };
            subscription = pubsub;
            try (Jedis j = redis.dedicated()) {
                backoff = 1000;
                j.subscribe(pubsub, channels); // blocks until unsubscribed or the connection drops
            } catch (RuntimeException e) {
                if (!stopped) {
                    LOG.warning("cluster subscription to Redis lost or unavailable (" + e.getClass().getSimpleName()
                            + "); retrying in " + backoff / 1000 + " s");
                }
            }
            connectedBefore |= subscribed[0];
            if (stopped) {
                return;
            }
            try {
                Thread.sleep(backoff);
            } catch (InterruptedException e) {
                return;
            }
            backoff = Math.min(2000, backoff * 2);
        }
    }

    private void deliver(String prefixedChannel, String message) {
        String channel = prefixedChannel.startsWith(RedisConnection.PREFIX)
                ? prefixedChannel.substring(RedisConnection.PREFIX.length()) : prefixedChannel;
        int bar = message.indexOf(SEPARATOR);
        if (bar < 0 || message.substring(0, bar).equals(redis.nodeId())) {
            return; // malformed, or our own notice (already applied here)
        }
        String payload = message.substring(bar + 1);
        for (Consumer<String> l : listeners.getOrDefault(channel, List.of())) {
            worker.execute(() -> run(() -> l.accept(payload), channel));
        }
    }

    private static void run(Runnable task, String what) {
        try {
            task.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "cluster notice {0} could not be applied: {1}",
                    new Object[]{what, e.getClass().getSimpleName()});
        }
    }

    @PreDestroy
    synchronized void stop() {
        stopped = true;
        JedisPubSub s = subscription;
        if (s != null) {
            try {
                s.unsubscribe();
            } catch (RuntimeException ignored) {
                // the connection is gone already
            }
        }
        if (sender != null) {
            sendUnsent(); // last notices, if Redis is there
            sender.shutdownNow();
        }
        if (worker != null) {
            worker.shutdownNow();
        }
    }
}
