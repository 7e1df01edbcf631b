package cn.chifeng.title.portal;

import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.IntStream;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.chifeng.title.account.Accounts;
import cn.chifeng.title.code.Education;
import cn.chifeng.title.code.Level;
import cn.chifeng.title.code.Series;
import cn.chifeng.title.code.ServicePlace;
import cn.chifeng.title.common.ApiException;
import cn.chifeng.title.organisation.OrganisationDirectory;
import cn.chifeng.title.profile.Profile;
import cn.chifeng.title.profile.ProfileService;
import cn.chifeng.title.security.CurrentUser;

/**
 * The applicant's profile ({@code /portal/profile}, APP-1): always the signed-in person's own, kept across seasons;
 * saving a new or changed one sends it to the employer (freelancers: the county's talent service centre) to verify.
 */
@Controller
class ProfilePages {
    private final ProfileService profiles;
    private final Accounts accounts;
    private final OrganisationDirectory directory;
    private final CurrentUser currentUser;

    ProfilePages(ProfileService profiles, Accounts accounts, OrganisationDirectory directory, CurrentUser currentUser) {
        this.profiles = profiles;
        this.accounts = accounts;
        this.directory = directory;
        this.currentUser = currentUser;
    }

    @GetMapping("/portal/profile")
    String view(Model model) {
        Profile p = profiles.own().orElse(null);
        return page(model, p, p == null ? Map.of() : ProfileForm.fields(p));
    }

    @PostMapping("/portal/profile")
    String save(@RequestParam Map<String, String> form, Model model, RedirectAttributes flash) {
        try {
            ProfileService.Saved saved = profiles.save(ProfileForm.read(form));
            Profile p = saved.profile();
            flash.addFlashAttribute("done", saved.verificationRequested()
                    ? "个人信息已保存，已提交" + profiles.verifierName(p.employerCode(), p.county()) + "核实。"
                    : "个人信息没有修改。");
            return "redirect:/portal/profile";
        } catch (ApiException e) {
            FormErrors.show(model, e);
            Map<String, String> copy = new HashMap<>(form);
            copy.remove("_csrf");
            return page(model, profiles.own().orElse(null), copy);
        }
    }

    private String page(Model model, Profile p, Map<String, String> form) {
        model.addAttribute("form", form);
        model.addAttribute("profile", p);
        model.addAttribute("status", p == null ? Profile.Status.UNVERIFIED : p.status());
        model.addAttribute("verifierName", p == null ? null : profiles.verifierName(p.employerCode(), p.county()));
        model.addAttribute("account", accounts.find(currentUser.id()).orElseThrow());
        model.addAttribute("educationOptions", Education.values());
        model.addAttribute("levelOptions", Level.values());
        model.addAttribute("seriesOptions", Series.values());
        model.addAttribute("placeOptions", ServicePlace.values());
        model.addAttribute("employers", directory.employers().stream()
                .sorted(Comparator.comparing(OrganisationDirectory.Employer::county)
                        .thenComparing(OrganisationDirectory.Employer::name)).toList());
        model.addAttribute("counties", directory.counties());
        model.addAttribute("titleRows", IntStream.range(0, ProfileForm.TITLE_ROWS).boxed().toList());
        model.addAttribute("workRows", IntStream.range(0, ProfileForm.WORK_ROWS).boxed().toList());
        return "portal/profile";
    }
}
