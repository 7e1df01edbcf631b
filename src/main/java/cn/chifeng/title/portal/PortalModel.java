package cn.chifeng.title.portal;

import java.util.Map;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every portal page may read: no field errors and an empty form until a service refuses something. */
@ControllerAdvice(basePackageClasses = PortalModel.class)
class PortalModel {
    @ModelAttribute("errors")
    Map<String, String> errors() {
        return Map.of();
    }

    @ModelAttribute("form")
    Map<String, String> form() {
        return Map.of();
    }
}
