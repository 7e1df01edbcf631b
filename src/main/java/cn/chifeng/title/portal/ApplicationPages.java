package cn.chifeng.title.portal;

import java.io.IOException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.chifeng.title.account.Accounts;
import cn.chifeng.title.application.ApplicationRecord;
import cn.chifeng.title.application.ApplicationService;
import cn.chifeng.title.application.ApplicationStatus;
import cn.chifeng.title.application.Dossier;
import cn.chifeng.title.code.Education;
import cn.chifeng.title.code.EvaluationType;
import cn.chifeng.title.code.Level;
import cn.chifeng.title.code.Series;
import cn.chifeng.title.code.ServicePlace;
import cn.chifeng.title.process.Stage;
import cn.chifeng.title.code.TalentProgram;
import cn.chifeng.title.common.ApiException;
import cn.chifeng.title.correction.CorrectionAnswers;
import cn.chifeng.title.eligibility.EligibilityService;
import cn.chifeng.title.eligibility.Verdict;
import cn.chifeng.title.material.MaterialService;
import cn.chifeng.title.notification.NotificationOutbox;
import cn.chifeng.title.organisation.OrganisationDirectory;
import cn.chifeng.title.season.Season;
import cn.chifeng.title.season.SeasonService;
import cn.chifeng.title.publicity.NoticeBoard;
import cn.chifeng.title.security.CurrentUser;

/**
 * The applicant's pages of an application: the form (a draft first), its materials, the eligibility what-if, the
 * submission, the timeline, a returned application's correction and resubmission, the correction notice's answer and
 * the withdrawal. Every action is a call of the same services as {@code /api/applications}.
 */
@Controller
class ApplicationPages {
    private final ApplicationService applications;
    private final MaterialService materials;
    private final EligibilityService eligibility;
    private final CorrectionAnswers corrections;
    private final SeasonService seasons;
    private final OrganisationDirectory directory;
    private final Accounts accounts;
    private final NotificationOutbox outbox;
    private final CurrentUser currentUser;
    private final cn.chifeng.title.printform.PrintForms printForms;
    private final NoticeBoard board;

    ApplicationPages(ApplicationService applications, MaterialService materials, EligibilityService eligibility,
                     CorrectionAnswers corrections, SeasonService seasons, OrganisationDirectory directory,
                     Accounts accounts, NotificationOutbox outbox, CurrentUser currentUser,
                     cn.chifeng.title.printform.PrintForms printForms, NoticeBoard board) {
        this.printForms = printForms;
        this.board = board;
        this.applications = applications;
        this.materials = materials;
        this.eligibility = eligibility;
        this.corrections = corrections;
        this.seasons = seasons;
        this.directory = directory;
        this.accounts = accounts;
        this.outbox = outbox;
        this.currentUser = currentUser;
    }

    @GetMapping("/portal/apply")
    String newForm(Model model) {
        Season season = currentSeason();
        Map<String, String> form = new LinkedHashMap<>();
        accounts.find(currentUser.id()).ifPresent(a -> {
            form.put("name", a.name());
            form.put("idNumber", a.idNumber());
            form.put("phone", a.phone());
            form.put("email", a.email());
        });
        form.put("continuingEducationDone", "true");
        form.put("assessmentPassed", "true");
        return form(model, season, form, null);
    }

    @PostMapping("/portal/apply")
    String createDraft(@RequestParam Map<String, String> form, Model model) {
        Season season = currentSeason();
        try {
            ApplicationRecord a = applications.saveDraft(null, DossierForm.read(form, season.year(), person(), directory));
            return "redirect:/portal/applications/" + a.id() + "?saved";
        } catch (ApiException e) {
            showErrors(model, e);
            return form(model, season, form, null);
        }
    }

    @GetMapping("/portal/applications/{id}/edit")
    String editForm(@PathVariable String id, Model model) {
        ApplicationRecord a = applications.ownApplication(id);
        requireEditable(a);
        return form(model, seasons.find(a.season()).orElseThrow(), DossierForm.fields(applications.dossierOf(id)), a);
    }

    /** A draft's dossier is saved; a returned one's is saved and resubmitted in one step (REV-8). */
    @PostMapping("/portal/applications/{id}/edit")
    String edit(@PathVariable String id, @RequestParam Map<String, String> form, Model model,
                RedirectAttributes flash) {
        ApplicationRecord a = applications.ownApplication(id);
        requireEditable(a);
        Season season = seasons.find(a.season()).orElseThrow();
        if (a.status() == ApplicationStatus.RETURNED) {
            form = keptRouteFields(id, form);
        }
        try {
            if (a.status() == ApplicationStatus.DRAFT) {
                applications.saveDraft(id, DossierForm.read(form, season.year(), person(), directory));
                flash.addFlashAttribute("done", "草稿已保存。请核对资格预审结果并上传必需材料后提交。");
            } else {
                applications.resubmit(id, DossierForm.read(form, season.year(), person(), directory));
                flash.addFlashAttribute("done", "已修改并重新提交，申报回到退回它的审核环节。");
            }
            return "redirect:/portal/applications/" + id;
        } catch (ApiException e) {
            showErrors(model, e);
            return form(model, season, form, a);
        }
    }

    /** What decides the route, the committee and APP-2 stays as submitted: the form cannot change it (REV-8). */
    private Map<String, String> keptRouteFields(String id, Map<String, String> form) {
        Map<String, String> kept = new LinkedHashMap<>(form);
        Map<String, String> stored = DossierForm.fields(applications.dossierOf(id));
        for (String f : List.of("series", "targetLevel", "employer", "county", "competentDepartment",
                "evaluationType", "talentProgram", "greenChannelUsed")) {
            kept.remove(f);
            if (stored.containsKey(f)) {
                kept.put(f, stored.get(f));
            }
        }
        return kept;
    }

    @GetMapping("/portal/applications/{id}")
    String detail(@PathVariable String id, Model model) {
        ApplicationRecord a = applications.read(id);
        if (!currentUser.isAdmin() && !a.applicantUserId().equals(currentUser.id())) {
            throw ApiException.notFound("申报 " + id + " 不存在或无权查看");
        }
        model.addAttribute("a", a);
        model.addAttribute("seriesLabel", Series.valueOf(a.series()).label());
        model.addAttribute("levelLabel", Level.valueOf(a.targetLevel()).label());
        model.addAttribute("currentStage", a.currentStage() == null ? null : Stage.valueOf(a.currentStage()).label());
        model.addAttribute("route", a.route().stream().map(s -> new RouteStep(s, Stage.valueOf(s).label(),
                stepState(a, s))).toList());
        model.addAttribute("trail", applications.trail(id));
        Season season = seasons.find(a.season()).orElseThrow().forSeries(a.series());
        model.addAttribute("season", season);
        model.addAttribute("today", seasons.today());
        MaterialService.Overview overview = materials.overview(id);
        model.addAttribute("materials", overview);
        model.addAttribute("maxBytes", materials.maxBytes());
        model.addAttribute("maxMegabytes", materials.maxBytes() / 1024 / 1024);
        boolean canUpload = a.status() == ApplicationStatus.DRAFT || a.status() == ApplicationStatus.RETURNED
                || a.status() == ApplicationStatus.CORRECTION_REQUESTED
                || a.status() == ApplicationStatus.IN_REVIEW && !seasons.today().isAfter(season.applicationClose());
        model.addAttribute("canUpload", canUpload);
        model.addAttribute("editable", a.status() == ApplicationStatus.DRAFT || a.status() == ApplicationStatus.RETURNED);
        model.addAttribute("withdrawable", !a.status().isFinal());
        model.addAttribute("afterClose", seasons.today().isAfter(season.applicationClose()));
        if (a.status() == ApplicationStatus.DRAFT) {
            Dossier d = applications.dossierOf(id);
            Verdict v = eligibility.check(eligibility.facts(d, seasons.find(a.season()).orElseThrow(), seasons.today()));
            model.addAttribute("verdict", v);
        }
        model.addAttribute("correction", corrections.noticeOf(id).orElse(null));
        model.addAttribute("notices", board.appearancesOf(id));
        model.addAttribute("messages", outbox.ofApplication(id).stream()
                .filter(n -> a.applicantUserId().equals(n.recipientUser()))
                .sorted(Comparator.comparing(cn.chifeng.title.notification.Notification::createdAt).reversed())
                .toList());
        return "portal/application";
    }

    /** A stage of the route: done, the current one, or still to come. */
    record RouteStep(String code, String name, String state) {
    }

    private static String stepState(ApplicationRecord a, String stage) {
        int at = a.currentStage() == null ? -1 : a.route().indexOf(a.currentStage());
        int i = a.route().indexOf(stage);
        if (at < 0) {
            return a.status() == ApplicationStatus.IN_EVALUATION || a.status() == ApplicationStatus.IN_PUBLICITY
                    || a.status() == ApplicationStatus.PASSED ? "done" : "";
        }
        return i < at ? "done" : i == at ? "current" : "";
    }

    @PostMapping("/portal/applications/{id}/materials")
    String upload(@PathVariable String id, @RequestParam(required = false) String item,
                  @RequestParam(required = false) MultipartFile file,
                  @RequestParam(required = false) Boolean anonymised, Model model, RedirectAttributes flash)
            throws IOException {
        try {
            if (file != null && file.getSize() > materials.maxBytes()) {
                throw ApiException.invalid("file", "文件不能超过 " + materials.maxBytes() / 1024 / 1024 + " MB");
            }
            var m = materials.upload(id, item, file == null ? null : file.getOriginalFilename(),
                    file == null ? null : file.getBytes(), Boolean.TRUE.equals(anonymised));
            flash.addFlashAttribute("done", "已上传：" + m.fileName() + "（" + Sizes.of(m.size()) + "）");
            return "redirect:/portal/applications/" + id + "#materials";
        } catch (ApiException e) {
            showErrors(model, e);
            model.addAttribute("uploadItem", item);
            return detail(id, model);
        }
    }

    @GetMapping("/portal/applications/{id}/materials/{materialId}")
    ResponseEntity<byte[]> download(@PathVariable String id, @PathVariable long materialId) {
        applications.ownApplication(id);
        MaterialService.Download d = materials.download(id, materialId);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(d.material().contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(d.material().fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .body(d.content());
    }

    /** The printable 评审表 and 送审表 (APP-4), after submission, for the applicant. */
    @GetMapping("/portal/applications/{id}/forms/{form}.pdf")
    ResponseEntity<byte[]> printForm(@PathVariable String id, @PathVariable String form) {
        ApplicationRecord a = applications.ownApplication(id);
        if (a.status() == ApplicationStatus.DRAFT) {
            throw ApiException.conflict("NOT_SUBMITTED", "提交申报后才能下载评审表和送审表");
        }
        cn.chifeng.title.printform.PrintForm which = java.util.Arrays.stream(cn.chifeng.title.printform.PrintForm.values())
                .filter(f -> (f.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')).equals(form)).findFirst()
                .orElseThrow(() -> ApiException.notFound("没有这种表格"));
        cn.chifeng.title.printform.PrintForms.Printed printed = printForms.print(which, id);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        cn.chifeng.title.common.Attachments.attachment(printed.fileName(), printed.asciiFileName()))
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store").body(printed.content());
    }

    @PostMapping("/portal/applications/{id}/submit")
    String submit(@PathVariable String id, Model model, RedirectAttributes flash) {
        try {
            applications.submitDraft(id);
            flash.addFlashAttribute("done", "申报已提交，进入审核。审核进度和通知见本页。");
            return "redirect:/portal/applications/" + id;
        } catch (ApiException e) {
            showErrors(model, e);
            return detail(id, model);
        }
    }

    @PostMapping("/portal/applications/{id}/withdraw")
    String withdraw(@PathVariable String id, Model model, RedirectAttributes flash) {
        try {
            applications.withdraw(id);
            flash.addFlashAttribute("done", "申报已撤回。");
            return "redirect:/portal/applications/" + id;
        } catch (ApiException e) {
            showErrors(model, e);
            return detail(id, model);
        }
    }

    @PostMapping("/portal/applications/{id}/correction")
    String answerCorrection(@PathVariable String id, @RequestParam(required = false) String answer, Model model,
                            RedirectAttributes flash) {
        try {
            corrections.answer(id, answer);
            flash.addFlashAttribute("done", "补正材料已提交，由发出告知的机构重新审核。");
            return "redirect:/portal/applications/" + id;
        } catch (ApiException e) {
            showErrors(model, e);
            model.addAttribute("answer", answer);
            return detail(id, model);
        }
    }

    private String form(Model model, Season season, Map<String, String> form, ApplicationRecord a) {
        model.addAttribute("form", form);
        model.addAttribute("season", season);
        model.addAttribute("a", a);
        model.addAttribute("returned", a != null && a.status() == ApplicationStatus.RETURNED);
        model.addAttribute("hasAccount", accounts.find(currentUser.id()).isPresent());
        model.addAttribute("seriesOptions", Series.values());
        model.addAttribute("levelOptions", Level.values());
        model.addAttribute("educationOptions", Education.values());
        model.addAttribute("evaluationOptions", EvaluationType.values());
        model.addAttribute("talentOptions", TalentProgram.values());
        model.addAttribute("placeOptions", ServicePlace.values());
        model.addAttribute("employers", directory.employers().stream()
                .sorted(Comparator.comparing(OrganisationDirectory.Employer::county)
                        .thenComparing(OrganisationDirectory.Employer::name)).toList());
        model.addAttribute("counties", directory.counties());
        model.addAttribute("departments", directory.bodies().stream()
                .filter(b -> b.kind() == OrganisationDirectory.BodyKind.COMPETENT_DEPT
                        || b.kind() == OrganisationDirectory.BodyKind.TALENT_CENTRE).toList());
        model.addAttribute("serviceRows", java.util.stream.IntStream.range(0, DossierForm.SERVICE_ROWS).boxed().toList());
        return "portal/apply";
    }

    private void showErrors(Model model, ApiException e) {
        FormErrors.show(model, e);
        @SuppressWarnings("unchecked")
        Map<String, String> api = (Map<String, String>) model.getAttribute("errors");
        Map<String, String> fields = new LinkedHashMap<>();
        api.forEach((k, v) -> fields.merge(DossierForm.formField(k), v, (x, y) -> x + "；" + y));
        model.addAttribute("errors", fields);
    }

    private DossierForm.Person person() {
        return accounts.find(currentUser.id())
                .map(a -> new DossierForm.Person(a.name(), a.idNumber(), null, null))
                .orElse(new DossierForm.Person(null, null, null, null));
    }

    private Season currentSeason() {
        return seasons.current().orElseThrow(() -> new ApiException(org.springframework.http.HttpStatus.UNPROCESSABLE_ENTITY,
                "NO_SEASON", "本年度职称申报尚未开始"));
    }

    private static void requireEditable(ApplicationRecord a) {
        if (a.status() != ApplicationStatus.DRAFT && a.status() != ApplicationStatus.RETURNED) {
            throw ApiException.conflict("NOT_EDITABLE", "只有草稿和退回修改的申报可以修改（当前状态：" + a.status().label() + "）");
        }
    }
}
