package cn.chifeng.title.workbench;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

import cn.chifeng.title.common.ApiException;

/**
 * A refusal on a workbench page (not found, not allowed, a wrong field) is a Chinese page with its status; pages of
 * other modules on the workbench ({@link #page}) answer the same way.
 */
@ControllerAdvice(basePackageClasses = WorkbenchErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class WorkbenchErrors {
    @ExceptionHandler(ApiException.class)
    ModelAndView refused(ApiException e) {
        return page(e);
    }

    /** The workbench's message page for a refusal. */
    public static ModelAndView page(ApiException e) {
        ModelAndView page = new ModelAndView("staff/message");
        page.setStatus(e.status());
        page.addObject("problem", e.fieldMessagesOrMessage());
        return page;
    }
}
