package cn.chifeng.title.portal;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import cn.chifeng.title.common.ApiException;
import cn.chifeng.title.publicity.NoticeBoard;
import cn.chifeng.title.publicity.PublicityService;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The public notice board (REV-1, REV-3, PUB-1, PUB-2), without a login: {@code /portal/notices} lists the current
 * and past notices, {@code /portal/notices/{id}} shows one with its published fields and, while it runs, the form of a
 * real-name objection, which goes through {@link PublicityService#objectPublicly} like any objection. The form is
 * limited per client address ({@link ClientRateLimiter}, 429) and in size ({@link PublicFormBodyLimit}, 400).
 */
@Controller
class NoticeBoardPages {
    private final NoticeBoard board;
    private final PublicityService publicity;
    private final ClientRateLimiter limiter;

    NoticeBoardPages(NoticeBoard board, PublicityService publicity, ClientRateLimiter objectionLimiter) {
        this.board = board;
        this.publicity = publicity;
        this.limiter = objectionLimiter;
    }

    @GetMapping({"/portal/notices", "/portal/notices/"})
    String list(Model model) {
        List<NoticeBoard.Notice> all = board.notices();
        model.addAttribute("current", all.stream().filter(NoticeBoard.Notice::open).toList());
        model.addAttribute("past", all.stream().filter(n -> !n.open()).toList());
        model.addAttribute("retentionDays", board.retentionDays());
        return "portal/notices";
    }

    @GetMapping("/portal/notices/{id}")
    String notice(@PathVariable String id, @RequestParam(required = false) String filed, Model model,
                  HttpServletResponse response) {
        if (!show(id, model, response)) {
            return "portal/message";
        }
        if (filed != null) {
            model.addAttribute("message", "异议已受理，将由负责核查的机构处理并与您联系。您的姓名和联系方式只有核查机构可见。");
        }
        return "portal/notice";
    }

    @PostMapping("/portal/notices/{id}/objections")
    String object(@PathVariable String id, @RequestParam Map<String, String> form, Model model,
                  HttpServletRequest request, HttpServletResponse response) {
        var wait = limiter.acquire(request.getRemoteAddr());
        if (wait.isPresent()) {
            long minutes = Math.max(1, (wait.get().toSeconds() + 59) / 60);
            response.setStatus(429);
            response.setHeader("Retry-After", Long.toString(Math.max(1, wait.get().toSeconds())));
            model.addAttribute("minutes", minutes);
            model.addAttribute("noticeId", id);
            return "portal/too-many";
        }
        if (board.notice(id).isEmpty()) {
            return show(id, model, response) ? "portal/notice" : "portal/message";
        }
        String applicationId = number(form.get("entry")).flatMap(n -> board.applicationOf(id, n)).orElse(null);
        try {
            publicity.objectPublicly(id, applicationId, form.get("about"), form.get("text"),
                    form.get("objectorName"), form.get("objectorContact"));
        } catch (ApiException e) {
            FormErrors.show(model, e);
            if (!e.fieldErrors().isEmpty()) {
                model.addAttribute("problem", "填写的内容有误，请按提示修改后再提交");
            }
            Map<String, String> back = new HashMap<>(form);
            back.remove("_csrf");
            model.addAttribute("form", back);
            show(id, model, response);
            response.setStatus(e.status().value());
            return "portal/notice";
        }
        return "redirect:/portal/notices/" + id + "?filed";
    }

    /** Puts the notice and its rows on the model; false (and a 404 message) if it is not on the board. */
    private boolean show(String id, Model model, HttpServletResponse response) {
        var notice = board.notice(id);
        if (notice.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            model.addAttribute("problem", "该公示不存在或已超过保留期限。");
            model.addAttribute("noticesLink", true);
            return false;
        }
        model.addAttribute("notice", notice.get());
        model.addAttribute("entries", board.entries(id));
        model.addAttribute("textMax", PublicityService.OBJECTION_MAX_LENGTH);
        model.addAttribute("nameMax", PublicityService.OBJECTOR_NAME_MAX_LENGTH);
        model.addAttribute("contactMax", PublicityService.OBJECTOR_CONTACT_MAX_LENGTH);
        return true;
    }

    private static java.util.Optional<Integer> number(String s) {
        try {
            return s == null ? java.util.Optional.empty() : java.util.Optional.of(Integer.parseInt(s.trim()));
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }

    /** The limits of the objection form, from {@code title.portal.objections.*}. */
    @Configuration
    static class Limits {
        @Bean
        ClientRateLimiter objectionLimiter(Clock clock,
                                           @Value("${title.portal.objections.max-per-client:5}") int max,
                                           @Value("${title.portal.objections.window:10m}") Duration window) {
            return new ClientRateLimiter(max, window, clock, 10_000);
        }

        @Bean
        FilterRegistrationBean<PublicFormBodyLimit> objectionBodyLimit(
                @Value("${title.portal.objections.max-body-bytes:32768}") long maxBytes) {
            FilterRegistrationBean<PublicFormBodyLimit> r = new FilterRegistrationBean<>(new PublicFormBodyLimit(maxBytes));
            r.addUrlPatterns("/portal/notices/*");
            // ahead of Spring Security (whose CSRF check would read the body)
            r.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
            return r;
        }
    }
}
