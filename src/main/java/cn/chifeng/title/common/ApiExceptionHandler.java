package cn.chifeng.title.common;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * Turns refusals into the API's JSON error bodies: {@code {error,message}} always; for a 400 on fields also
 * {@code errors:[{field,message}]}, for a 400 on an uploaded table {@code errors:[{row,column,reason}]}.
 */
@RestControllerAdvice(basePackages = "cn.chifeng.title")
class ApiExceptionHandler {

    @ExceptionHandler(ApiException.class)
    ResponseEntity<Map<String, Object>> refused(ApiException e) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", e.error());
        body.put("message", e.getMessage());
        if (!e.fieldErrors().isEmpty()) {
            body.put("errors", e.fieldErrors());
        } else if (!e.cellErrors().isEmpty()) {
            body.put("errors", e.cellErrors());
        }
        return ResponseEntity.status(e.status()).body(body);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
        String field = "body";
        String message = "请求内容不是有效的 JSON";
        if (e.getCause() instanceof MismatchedInputException mie && !mie.getPath().isEmpty()) {
            field = mie.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse("body");
            message = typeMessage(mie.getTargetType());
        }
        return refused(ApiException.invalid(List.of(new ApiException.FieldError(field, message))));
    }

    /** What a field of this type takes, in words an applicant understands. */
    static String typeMessage(Class<?> type) {
        if (type == null) {
            return "格式无效";
        }
        if (type.isEnum()) {
            return "取值无效，可选值见 /api/reference";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "须为 true 或 false";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "须为整数";
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return "日期无效（格式为 YYYY-MM-DD，须为真实存在的日期）";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "须为列表";
        }
        if (type == String.class) {
            return "须为文字";
        }
        return "格式无效";
    }

    /** A multipart body that cannot be read (no boundary, cut short, not multipart at all). */
    @ExceptionHandler(org.springframework.web.multipart.MultipartException.class)
    ResponseEntity<Map<String, Object>> badMultipart(org.springframework.web.multipart.MultipartException e) {
        if (e instanceof org.springframework.web.multipart.MaxUploadSizeExceededException tooLarge) {
            return tooLarge(tooLarge);
        }
        return refused(ApiException.invalid(List.of(new ApiException.FieldError("file",
                "上传内容无法读取：须为 multipart/form-data，含字段 item 和 file"))));
    }

    /** A parameter of the wrong type (e.g. ?page=abc). */
    @ExceptionHandler(org.springframework.web.method.annotation.MethodArgumentTypeMismatchException.class)
    ResponseEntity<Map<String, Object>> badParameter(
            org.springframework.web.method.annotation.MethodArgumentTypeMismatchException e) {
        return refused(ApiException.invalid(e.getName(), typeMessage(e.getRequiredType())));
    }

    /** A body that is not JSON, or JSON where the endpoint takes a file. */
    @ExceptionHandler(org.springframework.web.HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Map<String, Object>> badMediaType(org.springframework.web.HttpMediaTypeNotSupportedException e) {
        return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).body(Map.of("error", "UNSUPPORTED_MEDIA_TYPE",
                "message", "请求内容类型不受支持：" + e.getContentType() + "（可用：" + e.getSupportedMediaTypes() + "）"));
    }

    @ExceptionHandler(org.springframework.web.multipart.MaxUploadSizeExceededException.class)
    ResponseEntity<Map<String, Object>> tooLarge(org.springframework.web.multipart.MaxUploadSizeExceededException e) {
        return refused(ApiException.invalid(List.of(new ApiException.FieldError("file", "文件过大"))));
    }

    @ExceptionHandler(AuthorizationException.class)
    ResponseEntity<Map<String, Object>> notAuthorized(AuthorizationException e) {
        return refused(new ApiException(HttpStatus.FORBIDDEN, "FORBIDDEN", "无权执行此操作"));
    }
}
