package cn.chifeng.title.common;

import java.util.List;

import org.springframework.http.HttpStatus;

/** A refusal of the API with its HTTP status, a stable error code and a Chinese message. */
public class ApiException extends RuntimeException {
    private final HttpStatus status;
    private final String error;
    private final List<FieldError> fieldErrors;
    private final List<CellError> cellErrors;

    public ApiException(HttpStatus status, String error, String message) {
        this(status, error, message, List.of(), List.of());
    }

    private ApiException(HttpStatus status, String error, String message, List<FieldError> fieldErrors,
                         List<CellError> cellErrors) {
        super(message);
        this.status = status;
        this.error = error;
        this.fieldErrors = fieldErrors;
        this.cellErrors = cellErrors;
    }

    public static ApiException invalid(List<FieldError> errors) {
        return new ApiException(HttpStatus.BAD_REQUEST, "INVALID", "申报信息有误，请按提示修改", errors, List.of());
    }

    /** A refused uploaded table (e.g. an expert list): every bad cell, by row number and column header. */
    public static ApiException invalidCells(List<CellError> errors) {
        return new ApiException(HttpStatus.BAD_REQUEST, "INVALID_ROWS", "文件内容有误，请按提示逐行修改后重新上传",
                List.of(), List.copyOf(errors));
    }

    public static ApiException invalid(String field, String message) {
        return invalid(List.of(new FieldError(field, message)));
    }

    public static ApiException notFound(String message) {
        return new ApiException(HttpStatus.NOT_FOUND, "NOT_FOUND", message);
    }

    public static ApiException unauthenticated() {
        return new ApiException(HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED", "请先登录（HTTP Basic 用户名和密码）");
    }

    public static ApiException forbidden(String message) {
        return new ApiException(HttpStatus.FORBIDDEN, "FORBIDDEN", message);
    }

    public static ApiException conflict(String error, String message) {
        return new ApiException(HttpStatus.CONFLICT, error, message);
    }

    public HttpStatus status() {
        return status;
    }

    public String error() {
        return error;
    }

    public List<FieldError> fieldErrors() {
        return fieldErrors;
    }

    public List<CellError> cellErrors() {
        return cellErrors;
    }

    /** The field messages joined by "；", or the message where no field was refused: a refusal as one line. */
    public String fieldMessagesOrMessage() {
        return fieldErrors == null || fieldErrors.isEmpty() ? getMessage() : joinedFieldMessages();
    }

    /** The message followed by the field messages, where fields were refused: "申报信息有误…：A；B". */
    public String messageWithFieldMessages() {
        return fieldErrors == null || fieldErrors.isEmpty() ? getMessage() : getMessage() + "：" + joinedFieldMessages();
    }

    private String joinedFieldMessages() {
        return String.join("；", fieldErrors.stream().map(FieldError::message).toList());
    }

    /** One refused field with a Chinese message (APP-8). */
    public record FieldError(String field, String message) {
    }

    /** One refused cell of an uploaded table: its row as the spreadsheet numbers it (header = 1), column, reason. */
    public record CellError(int row, String column, String reason) {
    }
}
