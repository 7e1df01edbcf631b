package cn.chifeng.title.portal;

import java.util.HashMap;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import cn.chifeng.title.account.IdDisputeService;
import cn.chifeng.title.common.ApiException;
import cn.chifeng.title.organisation.OrganisationDirectory;

/**
 * 身份证号申诉 ({@code /portal/register/dispute}, public): a person whose 身份证号 another account holds asks the county
 * HR bureau to verify it; the registration page links here with the number filled in.
 */
@Controller
class IdDisputePages {
    private final IdDisputeService disputes;
    private final OrganisationDirectory organisations;
    private final boolean demo;

    IdDisputePages(IdDisputeService disputes, OrganisationDirectory organisations,
                   @Value("${title.demo.enabled:false}") boolean demo) {
        this.disputes = disputes;
        this.organisations = organisations;
        this.demo = demo;
    }

    @GetMapping("/portal/register/dispute")
    String form(@RequestParam(required = false) String idNumber, Model model) {
        Map<String, String> form = new HashMap<>();
        if (idNumber != null && idNumber.length() <= 18) {
            form.put("idNumber", idNumber.trim());
        }
        model.addAttribute("form", form);
        return choices(model);
    }

    @PostMapping("/portal/register/dispute")
    String file(@RequestParam Map<String, String> form, Model model) {
        try {
            var filed = disputes.file(new IdDisputeService.Filing(form.get("name"), form.get("idNumber"),
                    form.get("phone"), form.get("email"), form.get("county"), form.get("statement")));
            model.addAttribute("filed", filed);
            model.addAttribute("demo", demo);
            return "portal/register-dispute-sent";
        } catch (ApiException e) {
            FormErrors.show(model, e);
            Map<String, String> copy = new HashMap<>(form);
            copy.remove("_csrf");
            model.addAttribute("form", copy);
            return choices(model);
        }
    }

    private String choices(Model model) {
        model.addAttribute("counties", organisations.counties());
        return "portal/register-dispute";
    }
}
