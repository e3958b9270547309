package io.gptload.requestlog;

import static java.util.Objects.requireNonNull;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/**
 * One proxied attempt in {@code request_logs}; the id is a time-ordered UUID (version 7) assigned by the
 * application. {@code durationMs} lives in the column {@code duration}.
 */
@Entity
@Table(name = "request_logs")
public class RequestLogEntity {

    @Id
    @Column(name = "id", nullable = false, length = 36)
    private String id;

    @Column(name = "timestamp", nullable = false)
    private LocalDateTime timestamp;

    @Column(name = "group_id", nullable = false)
    private long groupId;

    @Column(name = "group_name", length = 255)
    private String groupName;

    @Column(name = "parent_group_id")
    private long parentGroupId;

    @Column(name = "parent_group_name", length = 255)
    private String parentGroupName;

    @Column(name = "key_value")
    private String keyValue;

    @Column(name = "key_hash", length = 128)
    private String keyHash;

    @Column(name = "model", length = 255)
    private String model;

    @Column(name = "is_success", nullable = false)
    private boolean success;

    @Column(name = "source_ip", length = 64)
    private String sourceIp;

    @Column(name = "status_code", nullable = false)
    private int statusCode;

    @Column(name = "request_path", length = 500)
    private String requestPath;

    @Column(name = "duration", nullable = false)
    private long durationMs;

    @Column(name = "error_message")
    private String errorMessage;

    @Column(name = "user_agent", length = 512)
    private String userAgent;

    @Column(name = "request_type", nullable = false, length = 20)
    private String requestType = "final";

    @Column(name = "upstream_addr", length = 500)
    private String upstreamAddr;

    @Column(name = "is_stream", nullable = false)
    private boolean stream;

    @Column(name = "request_body")
    private String requestBody;

    /** For JPA. */
    protected RequestLogEntity() {
    }

    /** A new row with the id the application assigns (a UUID). */
    public RequestLogEntity(String id) {
        this.id = requireNonNull(id, "id");
    }

    public String getId() {
        return id;
    }

    public LocalDateTime getTimestamp() {
        return timestamp;
    }

    public void setTimestamp(LocalDateTime timestamp) {
        this.timestamp = timestamp;
    }

    public long getGroupId() {
        return groupId;
    }

    public void setGroupId(long groupId) {
        this.groupId = groupId;
    }

    public String getGroupName() {
        return groupName;
    }

    public void setGroupName(String groupName) {
        this.groupName = groupName;
    }

    public long getParentGroupId() {
        return parentGroupId;
    }

    public void setParentGroupId(long parentGroupId) {
        this.parentGroupId = parentGroupId;
    }

    public String getParentGroupName() {
        return parentGroupName;
    }

    public void setParentGroupName(String parentGroupName) {
        this.parentGroupName = parentGroupName;
    }

    public String getKeyValue() {
        return keyValue;
    }

    public void setKeyValue(String keyValue) {
        this.keyValue = keyValue;
    }

    public String getKeyHash() {
        return keyHash;
    }

    public void setKeyHash(String keyHash) {
        this.keyHash = keyHash;
    }

    public String getModel() {
        return model;
    }

    public void setModel(String model) {
        this.model = model;
    }

    public boolean isSuccess() {
        return success;
    }

    public void setSuccess(boolean success) {
        this.success = success;
    }

    public String getSourceIp() {
        return sourceIp;
    }

    public void setSourceIp(String sourceIp) {
        this.sourceIp = sourceIp;
    }

    public int getStatusCode() {
        return statusCode;
    }

    public void setStatusCode(int statusCode) {
        this.statusCode = statusCode;
    }

    public String getRequestPath() {
        return requestPath;
    }

    public void setRequestPath(String requestPath) {
        this.requestPath = requestPath;
    }

    public long getDurationMs() {
        return durationMs;
    }

    public void setDurationMs(long durationMs) {
        this.durationMs = durationMs;
    }

    public String getErrorMessage() {
        return errorMessage;
    }

    public void setErrorMessage(String errorMessage) {
        this.errorMessage = errorMessage;
    }

    public String getUserAgent() {
        return userAgent;
    }

    public void setUserAgent(String userAgent) {
        this.userAgent = userAgent;
    }

    public String getRequestType() {
        return requestType;
    }

    public void setRequestType(String requestType) {
        this.requestType = requestType;
    }

    public String getUpstreamAddr() {
        return upstreamAddr;
    }

    public void setUpstreamAddr(String upstreamAddr) {
        this.upstreamAddr = upstreamAddr;
    }

    public boolean isStream() {
        return stream;
    }

    public void setStream(boolean stream) {
        this.stream = stream;
    }

    public String getRequestBody() {
        return requestBody;
    }

    public void setRequestBody(String requestBody) {
        this.requestBody = requestBody;
    }
}
