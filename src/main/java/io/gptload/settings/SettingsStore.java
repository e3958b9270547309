package io.gptload.settings;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The {@code system_settings} rows: seeding, saving a change, reading all. Each call is one transaction. */
@ApplicationScoped
public class SettingsStore {

    private EntityManager em;

    protected SettingsStore() {
        // for CDI proxies
    }

    @Inject
    public SettingsStore(EntityManager em) {
        this.em = Objects.requireNonNull(em, "em");
    }

    /** Inserts the rows that are missing (first start). */
    @Transactional
    public void seed(String appUrl, String authKey) {
        Map<String, SystemSettingEntity> rows = rows();
        LocalDateTime now = LocalDateTime.now();
        for (SettingDefinition d : SettingsCatalog.all()) {
            if (!rows.containsKey(d.key())) {
                String value = switch (d.key()) {
                    case "app_url" -> appUrl;
                    case "proxy_keys" -> authKey;
                    default -> d.defaultValue();
                };
                em.persist(newRow(d.key(), value, now));
            }
        }
    }

    /** Upserts validated values. */
    @Transactional
    public void save(Map<String, String> changes) {
        Map<String, SystemSettingEntity> rows = rows();
        LocalDateTime now = LocalDateTime.now();
        changes.forEach((k, v) -> {
            SystemSettingEntity e = rows.get(k);
            if (e == null) {
                em.persist(newRow(k, v, now));
            } else {
                e.setSettingValue(v);
                e.setUpdatedAt(now);
            }
        });
    }

    /** Every stored value by key. */
    @Transactional
    public Map<String, String> load() {
        Map<String, String> m = new HashMap<>();
        rows().forEach((k, e) -> m.put(k, e.getSettingValue()));
        return m;
    }

    private Map<String, SystemSettingEntity> rows() {
        List<SystemSettingEntity> all = em.createQuery("SELECT s FROM SystemSettingEntity s", SystemSettingEntity.class)
                .getResultList();
        Map<String, SystemSettingEntity> m = new LinkedHashMap<>();
        all.forEach(e -> m.put(e.getSettingKey(), e));
        return m;
    }

    private static SystemSettingEntity newRow(String key, String value, LocalDateTime now) {
        SystemSettingEntity e = new SystemSettingEntity();
        e.setSettingKey(key);
        e.setSettingValue(value == null ? "" : value);
        e.setDescription(key + "_desc");
        e.setCreatedAt(now);
        e.setUpdatedAt(now);
        return e;
    }
}
