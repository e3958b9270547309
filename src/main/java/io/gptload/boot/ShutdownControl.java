package io.gptload.boot;

import io.gptload.cluster.JobLease;
import io.gptload.proxy.ProxyShutdown;
import io.gptload.requestlog.RequestLogWriter;
import io.gptload.shared.config.GatewayConfig;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ContextService;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.StandardMBean;

/**
 * Publishes the {@link ShutdownDrain} as the platform MBean {@value #NAME} while the application
 * is deployed. The launcher, which owns the process's signals but cannot see the application's
 * classes, invokes it on SIGTERM before letting the container stop. The signal's thread is none
 * of the container's, so the MBean is a contextual proxy: the drain runs with the application's
 * class loader and naming context, which the connection pool needs to open a database
 * connection for the final request-log flush.
 */
@Singleton
@Startup
public class ShutdownControl {

    /** Must match the launcher's name for it. */
    public static final String NAME = "io.gptload:type=GracefulShutdown";

    private static final Logger LOG = Logger.getLogger(ShutdownControl.class.getName());

    @Inject
    private ProxyShutdown proxy;
    @Inject
    private RequestLogWriter requestLogs;
    @Inject
    private GatewayConfig config;
    @Inject
    private JobLease leases;
    @Resource
    private ContextService context;

    @PostConstruct
    void register() {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        try {
            ObjectName name = new ObjectName(NAME);
            if (server.isRegistered(name)) {
                server.unregisterMBean(name);
            }
            ShutdownDrainMBean drain = new ShutdownDrain(proxy, requestLogs,
                    config.server().gracefulShutdownTimeout(), leases::stop);
            server.registerMBean(new StandardMBean(context.createContextualProxy(drain, ShutdownDrainMBean.class),
                    ShutdownDrainMBean.class), name);
        } catch (JMException e) {
            LOG.log(Level.WARNING, "graceful shutdown unavailable: {0}", e.toString());
        }
    }

    @PreDestroy
    void unregister() {
        try {
            ObjectName name = new ObjectName(NAME);
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            if (server.isRegistered(name)) {
                server.unregisterMBean(name);
            }
        } catch (JMException e) {
            LOG.log(Level.FINE, "graceful shutdown MBean not unregistered: {0}", e.toString());
        }
    }
}
