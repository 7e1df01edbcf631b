package cn.chifeng.title.material;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import cn.chifeng.title.application.ApplicationRecord;
import cn.chifeng.title.application.ApplicationService;
import cn.chifeng.title.application.ApplicationStatus;
import cn.chifeng.title.common.ApiException;
import cn.chifeng.title.common.Zones;
import cn.chifeng.title.correction.CorrectionNotices;
import cn.chifeng.title.season.Season;
import cn.chifeng.title.season.SeasonService;
import cn.chifeng.title.security.CurrentUser;

/**
 * Materials of an application: upload (PDF, JPG, PNG, checked by content; SHA-256 recorded), list with the checklist,
 * download for the applicant and the reviewers of its route. After the application close nothing can be added
 * except to answer a return (until the review close) or a correction notice (until its deadline) — SEA-7.
 */
@RestController
class MaterialController {
    private final ApplicationService applications;
    private final Materials materials;
    private final MaterialChecklist checklist;
    private final SeasonService seasons;
    private final CorrectionNotices corrections;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final long maxBytes;
    private final org.camunda.bpm.engine.RuntimeService runtime;
    private final org.camunda.bpm.engine.IdentityService identity;

    MaterialController(ApplicationService applications, Materials materials, MaterialChecklist checklist,
                       SeasonService seasons, CorrectionNotices corrections, CurrentUser currentUser, Clock clock,
                       @Value("${title.materials.max-bytes}") long maxBytes,
                       org.camunda.bpm.engine.RuntimeService runtime, org.camunda.bpm.engine.IdentityService identity) {
        this.runtime = runtime;
        this.identity = identity;
        this.applications = applications;
        this.materials = materials;
        this.checklist = checklist;
        this.seasons = seasons;
        this.corrections = corrections;
        this.currentUser = currentUser;
        this.clock = clock;
        this.maxBytes = maxBytes;
    }

    @PostMapping(value = "/api/applications/{id}/materials", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Materials.Material> upload(@PathVariable String id, @RequestParam(required = false) String item,
                                              @RequestParam(required = false) MultipartFile file,
                                              @RequestParam(required = false) Boolean anonymised) throws IOException {
        ApplicationRecord a = applications.ownApplication(id);
        Set<String> codes = checklist.items(a.series(), a.targetLevel()).stream().map(MaterialChecklist.Item::code)
                .collect(Collectors.toSet());
        if (item == null || !codes.contains(item)) {
            throw ApiException.invalid("item", "材料项目无效，须为材料目录单中的项目：" + String.join("、", codes));
        }
        boolean copy = Boolean.TRUE.equals(anonymised);
        Set<String> blindCodes = checklist.items(a.series(), a.targetLevel()).stream()
                .filter(MaterialChecklist.Item::forBlindReview).map(MaterialChecklist.Item::code)
                .collect(Collectors.toSet());
        if (copy && !blindCodes.contains(item)) {
            throw ApiException.invalid("anonymised", "只有盲审材料（" + String.join("、", blindCodes) + "）需要上传匿名件");
        }
        if (file == null || file.isEmpty()) {
            throw ApiException.invalid("file", "请选择要上传的文件");
        }
        fileName(file.getOriginalFilename(), item);
        if (file.getSize() > maxBytes) {
            throw ApiException.invalid("file", "文件不能超过 " + maxBytes / 1024 / 1024 + " MB");
        }
        byte[] content = file.getBytes();
        String type = typeOf(content);
        if (type == null) {
            throw ApiException.invalid("file", "只接受 PDF、JPG、PNG 文件");
        }
        if (copy && !MediaType.APPLICATION_PDF_VALUE.equals(type)) {
            throw ApiException.invalid("file", "匿名件须为 PDF（系统去除文件属性中的作者等信息）");
        }
        if (copy) {
            content = PdfAnonymiser.strip(content);
        }
        requireOpen(a);
        OffsetDateTime now = Zones.now(clock);
        String sha256 = sha256(content);
        // the copy's own name could carry the person's: it is stored under the item's code alone
        String name = copy ? item + "-匿名件.pdf" : fileName(file.getOriginalFilename(), item);
        long materialId = materials.insert(id, item, name, type, content, sha256, currentUser.id(), now, copy);
        return ResponseEntity.status(HttpStatus.CREATED).body(new Materials.Material(materialId, item, name, type,
                content.length, sha256, currentUser.id(), now));
    }

    @GetMapping("/api/applications/{id}/materials")
    Map<String, Object> list(@PathVariable String id) {
        ApplicationRecord a = applications.read(id);
        List<Materials.Material> uploaded = materials.of(id);
        Set<String> present = uploaded.stream().map(Materials.Material::item).collect(Collectors.toSet());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("checklist", checklist.items(a.series(), a.targetLevel()));
        body.put("missing", checklist.items(a.series(), a.targetLevel()).stream()
                .filter(i -> !present.contains(i.code())).map(MaterialChecklist.Item::code).toList());
        body.put("materials", uploaded);
        return body;
    }

    @GetMapping("/api/applications/{id}/materials/{materialId}")
    ResponseEntity<byte[]> download(@PathVariable String id, @PathVariable long materialId) {
        applications.read(id);
        Materials.Material m = materials.of(id).stream().filter(x -> x.id() == materialId).findFirst()
                .orElseThrow(() -> ApiException.notFound("材料不存在"));
        byte[] content = materials.content(id, materialId).orElseThrow();
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(m.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(m.fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .header("X-Content-SHA256", m.sha256()).body(content);
    }

    /**
     * The committee office checks an anonymised copy (EVA-5): {@code ok} false needs a note (what still identifies
     * the person); only copies checked ok reach the experts.
     */
    @org.springframework.web.bind.annotation.PostMapping("/api/applications/{id}/materials/{materialId}/anonymity-check")
    Map<String, Object> checkCopy(@PathVariable String id, @PathVariable long materialId,
                                  @org.springframework.web.bind.annotation.RequestBody(required = false)
                                  Map<String, Object> body) {
        ApplicationRecord a = applications.read(id);
        Object committee = cn.chifeng.title.security.RunAs.system(identity, () -> runtime.getVariable(
                a.processInstanceId(), cn.chifeng.title.process.TitleApplicationProcess.Vars.COMMITTEE_GROUP));
        if (!currentUser.isAdmin() && (committee == null || !currentUser.inGroup(committee.toString()))) {
            throw ApiException.forbidden("只有该申报的评委会办事机构可以审核匿名件");
        }
        if (body == null || !(body.get("ok") instanceof Boolean ok)) {
            throw ApiException.invalid("ok", "请给出审核结论 ok：true（可供专家评审）或 false（仍有可识别信息）");
        }
        String note = cn.chifeng.title.common.Texts.optional("note", (String) body.get("note"), "审核意见", 2000);
        if (!ok && note == null) {
            throw ApiException.invalid("note", "匿名件不合格时须写明仍可识别申报人的内容");
        }
        if (!materials.check(id, materialId, ok, note, currentUser.id(), Zones.now(clock))) {
            throw ApiException.notFound("匿名件不存在");
        }
        return Map.of("id", materialId, "ok", ok);
    }

    /** The name to keep: the last path segment, at most 200 characters, no control characters. */
    static String fileName(String original, String item) {
        if (original == null || original.isBlank()) {
            return item;
        }
        String name = original.substring(Math.max(original.lastIndexOf('/'), original.lastIndexOf('\\')) + 1);
        String problem = cn.chifeng.title.common.Texts.problem(name, "文件名", 200, true);
        if (problem != null) {
            throw ApiException.invalid("file", problem);
        }
        return name.trim();
    }

    /** SEA-7: after the application close only answers to a return or to the correction notice. */
    private void requireOpen(ApplicationRecord a) {
        LocalDate today = seasons.today();
        Season season = seasons.find(a.season()).orElseThrow().forSeries(a.series());
        boolean open = !today.isAfter(season.applicationClose())
                || a.status() == ApplicationStatus.RETURNED && !today.isAfter(season.reviewClose())
                || a.status() == ApplicationStatus.CORRECTION_REQUESTED && corrections.of(a.id())
                        .map(n -> !today.isAfter(n.deadline())).orElse(false);
        if (!open) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "MATERIALS_CLOSED",
                    "个人申报已于 " + season.applicationClose() + " 截止，之后只能在退回修改（审核截止前）或一次性补正告知的时限内补充材料");
        }
    }

    /** The type by the file's content, not its name: %PDF, JPEG SOI, PNG signature. */
    static String typeOf(byte[] c) {
        if (c.length >= 5 && c[0] == '%' && c[1] == 'P' && c[2] == 'D' && c[3] == 'F' && c[4] == '-') {
            return MediaType.APPLICATION_PDF_VALUE;
        }
        if (c.length >= 3 && (c[0] & 0xFF) == 0xFF && (c[1] & 0xFF) == 0xD8 && (c[2] & 0xFF) == 0xFF) {
            return MediaType.IMAGE_JPEG_VALUE;
        }
        if (c.length >= 8 && (c[0] & 0xFF) == 0x89 && c[1] == 'P' && c[2] == 'N' && c[3] == 'G') {
            return MediaType.IMAGE_PNG_VALUE;
        }
        return null;
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
