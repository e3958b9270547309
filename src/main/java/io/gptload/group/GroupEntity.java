package io.gptload.group;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/**
 * A row of gpt-load's {@code groups} table. JSON columns are kept as their JSON text.
 *
 * <p>{@code groups} is a reserved word in MySQL 8 and H2, so the table name is a JPA
 * delimited identifier: EclipseLink writes it with the platform's quote character
 * (backticks on MySQL/MariaDB, double quotes on PostgreSQL and H2), in lower case.
 */
@Entity
@Table(name = "\"groups\"")
public class GroupEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "name", nullable = false, unique = true, length = 255)
    private String name;

    @Column(name = "display_name", length = 255)
    private String displayName;

    @Column(name = "proxy_keys")
    private String proxyKeys;

    @Column(name = "description", length = 512)
    private String description;

    @Column(name = "group_type", length = 50)
    private String groupType = "standard";

    @Column(name = "upstreams", nullable = false)
    private String upstreams;

    @Column(name = "validation_endpoint", length = 255)
    private String validationEndpoint;

    @Column(name = "channel_type", nullable = false, length = 50)
    private String channelType;

    @Column(name = "sort")
    private int sort;

    @Column(name = "test_model", nullable = false, length = 255)
    private String testModel;

    @Column(name = "param_overrides")
    private String paramOverrides;

    @Column(name = "config")
    private String config;

    @Column(name = "header_rules")
    private String headerRules;

    @Column(name = "model_redirect_rules")
    private String modelRedirectRules;

    @Column(name = "model_redirect_strict")
    private boolean modelRedirectStrict;

    @Column(name = "last_validated_at")
    private LocalDateTime lastValidatedAt;

    @Column(name = "created_at")
    private LocalDateTime createdAt;

    @Column(name = "updated_at")
    private LocalDateTime updatedAt;

    /** For JPA and for new rows created inside the feature (the database assigns the id). */
    protected GroupEntity() {
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getProxyKeys() {
        return proxyKeys;
    }

    public void setProxyKeys(String proxyKeys) {
        this.proxyKeys = proxyKeys;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getGroupType() {
        return groupType;
    }

    public void setGroupType(String groupType) {
        this.groupType = groupType;
    }

    public String getUpstreams() {
        return upstreams;
    }

    public void setUpstreams(String upstreams) {
        this.upstreams = upstreams;
    }

    public String getValidationEndpoint() {
        return validationEndpoint;
    }

    public void setValidationEndpoint(String validationEndpoint) {
        this.validationEndpoint = validationEndpoint;
    }

    public String getChannelType() {
        return channelType;
    }

    public void setChannelType(String channelType) {
        this.channelType = channelType;
    }

    public int getSort() {
        return sort;
    }

    public void setSort(int sort) {
        this.sort = sort;
    }

    public String getTestModel() {
        return testModel;
    }

    public void setTestModel(String testModel) {
        this.testModel = testModel;
    }

    public String getParamOverrides() {
        return paramOverrides;
    }

    public void setParamOverrides(String paramOverrides) {
        this.paramOverrides = paramOverrides;
    }

    public String getConfig() {
        return config;
    }

    public void setConfig(String config) {
        this.config = config;
    }

    public String getHeaderRules() {
        return headerRules;
    }

    public void setHeaderRules(String headerRules) {
        this.headerRules = headerRules;
    }

    public String getModelRedirectRules() {
        return modelRedirectRules;
    }

    public void setModelRedirectRules(String modelRedirectRules) {
        this.modelRedirectRules = modelRedirectRules;
    }

    public boolean isModelRedirectStrict() {
        return modelRedirectStrict;
    }

    public void setModelRedirectStrict(boolean modelRedirectStrict) {
        this.modelRedirectStrict = modelRedirectStrict;
    }

    public LocalDateTime getLastValidatedAt() {
        return lastValidatedAt;
    }

    public void setLastValidatedAt(LocalDateTime lastValidatedAt) {
        this.lastValidatedAt = lastValidatedAt;
    }

    public LocalDateTime getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(LocalDateTime createdAt) {
        this.createdAt = createdAt;
    }

    public LocalDateTime getUpdatedAt() {
        return updatedAt;
    }

    public void setUpdatedAt(LocalDateTime updatedAt) {
        this.updatedAt = updatedAt;
    }
}
