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

    /** The filter; {@code hasher} is the gateway's key hash, {@code zone} the zone of the time fields. */
    LogFilter toFilter(Function<String, String> hasher, ZoneId zone) {
        String key = trim(keyValue);
        return new LogFilter(trim(groupName), trim(parentGroupName), trim(model), trim(errorContains),
                key.isEmpty() ? null : hasher.apply(key), success(success), requestType, status(statusCode),
                trim(sourceIp), startTime == null ? null : startTime.atZone(zone).toInstant(),
                endTime == null ? null : endTime.atZone(zone).toInstant());
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
