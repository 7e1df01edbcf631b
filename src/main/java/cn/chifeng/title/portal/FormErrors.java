package cn.chifeng.title.portal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.ui.Model;

import cn.chifeng.title.common.ApiException;

/** A refusal of the services shown on a page: the message on top, each field's message next to the field. */
final class FormErrors {
    private FormErrors() {
    }

    static void show(Model model, ApiException e) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (ApiException.FieldError f : e.fieldErrors()) {
            fields.merge(f.field(), f.message(), (a, b) -> a + "；" + b);
        }
        model.addAttribute("errors", fields);
        model.addAttribute("problem", e.getMessage());
        model.addAttribute("problemCode", e.error());
    }
}
