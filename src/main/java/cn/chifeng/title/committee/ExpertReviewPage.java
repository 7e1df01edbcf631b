package cn.chifeng.title.committee;

import static org.springframework.web.util.HtmlUtils.htmlEscape;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.chifeng.title.common.ApiException;
import cn.chifeng.title.security.CurrentUser;

/**
 * The expert's staff page of a session (EVA-5, EVA-7), linked from the 在线评审 task: the applications under their
 * pseudonyms with the anonymised copies, one opinion each, and — while the meeting votes — one anonymous vote each.
 * Opinions and votes are posted here (CSRF-protected forms), never through a task.
 */
@RestController
class ExpertReviewPage {
    private final BlindReview blind;
    private final SessionVote vote;
    private final Sessions sessions;
    private final CurrentUser currentUser;

    ExpertReviewPage(BlindReview blind, SessionVote vote, Sessions sessions, CurrentUser currentUser) {
        this.blind = blind;
        this.vote = vote;
        this.sessions = sessions;
        this.currentUser = currentUser;
    }

    @GetMapping(value = "/staff/sessions/{id}/review", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> page(@PathVariable("id") String id, @RequestParam(name = "done", required = false) String done,
                                HttpServletRequest request) {
        return render(id, request, HttpStatus.OK, "saved".equals(done) ? "已保存评审意见。"
                : "voted".equals(done) ? "已记录您的表决（无记名）。" : null, null);
    }

    @PostMapping(value = "/staff/sessions/{id}/opinions", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> opinion(@PathVariable("id") String id, @RequestParam(name = "pseudonym", required = false) String pseudonym,
                                   @RequestParam(name = "opinion", required = false) String opinion,
                                   HttpServletRequest request) {
        try {
            blind.putOpinion(id, pseudonym, opinion, currentUser.id());
        } catch (ApiException e) {
            return render(id, request, e.status(), null, StaffHtml.message(e));
        }
        return seeOther(id, "saved");
    }

    @PostMapping(value = "/staff/sessions/{id}/ballots", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> ballot(@PathVariable("id") String id, @RequestParam(name = "pseudonym", required = false) String pseudonym,
                                  @RequestParam(name = "choice", required = false) String choice,
                                  HttpServletRequest request) {
        try {
            vote.cast(id, pseudonym, choice, currentUser.id());
        } catch (ApiException e) {
            return render(id, request, e.status(), null, StaffHtml.message(e));
        }
        return seeOther(id, "voted");
    }

    private static ResponseEntity<String> seeOther(String id, String done) {
        return ResponseEntity.status(HttpStatus.SEE_OTHER)
                .header("Location", "/staff/sessions/" + id + "/review?done=" + done).build();
    }

    private ResponseEntity<String> render(String id, HttpServletRequest request, HttpStatus status, String notice,
                                          String error) {
        List<Map<String, Object>> rows;
        try {
            rows = blind.listFor(id, currentUser.id());
        } catch (ApiException e) {
            return page(e.status(), "评审会议", "<p class=error>" + htmlEscape(e.getMessage()) + "</p>");
        }
        Sessions.Session s = sessions.find(id).orElseThrow();
        String hidden = StaffHtml.csrfField(request);
        boolean voting = s.status() == SessionStatus.VOTING;
        boolean opinionsOpen = s.status().ordinal() < SessionStatus.CLOSED.ordinal();
        StringBuilder b = new StringBuilder();
        b.append("<p>评审会议 ").append(htmlEscape(s.meetingDate().toString())).append("，").append(htmlEscape(
                s.place())).append("。申报人以评审代号显示；与您同一单位的申报已回避，不显示。")
                .append(voting ? "<strong>表决进行中：</strong>每份申报只能投一次，投出后不能更改，不得委托他人。"
                        : "表决在评审会议开始后进行。").append("</p>");
        if (notice != null) {
            b.append("<p class=notice>").append(htmlEscape(notice)).append("</p>");
        }
        if (error != null) {
            b.append("<p class=error>").append(htmlEscape(error)).append("</p>");
        }
        if (rows.isEmpty()) {
            b.append("<p>没有需要您评审的申报。</p>");
        }
        for (Map<String, Object> r : rows) {
            String p = htmlEscape(String.valueOf(r.get("pseudonym")));
            b.append("<section><h2>").append(p).append("</h2><dl>");
            fact(b, "系列", r.get("series"));
            fact(b, "申报层级", r.get("targetLevel"));
            fact(b, "专业", r.get("specialty"));
            fact(b, "现有职称", r.get("currentLevel"));
            fact(b, "取得现职称年份", r.get("currentTitleYear"));
            fact(b, "学历", r.get("education"));
            fact(b, "参加工作年份", r.get("workStartYear"));
            fact(b, "线上盲审", Boolean.TRUE.equals(r.get("blindReview")) ? "是" : "否");
            b.append("</dl>");
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> copies = (List<Map<String, Object>>) r.get("materials");
            b.append("<p>匿名材料：");
            if (copies.isEmpty()) {
                b.append("暂无（办事机构审核后显示）");
            }
            for (Map<String, Object> c : copies) {
                b.append("<a href=\"").append(htmlEscape(String.valueOf(c.get("download")))).append("\">")
                        .append(htmlEscape(String.valueOf(c.get("item")))).append("</a> ");
            }
            b.append("</p>");
            if (opinionsOpen) {
                b.append("<form method=post action=\"/staff/sessions/").append(htmlEscape(id)).append("/opinions\">")
                        .append(hidden).append("<input type=hidden name=pseudonym value=\"").append(p).append("\">")
                        .append("<label>评审意见<br><textarea name=opinion maxlength=2000 rows=3 required>")
                        .append(r.get("myOpinion") == null ? "" : htmlEscape(String.valueOf(r.get("myOpinion"))))
                        .append("</textarea></label><br><button>保存评审意见</button></form>");
            } else if (r.get("myOpinion") != null) {
                b.append("<p>您的评审意见：").append(htmlEscape(String.valueOf(r.get("myOpinion")))).append("</p>");
            }
            if (Boolean.TRUE.equals(r.get("voted"))) {
                b.append("<p class=notice>已投票</p>");
            } else if (voting) {
                b.append("<form method=post action=\"/staff/sessions/").append(htmlEscape(id)).append("/ballots\">")
                        .append(hidden).append("<input type=hidden name=pseudonym value=\"").append(p).append("\">")
                        .append("<fieldset><legend>表决</legend>")
                        .append("<label><input type=radio name=choice value=FOR required> 同意</label> ")
                        .append("<label><input type=radio name=choice value=AGAINST> 不同意</label> ")
                        .append("<label><input type=radio name=choice value=ABSTAIN> 弃权</label> ")
                        .append("<button>投票</button></fieldset></form>");
            }
            b.append("</section>");
        }
        return page(status, "在线评审与表决", b.toString());
    }

    private static void fact(StringBuilder b, String label, Object value) {
        b.append("<dt>").append(label).append("</dt><dd>").append(value == null ? "—" : htmlEscape(String.valueOf(value)))
                .append("</dd>");
    }

    private static ResponseEntity<String> page(HttpStatus status, String title, String body) {
        return StaffHtml.page(status, title, body, "body{max-width:860px}section{border:1px solid #ddd;"
                + "border-radius:6px;padding:.5em 1em;margin:1em 0}dl{display:grid;grid-template-columns:9em 1fr;"
                + "gap:.2em}dt{color:#666}.notice{color:#1a7f37}textarea{width:100%}");
    }
}
