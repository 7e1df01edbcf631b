package cn.chifeng.title.portal;

import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import cn.chifeng.title.code.EmployerLevel;
import cn.chifeng.title.common.ApiException;
import cn.chifeng.title.employer.EmployerRegistrations;
import cn.chifeng.title.organisation.OrganisationDirectory;

/**
 * A unit's registration ({@code /portal/employers/register}, public): its clerk fills in the unit and their own
 * contact; the county HR bureau (city-level units: their city department) reviews it in Tasklist.
 */
@Controller
class EmployerPages {
    private final EmployerRegistrations registrations;
    private final OrganisationDirectory organisations;
    private final boolean demo;

    EmployerPages(EmployerRegistrations registrations, OrganisationDirectory organisations,
                  @Value("${title.demo.enabled:false}") boolean demo) {
        this.registrations = registrations;
        this.organisations = organisations;
        this.demo = demo;
    }

    @GetMapping("/portal/employers/register")
    String form(Model model) {
        return choices(model);
    }

    @PostMapping("/portal/employers/register")
    String register(@RequestParam Map<String, String> form, Model model) {
        try {
            var r = registrations.register(new EmployerRegistrations.Form(form.get("name"), form.get("code"),
                    form.get("type"), form.get("level"), form.get("county"), form.get("competentDepartment"),
                    form.get("clerkName"), form.get("clerkPhone"), form.get("clerkEmail")));
            model.addAttribute("registration", r);
            model.addAttribute("reviewerName", organisations.groupName(r.reviewerGroup()));
            model.addAttribute("demo", demo);
            return "portal/employer-register-sent";
        } catch (ApiException e) {
            FormErrors.show(model, e);
            Map<String, String> copy = new java.util.HashMap<>(form);
            copy.remove("_csrf");
            model.addAttribute("form", copy);
            return choices(model);
        }
    }

    private String choices(Model model) {
        model.addAttribute("types", EmployerRegistrations.types());
        model.addAttribute("levels", EmployerLevel.values());
        model.addAttribute("counties", organisations.counties());
        model.addAttribute("departments", registrations.departmentsByPlace());
        return "portal/employer-register";
    }
}
