package cn.chifeng.title.portal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import cn.chifeng.title.application.ApplicationRepository;
import cn.chifeng.title.application.ApplicationService;
import cn.chifeng.title.security.CurrentUser;

/** The signed-in person's home: their applications this and earlier seasons, and what to do next. */
@Controller
class HomePage {
    private final ApplicationService applications;
    private final ApplicationRepository register;
    private final CurrentUser currentUser;

    HomePage(ApplicationService applications, ApplicationRepository register, CurrentUser currentUser) {
        this.applications = applications;
        this.register = register;
        this.currentUser = currentUser;
    }

    @GetMapping("/portal/home")
    String home(Model model) {
        if (!currentUser.isApplicant()) {
            // a unit's clerk (the only staff the portal serves) lands on their unit's applications
            return "redirect:/portal/unit";
        }
        model.addAttribute("applicant", true);
        model.addAttribute("applications", register.search(new ApplicationRepository.Filter(null, null, null, false,
                currentUser.id(), java.util.List.of()), 0, 50));
        return "portal/home";
    }
}
