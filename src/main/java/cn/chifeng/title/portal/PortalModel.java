package cn.chifeng.title.portal;

import java.util.Map;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.ModelAndView;

import cn.chifeng.title.common.ApiException;

/**
 * What every portal page may read: no field errors and an empty form until a service refuses something; a refusal
 * that no page handles itself (not found, not allowed, not now) is a Chinese page with its status, not JSON.
 */
@ControllerAdvice(basePackageClasses = PortalModel.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PortalModel {
    @ModelAttribute("errors")
    Map<String, String> errors() {
        return Map.of();
    }

    @ModelAttribute("form")
    Map<String, String> form() {
        return Map.of();
    }

    @ExceptionHandler(ApiException.class)
    ModelAndView refused(ApiException e) {
        ModelAndView page = new ModelAndView("portal/message");
        page.setStatus(e.status());
        page.addObject("problem", e.messageWithFieldMessages());
        page.addObject("errors", Map.of());
        page.addObject("form", Map.of());
        return page;
    }
}
