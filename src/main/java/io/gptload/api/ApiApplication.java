package io.gptload.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import java.util.Set;

/**
 * The management REST API, {@code /api/...}. Its resources and providers are listed here rather
 * than discovered: discovery would also mount every other resource of the WAR under
 * {@code /api} (the proxy's among them, reachable with AUTH_KEY), and its providers would leak
 * into other applications. {@code ApiApplicationTest} checks that the list is complete.
 */
@ApplicationPath("api")
public class ApiApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(
                AdminAuthFilter.class,
                ApiExceptionMapper.class,
                LocalizedMessagesFilter.class,
                GroupExceptionMapper.class,
                AuthResource.class,
                ChannelTypesResource.class,
                GroupsResource.class,
                KeysResource.class,
                KeyTasksResource.class,
                KeyMaintenanceResource.class,
                KeyExportResource.class,
                TasksResource.class,
                LogsResource.class,
                SettingsResource.class,
                DashboardResource.class,
                IntegrationResource.class);
    }

    /**
     * No generated {@code application.wadl}: an unknown route is 404 (spec §3.1). The runtime's
     * multipart support (named, not linked: it is not part of the Jakarta EE API) reads the
     * {@code add-async} upload.
     */
    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.server.wadl.disableWadl", true,
                "jersey.config.server.provider.classnames", "org.glassfish.jersey.media.multipart.MultiPartFeature");
    }
}
