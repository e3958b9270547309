package io.gptload.boot;

import io.gptload.cluster.RedisConnection;
import io.gptload.shared.db.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * MicroProfile Health readiness at {@code /healthz/ready}: the database answers, and Redis
 * answers when {@code REDIS_DSN} is set. Liveness stays {@code /healthz/live}.
 */
@ApplicationScoped
public class ReadinessChecks {

    @Inject
    Database database;
    @Inject
    RedisConnection redis;

    @Produces
    @Readiness
    HealthCheck databaseCheck() {
        return () -> {
            try (Connection c = database.connection()) {
                boolean ok = c.isValid(2);
                return HealthCheckResponse.named("database").status(ok).withData("dialect", database.dialect().name())
                        .build();
            } catch (SQLException | RuntimeException e) {
                return HealthCheckResponse.named("database").down().withData("error", e.getClass().getSimpleName())
                        .build();
            }
        };
    }

    @Produces
    @Readiness
    HealthCheck redisCheck() {
        return () -> {
            if (!redis.enabled()) {
                return HealthCheckResponse.named("redis").up().withData("mode", "single node, in memory").build();
            }
            return HealthCheckResponse.named("redis").status(redis.ping()).withData("address", redis.describe()).build();
        };
    }
}
