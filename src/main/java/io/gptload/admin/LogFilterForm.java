package io.gptload.admin;

import io.gptload.requestlog.LogFilter;
import java.io.Serializable;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.function.Function;

/**
 * The filter fields of the logs page as the operator typed them, turned into the {@link LogFilter}
 * of {@code /api/logs}: blank fields filter nothing, the key is matched through its hash, a
 * status that is not a number is ignored (as the API ignores it), times are local to the gateway.
 */
public final class LogFilterForm implements Serializable {

    private static final long serialVersionUID = 1L;

    private String groupName = "";
    private String parentGroupName = "";
    private String model = "";
    private String keyValue = "";
    private String statusCode = "";
    private String success = "";
    private String requestType = "";
    private String sourceIp = "";
    private String errorContains = "";
    private LocalDateTime startTime;
    private LocalDateTime endTime;
    /** The key a link from the keys page named by its hash; a key typed in the field replaces it. */
    private String linkedKeyHash = "";

    /** The filter; {@code hasher} is the gateway's key hash, {@code zone} the zone of the time fields. */
    LogFilter toFilter(Function<String, String> hasher, ZoneId zone) {
        String key = trim(keyValue);
        String keyHash = !key.isEmpty() ? hasher.apply(key) : linkedKeyHash.isEmpty() ? null : linkedKeyHash;
        return new LogFilter(trim(groupName), trim(parentGroupName), trim(model), trim(errorContains),
                keyHash, success(success), requestType, status(statusCode),
                trim(sourceIp), startTime == null ? null : startTime.atZone(zone).toInstant(),
                endTime == null ? null : endTime.atZone(zone).toInstant());
    }

    /** A key hash from a link: 64 hex digits (SHA-256 or HMAC-SHA256), anything else is ignored. */
    void linkKeyHash(String hash) {
        linkedKeyHash = hash != null && hash.matches("[0-9a-f]{64}") ? hash : "";
    }

    /** Whether the logs are those of a key named by a link (and no key was typed since). */
    public boolean isKeyLinked() {
        return !linkedKeyHash.isEmpty() && trim(keyValue).isEmpty();
    }

    private static String trim(String s) {
        return s == null ? "" : s.strip();
    }

    private static Boolean success(String s) {
        return "true".equals(s) ? Boolean.TRUE : "false".equals(s) ? Boolean.FALSE : null;
    }

    private static Integer status(String s) {
        try {
            return trim(s).isEmpty() ? null : Integer.valueOf(trim(s));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    public String getGroupName() {
        return groupName;
    }

    public void setGroupName(String groupName) {
        this.groupName = groupName;
    }

    public String getParentGroupName() {
        return parentGroupName;
    }

    public void setParentGroupName(String parentGroupName) {
        this.parentGroupName = parentGroupName;
    }

    public String getModel() {
        return model;
    }

    public void setModel(String model) {
        this.model = model;
    }

    public String getKeyValue() {
        return keyValue;
    }

    public void setKeyValue(String keyValue) {
        this.keyValue = keyValue;
    }

    public String getStatusCode() {
        return statusCode;
    }

    public void setStatusCode(String statusCode) {
        this.statusCode = statusCode;
    }

    public String getSuccess() {
        return success;
    }

    public void setSuccess(String success) {
        this.success = success;
    }

    public String getRequestType() {
        return requestType;
    }

    public void setRequestType(String requestType) {
        this.requestType = requestType;
    }

    public String getSourceIp() {
        return sourceIp;
    }

    public void setSourceIp(String sourceIp) {
        this.sourceIp = sourceIp;
    }

    public String getErrorContains() {
        return errorContains;
    }

    public void setErrorContains(String errorContains) {
        this.errorContains = errorContains;
    }

    public LocalDateTime getStartTime() {
        return startTime;
    }

    public void setStartTime(LocalDateTime startTime) {
        this.startTime = startTime;
    }

    public LocalDateTime getEndTime() {
        return endTime;
    }

    public void setEndTime(LocalDateTime endTime) {
        this.endTime = endTime;
    }
}
