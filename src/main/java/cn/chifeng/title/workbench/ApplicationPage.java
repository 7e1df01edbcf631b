package cn.chifeng.title.workbench;

import java.util.Comparator;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.chifeng.title.application.ApplicationRecord;
import cn.chifeng.title.application.ApplicationService;
import cn.chifeng.title.common.ApiException;
import cn.chifeng.title.correction.CorrectionAnswers;
import cn.chifeng.title.correction.CorrectionNotice;
import cn.chifeng.title.material.MaterialService;
import cn.chifeng.title.material.Materials;
import cn.chifeng.title.printform.PrintForm;
import cn.chifeng.title.printform.PrintForms;
import cn.chifeng.title.process.TitleApplicationProcess;
import cn.chifeng.title.publicity.NoticeBoard;
import cn.chifeng.title.security.CurrentUser;
import cn.chifeng.title.security.RunAs;

/**
 * 申报详情 for reviewers ({@code /staff/applications/{id}}): the dossier as the 评审表 lays it out, the materials with
 * download links (those of the correction marked), the correction notice and its answer, the notices the application
 * is in, and every decision. For those who may read the application (its route's bodies, the city bureau); 404
 * otherwise. {@code /staff/tasks/{taskId}} opens it from a task the caller may see, claimed or not.
 */
@Controller
class ApplicationPage {
    private final ApplicationService applications;
    private final PrintForms forms;
    private final MaterialService materials;
    private final CorrectionAnswers corrections;
    private final NoticeBoard board;
    private final TaskService tasks;
    private final IdentityService identity;
    private final CurrentUser currentUser;
    private final TaskHandling handling;
    private final ApplicationAudit audit;

    ApplicationPage(ApplicationService applications, PrintForms forms, MaterialService materials,
                    CorrectionAnswers corrections, NoticeBoard board, TaskService tasks, IdentityService identity,
                    CurrentUser currentUser, TaskHandling handling, ApplicationAudit audit) {
        this.handling = handling;
        this.audit = audit;
        this.applications = applications;
        this.forms = forms;
        this.materials = materials;
        this.corrections = corrections;
        this.board = board;
        this.tasks = tasks;
        this.identity = identity;
        this.currentUser = currentUser;
    }

    @GetMapping("/staff/applications/{id}")
    String application(@PathVariable String id, Model model) {
        currentUser.requireStaff();
        ApplicationRecord a = applications.read(id);
        CorrectionNotice correction = corrections.noticeOf(id).orElse(null);
        MaterialService.Overview overview = materials.overview(id);
        model.addAttribute("a", a);
        model.addAttribute("form", forms.fill(PrintForm.REVIEW_FORM, id));
        model.addAttribute("checklist", overview.checklist());
        model.addAttribute("missing", overview.missing());
        model.addAttribute("files", overview.materials().stream()
                .sorted(Comparator.comparing(Materials.Material::uploadedAt))
                .map(m -> new File(m, overview.checklist().stream().filter(i -> i.code().equals(m.item()))
                        .map(i -> i.name()).findFirst().orElse(m.item()),
                        correction != null && m.uploadedAt().isAfter(correction.issuedAt())))
                .toList());
        model.addAttribute("correction", correction);
        model.addAttribute("notices", board.appearancesOf(id));
        model.addAttribute("trail", applications.trail(id));
        model.addAttribute("task", handling.of(id).orElse(null));
        return "staff/application";
    }

    /** 审核全过程记录: every action on the application, printable (SUP-2). */
    @GetMapping("/staff/applications/{id}/audit")
    String audit(@PathVariable String id, Model model) {
        currentUser.requireStaff();
        model.addAttribute("a", applications.read(id));
        model.addAttribute("entries", audit.of(id));
        model.addAttribute("printedBy", currentUser.id());
        model.addAttribute("printedAt", java.time.OffsetDateTime.now(java.time.ZoneId.of("Asia/Shanghai")));
        return "staff/audit";
    }

    /** 转办: to a colleague of the task's body. */
    @PostMapping("/staff/applications/{id}/hand-over")
    String handOver(@PathVariable String id, @RequestParam(required = false) String colleague, RedirectAttributes flash) {
        currentUser.requireStaff();
        handling.handOver(id, colleague);
        flash.addFlashAttribute("done", "已转办给 " + colleague);
        return "redirect:/staff/applications/" + id;
    }

    /** 催办: an upper level chases the pending review, with an optional message. */
    @PostMapping("/staff/applications/{id}/urge")
    String urge(@PathVariable String id, @RequestParam(required = false) String message, RedirectAttributes flash) {
        currentUser.requireStaff();
        handling.urge(id, message);
        flash.addFlashAttribute("done", "已催办，并通知了办理机构");
        return "redirect:/staff/applications/" + id;
    }

    /** 撤回: the caller takes back their approval while the next stage has not touched it. */
    @PostMapping("/staff/applications/{id}/recall")
    String recall(@PathVariable String id, @RequestParam(required = false) String reason, RedirectAttributes flash) {
        currentUser.requireStaff();
        handling.recall(id, reason);
        flash.addFlashAttribute("done", "已撤回审核通过，申报回到本环节重新办理");
        return "redirect:/staff/applications/" + id;
    }

    /** An uploaded file and what the page says of it: its checklist item, whether it answers the correction. */
    record File(Materials.Material material, String itemName, boolean forCorrection) {
    }

    @GetMapping("/staff/applications/{id}/materials/{materialId}")
    ResponseEntity<byte[]> download(@PathVariable String id, @PathVariable String materialId) {
        currentUser.requireStaff();
        long mid;
        try {
            mid = Long.parseLong(materialId);
        } catch (NumberFormatException e) {
            throw ApiException.invalid("materialId", "材料编号（materialId）无效：" + materialId);
        }
        MaterialService.Download d = materials.download(id, mid);
        Materials.Material m = d.material();
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(m.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(m.fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(d.content());
    }

    /** From a task the caller may see (Tasklist's own rules), to its application's page. */
    @GetMapping("/staff/tasks/{taskId}")
    String task(@PathVariable String taskId) {
        currentUser.requireStaff();
        Task t = RunAs.user(identity, currentUser.id(), () -> tasks.createTaskQuery().taskId(taskId).singleResult());
        if (t == null) {
            throw ApiException.notFound("任务不存在或无权查看");
        }
        Object applicationId = RunAs.system(identity, () -> tasks.getVariable(taskId,
                TitleApplicationProcess.Vars.APPLICATION_ID));
        if (applicationId == null) {
            throw ApiException.notFound("该任务没有申报详情（个人信息核实、单位注册等任务的内容见任务表单）");
        }
        return "redirect:/staff/applications/" + applicationId;
    }
}
