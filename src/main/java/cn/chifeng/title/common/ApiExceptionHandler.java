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

/** Turns refusals into the API's JSON error bodies: `{errors:[{field,message}]}` for 400, `{error,message}` otherwise. */
@RestControllerAdvice(basePackages = "cn.chifeng.title")
class ApiExceptionHandler {

    @ExceptionHandler(ApiException.class)
    ResponseEntity<Map<String, Object>> refused(ApiException e) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", e.error());
        body.put("message", e.getMessage());
        if (!e.fieldErrors().isEmpty()) {
            body.put("errors", e.fieldErrors());
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
            message = mie instanceof InvalidFormatException ife && ife.getTargetType() != null
                    && ife.getTargetType().isEnum()
                    ? "取值无效，可选值见 /api/reference"
                    : "格式无效（日期格式为 YYYY-MM-DD）";
        }
        return refused(ApiException.invalid(List.of(new ApiException.FieldError(field, message))));
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
