package cn.chifeng.title.workbench;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

import cn.chifeng.title.common.ApiException;

/** A refusal on a workbench page (not found, not allowed, a wrong field) is a Chinese page with its status. */
@ControllerAdvice(basePackageClasses = WorkbenchErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class WorkbenchErrors {
    @ExceptionHandler(ApiException.class)
    ModelAndView refused(ApiException e) {
        ModelAndView page = new ModelAndView("staff/message");
        page.setStatus(e.status());
        page.addObject("problem", e.fieldErrors().isEmpty() ? e.getMessage() : String.join("；",
                e.fieldErrors().stream().map(ApiException.FieldError::message).toList()));
        return page;
    }
}
