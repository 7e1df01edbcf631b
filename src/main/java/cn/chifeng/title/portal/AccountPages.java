package cn.chifeng.title.portal;

import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import cn.chifeng.title.account.AccountService;
import cn.chifeng.title.common.ApiException;
import cn.chifeng.title.season.SeasonService;

import jakarta.servlet.http.HttpSession;

/** The public pages of accounts: home, login, registration, e-mail confirmation, password reset. */
@Controller
class AccountPages {
    private final AccountService accounts;
    private final SeasonService seasons;
    private final boolean demo;

    AccountPages(AccountService accounts, SeasonService seasons,
                 @Value("${title.demo.enabled:false}") boolean demo) {
        this.accounts = accounts;
        this.seasons = seasons;
        this.demo = demo;
    }

    @GetMapping("/")
    String root() {
        return "redirect:/portal/";
    }

    @GetMapping({"/portal", "/portal/"})
    String index(Model model) {
        model.addAttribute("season", seasons.current().orElse(null));
        model.addAttribute("today", seasons.today());
        return "portal/index";
    }

    @GetMapping("/portal/login")
    String login(HttpSession session, Model model) {
        Object error = session.getAttribute(LOGIN_ERROR);
        if (error != null) {
            model.addAttribute("problem", error);
            model.addAttribute("username", session.getAttribute(LOGIN_NAME));
            session.removeAttribute(LOGIN_ERROR);
            session.removeAttribute(LOGIN_NAME);
        }
        model.addAttribute("demo", demo);
        return "portal/login";
    }

    static final String LOGIN_ERROR = "cn.chifeng.title.security.PortalSecurity$PortalLogin.error";
    static final String LOGIN_NAME = "cn.chifeng.title.security.PortalSecurity$PortalLogin.name";

    @GetMapping("/portal/register")
    String registerForm(Model model) {
        model.addAttribute("form", Map.of());
        return "portal/register";
    }

    @PostMapping("/portal/register")
    String register(@RequestParam Map<String, String> form, Model model) {
        try {
            var a = accounts.register(new AccountService.Registration(form.get("name"), form.get("idNumber"),
                    form.get("phone"), form.get("email"), form.get("password"), form.get("passwordConfirm")));
            model.addAttribute("email", a.email());
            model.addAttribute("demo", demo);
            return "portal/register-sent";
        } catch (ApiException e) {
            FormErrors.show(model, e);
            model.addAttribute("form", withoutPasswords(form));
            return "portal/register";
        }
    }

    @PostMapping("/portal/register/resend")
    String resend(@RequestParam(required = false) String username, Model model) {
        accounts.resendConfirmation(username);
        model.addAttribute("message", "如该账号尚未确认邮箱，新的确认链接已发送到注册邮箱（原链接失效）。");
        model.addAttribute("demo", demo);
        return "portal/message";
    }

    @GetMapping("/portal/confirm/{token}")
    String confirm(@PathVariable String token, Model model) {
        boolean ok = accounts.confirm(token);
        model.addAttribute(ok ? "message" : "problem", ok ? "邮箱已确认，现在可以登录。"
                : "确认链接无效、已使用或已过期。可在登录页重新发送确认邮件。");
        return "portal/message";
    }

    @GetMapping("/portal/password/forgot")
    String forgotForm() {
        return "portal/password-forgot";
    }

    @PostMapping("/portal/password/forgot")
    String forgot(@RequestParam(required = false) String email, Model model) {
        try {
            accounts.requestPasswordReset(email);
        } catch (ApiException e) {
            FormErrors.show(model, e);
            model.addAttribute("email", email);
            return "portal/password-forgot";
        }
        model.addAttribute("message", "如该邮箱已注册，重置密码的链接已发送，请在1小时内使用。");
        model.addAttribute("demo", demo);
        return "portal/message";
    }

    @GetMapping("/portal/password/reset/{token}")
    String resetForm(@PathVariable String token, Model model) {
        if (!accounts.resetLinkValid(token)) {
            model.addAttribute("problem", "重置链接无效、已使用或已过期，请重新申请。");
            return "portal/message";
        }
        model.addAttribute("token", token);
        return "portal/password-reset";
    }

    @PostMapping("/portal/password/reset/{token}")
    String reset(@PathVariable String token, @RequestParam(required = false) String password,
                 @RequestParam(required = false) String passwordConfirm, Model model) {
        try {
            accounts.resetPassword(token, password, passwordConfirm);
        } catch (ApiException e) {
            FormErrors.show(model, e);
            if (e.fieldErrors().isEmpty()) {
                return "portal/message";
            }
            model.addAttribute("token", token);
            return "portal/password-reset";
        }
        model.addAttribute("message", "密码已重置，请用新密码登录。");
        return "portal/message";
    }

    private static Map<String, String> withoutPasswords(Map<String, String> form) {
        Map<String, String> copy = new java.util.HashMap<>(form);
        copy.remove("password");
        copy.remove("passwordConfirm");
        copy.remove("_csrf");
        return copy;
    }
}
