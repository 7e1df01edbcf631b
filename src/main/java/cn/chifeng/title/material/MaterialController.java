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

/** Materials over the API: {@code /api/applications/{id}/materials}; the rules are {@link MaterialService}'s. */
@RestController
class MaterialController {
    private final ApplicationService applications;
    private final MaterialService service;
    private final Materials materials;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final org.camunda.bpm.engine.RuntimeService runtime;
    private final org.camunda.bpm.engine.IdentityService identity;

    MaterialController(ApplicationService applications, MaterialService service, Materials materials,
                       CurrentUser currentUser, Clock clock, org.camunda.bpm.engine.RuntimeService runtime,
                       org.camunda.bpm.engine.IdentityService identity) {
        this.applications = applications;
        this.service = service;
        this.materials = materials;
        this.currentUser = currentUser;
        this.clock = clock;
        this.runtime = runtime;
        this.identity = identity;
    }

    @PostMapping(value = "/api/applications/{id}/materials", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Materials.Material> upload(@PathVariable String id, @RequestParam(required = false) String item,
                                              @RequestParam(required = false) MultipartFile file,
                                              @RequestParam(required = false) Boolean anonymised) throws IOException {
        if (file != null && file.getSize() > service.maxBytes()) {
            throw ApiException.invalid("file", "文件不能超过 " + service.maxBytes() / 1024 / 1024 + " MB");
        }
        Materials.Material m = service.upload(id, item, file == null ? null : file.getOriginalFilename(),
                file == null ? null : file.getBytes(), Boolean.TRUE.equals(anonymised));
        return ResponseEntity.status(HttpStatus.CREATED).body(m);
    }

    @GetMapping("/api/applications/{id}/materials")
    Map<String, Object> list(@PathVariable String id) {
        MaterialService.Overview o = service.overview(id);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("checklist", o.checklist());
        body.put("missing", o.missing().stream().map(MaterialChecklist.Item::code).toList());
        body.put("missingRequired", o.missingRequired().stream().map(MaterialChecklist.Item::code).toList());
        body.put("materials", o.materials());
        return body;
    }

    @GetMapping("/api/applications/{id}/materials/{materialId}")
    ResponseEntity<byte[]> download(@PathVariable String id, @PathVariable long materialId) {
        MaterialService.Download d = service.download(id, materialId);
        Materials.Material m = d.material();
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(m.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(m.fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .header("X-Content-SHA256", m.sha256()).body(d.content());
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
}
