package io.gptload.boot;

import io.gptload.keypool.KeyService;
import io.gptload.settings.SettingsChanged;
import io.gptload.settings.SettingsService;
import io.gptload.shared.config.GatewayConfig;
import io.gptload.shared.db.Database;
import io.gptload.shared.db.SchemaMigrator;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * Brings the gateway up before it takes traffic: migrates the schema, seeds and loads the
 * settings (which rebuilds the group catalog), then fills the key pools. A failure here fails the
 * deployment, and the launcher exits non-zero.
 */
@DataSourceDefinition(name = "java:app/jdbc/gptload",
        className = "${MPCONFIG=gptload.db.class}",
        url = "${MPCONFIG=gptload.db.url}",
        minPoolSize = 2, maxPoolSize = 50,
        properties = {
            // a connection is checked (Connection.isValid) before use, at most every 2 s, and one failed
            // check drops them all: after a database outage the pool recovers by itself
            "fish.payara.is-connection-validation-required=true",
            "fish.payara.connection-validation-method=custom-validation",
            "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.JDBC40ConnectionValidation",
            "fish.payara.validate-atmost-once-period-in-seconds=2",
            "fish.payara.fail-all-connections=true"
        })
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Bootstrap {

    private static final Logger LOG = Logger.getLogger(Bootstrap.class.getName());

    @Inject
    private Database db;
    @Inject
    private SettingsService settings;
    @Inject
    private KeyService keys;
    @Inject
    private GatewayConfig config;
    @Inject
    private Event<SettingsChanged> settingsChanged;

    @PostConstruct
    void start() {
        long t0 = System.nanoTime();
        SchemaMigrator.migrate(db.dataSource());
        LOG.info("database ready (" + db.dialect() + ")");
        String host = config.server().host();
        String appUrl = "http://" + ("0.0.0.0".equals(host) || host.isBlank() ? "localhost" : host) + ":"
                + config.server().port();
        settings.seedAndLoad(appUrl, config.security().authKey());
        settingsChanged.fire(new SettingsChanged(settings.current()));
        try {
            int n = keys.loadAll();
            LOG.info("gateway ready: " + n + " active keys loaded in " + (System.nanoTime() - t0) / 1_000_000 + " ms");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("could not load keys: " + e.getMessage(), e);
        }
    }
}
