package cn.chifeng.title.workbench;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import cn.chifeng.title.common.ApiException;
import cn.chifeng.title.security.CurrentUser;

/**
 * 批量审核 ({@code /staff/review}): the reviewer ticks applications of their stages, confirms 内容属实 for the batch
 * and approves them in one action; the result page says for each whether it was approved or why not.
 */
@Controller
class BatchReviewPage {
    static final int MOST_COMMENT = 500;

    private final BatchReview review;
    private final CurrentUser currentUser;

    BatchReviewPage(BatchReview review, CurrentUser currentUser) {
        this.review = review;
        this.currentUser = currentUser;
    }

    @GetMapping("/staff/review")
    String list(Model model) {
        currentUser.requireStaff();
        List<BatchReview.Item> items = review.open(currentUser.id());
        model.addAttribute("items", items);
        model.addAttribute("most", BatchReview.MOST);
        return "staff/review";
    }

    @PostMapping("/staff/review")
    String approve(@RequestParam(name = "task", required = false) List<String> taskIds,
                   @RequestParam(required = false) String attested, @RequestParam(required = false) String comment,
                   Model model) {
        currentUser.requireStaff();
        if (taskIds == null || taskIds.isEmpty()) {
            throw ApiException.invalid("task", "请至少选择一件申报（task）");
        }
        if (taskIds.size() > BatchReview.MOST) {
            throw ApiException.invalid("task", "一次最多批量审核 " + BatchReview.MOST + " 件（task）");
        }
        if (!"true".equals(attested)) {
            throw ApiException.invalid("attested", "批量通过须确认“内容属实”（attested）：本人已逐件审核，对审核意见负责");
        }
        if (comment != null && comment.length() > MOST_COMMENT) {
            throw ApiException.invalid("comment", "审核意见（comment）不能超过 " + MOST_COMMENT + " 字");
        }
        List<BatchReview.Outcome> outcomes = review.approve(currentUser.id(), taskIds, comment);
        model.addAttribute("outcomes", outcomes);
        model.addAttribute("approved", outcomes.stream().filter(BatchReview.Outcome::approved).count());
        model.addAttribute("refused", outcomes.stream().filter(o -> !o.approved()).count());
        return "staff/review-done";
    }
}
